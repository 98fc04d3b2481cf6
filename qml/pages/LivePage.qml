import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Window
import Vigil.UI

// Live view (VID-1): the device tree with search beside the tile grid. Cameras are dragged from the
// tree onto tiles or double-clicked into the next free tile; layouts 1/4/6/8/9/16/25/36 (and saved
// custom ones) come from the toolbar; named layouts are saved per user on the server. Each tile
// plays the sub stream when small and the main one when large (LiveView.streamFor). The layout can
// go full screen or open on another screen (a second window), and a tour shows each camera in turn.
// Keys: 1..9 select a tile, F full screen tile, Shift+F full screen layout, Delete clear the tile,
// S snapshot, R instant replay, T tour, Esc back, Shift+click a second tile joins the two into one
// (a custom grid), X splits the selected joined tile; arrows and +/- move a PTZ camera while held.
// A rule's pop-up (issue 6, EVT-2) shows its camera over the layout (and over the layout's own
// window) with the event's name until it is closed (Esc) or kept in the layout (K).
Item {
    id: page

    readonly property var live: workstation.live
    readonly property var selectedTile: grid.selectedTile
    readonly property string selectedChannel: selectedTile ? selectedTile.channelId : ""
    // The PTZ panel: for a PTZ camera in the selected tile, to users with the ptz permission.
    readonly property bool ptzShown: selectedChannel.length > 0 && workstation.session.hasPermission("ptz")
                                     && workstation.deviceTree.count >= 0 && workstation.deviceTree.channel(selectedChannel).ptz === true
    property string tourChannel
    readonly property var popup: live.popup

    onSelectedChannelChanged: if (ptzShown) live.loadPtzPresets(selectedChannel)
    onPtzShownChanged: { if (ptzShown) live.loadPtzPresets(selectedChannel); geometryTimer.restart() }

    // Arrow keys pan and tilt, + and - zoom, while held (the camera stops on release).
    readonly property var ptzKeys: ({ [Qt.Key_Left]: [-1, 0, 0], [Qt.Key_Right]: [1, 0, 0], [Qt.Key_Up]: [0, 1, 0],
                                      [Qt.Key_Down]: [0, -1, 0], [Qt.Key_Plus]: [0, 0, 1], [Qt.Key_Minus]: [0, 0, -1] })
    Keys.onReleased: (event) => {
        if (ptzShown && ptzKeys[event.key] !== undefined && !event.isAutoRepeat) {
            live.ptzStop(selectedChannel)
            event.accepted = true
        }
    }

    objectName: "livePage"
    focus: true
    Component.onCompleted: { forceActiveFocus(); logPopup() }

    function snapshot(index) {
        const tile = grid.tileAt(index)
        if (!tile || tile.channelId.length === 0)
            return
        const path = live.snapshotPath(tile.channelName)
        if (path.length === 0)
            return
        const saved = tile.takeSnapshot(path)
        console.info("live: snapshot " + (saved ? "saved to " + path : "not saved"))
        status.show(saved ? qsTr("Snapshot saved to %1").arg(path)
                          : qsTr("No picture to save yet from %1.").arg(tile.channelName), !saved)
    }

    Keys.onPressed: (event) => {
        if (event.modifiers & (Qt.ControlModifier | Qt.AltModifier))
            return
        if (page.ptzShown && page.ptzKeys[event.key] !== undefined) {
            if (!event.isAutoRepeat) {
                const v = page.ptzKeys[event.key]
                live.ptzMove(page.selectedChannel, v[0] * ptz.speed, v[1] * ptz.speed, v[2] * ptz.speed)
            }
        } else if (event.key >= Qt.Key_1 && event.key <= Qt.Key_9) {
            const index = event.key - Qt.Key_1
            if (index < grid.count)
                grid.selectedIndex = index
        } else if (event.key === Qt.Key_F && (event.modifiers & Qt.ShiftModifier)) {
            layoutWindow.showOn(Screen, true)
        } else if (event.key === Qt.Key_F) {
            grid.toggleFullScreen(grid.selectedIndex)
        } else if (event.key === Qt.Key_Delete || event.key === Qt.Key_Backspace) {
            live.clearTile(grid.selectedIndex)
        } else if (event.key === Qt.Key_S) {
            page.snapshot(grid.selectedIndex)
        } else if (event.key === Qt.Key_R && page.selectedTile) {
            page.selectedTile.replay = !page.selectedTile.replay
        } else if (event.key === Qt.Key_X) {
            live.splitTile(grid.selectedIndex)
        } else if (event.key === Qt.Key_T) {
            live.touring ? live.stopTour() : live.startTour()
        } else if (event.key === Qt.Key_K && page.popup.active) {
            page.keepPopup()
        } else if (event.key === Qt.Key_Escape) {
            grid.fullScreenIndex = -1
            live.stopTour()
            page.popup.dismiss()
        } else {
            return
        }
        event.accepted = true
    }

    // The pop-up's camera goes into the layout's next free tile (the selected one when all are full).
    function keepPopup() {
        const channel = page.popup.channelId
        let tile = live.assignNext(channel)
        if (tile < 0) {
            tile = grid.selectedIndex
            live.assign(tile, channel)
        }
        grid.selectedIndex = tile
        page.popup.dismiss()
    }

    // Where things are, in window coordinates, for the UI test that drives this page with the mouse
    // (tests/ui/tst_ui_live.sh): one log line after each change of the grid or the tree.
    function centre(item) {
        const p = item.mapToItem(null, item.width / 2, item.height / 2)
        return Math.round(p.x) + "," + Math.round(p.y)
    }
    function logGeometry() {
        const parts = []
        for (let i = 0; i < grid.count; ++i) {
            const tile = grid.tileAt(i)
            if (tile) {
                const p = tile.mapToItem(null, 0, 0)
                parts.push("tile" + i + "=" + [Math.round(p.x), Math.round(p.y), Math.round(tile.width), Math.round(tile.height)].join(","))
            }
        }
        const row = tree.firstChannelRow()
        if (row)
            parts.push("channel0=" + centre(row))
        if (popupTile.visible) {
            const p = popupTile.mapToItem(null, 0, 0)
            parts.push("popupTile=" + [Math.round(p.x), Math.round(p.y), Math.round(popupTile.width), Math.round(popupTile.height)].join(","))
        }
        for (const name of ["grid1", "grid4", "grid9", "layoutName", "saveLayoutAs", "layoutPicker", "fullScreenLayout", "otherScreen", "ptzLeft", "ptzUp", "ptzZoomIn", "popupClose", "popupKeep"]) {
            const item = findNamed(page, name)
            if (item && item.visible)
                parts.push(name + "=" + centre(item))
        }
        console.info("live: geometry " + parts.join(" "))
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
    Timer { id: geometryTimer; interval: 500; onTriggered: page.logGeometry() }
    onWidthChanged: geometryTimer.restart()
    Connections {
        target: workstation.deviceTree
        function onCountChanged() { geometryTimer.restart() }
    }

    // The UI test's view of the pop-up: which camera the page shows over the layout.
    function logPopup() {
        if (page.popup.active)
            console.info("live: pop-up shows channel " + page.popup.channelId + " for event " + page.popup.eventId)
        geometryTimer.restart()
    }
    Connections {
        target: page.popup
        function onChanged() {
            page.logPopup()
            if (page.popup.active)
                page.forceActiveFocus()
        }
    }

    Connections {
        target: page.live
        function onGridChanged() { geometryTimer.restart() }
        function onTourShowsChannel(channelId) { page.tourChannel = channelId }
        function onMessageChanged() { if (page.live.message.length > 0) status.show(page.live.message, page.live.messageIsError) }
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        VDeviceTree {
            id: tree
            Layout.fillHeight: true
            Layout.preferredWidth: Math.round(Theme.unit * 17)
            model: workstation.deviceTree
            onChannelActivated: (channelId) => {
                const tile = page.live.assignNext(channelId)
                if (tile >= 0)
                    grid.selectedIndex = tile
            }
        }
        Rectangle {
            Layout.fillHeight: true
            Layout.preferredWidth: 1
            color: Theme.border
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            // Toolbar: grids, saved layouts, tour, screens.
            Rectangle {
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.controlHeight + 2 * Theme.spacing
                color: Theme.panel

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.spacing
                    anchors.rightMargin: Theme.spacing
                    spacing: Theme.spacing / 2

                    Repeater {
                        model: page.live.gridKinds
                        VButton {
                            required property string modelData
                            objectName: "grid" + modelData
                            text: modelData
                            primary: page.live.grid === modelData
                            implicitWidth: Theme.controlHeight * 1.2
                            leftPadding: 0
                            rightPadding: 0
                            onClicked: { grid.fullScreenIndex = -1; page.live.setGrid(modelData); page.forceActiveFocus() }
                        }
                    }
                    Item { Layout.preferredWidth: Theme.padding }
                    VComboBox {
                        id: layoutPicker
                        objectName: "layoutPicker"
                        Layout.preferredWidth: Math.round(Theme.unit * 12)
                        model: page.live.layouts
                        currentId: page.live.layoutId
                        box.displayText: page.live.layoutName.length > 0 ? page.live.layoutName : qsTr("Unsaved layout")
                        onActivated: (id) => { page.live.openLayout(id); page.forceActiveFocus() }
                    }
                    VButton {
                        objectName: "saveLayout"
                        text: qsTr("Save")
                        enabled: page.live.layoutId.length > 0
                        onClicked: page.live.save()
                    }
                    VTextField {
                        id: layoutName
                        objectName: "layoutName"
                        Layout.preferredWidth: Math.round(Theme.unit * 10)
                        placeholderText: qsTr("New layout name")
                        input.onAccepted: saveAs.clicked()
                    }
                    VButton {
                        id: saveAs
                        objectName: "saveLayoutAs"
                        text: qsTr("Save as")
                        enabled: layoutName.text.trim().length > 0
                        onClicked: { page.live.saveAs(layoutName.text); layoutName.text = ""; page.forceActiveFocus() }
                    }
                    VButton {
                        objectName: "deleteLayout"
                        text: qsTr("Delete")
                        danger: true
                        visible: page.live.layoutId.length > 0
                        onClicked: page.live.deleteLayout(page.live.layoutId)
                    }
                    Item { Layout.fillWidth: true }
                    VButton {
                        objectName: "tourButton"
                        text: page.live.touring ? qsTr("Stop tour") : qsTr("Tour")
                        primary: page.live.touring
                        onClicked: { page.live.touring ? page.live.stopTour() : page.live.startTour(); page.forceActiveFocus() }
                    }
                    VButton {
                        objectName: "fullScreenLayout"
                        text: qsTr("Full screen")
                        onClicked: layoutWindow.showOn(Window.window ? Window.window.screen : Screen, true)
                    }
                    VButton {
                        objectName: "otherScreen"
                        text: qsTr("Other screen")
                        onClicked: {
                            const screens = Qt.application.screens
                            const index = page.live.otherScreen(Window.window)
                            console.info("live: layout window on screen " + (index + 1) + " of " + screens.length)
                            layoutWindow.showOn(screens[index], screens.length > 1)
                        }
                    }
                }
            }

            Item {
                Layout.fillWidth: true
                Layout.fillHeight: true

                VLayoutGrid {
                    id: grid
                    anchors.fill: parent
                    anchors.margins: 2
                    model: page.live.tiles
                    rows: page.live.rows
                    columns: page.live.columns
                    streamFor: (choice, w, h) => page.live.streamFor(choice, w, h)
                    onChannelDropped: (index, channelId) => { page.live.assign(index, channelId); selectedIndex = index; page.forceActiveFocus() }
                    onClearRequested: (index) => page.live.clearTile(index)
                    onSnapshotRequested: (index) => page.snapshot(index)
                    onTileSelected: page.forceActiveFocus()
                    onMergeRequested: (from, to) => {
                        if (page.live.mergeTiles(from, to))
                            selectedIndex = Math.min(from, to)
                        page.forceActiveFocus()
                    }
                }

                // A tour's channel step: that camera alone over the grid.
                VLiveTile {
                    objectName: "tourTile"
                    anchors.fill: parent
                    visible: page.tourChannel.length > 0
                    z: 2
                    tileIndex: 0
                    channelId: page.tourChannel
                    channelName: workstation.deviceTree.channel(page.tourChannel).name || page.tourChannel
                    stream: page.live.streamFor("auto", width, height)
                    onClearRequested: page.live.stopTour()
                    onFullScreenRequested: page.live.stopTour()
                }

                // A rule's pop-up over the layout (also over the layout's own window, below).
                PopupTile {
                    id: popupTile
                    objectName: "popupTile"
                    anchors.fill: parent
                    z: 2.5
                    popup: page.popup
                    live: page.live
                    onKeepRequested: page.keepPopup()
                }

                VPtzPanel {
                    id: ptz
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.padding
                    z: 3
                    visible: page.ptzShown
                    channelName: page.selectedTile ? page.selectedTile.channelName : ""
                    presets: page.live.ptzPresets
                    onMove: (pan, tilt, zoom) => page.live.ptzMove(page.selectedChannel, pan, tilt, zoom)
                    onStop: page.live.ptzStop(page.selectedChannel)
                    onGotoPreset: (token) => page.live.ptzGotoPreset(page.selectedChannel, token)
                    onSavePreset: (name) => page.live.ptzSavePreset(page.selectedChannel, name)
                }

                VMessage {
                    id: status
                    objectName: "liveMessage"
                    anchors.bottom: parent.bottom
                    anchors.horizontalCenter: parent.horizontalCenter
                    anchors.bottomMargin: Theme.padding
                    z: 3
                    visible: text.length > 0
                    function show(message, error) { text = message; kind = error ? "error" : "info"; hideTimer.restart() }
                    Timer { id: hideTimer; interval: 6000; onTriggered: status.text = "" }
                }
            }
        }
    }

    // A rule's pop-up: the event's camera alone over the layout, framed in the alarm colour,
    // with the event's name on it for a while (EventPopup.titleShown).
    component PopupTile: VLiveTile {
        id: popupView
        required property var popup
        required property var live
        signal keepRequested()
        visible: popup.active
        tileIndex: -1
        selected: true
        border.color: Theme.alarm
        channelId: popupView.popup.channelId
        channelName: workstation.deviceTree.channel(popupView.popup.channelId).name || popupView.popup.channelId
        stream: popupView.live.streamFor("auto", width, height)
        onClearRequested: popupView.popup.dismiss()
        onFullScreenRequested: popupView.popup.dismiss()

        Rectangle {
            objectName: "popupBanner"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            anchors.margins: Theme.padding
            height: bannerRow.implicitHeight + 2 * Theme.spacing
            radius: Theme.radius
            color: "#d0000000"
            border.color: popupView.popup.severity === "critical" ? Theme.alarm : popupView.popup.severity === "warning" ? Theme.warning : Theme.border
            visible: popupView.popup.titleShown

            RowLayout {
                id: bannerRow
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.padding
                VStatusDot {
                    status: "alarm"
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Text {
                        objectName: "popupTitle"
                        Layout.fillWidth: true
                        text: popupView.popup.title
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    Text {
                        Layout.fillWidth: true
                        text: popupView.popup.detail
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                }
                VButton {
                    objectName: "popupKeep"
                    text: qsTr("Keep in layout (K)")
                    onClicked: popupView.keepRequested()
                }
                VButton {
                    objectName: "popupClose"
                    text: qsTr("Close (Esc)")
                    onClicked: popupView.popup.dismiss()
                }
            }
        }
    }

    // The layout on its own window: full screen on this screen, or on another screen (multi-monitor).
    Window {
        id: layoutWindow
        objectName: "layoutWindow"
        title: qsTr("Vigil — %1").arg(page.live.layoutName.length > 0 ? page.live.layoutName : qsTr("Live"))
        color: "#000000"
        width: 1280
        height: 720

        function showOn(target, fullScreen) {
            screen = target
            x = target.virtualX
            y = target.virtualY
            if (fullScreen) {
                // The screen's size too: without a window manager (kiosk, wall PC) nothing else sets it.
                width = target.width
                height = target.height
                showFullScreen()
            }
            else {
                show()
            }
        }

        VLayoutGrid {
            anchors.fill: parent
            model: layoutWindow.visible ? page.live.tiles : null
            rows: page.live.rows
            columns: page.live.columns
            streamFor: (choice, w, h) => page.live.streamFor(choice, w, h)
            onChannelDropped: (index, channelId) => page.live.assign(index, channelId)
            onClearRequested: (index) => page.live.clearTile(index)
        }
        PopupTile {
            anchors.fill: parent
            popup: page.popup
            live: page.live
            onKeepRequested: page.keepPopup()
        }
        Shortcut {
            sequence: "Esc"
            onActivated: page.popup.active ? page.popup.dismiss() : layoutWindow.close()
        }
    }
}
