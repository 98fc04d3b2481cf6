import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// An entry of the left navigation rail: a short label and the shortcut hint, with an accent bar when
// it is the current page.
AbstractButton {
    id: control

    property bool current: false
    property string hint

    implicitWidth: Theme.railWidth
    // Two-word labels ("Security settings") wrap onto a second line rather than being clipped.
    implicitHeight: Math.max(Math.round(Theme.unit * 3.5), contentItem.implicitHeight + Theme.spacing)
    font.pixelSize: Theme.fontBody

    background: Rectangle {
        color: control.current ? Theme.selection : (control.hovered ? Theme.panel : "transparent")

        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: Theme.stateBar
            color: Theme.accent
            visible: control.current
        }
    }

    contentItem: Column {
        spacing: Math.round(Theme.spacing / 2)
        topPadding: Theme.spacing

        Text {
            width: control.availableWidth
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            text: control.text
            font: control.font
            color: control.current ? Theme.text : Theme.textMuted
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: control.hint
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
        }
    }
}
