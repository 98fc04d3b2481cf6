import QtQuick
import Vigil.UI

// The motion region grid (issue 6): `columns` x `rows` cells laid over a camera's picture, the ones
// where motion counts framed and tinted, the others dimmed. Press on a cell and drag to paint:
// starting on an empty cell paints, starting on a painted one erases, for every cell the pointer
// crosses (also between two far-apart positions of a fast drag). The grid only shows `model` (one
// row a cell, top left first, role `included`) and asks for changes with cellPainted(); whoever owns
// the model applies them (app/motion_settings_model.h).
//
// Keyboard: the arrows move a cursor, Space toggles its cell.
Item {
    id: grid

    property var model
    property int columns: 16
    property int rows: 12
    property bool interactive: true
    // Lights the grid's border (motion going on).
    property bool alarm: false
    readonly property real cellWidth: width / columns
    readonly property real cellHeight: height / rows
    property int cursor: -1  // the keyboard's cell, -1 before the first key
    // While dragging: paint (true) or erase (false), and the last cell handled.
    property bool painting: true
    property int lastCell: -1

    signal cellPainted(int column, int row, bool included)

    function cellAt(x, y) {
        const column = Math.floor(x / cellWidth)
        const row = Math.floor(y / cellHeight)
        if (column < 0 || column >= columns || row < 0 || row >= rows)
            return -1
        return row * columns + column
    }
    function included(cell) {
        const item = cells.itemAt(cell)
        return item ? item.included : false
    }
    function paint(cell) {
        if (cell >= 0 && included(cell) !== painting)
            cellPainted(cell % columns, Math.floor(cell / columns), painting)
    }
    // Every cell on the line from the last cell to `cell`, so a fast drag leaves no gaps.
    function paintTo(cell) {
        if (cell < 0 || cell === lastCell)
            return
        if (lastCell < 0) {
            paint(cell)
        } else {
            const c0 = lastCell % columns, r0 = Math.floor(lastCell / columns)
            const c1 = cell % columns, r1 = Math.floor(cell / columns)
            const steps = Math.max(Math.abs(c1 - c0), Math.abs(r1 - r0))
            for (let i = 1; i <= steps; ++i)
                paint(Math.round(r0 + (r1 - r0) * i / steps) * columns + Math.round(c0 + (c1 - c0) * i / steps))
        }
        lastCell = cell
    }

    activeFocusOnTab: true
    Keys.onPressed: event => {
        if (!interactive)
            return
        const at = Math.max(cursor, 0)
        let next = at
        if (event.key === Qt.Key_Left)
            next = at % columns > 0 ? at - 1 : at
        else if (event.key === Qt.Key_Right)
            next = at % columns < columns - 1 ? at + 1 : at
        else if (event.key === Qt.Key_Up)
            next = at >= columns ? at - columns : at
        else if (event.key === Qt.Key_Down)
            next = at + columns < columns * rows ? at + columns : at
        else if (event.key === Qt.Key_Space) {
            cellPainted(at % columns, Math.floor(at / columns), !included(at))
            cursor = at
            event.accepted = true
            return
        } else
            return
        cursor = next
        event.accepted = true
    }

    Repeater {
        id: cells
        model: grid.model

        delegate: Rectangle {
            required property int index
            required property bool included
            objectName: "motionCell" + index
            x: (index % grid.columns) * grid.cellWidth
            y: Math.floor(index / grid.columns) * grid.cellHeight
            width: grid.cellWidth
            height: grid.cellHeight
            // Where motion counts: a light accent tint with a clear frame; elsewhere the picture
            // is dimmed, so both read on bright and dark pictures.
            color: included ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.22) : Qt.rgba(0, 0, 0, 0.55)
            border.width: 1
            border.color: included ? Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.9)
                                   : Qt.rgba(1, 1, 1, 0.12)
        }
    }

    // The keyboard's cursor.
    Rectangle {
        visible: grid.activeFocus && grid.cursor >= 0
        x: (grid.cursor % grid.columns) * grid.cellWidth
        y: Math.floor(grid.cursor / grid.columns) * grid.cellHeight
        width: grid.cellWidth
        height: grid.cellHeight
        color: "transparent"
        border.width: 2
        border.color: Theme.text
    }

    Rectangle {
        anchors.fill: parent
        color: "transparent"
        border.width: grid.alarm ? 3 : 1
        border.color: grid.alarm ? Theme.alarm : Theme.border
    }

    MouseArea {
        objectName: "motionGridArea"
        anchors.fill: parent
        enabled: grid.interactive
        preventStealing: true
        cursorShape: Qt.CrossCursor
        onPressed: mouse => {
            grid.forceActiveFocus()
            const cell = grid.cellAt(mouse.x, mouse.y)
            grid.lastCell = -1
            grid.painting = cell >= 0 ? !grid.included(cell) : true
            grid.paintTo(cell)
        }
        onPositionChanged: mouse => grid.paintTo(grid.cellAt(mouse.x, mouse.y))
        onReleased: grid.lastCell = -1
    }
}
