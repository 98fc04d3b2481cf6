import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Event Center (issue 6, EVT-1, EVT-2): the live list of events as they come, the history search a
// page at a time, and the rules. Alarms are acknowledged, handled or commented several at once (the
// checked rows) with one comment; the selected event's camera plays live or from the event's time in
// the archive. Sounds play unless muted (M). Lists and actions are in EventCenterModel and
// EventRuleModel; this file lays them out.
Item {
    id: page

    readonly property var center: workstation.eventCenter
    readonly property var rules: workstation.eventRules
    property string tab: "live"  // live | history | rules
    property int current: -1
    property var event: ({})
    readonly property var columns: [
        { title: "", width: Math.round(Theme.unit * 1.5) },
        { title: "", width: Theme.stateBar },
        { title: qsTr("Time"), width: Math.round(Theme.unit * 9.5) },
        { title: qsTr("Kind"), width: Math.round(Theme.unit * 8) },
        { title: qsTr("Source"), width: Math.round(Theme.unit * 8) },
        { title: qsTr("State"), width: Math.round(Theme.unit * 6.5) },
        { title: qsTr("Message"), width: 0 }
    ]
    readonly property var severities: [
        { id: "", name: qsTr("Every severity") },
        { id: "critical", name: qsTr("Critical") },
        { id: "warning", name: qsTr("Warning") },
        { id: "info", name: qsTr("Info") }
    ]
    readonly property var states: [
        { id: "", name: qsTr("Events and alarms") },
        { id: "alarms", name: qsTr("Alarms only") },
        { id: "pending", name: qsTr("Pending alarms") },
        { id: "new", name: qsTr("New") },
        { id: "acknowledged", name: qsTr("Acknowledged") },
        { id: "handled", name: qsTr("Handled") }
    ]

    function severityColor(severity) {
        return severity === "critical" ? Theme.alarm : severity === "warning" ? Theme.warning : Theme.neutral
    }
    function stateColor(state) {
        return state === "new" ? Theme.alarm : state === "acknowledged" ? Theme.warning : state === "handled" ? Theme.online : Theme.textFaint
    }
    function select(row) {
        current = row
        event = center.eventAt(row)
        list.currentIndex = row
    }
    function showTab(name) {
        tab = name
        if (name !== "rules")
            center.mode = name
        else if (rulesPanel.editing === -2)
            rules.refresh()  // rules change elsewhere too (other administrators, the API); not under an open form
        current = -1
        event = ({})
    }
    function applyFilters() {
        center.setFilters(kind.currentId, severity.currentId, stateFilter.currentId)
    }
    function act(action) {
        center.act(action, comment.text, current)
    }

    Component.onCompleted: {
        center.mode = "live"
        geometryTimer.restart()
    }

    // Where things are, in window coordinates, for the UI test that drives this page with the mouse
    // (tests/ui/tst_ui_events.sh): one log line after each change of the tab, the list or the form.
    function centre(item) {
        const p = item.mapToItem(null, item.width / 2, item.height / 2)
        return Math.round(p.x) + "," + Math.round(p.y)
    }
    function findNamed(item, name) {
        if (item.objectName === name)
            return item
        for (let i = 0; i < item.children.length; ++i) {
            const found = findNamed(item.children[i], name)
            if (found)
                return found
        }
        return null
    }
    function logGeometry() {
        const parts = ["tab=" + tab]
        for (let i = 0; i < Math.min(list.count, 6); ++i) {
            const item = list.itemAtIndex(i)
            if (item && page.tab !== "rules") {
                parts.push("row" + i + "=" + centre(item))
                const p = item.mapToItem(null, Math.round(Theme.unit * 1.2), item.height / 2)
                parts.push("check" + i + "=" + Math.round(p.x) + "," + Math.round(p.y))
            }
        }
        for (const name of ["newRule", "ruleName", "kind_login_failed", "kind_motion", "actionAlarm", "actionRecord",
                            "saveRule", "acknowledge", "handle", "alarmComment", "playLive", "playArchive",
                            "muteButton", "searchButton", "olderButton", "exportButton", "eventVideo"].concat(rulesPanel.geometryNames)) {
            const item = findNamed(page, name)
            if (item && item.visible && item.width > 0)
                parts.push(name + "=" + centre(item))
        }
        console.info("events: geometry " + parts.join(" "))
    }
    Timer {
        id: geometryTimer
        interval: 500
        onTriggered: page.logGeometry()
    }
    onTabChanged: geometryTimer.restart()
    onCurrentChanged: geometryTimer.restart()
    onWidthChanged: geometryTimer.restart()

    Connections {
        target: page.rules
        function onCountChanged() {
            geometryTimer.restart()
        }
        function onErrorMessageChanged() {
            geometryTimer.restart()
        }
    }
    Connections {
        target: page.center
        function onCheckedChanged() {
            geometryTimer.restart()
        }
        function onCountChanged() {
            geometryTimer.restart()
            if (page.current >= 0)
                page.event = page.center.eventAt(page.current)
        }
        function onDataChanged() {
            if (page.current >= 0)
                page.event = page.center.eventAt(page.current)
        }
        function onMessageChanged() {
            if (page.center.message.length > 0)
                comment.text = ""
        }
    }

    Shortcut {
        sequence: "M"
        enabled: page.tab !== "rules" && !comment.input.activeFocus
        onActivated: page.center.muted = !page.center.muted
    }
    Shortcut {
        sequence: "Alt+L"
        onActivated: page.showTab("live")
    }
    Shortcut {
        sequence: "Alt+H"
        onActivated: page.showTab("history")
    }
    Shortcut {
        sequence: "Alt+R"
        onActivated: page.showTab("rules")
    }
    Shortcut {
        sequence: "Ctrl+Shift+A"
        enabled: page.tab !== "rules"
        onActivated: page.center.checkAllAlarms()
    }
    Shortcut {
        sequence: "Space"
        enabled: page.tab !== "rules" && page.current >= 0 && !comment.input.activeFocus
        onActivated: page.center.setChecked(page.current, !page.event.checked)
    }

    VDialog {
        id: exportDialog
        title: qsTr("Export events")
        acceptText: page.center.busy ? qsTr("Exporting…") : qsTr("Export CSV")
        acceptEnabled: !page.center.busy
        onAboutToShow: {
            exportPath.text = page.center.defaultExportPath
            exportPath.input.forceActiveFocus()
        }
        onAccepted: {
            page.center.exportCsv(exportPath.text)
            exportDialog.done()
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Every event matching the filters (and in History, the time range) is written, not only this page.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
        VTextField {
            id: exportPath
            objectName: "exportPath"
            Layout.fillWidth: true
            label: qsTr("File")
            onAccepted: exportDialog.accept()
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        // Tabs, counters, sound.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Repeater {
                model: [
                    { id: "live", name: qsTr("Live (Alt+L)") },
                    { id: "history", name: qsTr("History (Alt+H)") },
                    { id: "rules", name: qsTr("Rules (Alt+R)") }
                ]
                VButton {
                    required property var modelData
                    text: modelData.name
                    primary: page.tab === modelData.id
                    onClicked: page.showTab(modelData.id)
                }
            }
            Item {
                Layout.fillWidth: true
            }
            Rectangle {
                implicitWidth: counters.implicitWidth + 2 * Theme.padding
                implicitHeight: Theme.controlHeight
                radius: Theme.radius
                color: page.center.fresh > 0 ? Qt.rgba(1, 0.35, 0.31, 0.18) : Theme.panel
                border.color: page.center.fresh > 0 ? Theme.alarm : Theme.border
                Text {
                    id: counters
                    anchors.centerIn: parent
                    text: qsTr("%1 pending alarms, %2 new").arg(page.center.pending).arg(page.center.fresh)
                    font.pixelSize: Theme.fontBody
                    color: page.center.fresh > 0 ? Theme.alarm : Theme.text
                }
            }
            VButton {
                objectName: "muteButton"
                text: page.center.muted ? qsTr("Sound muted (M)") : qsTr("Sound on (M)")
                danger: page.center.muted
                onClicked: page.center.muted = !page.center.muted
            }
            Text {
                visible: page.center.soundsPlayed > 0
                text: qsTr("Last sound: %1").arg(page.center.lastSound)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }

        // Filters (live and history), time range and paging (history), export.
        Rectangle {
            visible: page.tab !== "rules"
            Layout.fillWidth: true
            implicitHeight: filters.implicitHeight + 2 * Theme.padding
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            RowLayout {
                id: filters
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.padding

                VComboBox {
                    id: kind
                    Layout.preferredWidth: Math.round(Theme.unit * 11)
                    label: qsTr("Kind")
                    model: page.center.kinds
                    currentId: ""
                    onActivated: page.applyFilters()
                }
                VComboBox {
                    id: severity
                    Layout.preferredWidth: Math.round(Theme.unit * 9)
                    label: qsTr("Severity")
                    model: page.severities
                    currentId: ""
                    onActivated: page.applyFilters()
                }
                VComboBox {
                    id: stateFilter
                    Layout.preferredWidth: Math.round(Theme.unit * 10)
                    label: qsTr("Alarms")
                    model: page.states
                    currentId: ""
                    onActivated: page.applyFilters()
                }
                VTextField {
                    id: from
                    visible: page.tab === "history"
                    Layout.preferredWidth: Math.round(Theme.unit * 9)
                    label: qsTr("From")
                    placeholderText: "yyyy-mm-dd hh:mm"
                    onAccepted: page.center.search(from.text, to.text)
                }
                VTextField {
                    id: to
                    visible: page.tab === "history"
                    Layout.preferredWidth: Math.round(Theme.unit * 9)
                    label: qsTr("To")
                    placeholderText: "yyyy-mm-dd hh:mm"
                    onAccepted: page.center.search(from.text, to.text)
                }
                VButton {
                    visible: page.tab === "history"
                    Layout.alignment: Qt.AlignBottom
                    objectName: "searchButton"
                    primary: true
                    text: qsTr("Search")
                    enabled: !page.center.busy
                    onClicked: page.center.search(from.text, to.text)
                }
                Item {
                    Layout.fillWidth: true
                }
                VButton {
                    visible: page.tab === "history"
                    Layout.alignment: Qt.AlignBottom
                    text: qsTr("◀ Newer")
                    enabled: page.center.pageIndex > 0 && !page.center.busy
                    onClicked: page.center.previousPage()
                }
                VButton {
                    visible: page.tab === "history"
                    Layout.alignment: Qt.AlignBottom
                    objectName: "olderButton"
                    text: qsTr("Older ▶")
                    enabled: page.center.more && !page.center.busy
                    onClicked: page.center.nextPage()
                }
                VButton {
                    Layout.alignment: Qt.AlignBottom
                    objectName: "exportButton"
                    text: qsTr("Export CSV…")
                    onClicked: exportDialog.open()
                }
            }
        }

        RowLayout {
            visible: page.tab !== "rules"
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: page.center.summary + (page.center.checkedCount > 0 ? "  ·  " + qsTr("%n checked", "", page.center.checkedCount) : "")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            Text {
                text: page.center.message
                font.pixelSize: Theme.fontSmall
                color: Theme.online
            }
        }

        VMessage {
            visible: page.tab !== "rules" && text.length > 0
            Layout.fillWidth: true
            text: page.center.errorMessage
        }

        // Events and the selected one.
        RowLayout {
            visible: page.tab !== "rules"
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.padding

            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing

                VTableHeader {
                    Layout.fillWidth: true
                    columns: page.columns
                }
                ListView {
                    id: list
                    objectName: "eventList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 1
                    model: page.center
                    currentIndex: -1
                    ScrollBar.vertical: ScrollBar {}

                    delegate: VTableRow {
                        id: row
                        required property int index
                        required property string timeText
                        required property string kindText
                        required property string severity
                        required property string sourceName
                        required property string message
                        required property string alarmState
                        required property string stateText
                        required property bool checked
                        width: list.width
                        implicitHeight: Math.round(Theme.rowHeight * 0.8)
                        striped: index % 2 === 1
                        selected: page.current === index
                        onClicked: page.select(index)

                        VCheckBox {
                            Layout.preferredWidth: page.columns[0].width
                            visible: row.alarmState.length > 0
                            checked: row.checked
                            focusPolicy: Qt.NoFocus
                            onToggled: {
                                page.center.setChecked(row.index, checked)
                                checked = Qt.binding(() => row.checked)
                            }
                        }
                        Item {
                            Layout.preferredWidth: page.columns[0].width
                            visible: row.alarmState.length === 0
                        }
                        Rectangle {
                            Layout.preferredWidth: page.columns[1].width
                            Layout.fillHeight: true
                            Layout.topMargin: 4
                            Layout.bottomMargin: 4
                            radius: 1
                            color: page.severityColor(row.severity)
                        }
                        VCell {
                            w: page.columns[2].width
                            text: row.timeText
                            mono: true
                        }
                        VCell {
                            w: page.columns[3].width
                            text: row.kindText
                            color: page.severityColor(row.severity)
                        }
                        VCell {
                            w: page.columns[4].width
                            text: row.sourceName
                        }
                        VCell {
                            w: page.columns[5].width
                            text: row.stateText
                            color: page.stateColor(row.alarmState)
                        }
                        VCell {
                            text: row.message
                            muted: true
                        }
                    }

                    Text {
                        anchors.centerIn: parent
                        visible: page.center.count === 0
                        text: page.center.busy ? qsTr("Loading…") : page.tab === "history" ? page.center.summary : qsTr("No events yet. They appear here as they happen.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textFaint
                    }
                }
            }

            // The selected event: its camera, its trail, and the alarm actions.
            Rectangle {
                Layout.preferredWidth: Math.round(Theme.unit * 30)
                Layout.maximumWidth: Math.round(Theme.unit * 30)
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
                        text: page.current >= 0 ? page.event.kindText + " — " + page.event.sourceName : qsTr("Select an event")
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: page.current >= 0 ? page.severityColor(page.event.severity) : Theme.textMuted
                        elide: Text.ElideRight
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: page.current >= 0
                        text: (page.event.timeText || "") + "\n" + (page.event.message || "")
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }

                    // The linked video: live, or the archive from the event's time.
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.round(width * 9 / 16)
                        color: "black"
                        radius: Theme.radius
                        visible: page.current >= 0 && (page.event.channelId || "").length > 0

                        Loader {
                            id: video
                            anchors.fill: parent
                            property string channel: ""
                            property string videoMode: "live"
                            property real atMs: 0
                            active: channel.length > 0
                            sourceComponent: VVideo {
                                objectName: "eventVideo"
                                channelId: video.channel
                                stream: video.videoMode === "archive" ? "main" : "sub"  // recordings are of the main stream
                                mode: video.videoMode
                                autoPlay: video.videoMode === "live"
                                Component.onCompleted: if (video.videoMode === "archive") seek(video.atMs)
                            }
                        }
                        Text {
                            anchors.centerIn: parent
                            visible: !video.active
                            text: qsTr("Live (V) or from the event's time (Shift+V)")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }
                    RowLayout {
                        visible: page.current >= 0 && (page.event.channelId || "").length > 0
                        Layout.fillWidth: true
                        VButton {
                            objectName: "playLive"
                            text: qsTr("Live (V)")
                            primary: video.active && video.videoMode === "live"
                            onClicked: page.playLinked("live")
                        }
                        VButton {
                            objectName: "playArchive"
                            text: qsTr("At event time (Shift+V)")
                            primary: video.active && video.videoMode === "archive"
                            onClicked: page.playLinked("archive")
                        }
                        VButton {
                            text: qsTr("Stop")
                            visible: video.active
                            onClicked: video.channel = ""
                        }
                    }

                    Text {
                        Layout.fillWidth: true
                        visible: (page.event.trailText || "").length > 0
                        text: qsTr("Trail")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: (page.event.trailText || "").length > 0
                        text: page.event.trailText || ""
                        font.pixelSize: Theme.fontSmall
                        font.family: Theme.monospace
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Item {
                        Layout.fillHeight: true
                    }
                    Text {
                        Layout.fillWidth: true
                        text: page.center.checkedCount > 0 ? qsTr("Acting on %n checked alarms", "", page.center.checkedCount)
                            : (page.event.alarmState || "").length > 0 ? qsTr("Acting on the selected alarm")
                            : qsTr("Check alarms (Space, Ctrl+Shift+A for all) or select one to act on it")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        wrapMode: Text.WordWrap
                    }
                    VTextField {
                        id: comment
                        objectName: "alarmComment"
                        Layout.fillWidth: true
                        label: qsTr("Comment")
                        placeholderText: qsTr("what was seen, what was done")
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        VButton {
                            objectName: "acknowledge"
                            text: qsTr("Acknowledge")
                            enabled: !page.center.busy
                            onClicked: page.act("acknowledge")
                        }
                        VButton {
                            objectName: "handle"
                            primary: true
                            text: qsTr("Handled")
                            enabled: !page.center.busy
                            onClicked: page.act("handle")
                        }
                        VButton {
                            text: qsTr("Comment")
                            enabled: !page.center.busy && comment.text.length > 0
                            onClicked: page.act("comment")
                        }
                    }
                }
            }
        }

        EventRulesPanel {
            id: rulesPanel
            visible: page.tab === "rules"
            Layout.fillWidth: true
            Layout.fillHeight: true
            rules: page.rules
            kinds: page.center.kinds
            onEditingChanged: geometryTimer.restart()
            onFormMoved: geometryTimer.restart()
        }
    }

    function playLinked(mode) {
        video.channel = ""
        video.videoMode = mode
        video.atMs = page.event.timeMs
        video.channel = page.event.channelId
        console.info("events: video " + mode + " of " + page.event.channelId + " at " + page.event.timeMs)
        geometryTimer.restart()
    }
    Shortcut {
        sequence: "V"
        enabled: page.tab !== "rules" && page.current >= 0 && !comment.input.activeFocus
        onActivated: page.playLinked("live")
    }
    Shortcut {
        sequence: "Shift+V"
        enabled: page.tab !== "rules" && page.current >= 0 && !comment.input.activeFocus
        onActivated: page.playLinked("archive")
    }
}
