import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// An entry of a drop-down menu (the user menu): an optional icon, the text, its shortcut on the right.
MenuItem {
    id: item

    property string shortcutText
    property string glyph

    implicitWidth: Math.max(Math.round(Theme.unit * 18), glyphItem.width + label.implicitWidth + keys.implicitWidth + 4 * Theme.spacing)
    implicitHeight: Theme.controlHeight
    font.pixelSize: Theme.fontBody

    contentItem: Item {
        VIcon {
            id: glyphItem
            anchors.left: parent.left
            anchors.leftMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            width: item.glyph.length > 0 ? Theme.iconSize : 0
            icon: item.glyph
            color: item.enabled ? Theme.textMuted : Theme.textFaint
        }
        Text {
            id: label
            anchors.left: glyphItem.right
            anchors.leftMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: item.text
            font: item.font
            color: item.enabled ? Theme.text : Theme.textFaint
        }
        Text {
            id: keys
            anchors.right: parent.right
            anchors.rightMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: item.shortcutText
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
        }
    }
    background: Rectangle {
        radius: Theme.radius
        color: item.highlighted ? Theme.selection : "transparent"
    }
}
