import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// Push button in the operator theme. `primary` marks the one action a screen expects.
Button {
    id: control

    property bool primary: false
    // A destructive action (delete, end session): red instead of the accent.
    property bool danger: false

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.padding
    rightPadding: Theme.padding
    font.pixelSize: Theme.fontBody

    contentItem: Text {
        text: control.text
        font: control.font
        color: control.primary || control.danger ? Theme.accentText : (control.enabled ? Theme.text : Theme.textFaint)
        horizontalAlignment: Text.AlignHCenter
        verticalAlignment: Text.AlignVCenter
        elide: Text.ElideRight
    }

    background: Rectangle {
        radius: Theme.radius
        color: control.danger ? (control.hovered || control.visualFocus ? Qt.lighter(Theme.recording, 1.15) : Theme.recording)
             : control.primary ? (control.hovered || control.visualFocus ? Theme.accentHover : Theme.accent)
             : (control.hovered ? Theme.panelHover : Theme.panelRaised)
        border.color: control.visualFocus ? Theme.accent : Theme.border
        border.width: 1
        opacity: control.enabled ? 1.0 : 0.5
    }
}
