import QtQuick
import QtQuick.Layouts
import Vigil.UI

// The header row of a list laid out as a table. `columns` is [{title, width}], width in pixels, 0 for
// the one column that takes the remaining space; rows use the same widths (VTableRow) so they line up.
Rectangle {
    id: header

    property var columns: []

    implicitHeight: Math.round(Theme.unit * 2.25)
    color: Theme.panelRaised
    radius: Theme.radius

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: Theme.padding

        Repeater {
            model: header.columns

            Text {
                required property var modelData
                Layout.preferredWidth: modelData.width > 0 ? modelData.width : -1
                Layout.fillWidth: modelData.width <= 0
                text: modelData.title.toUpperCase()
                font.pixelSize: Theme.fontSmall
                font.letterSpacing: 1
                font.weight: Font.DemiBold
                color: Theme.textMuted
                elide: Text.ElideRight
            }
        }
    }
}
