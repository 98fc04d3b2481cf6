import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// An entry of a drop-down menu (the user menu), with its shortcut on the right.
MenuItem {
    id: item

    property string shortcutText

    implicitWidth: Math.round(Theme.unit * 16)
    implicitHeight: Theme.controlHeight
    font.pixelSize: Theme.fontBody

    contentItem: Item {
        Text {
            anchors.left: parent.left
            anchors.leftMargin: Theme.spacing
            anchors.verticalCenter: parent.verticalCenter
            text: item.text
            font: item.font
            color: item.enabled ? Theme.text : Theme.textFaint
        }
        Text {
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
