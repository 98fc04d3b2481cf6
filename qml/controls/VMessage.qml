import QtQuick
import Vigil.UI

// One line (or a few) of feedback in a tinted box: "error", "warning" or "info". Hidden when empty.
Rectangle {
    id: box

    property string text
    property string kind: "error"
    readonly property color tone: kind === "info" ? Theme.accent : kind === "warning" ? Theme.warning : Theme.alarm

    visible: text.length > 0
    implicitWidth: Theme.formWidth
    implicitHeight: visible ? label.implicitHeight + Theme.padding : 0
    radius: Theme.radius
    color: Qt.rgba(tone.r, tone.g, tone.b, 0.12)
    border.color: Qt.rgba(tone.r, tone.g, tone.b, 0.6)

    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: 1
        width: Theme.stateBar
        radius: width / 2
        color: box.tone
    }

    Text {
        id: label
        objectName: "messageText"
        anchors.verticalCenter: parent.verticalCenter
        x: Theme.padding
        width: parent.width - Theme.padding - Theme.spacing
        text: box.text
        font.pixelSize: Theme.fontBody
        color: Theme.text
        wrapMode: Text.WordWrap
    }
}
