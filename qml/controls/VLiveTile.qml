import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// One tile of the Live view (VID-1): a camera's picture (VVideo) or an empty place to drop one. It
// takes cameras dragged from the device tree (drag keys "vigil/channel", mimeData channelId), zooms
// digitally (wheel to zoom around the pointer, drag to pan, double-click the zoomed picture to reset),
// and says what is wrong when there is no picture: the video item's own overlay (offline, no rights,
// reconnecting...) or, here, that no video component is available. Which stream it plays is decided
// by the page (LiveView.streamFor); this only shows it.
Rectangle {
    id: tile

    property int tileIndex: -1
    property string channelId
    property string channelName
    property string stream: "sub"
    property bool selected: false
    property bool replay: false          // instant replay: the last 30 s of the recording
    property int replaySeconds: 30
    property bool ptz: false             // the channel offers pan/tilt/zoom
    property real zoom: 1
    property real panX: 0
    property real panY: 0
    readonly property var video: videoLoader.status === Loader.Ready ? videoLoader.item : null
    readonly property string videoState: channelId.length === 0 ? "empty"
                                         : video ? video.videoState : videoLoader.status === Loader.Error ? "unavailable" : "connecting"
    readonly property string stateText: channelId.length === 0 ? qsTr("Drop a camera here")
                                        : video ? video.stateText
                                        : videoLoader.status === Loader.Error ? qsTr("The video component is missing from this installation.")
                                        : qsTr("Connecting…")

    signal channelDropped(string channelId)
    signal selectRequested(bool extend)  // extend: Shift held (join tiles into one)
    signal fullScreenRequested()
    signal clearRequested()
    signal snapshotRequested()

    function resetZoom() { zoom = 1; panX = 0; panY = 0 }
    // Zooms by `factor` keeping the point (x, y) of the tile where it is.
    function zoomAt(factor, x, y) {
        const next = Math.max(1, Math.min(8, zoom * factor))
        const k = next / zoom
        panX = clampPan(x - (x - panX) * k, next, width)
        panY = clampPan(y - (y - panY) * k, next, height)
        zoom = next
    }
    function clampPan(value, scale, size) { return Math.min(0, Math.max(size - size * scale, value)) }
    function takeSnapshot(path) { return video ? video.snapshot(path) : false }

    objectName: "liveTile" + tileIndex
    color: "#000000"
    border.width: selected ? 2 : 1
    border.color: selected ? Theme.accent : dropArea.containsDrag ? Theme.accentHover : Theme.border
    clip: true
    onChannelIdChanged: { resetZoom(); replay = false }

    Item {
        id: zoomed
        objectName: "zoomArea"
        x: tile.panX
        y: tile.panY
        width: tile.width * tile.zoom
        height: tile.height * tile.zoom

        Loader {
            id: videoLoader
            anchors.fill: parent
            anchors.margins: tile.border.width
            active: tile.channelId.length > 0
            source: Qt.resolvedUrl("VVideo.qml")
            onLoaded: {
                item.autoPlay = true
                item.channelId = Qt.binding(() => tile.channelId)
                // Replay plays the recording, which is of the main stream.
                item.stream = Qt.binding(() => tile.replay ? "main" : tile.stream)
                item.mode = Qt.binding(() => tile.replay ? "archive" : "live")
            }
        }
    }
    onReplayChanged: {
        if (video && replay)
            video.seek(Date.now() - replaySeconds * 1000)
    }

    // Nothing to show: an empty tile's number and hint, or why there is no video component.
    Column {
        anchors.centerIn: parent
        spacing: Theme.spacing / 2
        visible: tile.channelId.length === 0 || tile.videoState === "unavailable"
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: tile.tileIndex + 1
            font.pixelSize: Theme.fontHeading
            color: Theme.textFaint
            visible: tile.channelId.length === 0
        }
        Text {
            objectName: "tileHint"
            anchors.horizontalCenter: parent.horizontalCenter
            width: Math.min(tile.width - 2 * Theme.spacing, implicitWidth)
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            text: tile.stateText
            font.pixelSize: Theme.fontSmall
            color: tile.videoState === "unavailable" ? Theme.warning : Theme.textMuted
        }
    }

    MouseArea {
        id: mouse
        anchors.fill: parent
        acceptedButtons: Qt.LeftButton
        hoverEnabled: true
        property real lastX
        property real lastY
        cursorShape: tile.zoom > 1 ? (pressed ? Qt.ClosedHandCursor : Qt.OpenHandCursor) : Qt.ArrowCursor
        onPressed: (event) => { lastX = event.x; lastY = event.y; tile.selectRequested((event.modifiers & Qt.ShiftModifier) !== 0) }
        onPositionChanged: (event) => {
            if (!pressed || tile.zoom <= 1)
                return
            tile.panX = tile.clampPan(tile.panX + event.x - lastX, tile.zoom, tile.width)
            tile.panY = tile.clampPan(tile.panY + event.y - lastY, tile.zoom, tile.height)
            lastX = event.x
            lastY = event.y
        }
        onDoubleClicked: tile.zoom > 1 ? tile.resetZoom() : tile.fullScreenRequested()
        onWheel: (wheel) => {
            if (tile.channelId.length > 0)
                tile.zoomAt(wheel.angleDelta.y > 0 ? 1.25 : 0.8, wheel.x, wheel.y)
        }
    }

    DropArea {
        id: dropArea
        anchors.fill: parent
        keys: ["vigil/channel"]
        onDropped: (drop) => {
            const id = drop.source && drop.source.channelId !== undefined ? drop.source.channelId : drop.getDataAsString("vigil/channel")
            if (id && id.length > 0) {
                tile.channelDropped(id)
                drop.acceptProposedAction()
            }
        }
    }

    // The caption: which camera, which stream, and the tile's actions.
    Rectangle {
        id: caption
        objectName: "tileCaption"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: tile.border.width
        height: Math.round(Theme.unit * 1.6)
        color: "#b0000000"
        visible: tile.channelId.length > 0

        Row {
            anchors.left: parent.left
            anchors.leftMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            spacing: Theme.spacing
            VStatusDot {
                anchors.verticalCenter: parent.verticalCenter
                status: tile.videoState === "playing" ? "online" : tile.videoState === "connecting" || tile.videoState === "reconnecting" ? "connecting" : "offline"
            }
            Text {
                objectName: "tileTitle"
                anchors.verticalCenter: parent.verticalCenter
                text: tile.channelName.length > 0 ? tile.channelName : tile.channelId
                font.pixelSize: Theme.fontSmall
                font.weight: Font.DemiBold
                color: Theme.text
                elide: Text.ElideRight
                width: Math.min(implicitWidth, tile.width / 2)
            }
            Text {
                anchors.verticalCenter: parent.verticalCenter
                text: (tile.replay ? qsTr("replay") : tile.stream) + (tile.zoom > 1 ? " · " + tile.zoom.toFixed(1) + "×" : "")
                font.pixelSize: Theme.fontSmall
                color: tile.replay ? Theme.warning : Theme.textMuted
            }
        }
        Row {
            anchors.right: parent.right
            anchors.verticalCenter: parent.verticalCenter
            visible: mouse.containsMouse || tile.selected
            component TileAction: AbstractButton {
                id: action
                property string tip
                focusPolicy: Qt.NoFocus
                width: caption.height
                height: caption.height
                hoverEnabled: true
                contentItem: Text {
                    text: action.text
                    font.pixelSize: Theme.fontSmall
                    color: action.hovered ? Theme.text : Theme.textMuted
                    horizontalAlignment: Text.AlignHCenter
                    verticalAlignment: Text.AlignVCenter
                }
                background: Rectangle { color: action.hovered ? Theme.panelHover : "transparent" }
                ToolTip.visible: hovered
                ToolTip.text: tip
            }
            TileAction { objectName: "snapshotButton"; text: "\u25c9"; tip: qsTr("Snapshot"); onClicked: tile.snapshotRequested() }
            TileAction { objectName: "replayButton"; text: tile.replay ? "\u25cf" : "\u21ba"; tip: tile.replay ? qsTr("Back to live") : qsTr("Instant replay (last 30 s)"); onClicked: tile.replay = !tile.replay }
            TileAction { objectName: "fullScreenButton"; text: "\u2922"; tip: qsTr("Full screen (F)"); onClicked: tile.fullScreenRequested() }
            TileAction { objectName: "clearButton"; text: "\u2715"; tip: qsTr("Clear tile (Delete)"); onClicked: tile.clearRequested() }
        }
    }
}
