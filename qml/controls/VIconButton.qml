import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// A square icon button for bars (the top bar's alarm counter, sound, lock). The tooltip says what it
// does and its keys; `badge` shows a count in the corner (0 hides it), `badgeColor` its state colour;
// `active` marks a toggle that is on.
AbstractButton {
    id: control

    property string glyph
    property string tip
    property string shortcutHint
    property int badge: 0
    property color badgeColor: Theme.alarm
    property color glyphColor: Theme.text
    property bool active: false
    readonly property string tooltipText: shortcutHint.length > 0 ? qsTr("%1 (%2)").arg(tip).arg(shortcutHint) : tip

    implicitWidth: Theme.controlHeight
    implicitHeight: Theme.controlHeight
    hoverEnabled: true
    focusPolicy: Qt.TabFocus
    Accessible.name: tip
    ToolTip.visible: hovered && tip.length > 0
    ToolTip.delay: Theme.tooltipDelay
    ToolTip.text: tooltipText

    background: Rectangle {
        radius: Theme.radius
        color: control.down ? Theme.selection : (control.hovered ? Theme.panelHover : (control.active ? Theme.panelRaised : "transparent"))
        border.color: control.visualFocus ? Theme.accent : (control.active ? Theme.border : "transparent")
    }

    contentItem: Item {
        VIcon {
            anchors.centerIn: parent
            icon: control.glyph
            size: Theme.iconLarge
            color: control.enabled ? control.glyphColor : Theme.textFaint
        }
    }

    Rectangle {
        objectName: "badge"
        visible: control.badge > 0
        x: control.width - width + Math.round(Theme.spacing / 2)
        y: -Math.round(Theme.spacing / 2)
        height: Math.round(Theme.unit * 1.25)
        width: Math.max(height, badgeText.implicitWidth + Theme.spacing)
        radius: height / 2
        color: control.badgeColor

        Text {
            id: badgeText
            anchors.centerIn: parent
            text: control.badge > 999 ? "999+" : control.badge
            font.pixelSize: Theme.fontSmall
            font.weight: Font.Bold
            color: Theme.accentText
        }
    }
}
