import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// Single-line input in the operator theme, with an optional label above it.
Column {
    id: field

    property alias label: caption.text
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias validator: input.validator
    property alias inputMethodHints: input.inputMethodHints
    property alias input: input
    signal accepted

    spacing: Math.round(Theme.spacing / 2)

    Text {
        id: caption
        visible: text.length > 0
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }

    TextField {
        id: input
        width: field.width
        implicitHeight: Theme.controlHeight
        font.pixelSize: Theme.fontBody
        color: Theme.text
        placeholderTextColor: Theme.textFaint
        selectionColor: Theme.accent
        selectedTextColor: Theme.accentText
        leftPadding: Theme.spacing
        onAccepted: field.accepted()

        background: Rectangle {
            radius: Theme.radius
            color: Theme.background
            border.color: input.activeFocus ? Theme.accent : Theme.border
            border.width: 1
        }
    }
}
