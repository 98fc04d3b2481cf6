import QtQuick
import QtQuick.Controls
import QtMultimedia
import Vigil.Media
import Vigil.UI

// One video: the picture of a channel (live or recorded) or a file, with an overlay that says what
// is wrong when there is no picture (connecting, reconnecting, offline, no rights, signed out, nothing
// recorded, error). The player (Vigil.Media VideoPlayer, app/player) recovers by itself; the overlay
// only shows its state. Properties alias the player's; `player` gives the rest.
//
//   VVideo { anchors.fill: parent; channelId: "…"; stream: "sub"; autoPlay: true }
Rectangle {
    id: root

    property alias player: player
    property alias channelId: player.channelId
    property alias stream: player.stream
    property alias mode: player.mode
    property alias source: player.source
    property alias positionMs: player.positionMs
    property alias speed: player.speed
    property alias paused: player.paused
    property alias videoState: player.state
    property alias stateText: player.stateText
    property alias framesShown: player.framesShown
    property alias videoSize: player.videoSize
    property alias backend: player.backend
    property alias autoPlay: player.autoPlay
    property alias fillMode: output.fillMode
    // Hide the overlay's "Paused" badge (a playback page may show its own).
    property bool showPausedBadge: true

    readonly property bool busy: player.state === "connecting" || player.state === "reconnecting"
    readonly property bool problem: ["offline", "unauthorised", "forbidden", "no_recording", "error"].indexOf(player.state) >= 0

    function play() { player.play() }
    function stop() { player.stop() }
    function seek(ms) { player.seek(ms) }
    function stepFrame(direction) { player.stepFrame(direction) }
    function snapshot(path) { return player.snapshot(path) }

    color: "#000000"
    implicitWidth: 640
    implicitHeight: 360

    VideoOutput {
        id: output
        objectName: "videoOutput"
        anchors.fill: parent
        fillMode: VideoOutput.PreserveAspectFit
    }

    VideoPlayer {
        id: player
        videoSink: output.videoSink
    }

    // What is wrong, over the last picture (dimmed) or the black background.
    Rectangle {
        id: overlay
        objectName: "overlay"
        anchors.fill: parent
        visible: root.busy || root.problem
        color: player.framesShown > 0 ? "#99000000" : Theme.background

        Column {
            anchors.centerIn: parent
            width: Math.min(parent.width - 2 * Theme.padding, Theme.unit * 24)
            spacing: Theme.spacing

            BusyIndicator {
                objectName: "spinner"
                anchors.horizontalCenter: parent.horizontalCenter
                running: root.busy
                visible: root.busy
                width: Math.min(Theme.unit * 3, root.height / 3)
                height: width
            }

            Rectangle {
                objectName: "problemMark"
                anchors.horizontalCenter: parent.horizontalCenter
                visible: root.problem
                width: Math.min(Theme.unit * 2.5, root.height / 4)
                height: width
                radius: width / 2
                color: "transparent"
                border.width: Math.max(2, width / 12)
                border.color: overlay.stateColor
                Text {
                    anchors.centerIn: parent
                    text: "!"
                    color: overlay.stateColor
                    font.pixelSize: parent.height * 0.6
                    font.bold: true
                }
            }

            Text {
                objectName: "stateText"
                width: parent.width
                horizontalAlignment: Text.AlignHCenter
                wrapMode: Text.WordWrap
                text: player.stateText
                color: Theme.text
                font.pixelSize: root.height < Theme.unit * 8 ? Theme.fontSmall : Theme.fontBody
                maximumLineCount: 4
                elide: Text.ElideRight
            }
        }

        readonly property color stateColor: {
            switch (player.state) {
            case "offline": return Theme.offline
            case "no_recording": return Theme.textMuted
            case "unauthorised":
            case "forbidden": return Theme.warning
            default: return Theme.alarm
            }
        }
    }

    // Paused: a small badge in the corner; the picture stays clear.
    Rectangle {
        objectName: "pausedBadge"
        visible: root.showPausedBadge && player.state === "paused"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        radius: Theme.radius
        color: "#b3000000"
        width: pausedText.implicitWidth + 2 * Theme.spacing
        height: pausedText.implicitHeight + Theme.spacing
        Text {
            id: pausedText
            anchors.centerIn: parent
            text: player.stateText
            color: Theme.text
            font.pixelSize: Theme.fontSmall
        }
    }
}
