import QtQuick
import QtQuick.Layouts
import Vigil.UI

// A text cell of a VTableRow: `w` is the column's width from the header (0: fill).
Text {
    property int w: 0
    property bool muted: false
    property bool mono: false

    Layout.preferredWidth: w > 0 ? w : -1
    Layout.fillWidth: w <= 0
    font.pixelSize: mono ? Theme.fontSmall : Theme.fontBody
    font.family: mono ? Theme.monospace : Qt.application.font.family
    color: muted ? Theme.textMuted : Theme.text
    elide: Text.ElideRight
    verticalAlignment: Text.AlignVCenter
}
