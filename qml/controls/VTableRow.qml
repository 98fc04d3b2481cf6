import QtQuick
import QtQuick.Layouts
import Vigil.UI

// One row of a table-like list: put cells (Text, VStatusDot, buttons) inside; give them the widths of
// the VTableHeader's columns. Clicking selects; `selected` shows it.
Rectangle {
    id: row

    property bool selected: false
    property bool striped: false
    default property alias cells: cellsRow.data
    signal clicked

    implicitHeight: Theme.rowHeight
    color: selected ? Theme.selection : (hover.hovered ? Theme.panelHover : (striped ? Qt.rgba(1, 1, 1, 0.02) : "transparent"))
    border.color: selected ? Theme.accent : "transparent"
    radius: Theme.radius

    HoverHandler {
        id: hover
    }
    TapHandler {
        onTapped: row.clicked()
    }

    RowLayout {
        id: cellsRow
        anchors.fill: parent
        anchors.leftMargin: Theme.padding
        anchors.rightMargin: Theme.padding
        spacing: Theme.padding
    }
}
