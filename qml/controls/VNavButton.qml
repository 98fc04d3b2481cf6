import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// An entry of the left navigation rail: the page's icon, a short label and the shortcut hint, with an
// accent bar when it is the current page. The hint also shows in the tooltip.
AbstractButton {
    id: control

    property bool current: false
    property string hint
    property string glyph

    hoverEnabled: true
    ToolTip.visible: hovered && hint.length > 0
    ToolTip.delay: Theme.tooltipDelay
    ToolTip.text: qsTr("%1 (%2)").arg(text).arg(hint)

    implicitWidth: Theme.railWidth
    // Two-word labels ("Security settings") wrap onto a second line rather than being clipped.
    implicitHeight: Math.max(Math.round(Theme.unit * 3.5), contentItem.implicitHeight + Theme.spacing)
    // Small print: long words (German) must fit the rail; the icon above carries the meaning.
    font.pixelSize: Theme.fontSmall

    background: Rectangle {
        color: control.current ? Theme.selection : (control.hovered ? Theme.panel : "transparent")

        Rectangle {
            anchors.left: parent.left
            anchors.top: parent.top
            anchors.bottom: parent.bottom
            width: Theme.stateBar
            color: Theme.accent
            visible: control.current
        }
    }

    contentItem: Column {
        spacing: Math.round(Theme.spacing / 2)
        topPadding: Theme.spacing

        VIcon {
            anchors.horizontalCenter: parent.horizontalCenter
            visible: control.glyph.length > 0
            icon: control.glyph
            size: Theme.iconLarge
            color: control.current ? Theme.accent : Theme.textMuted
        }
        Text {
            width: control.availableWidth
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            text: control.text
            font: control.font
            color: control.current ? Theme.text : Theme.textMuted
        }
        Text {
            anchors.horizontalCenter: parent.horizontalCenter
            text: control.hint
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
        }
    }
}
