import QtQuick
import Vigil.UI

// One camera of the Playback page: its recorded video (VVideo in archive mode, the main stream that
// the server records) at the page's clock, with its name. The page drives every tile the same way
// (seek, frame steps, speed, pause) and the tiles report the time of the picture they show
// (positionReported), which keeps them in step (PlaybackController).
Rectangle {
    id: tile

    property string channelId
    property string channelName
    property real speed: 1
    property bool paused: true
    property real clockMs: 0
    readonly property int framesShown: video.framesShown
    readonly property alias video: video

    signal positionReported(real ms)

    function seek(ms) {
        video.seek(ms)
    }
    function stepFrame(direction) {
        video.stepFrame(direction)
    }

    color: "#000000"
    border.color: Theme.border

    VVideo {
        id: video
        objectName: "playbackVideo"
        anchors.fill: parent
        anchors.margins: 1
        mode: "archive"
        stream: "main"
        channelId: tile.channelId
        speed: tile.speed
        paused: tile.paused
        // The page shows play/pause itself.
        showPausedBadge: false
        onPositionMsChanged: {
            if (positionMs > 0)
                tile.positionReported(positionMs)
        }
    }

    // For people reading the log and for the UI test: which recorded time the tile shows after a seek,
    // and where the tile is on screen.
    Connections {
        target: video.player
        function onFirstFrame(elapsedMs) {
            const at = tile.mapToItem(null, 0, 0)
            console.info("playback: tile " + tile.channelId + " shows " + Math.round(video.positionMs) + " after "
                         + elapsedMs + " ms at " + [Math.round(at.x), Math.round(at.y), Math.round(tile.width),
                                                    Math.round(tile.height)].join(","))
        }
    }

    // The time of the picture (or of the clock, before the first picture).
    Rectangle {
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        width: timeText.implicitWidth + Theme.padding
        height: timeText.implicitHeight + Theme.spacing
        radius: Theme.radius
        color: "#99000000"

        Text {
            id: timeText
            objectName: "tileTime"
            anchors.centerIn: parent
            text: Qt.formatDateTime(new Date(video.positionMs > 0 ? video.positionMs : tile.clockMs),
                                    "yyyy-MM-dd HH:mm:ss")
            font.pixelSize: Theme.fontSmall
            font.family: Theme.monospace
            color: Theme.text
        }
    }

    Rectangle {
        anchors.left: parent.left
        anchors.bottom: parent.bottom
        anchors.margins: Theme.spacing
        width: nameText.implicitWidth + Theme.padding
        height: nameText.implicitHeight + Theme.spacing
        radius: Theme.radius
        color: "#99000000"

        Text {
            id: nameText
            objectName: "tileName"
            anchors.centerIn: parent
            text: tile.channelName
            font.pixelSize: Theme.fontSmall
            color: Theme.text
        }
    }
}
