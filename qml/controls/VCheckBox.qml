import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// Check box in the operator theme, with an optional second line describing what it means.
CheckBox {
    id: control

    property string description

    font.pixelSize: Theme.fontBody
    spacing: Theme.spacing
    padding: 0
    topPadding: Math.round(Theme.spacing / 2)
    bottomPadding: Math.round(Theme.spacing / 2)

    indicator: Rectangle {
        x: control.leftPadding
        y: control.topPadding + Math.round((Theme.unit - height) / 2)
        implicitWidth: Math.round(Theme.unit * 1.1)
        implicitHeight: implicitWidth
        radius: Math.round(Theme.radius / 2)
        color: control.checked ? (control.enabled ? Theme.accent : Theme.textFaint) : Theme.background
        border.color: control.visualFocus ? Theme.accentHover : (control.checked ? Theme.accent : Theme.border)

        Text {
            anchors.centerIn: parent
            visible: control.checked
            text: "\u2713"
            font.pixelSize: Math.round(parent.height * 0.8)
            font.weight: Font.Bold
            color: Theme.accentText
        }
    }

    contentItem: Column {
        leftPadding: control.indicator.width + control.spacing
        spacing: 2

        Text {
            text: control.text
            font: control.font
            color: control.enabled ? Theme.text : Theme.textMuted
        }
        Text {
            visible: control.description.length > 0
            width: control.availableWidth - control.indicator.width - control.spacing
            text: control.description
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }
}
