import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// Drop-down list in the operator theme, with an optional label above. The model is a list of
// {id, name}; `currentId` reads and sets the choice by id. Sized from its parts, like VTextField.
Item {
    id: field

    property alias label: caption.text
    property alias model: box.model
    property alias box: box
    property string currentId
    signal activated(string id)

    implicitWidth: Theme.formWidth
    implicitHeight: box.y + box.height

    function syncIndex() {
        box.currentIndex = box.indexOfValue(currentId)
    }
    onCurrentIdChanged: syncIndex()
    Component.onCompleted: syncIndex()

    Text {
        id: caption
        width: field.width
        visible: text.length > 0
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }

    ComboBox {
        id: box
        y: caption.visible ? caption.implicitHeight + Math.round(Theme.spacing / 2) : 0
        width: field.width
        height: Theme.controlHeight
        font.pixelSize: Theme.fontBody
        textRole: "name"
        valueRole: "id"
        onModelChanged: field.syncIndex()
        onCountChanged: field.syncIndex()
        onActivated: {
            field.currentId = currentValue
            field.activated(currentValue)
        }

        contentItem: Text {
            leftPadding: Theme.spacing
            text: box.displayText
            font: box.font
            color: Theme.text
            verticalAlignment: Text.AlignVCenter
            elide: Text.ElideRight
        }
        indicator: Text {
            x: box.width - width - Theme.spacing
            y: (box.height - height) / 2
            text: "\u25be"
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        background: Rectangle {
            radius: Theme.radius
            color: Theme.background
            border.color: box.activeFocus ? Theme.accent : Theme.border
        }
        delegate: ItemDelegate {
            required property var modelData
            required property int index
            width: box.width
            height: Theme.controlHeight
            highlighted: box.highlightedIndex === index
            contentItem: Text {
                text: modelData.name
                font.pixelSize: Theme.fontBody
                color: Theme.text
                verticalAlignment: Text.AlignVCenter
            }
            background: Rectangle {
                color: parent.highlighted ? Theme.selection : Theme.panelRaised
            }
        }
        popup: Popup {
            y: box.height + 2
            width: box.width
            implicitHeight: Math.min(contentItem.implicitHeight + 2, Theme.rowHeight * 8)
            padding: 1
            contentItem: ListView {
                clip: true
                implicitHeight: contentHeight
                model: box.popup.visible ? box.delegateModel : null
                currentIndex: box.highlightedIndex
            }
            background: Rectangle {
                color: Theme.panelRaised
                border.color: Theme.border
                radius: Theme.radius
            }
        }
    }
}
