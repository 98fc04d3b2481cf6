import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// Push button in the operator theme. `primary` marks the one action a screen expects. `glyph` puts
// an icon (Icons.qml) before the text; `tip` and `shortcutHint` show in a tooltip on hover.
Button {
    id: control

    property bool primary: false
    // A destructive action (delete, end session): red instead of the accent.
    property bool danger: false
    property string glyph
    property string tip
    property string shortcutHint

    hoverEnabled: true
    ToolTip.visible: hovered && (tip.length > 0 || shortcutHint.length > 0)
    ToolTip.delay: Theme.tooltipDelay
    ToolTip.text: shortcutHint.length > 0 ? qsTr("%1 (%2)").arg(tip.length > 0 ? tip : text).arg(shortcutHint) : tip

    implicitHeight: Theme.controlHeight
    leftPadding: Theme.padding
    rightPadding: Theme.padding
    font.pixelSize: Theme.fontBody

    contentItem: Item {
        readonly property color tint: control.primary || control.danger ? Theme.accentText : (control.enabled ? Theme.text : Theme.textFaint)
        readonly property int glyphWidth: control.glyph.length > 0 ? Theme.iconSize + Theme.spacing : 0
        implicitWidth: glyphWidth + label.implicitWidth
        implicitHeight: Math.max(label.implicitHeight, Theme.iconSize)

        Row {
            anchors.centerIn: parent
            spacing: Theme.spacing

            VIcon {
                anchors.verticalCenter: parent.verticalCenter
                visible: control.glyph.length > 0
                icon: control.glyph
                color: parent.parent.tint
            }
            Text {
                id: label
                anchors.verticalCenter: parent.verticalCenter
                visible: text.length > 0
                width: Math.min(implicitWidth, control.availableWidth - parent.parent.glyphWidth)
                text: control.text
                font: control.font
                color: parent.parent.tint
                horizontalAlignment: Text.AlignHCenter
                verticalAlignment: Text.AlignVCenter
                elide: Text.ElideRight
            }
        }
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
