import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// Single-line input in the operator theme, with an optional label above it and an optional error line
// under it. The height is computed from the parts (not left to a Column) so layouts always get the
// full size, whatever order they size things in.
Item {
    id: field

    property alias label: caption.text
    property alias text: input.text
    property alias placeholderText: input.placeholderText
    property alias validator: input.validator
    property alias inputMethodHints: input.inputMethodHints
    property alias echoMode: input.echoMode
    property alias readOnly: input.readOnly
    property alias maximumLength: input.maximumLength
    property alias input: input
    // Red border and a line under the field when the value is wrong; empty: no message.
    property string errorText
    readonly property int gap: Math.round(Theme.spacing / 2)
    signal accepted

    implicitWidth: Theme.formWidth
    implicitHeight: input.y + input.height + (error.visible ? gap + error.implicitHeight : 0)

    Text {
        id: caption
        width: field.width
        visible: text.length > 0
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        elide: Text.ElideRight
    }

    TextField {
        id: input
        y: caption.visible ? caption.implicitHeight + field.gap : 0
        width: field.width
        height: Theme.controlHeight
        font.pixelSize: Theme.fontBody
        color: Theme.text
        placeholderTextColor: Theme.textFaint
        selectionColor: Theme.accent
        selectedTextColor: Theme.accentText
        leftPadding: Theme.spacing
        onAccepted: field.accepted()

        background: Rectangle {
            radius: Theme.radius
            color: input.readOnly ? Theme.panel : Theme.background
            border.color: field.errorText.length > 0 ? Theme.alarm : (input.activeFocus ? Theme.accent : Theme.border)
            border.width: 1
        }
    }

    Text {
        id: error
        objectName: "errorText"
        y: input.y + input.height + field.gap
        width: field.width
        visible: field.errorText.length > 0
        text: field.errorText
        font.pixelSize: Theme.fontSmall
        color: Theme.alarm
        wrapMode: Text.WordWrap
    }
}
