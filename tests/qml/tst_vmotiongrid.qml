import QtQuick
import QtTest
import Vigil.UI

// VMotionGrid (issue 6, the motion region grid): a cell sits where its index says, a press on an
// empty cell and a drag paint every cell the pointer crosses (also the ones a fast drag jumps over),
// a drag started on a painted cell erases, the keyboard toggles cells, and a grid that is not
// interactive asks for nothing. The model here is a ListModel the test updates on cellPainted, as
// app/motion_settings_model.h does in the app.
Item {
    id: root
    width: 640
    height: 480

    ListModel {
        id: cells
    }

    VMotionGrid {
        id: grid
        width: 640   // 40 x 40 pixel cells
        height: 480
        columns: 16
        rows: 12
        model: cells
        onCellPainted: (column, row, included) => cells.setProperty(row * 16 + column, "included", included)
    }

    SignalSpy { id: painted; target: grid; signalName: "cellPainted" }

    TestCase {
        name: "VMotionGrid"
        when: windowShown

        function init() {
            cells.clear()
            for (let i = 0; i < 192; ++i)
                cells.append({ included: false })
            grid.interactive = true
            painted.clear()
        }
        function includedCells() {
            const on = []
            for (let i = 0; i < cells.count; ++i)
                if (cells.get(i).included)
                    on.push(i)
            return on
        }
        function centre(column, row) {
            return { x: column * 40 + 20, y: row * 40 + 20 }
        }

        function test_cells_sit_where_their_index_says() {
            const cell = findChild(grid, "motionCell" + (3 * 16 + 5))
            verify(cell)
            compare(cell.x, 200)
            compare(cell.y, 120)
            compare(cell.width, 40)
            compare(cell.height, 40)
            compare(grid.cellAt(639, 479), 191)
            compare(grid.cellAt(640, 10), -1)
        }

        function test_drag_from_an_empty_cell_paints_the_cells_crossed() {
            const from = centre(1, 1)
            mousePress(grid, from.x, from.y)
            // Straight to three cells to the right in one move: the two between are painted too.
            const to = centre(4, 1)
            mouseMove(grid, to.x, to.y, -1, Qt.LeftButton)
            const down = centre(4, 2)
            mouseMove(grid, down.x, down.y, -1, Qt.LeftButton)
            mouseRelease(grid, down.x, down.y)
            compare(includedCells(), [17, 18, 19, 20, 36])
            compare(painted.count, 5)
            compare(Array.from(painted.signalArguments[0]), [1, 1, true])
            // Painted cells are tinted with the accent, the others dimmed.
            const painted17 = findChild(grid, "motionCell17").color
            const dimmed16 = findChild(grid, "motionCell16").color
            verify(painted17.b > painted17.r, painted17)
            verify(dimmed16.r === 0 && dimmed16.b === 0 && dimmed16.a > 0.3, dimmed16)
        }

        function test_drag_from_a_painted_cell_erases() {
            for (const i of [0, 1, 2, 3])
                cells.setProperty(i, "included", true)
            const from = centre(1, 0)
            mousePress(grid, from.x, from.y)
            const to = centre(5, 0)  // over 2 and 3 (painted) and 4, 5 (already empty)
            mouseMove(grid, to.x, to.y, -1, Qt.LeftButton)
            mouseRelease(grid, to.x, to.y)
            compare(includedCells(), [0])
            compare(painted.count, 3)  // only the cells that change
            for (let i = 0; i < painted.count; ++i)
                compare(painted.signalArguments[i][2], false)
        }

        function test_keyboard_moves_and_toggles() {
            grid.forceActiveFocus()
            grid.cursor = -1
            keyClick(Qt.Key_Right)
            keyClick(Qt.Key_Down)
            keyClick(Qt.Key_Space)
            compare(includedCells(), [17])
            keyClick(Qt.Key_Space)
            compare(includedCells(), [])
            keyClick(Qt.Key_Left)
            keyClick(Qt.Key_Left)  // stops at the edge
            compare(grid.cursor, 16)
        }

        function test_not_interactive_asks_for_nothing() {
            grid.interactive = false
            const at = centre(2, 2)
            mousePress(grid, at.x, at.y)
            mouseRelease(grid, at.x, at.y)
            compare(painted.count, 0)
            compare(includedCells(), [])
        }
    }
}
