import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Devices (issue 5): the organisation tree on the left, the devices with their state in the middle
// (with ONVIF discovery above them while it is open), the editor and details of the selected (or
// new) device on the right. workstation.devices (app/device_list_model.h) does the work and the
// wording; this page lays it out.
Item {
    id: page

    readonly property var devices: workstation.devices
    property string selectedId: ""
    property var form: devices.editorFor("")
    property var details: ({})
    readonly property bool isNew: form.isNew === true
    property bool discoveryOpen: false
    property string selectedGroup: ""
    readonly property var columns: [
        { title: "", width: Theme.dot },
        { title: qsTr("Name"), width: Math.round(Theme.unit * 10) },
        { title: qsTr("State"), width: Math.round(Theme.unit * 8) },
        { title: qsTr("Address"), width: Math.round(Theme.unit * 15) },
        { title: qsTr("Model"), width: Math.round(Theme.unit * 9) },
        { title: qsTr("Main stream"), width: 0 }
    ]

    function edit(id) {
        selectedId = id
        form = devices.editorFor(id)
        details = devices.detailsFor(id)
        devices.clearError()
        devices.cancelTest()
        password.text = ""
        driver.currentId = form.driver
    }
    function currentForm() {
        return {
            id: form.id, driver: driver.currentId, name: name.text, address: address.text,
            subAddress: subAddress.text, userName: userName.text, password: password.text,
            groupId: group.currentId, enabled: enabled.checked
        }
    }
    function save() {
        devices.save(currentForm())
    }
    function startNew() {
        edit("")
        address.input.forceActiveFocus()
    }
    function addNextFound() {
        const found = devices.discovered
        for (let i = 0; i < found.length; ++i) {
            if (!found[i].added) {
                devices.addDiscovered(found[i].index, "", discoveryUser.text, discoveryPassword.text, selectedGroup)
                return
            }
        }
    }
    // The motion panel of a channel of the selected device (the first one from the keyboard).
    function openMotion(channelId, channelName, hasSub) {
        motionDialog.channelId = channelId
        motionDialog.stream = hasSub ? "sub" : "main"
        motionDialog.channelName = page.form.name + (channelName.length > 0 && channelName !== page.form.name ? " · " + channelName : "")
        motionDialog.open()
    }
    function openFirstMotion() {
        const channels = page.details.channels || []
        if (!page.isNew && channels.length > 0)
            openMotion(channels[0].id, channels[0].name, channels[0].hasSub)
    }
    function openDiscovery() {
        discoveryOpen = true
        probe.input.forceActiveFocus()
    }

    component DetailLabel: Text {
        font.pixelSize: Theme.fontBody
        color: Theme.textMuted
    }
    component DetailValue: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }

    // Where the rows and the channels' motion buttons are, in window coordinates, for the UI test
    // that opens the motion panel with the mouse (tests/ui/tst_ui_motion.sh).
    function logGeometry() {
        const parts = []
        const at = (name, item) => {
            const p = item.mapToItem(null, item.width / 2, item.height / 2)
            parts.push(name + "=" + Math.round(p.x) + "," + Math.round(p.y))
        }
        for (let i = 0; i < Math.min(list.count, 4); ++i) {
            if (list.itemAtIndex(i))
                at("row" + i, list.itemAtIndex(i))
        }
        for (let i = 0; i < channelRows.count; ++i) {
            if (channelRows.itemAt(i) && channelRows.itemAt(i).visible)
                at("motion" + i, channelRows.itemAt(i).motionButton)
        }
        console.info("devices: geometry " + parts.join(" "))
    }
    Timer {
        id: geometryTimer
        interval: 500
        onTriggered: page.logGeometry()
    }
    onWidthChanged: geometryTimer.restart()
    onSelectedIdChanged: geometryTimer.restart()

    Connections {
        target: page.devices
        function onSaved(id) {
            page.edit(id)
        }
        function onRemoved() {
            page.edit("")
        }
        function onDataChanged() {
            if (page.selectedId.length > 0)
                page.details = page.devices.detailsFor(page.selectedId)
        }
        function onCountChanged() {
            if (page.selectedId.length > 0)
                page.details = page.devices.detailsFor(page.selectedId)
            geometryTimer.restart()
        }
    }

    MotionDialog {
        id: motionDialog
        motion: page.devices.motion
    }

    VDialog {
        id: confirmRemove
        title: qsTr("Remove %1?").arg(page.form.name)
        acceptText: qsTr("Remove device")
        destructive: true
        onAccepted: {
            page.devices.remove(page.form.id)
            done()
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("The server stops connecting to it and its live video ends now. Its settings and credentials are deleted.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }

    VDialog {
        id: groupDialog
        property string mode: "new"   // new | rename
        title: mode === "new" ? (page.selectedGroup.length > 0 ? qsTr("New group in %1").arg(page.devices.groupName(page.selectedGroup)) : qsTr("New organisation"))
                              : qsTr("Rename %1").arg(page.devices.groupName(page.selectedGroup))
        acceptText: mode === "new" ? qsTr("Create") : qsTr("Rename")
        onAboutToShow: {
            groupName.text = mode === "new" ? "" : page.devices.groupName(page.selectedGroup)
            groupName.input.forceActiveFocus()
        }
        onAccepted: {
            if (mode === "new")
                page.devices.createGroup(groupName.text, page.selectedGroup)
            else
                page.devices.renameGroup(page.selectedGroup, groupName.text)
            done()
        }

        VTextField {
            id: groupName
            objectName: "groupNameField"
            Layout.fillWidth: true
            label: qsTr("Name")
            // Enter reaches the dialog, which accepts: no onAccepted here, or the group is made twice.
        }
    }

    VDialog {
        id: deleteGroupDialog
        title: qsTr("Delete %1?").arg(page.devices.groupName(page.selectedGroup))
        acceptText: qsTr("Delete group")
        destructive: true
        onAccepted: {
            page.devices.deleteGroup(page.selectedGroup, moveUp.checked ? "move" : "delete")
            page.selectedGroup = ""
            done()
        }

        VCheckBox {
            id: moveUp
            Layout.fillWidth: true
            checked: true
            text: qsTr("Keep what it holds")
            description: moveUp.checked ? qsTr("Its groups and devices move up one level.")
                                        : qsTr("Its groups are deleted and its devices removed, all the way down.")
        }
    }

    // Keyboard first: Ctrl+N a new camera, F2 edit the selected one's name, Ctrl+D discovery
    // (Ctrl+Enter adds the next camera found), Ctrl+T test, Ctrl+S save, Ctrl+Delete remove, Ctrl+G a
    // new group, Ctrl+Shift+M motion detection, F5 reload; Esc cancels a running search or test.
    Component.onCompleted: address.input.forceActiveFocus()
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: page.startNew()
    }
    Shortcut {
        sequence: "Ctrl+D"
        onActivated: page.openDiscovery()
    }
    Shortcut {
        // Adds the next camera the search found that is not added yet, with the panel's credentials.
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: page.discoveryOpen && !page.devices.busy
        onActivated: page.addNextFound()
    }
    Shortcut {
        sequence: "F2"
        onActivated: name.input.forceActiveFocus()
    }
    Shortcut {
        sequence: "Ctrl+T"
        onActivated: page.devices.testConnection(page.currentForm())
    }
    Shortcut {
        sequence: "Ctrl+S"
        onActivated: page.save()
    }
    Shortcut {
        sequence: "Ctrl+Delete"
        enabled: !page.isNew
        onActivated: confirmRemove.open()
    }
    Shortcut {
        sequence: "Ctrl+G"
        onActivated: {
            groupDialog.mode = "new"
            groupDialog.open()
        }
    }
    Shortcut {
        sequence: "Ctrl+Shift+M"
        onActivated: page.openFirstMotion()
    }
    Shortcut {
        sequence: "F5"
        onActivated: page.devices.refresh()
    }
    Shortcut {
        sequence: "Esc"
        enabled: page.devices.discovering || page.devices.testing
        onActivated: {
            page.devices.cancelDiscovery()
            page.devices.cancelTest()
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.pagePadding

        // --- organisation tree
        Rectangle {
            Layout.preferredWidth: Math.round(Theme.unit * 15)
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing

                Text {
                    Layout.fillWidth: true
                    text: qsTr("ORGANISATION")
                    font.pixelSize: Theme.fontSmall
                    font.letterSpacing: 1
                    font.weight: Font.DemiBold
                    color: Theme.textMuted
                }
                ListView {
                    id: tree
                    objectName: "groupTree"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: page.devices.groups
                    ScrollBar.vertical: ScrollBar {}

                    delegate: Rectangle {
                        required property var modelData
                        width: tree.width
                        height: Theme.controlHeight
                        radius: Theme.radius
                        color: page.selectedGroup === modelData.id ? Theme.selection : hover.hovered ? Theme.panelHover : "transparent"

                        HoverHandler {
                            id: hover
                        }
                        TapHandler {
                            onTapped: page.selectedGroup = page.selectedGroup === modelData.id ? "" : modelData.id
                        }
                        Text {
                            anchors.verticalCenter: parent.verticalCenter
                            x: Theme.spacing + modelData.depth * Theme.padding
                            width: parent.width - x - Theme.spacing
                            text: (modelData.kind === "organisation" ? "\u25a3  " : "\u25b8  ") + modelData.name
                                  + (modelData.devices > 0 ? "  (" + modelData.devices + ")" : "")
                            font.pixelSize: Theme.fontBody
                            font.weight: modelData.kind === "organisation" ? Font.DemiBold : Font.Normal
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                    }

                    Text {
                        anchors.centerIn: parent
                        width: parent.width
                        visible: tree.count === 0
                        text: qsTr("No groups yet. Ctrl+G makes an organisation; select it to add groups inside.")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textFaint
                        wrapMode: Text.WordWrap
                        horizontalAlignment: Text.AlignHCenter
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    VButton {
                        objectName: "newGroupButton"
                        Layout.fillWidth: true
                        text: page.selectedGroup.length > 0 ? qsTr("New group") : qsTr("New organisation")
                        onClicked: {
                            groupDialog.mode = "new"
                            groupDialog.open()
                        }
                    }
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    visible: page.selectedGroup.length > 0
                    VButton {
                        Layout.fillWidth: true
                        text: qsTr("Rename")
                        onClicked: {
                            groupDialog.mode = "rename"
                            groupDialog.open()
                        }
                    }
                    VButton {
                        Layout.fillWidth: true
                        danger: true
                        text: qsTr("Delete…")
                        onClicked: deleteGroupDialog.open()
                    }
                }
            }
        }

        // --- devices
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: page.devices.summary
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.textMuted
                }
                VButton {
                    text: qsTr("Refresh")
                    onClicked: page.devices.refresh()
                }
                VButton {
                    objectName: "discoverButton"
                    text: qsTr("Discover…")
                    onClicked: page.openDiscovery()
                }
                VButton {
                    objectName: "newDeviceButton"
                    primary: true
                    text: qsTr("Add camera")
                    onClicked: page.startNew()
                }
            }

            // ONVIF discovery: probe, progress, results with their own Add.
            Rectangle {
                Layout.fillWidth: true
                visible: page.discoveryOpen
                implicitHeight: discovery.implicitHeight + 2 * Theme.padding
                radius: Theme.radius
                color: Theme.panel
                border.color: Theme.border

                ColumnLayout {
                    id: discovery
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    spacing: Theme.spacing

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        VTextField {
                            id: probe
                            objectName: "probeField"
                            Layout.fillWidth: true
                            label: qsTr("Address to probe (empty: search the local network)")
                            placeholderText: "192.168.1.20:3702"
                            onAccepted: page.devices.startDiscovery(probe.text)
                        }
                        VTextField {
                            id: discoveryUser
                            Layout.preferredWidth: Math.round(Theme.unit * 9)
                            label: qsTr("User for adding")
                            onAccepted: page.devices.startDiscovery(probe.text)
                        }
                        VTextField {
                            id: discoveryPassword
                            Layout.preferredWidth: Math.round(Theme.unit * 9)
                            label: qsTr("Password")
                            echoMode: TextInput.Password
                            onAccepted: page.devices.startDiscovery(probe.text)
                        }
                        VButton {
                            Layout.alignment: Qt.AlignBottom
                            primary: !page.devices.discovering
                            text: page.devices.discovering ? qsTr("Cancel") : qsTr("Search")
                            onClicked: page.devices.discovering ? page.devices.cancelDiscovery() : page.devices.startDiscovery(probe.text)
                        }
                        VButton {
                            Layout.alignment: Qt.AlignBottom
                            text: qsTr("Close")
                            onClicked: {
                                page.devices.cancelDiscovery()
                                page.discoveryOpen = false
                            }
                        }
                    }
                    ProgressBar {
                        id: progress
                        Layout.fillWidth: true
                        visible: page.devices.discovering
                        from: 0
                        to: 1
                        value: page.devices.discoveryProgress
                        indeterminate: page.devices.discoveryProgress <= 0
                        background: Rectangle {
                            implicitHeight: Math.round(Theme.unit * 0.25)
                            radius: height / 2
                            color: Theme.panelRaised
                        }
                        contentItem: Item {
                            Rectangle {
                                width: progress.indeterminate ? parent.width * 0.3 : progress.visualPosition * parent.width
                                height: parent.height
                                radius: height / 2
                                color: Theme.accent
                                SequentialAnimation on x {
                                    running: progress.indeterminate && progress.visible
                                    loops: Animation.Infinite
                                    NumberAnimation { from: 0; to: progress.width * 0.7; duration: 900 }
                                    NumberAnimation { from: progress.width * 0.7; to: 0; duration: 900 }
                                }
                            }
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        objectName: "discoveryText"
                        visible: text.length > 0
                        text: page.devices.discoveryText
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                        wrapMode: Text.WordWrap
                    }
                    Repeater {
                        model: page.devices.discovered
                        delegate: VTableRow {
                            id: found
                            required property var modelData
                            required property int index
                            Layout.fillWidth: true
                            striped: index % 2 === 1

                            VStatusDot {
                                Layout.preferredWidth: Theme.dot
                                status: found.modelData.added ? "online" : "neutral"
                            }
                            VCell {
                                w: Math.round(Theme.unit * 10)
                                text: found.modelData.name
                                font.weight: Font.DemiBold
                            }
                            VCell {
                                w: Math.round(Theme.unit * 10)
                                text: found.modelData.hardware
                                muted: true
                            }
                            VCell {
                                text: found.modelData.address
                                muted: true
                                mono: true
                            }
                            VButton {
                                primary: !found.modelData.added
                                enabled: !found.modelData.added && !page.devices.busy
                                text: found.modelData.added ? qsTr("Added") : qsTr("Add")
                                onClicked: page.devices.addDiscovered(found.modelData.index, "", discoveryUser.text,
                                                                     discoveryPassword.text, page.selectedGroup)
                            }
                        }
                    }
                }
            }

            VTableHeader {
                Layout.fillWidth: true
                columns: page.columns
            }

            ListView {
                id: list
                objectName: "deviceList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: page.devices
                ScrollBar.vertical: ScrollBar {}

                delegate: VTableRow {
                    id: row
                    required property int index
                    required property string deviceId
                    required property string name
                    required property string address
                    required property string status
                    required property string stateText
                    required property string reason
                    required property string modelText
                    required property string mainStream
                    width: list.width
                    striped: index % 2 === 1
                    selected: page.selectedId === deviceId
                    onClicked: page.edit(deviceId)

                    VStatusDot {
                        Layout.preferredWidth: page.columns[0].width
                        status: row.status
                    }
                    VCell {
                        w: page.columns[1].width
                        text: row.name
                        font.weight: Font.DemiBold
                    }
                    VCell {
                        w: page.columns[2].width
                        text: row.stateText
                        color: Theme.stateColor(row.status)
                    }
                    VCell {
                        w: page.columns[3].width
                        text: row.address
                        muted: true
                    }
                    VCell {
                        w: page.columns[4].width
                        text: row.modelText
                        muted: true
                    }
                    VCell {
                        text: row.mainStream
                        muted: true
                    }
                }

                Text {
                    anchors.centerIn: parent
                    visible: list.count === 0
                    text: page.devices.busy ? qsTr("Loading devices…") : qsTr("No devices yet. Add a camera (Ctrl+N) or discover ONVIF cameras (Ctrl+D).")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textFaint
                }
            }
        }

        // --- editor and details
        Rectangle {
            Layout.preferredWidth: Theme.formWidth + 2 * Theme.padding
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            Flickable {
                anchors.fill: parent
                anchors.margins: Theme.padding
                contentHeight: editor.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}

                ColumnLayout {
                    id: editor
                    width: parent.width
                    spacing: Theme.spacing

                    Text {
                        Layout.fillWidth: true
                        text: page.isNew ? qsTr("Add a camera") : page.form.name
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    // State with the reason and since when, for a stored device.
                    RowLayout {
                        Layout.fillWidth: true
                        visible: !page.isNew && page.details.stateText !== undefined
                        spacing: Theme.spacing
                        VStatusDot {
                            status: page.details.status || "offline"
                        }
                        Text {
                            objectName: "deviceStateText"
                            Layout.fillWidth: true
                            text: (page.details.stateText || "") + "  " + (page.details.sinceText || "")
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.stateColor(page.details.status || "offline")
                        }
                    }
                    VMessage {
                        Layout.fillWidth: true
                        kind: "warning"
                        text: page.isNew ? "" : (page.details.reason || "")
                    }
                    VComboBox {
                        id: driver
                        Layout.fillWidth: true
                        visible: page.isNew
                        label: qsTr("Connect by")
                        model: [{ id: "rtsp", name: qsTr("RTSP URL") }, { id: "onvif", name: qsTr("ONVIF address") }]
                        currentId: page.form.driver
                    }
                    VTextField {
                        id: address
                        objectName: "addressField"
                        Layout.fillWidth: true
                        label: driver.currentId === "onvif" ? qsTr("ONVIF address (host, host:port or device service URL)") : qsTr("RTSP URL")
                        placeholderText: driver.currentId === "onvif" ? "192.168.1.20" : "rtsp://192.168.1.20:554/stream1"
                        text: page.form.address
                        onAccepted: page.save()
                    }
                    VTextField {
                        id: subAddress
                        Layout.fillWidth: true
                        visible: driver.currentId === "rtsp"
                        label: qsTr("Sub stream RTSP URL (optional)")
                        text: page.form.subAddress
                        onAccepted: page.save()
                    }
                    VTextField {
                        id: name
                        objectName: "deviceNameField"
                        Layout.fillWidth: true
                        label: qsTr("Name (empty: the address's host)")
                        text: page.form.name
                        onAccepted: page.save()
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        VTextField {
                            id: userName
                            objectName: "deviceUserField"
                            Layout.fillWidth: true
                            label: qsTr("User")
                            text: page.form.userName
                            onAccepted: page.save()
                        }
                        VTextField {
                            id: password
                            objectName: "devicePasswordField"
                            Layout.fillWidth: true
                            label: qsTr("Password")
                            echoMode: TextInput.Password
                            placeholderText: page.form.passwordSet ? qsTr("stored; empty keeps it") : ""
                            onAccepted: page.save()
                        }
                    }
                    VComboBox {
                        id: group
                        Layout.fillWidth: true
                        label: qsTr("Group")
                        model: page.devices.groupChoices
                        currentId: page.isNew ? page.selectedGroup : page.form.groupId
                    }
                    VCheckBox {
                        id: enabled
                        Layout.fillWidth: true
                        visible: !page.isNew
                        text: qsTr("Enabled")
                        description: qsTr("A disabled camera is not connected, shown live or recorded.")
                        checked: page.form.enabled
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        VButton {
                            objectName: "testButton"
                            text: page.devices.testing ? qsTr("Cancel test") : qsTr("Test connection")
                            onClicked: page.devices.testing ? page.devices.cancelTest() : page.devices.testConnection(page.currentForm())
                        }
                        BusyIndicator {
                            visible: page.devices.testing
                            running: visible
                            Layout.preferredHeight: Theme.controlHeight
                            Layout.preferredWidth: Theme.controlHeight
                        }
                        Item {
                            Layout.fillWidth: true
                        }
                    }
                    VMessage {
                        objectName: "testResult"
                        Layout.fillWidth: true
                        kind: page.devices.testStatus === "error" ? "error" : "info"
                        text: page.devices.testText
                    }
                    VMessage {
                        Layout.fillWidth: true
                        text: page.devices.errorMessage
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacing
                        spacing: Theme.spacing
                        VButton {
                            visible: !page.isNew
                            danger: true
                            text: qsTr("Remove…")
                            onClicked: confirmRemove.open()
                        }
                        Item {
                            Layout.fillWidth: true
                        }
                        VButton {
                            objectName: "saveDeviceButton"
                            primary: true
                            enabled: !page.devices.busy
                            text: page.isNew ? qsTr("Add camera") : qsTr("Save")
                            onClicked: page.save()
                        }
                    }

                    // Details: what the camera says about itself and its streams.
                    Text {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.padding
                        visible: !page.isNew
                        text: qsTr("DETAILS")
                        font.pixelSize: Theme.fontSmall
                        font.letterSpacing: 1
                        font.weight: Font.DemiBold
                        color: Theme.textMuted
                    }
                    GridLayout {
                        Layout.fillWidth: true
                        visible: !page.isNew
                        columns: 2
                        columnSpacing: Theme.padding
                        rowSpacing: Math.round(Theme.spacing / 2)
                        DetailLabel { text: qsTr("Manufacturer") }
                        DetailValue { text: page.details.manufacturer || "—" }
                        DetailLabel { text: qsTr("Model") }
                        DetailValue { text: page.details.model || "—" }
                        DetailLabel { text: qsTr("Firmware") }
                        DetailValue { text: page.details.firmware || "—" }
                        DetailLabel { text: qsTr("Serial number") }
                        DetailValue { text: page.details.serialNumber || "—" }
                    }
                    Repeater {
                        id: channelRows
                        model: page.isNew ? [] : (page.details.channels || [])
                        onCountChanged: geometryTimer.restart()
                        delegate: ColumnLayout {
                            required property var modelData
                            required property int index
                            property alias motionButton: motionButton
                            Layout.fillWidth: true
                            spacing: 2
                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                Text {
                                    Layout.fillWidth: true
                                    text: modelData.name + (modelData.ptz ? "  · PTZ" : "")
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    elide: Text.ElideRight
                                }
                                VButton {
                                    id: motionButton
                                    objectName: "motionButton_" + modelData.id
                                    text: qsTr("Motion…")
                                    tip: qsTr("Server-side motion detection and its regions")
                                    shortcutHint: index === 0 ? "Ctrl+Shift+M" : ""
                                    onClicked: page.openMotion(modelData.id, modelData.name, modelData.hasSub)
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("Main: %1").arg(modelData.main)
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.fillWidth: true
                                text: qsTr("Sub: %1").arg(modelData.sub)
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }
        }
    }
}
