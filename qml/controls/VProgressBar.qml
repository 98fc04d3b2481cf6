import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// A thin progress bar in the operator theme; `value` 0..1, indeterminate (a moving block) at 0.
ProgressBar {
    id: bar

    from: 0
    to: 1
    indeterminate: value <= 0

    background: Rectangle {
        implicitHeight: Math.round(Theme.unit * 0.3)
        radius: height / 2
        color: Theme.panelRaised
    }
    contentItem: Item {
        clip: true
        Rectangle {
            width: bar.indeterminate ? parent.width * 0.3 : bar.visualPosition * parent.width
            height: parent.height
            radius: height / 2
            color: Theme.accent
            SequentialAnimation on x {
                running: bar.indeterminate && bar.visible
                loops: Animation.Infinite
                NumberAnimation { from: 0; to: bar.width * 0.7; duration: 900 }
                NumberAnimation { from: bar.width * 0.7; to: 0; duration: 900 }
            }
        }
    }
}
