import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// Slider in the operator theme: a thin track filled with the accent up to the handle.
Slider {
    id: control

    snapMode: Slider.SnapAlways

    background: Rectangle {
        x: control.leftPadding
        y: control.topPadding + control.availableHeight / 2 - height / 2
        width: control.availableWidth
        height: Math.round(Theme.spacing / 2)
        radius: height / 2
        color: Theme.border
        Rectangle {
            width: control.visualPosition * parent.width
            height: parent.height
            radius: height / 2
            color: control.enabled ? Theme.accent : Theme.textFaint
        }
    }
    handle: Rectangle {
        x: control.leftPadding + control.visualPosition * (control.availableWidth - width)
        y: control.topPadding + control.availableHeight / 2 - height / 2
        width: Math.round(Theme.unit * 1.1)
        height: width
        radius: width / 2
        color: control.pressed ? Theme.accentHover : Theme.text
        border.color: control.visualFocus ? Theme.accent : Theme.border
    }
}
