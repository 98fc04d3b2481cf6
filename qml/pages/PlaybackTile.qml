import QtQuick
import Vigil.UI

// One camera of the Playback page: its recorded video at the page's clock, with its name. The page
// drives every tile the same way (seek, frame steps, speed, pause) and the tiles report the time of
// the picture they show (positionReported), which keeps them in step (PlaybackController).
//
// The video item is the player's VVideo (app/player) once it is in the module; until then the tile
// shows the camera's name and the time it would show.
Rectangle {
    id: tile

    property string channelId
    property string channelName
    property real speed: 1
    property bool paused: true
    property real clockMs: 0
    readonly property int framesShown: 0

    signal positionReported(real ms)

    function seek(ms) {
    }
    function stepFrame(direction) {
    }

    color: "#000000"
    border.color: Theme.border

    Text {
        anchors.centerIn: parent
        text: Qt.formatDateTime(new Date(tile.clockMs), "yyyy-MM-dd HH:mm:ss")
        font.pixelSize: Theme.fontBody
        font.family: Theme.monospace
        color: Theme.textFaint
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
