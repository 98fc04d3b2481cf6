import QtQuick
import QtTest
import Vigil.UI

// VLayoutGrid (VID-1) lays tiles out by the layout's cells with their spans, fills the grid with one
// tile on full screen, picks each tile's stream through streamFor, and reports drops and clears
// with the tile's index. VLiveTile says "Drop a camera here" when empty, zooms around the pointer
// within bounds, and resets its zoom when its channel changes.
Item {
    id: root
    width: 900
    height: 600

    // The 6 grid: one 2x2 cell and five around it.
    ListModel {
        id: six
        ListElement { row: 0; column: 0; rowSpan: 2; columnSpan: 2; channelId: "cam-a"; channelName: "Gate"; streamChoice: "auto" }
        ListElement { row: 0; column: 2; rowSpan: 1; columnSpan: 1; channelId: ""; channelName: ""; streamChoice: "auto" }
        ListElement { row: 1; column: 2; rowSpan: 1; columnSpan: 1; channelId: "cam-b"; channelName: "Yard"; streamChoice: "main" }
        ListElement { row: 2; column: 0; rowSpan: 1; columnSpan: 1; channelId: ""; channelName: ""; streamChoice: "auto" }
        ListElement { row: 2; column: 1; rowSpan: 1; columnSpan: 1; channelId: ""; channelName: ""; streamChoice: "auto" }
        ListElement { row: 2; column: 2; rowSpan: 1; columnSpan: 1; channelId: ""; channelName: ""; streamChoice: "auto" }
    }

    VLayoutGrid {
        id: grid
        width: 900
        height: 600
        spacing: 0
        rows: 3
        columns: 3
        model: six
        streamFor: (choice, w, h) => choice !== "auto" ? choice : (w < 500 ? "sub" : "main")
    }

    SignalSpy { id: dropped; target: grid; signalName: "channelDropped" }
    SignalSpy { id: cleared; target: grid; signalName: "clearRequested" }
    SignalSpy { id: merged; target: grid; signalName: "mergeRequested" }

    TestCase {
        name: "VLayoutGrid"
        when: windowShown

        function test_cells_and_spans() {
            compare(grid.count, 6)
            const big = grid.tileAt(0)
            compare(big.x, 0)
            compare(big.width, 600)
            compare(big.height, 400)
            const right = grid.tileAt(2)
            compare(right.x, 600)
            compare(right.y, 200)
            compare(right.width, 300)
            const corner = grid.tileAt(5)
            compare(corner.x, 600)
            compare(corner.y, 400)
        }

        function test_stream_by_size() {
            compare(grid.tileAt(0).stream, "main")   // 600 x 400: large
            compare(grid.tileAt(1).stream, "sub")    // 300 x 200: small
            compare(grid.tileAt(2).stream, "main")   // the layout asked for main
        }

        function test_full_screen_tile() {
            grid.toggleFullScreen(2)
            const tile = grid.tileAt(2)
            compare(tile.width, grid.width)
            compare(tile.height, grid.height)
            verify(!grid.tileAt(0).visible)
            compare(tile.stream, "main")
            grid.toggleFullScreen(2)
            compare(grid.fullScreenIndex, -1)
            verify(grid.tileAt(0).visible)
            compare(tile.width, 300)
        }

        function test_selection_and_signals() {
            mouseClick(grid.tileAt(4), 10, 50)
            compare(grid.selectedIndex, 4)
            verify(grid.tileAt(4).selected)
            grid.tileAt(3).channelDropped("cam-z")
            compare(dropped.count, 1)
            compare(dropped.signalArguments[0][0], 3)
            compare(dropped.signalArguments[0][1], "cam-z")
            grid.tileAt(2).clearRequested()
            compare(cleared.signalArguments[0][0], 2)
        }

        function test_shift_click_asks_to_join() {
            mouseClick(grid.tileAt(3), 10, 50)
            compare(grid.selectedIndex, 3)
            mouseClick(grid.tileAt(5), 10, 50, Qt.LeftButton, Qt.ShiftModifier)
            compare(merged.count, 1)
            compare(merged.signalArguments[0][0], 3)
            compare(merged.signalArguments[0][1], 5)
            compare(grid.selectedIndex, 3)  // the page decides; the selection stays
        }

        function test_empty_tile_and_zoom() {
            const empty = grid.tileAt(1)
            compare(empty.videoState, "empty")
            compare(findChild(empty, "tileHint").text, "Drop a camera here")
            const tile = grid.tileAt(0)
            verify(tile.videoState !== "empty")
            verify(findChild(tile, "tileTitle").text === "Gate")
            tile.zoomAt(2, 300, 200)
            compare(tile.zoom, 2)
            compare(tile.panX, -300)   // the pointed place stays put
            compare(tile.panY, -200)
            tile.zoomAt(100, 0, 0)
            compare(tile.zoom, 8)      // at most 8x
            tile.zoomAt(0.01, 0, 0)
            compare(tile.zoom, 1)      // never below 1x, panned back
            compare(tile.panX, 0)
            tile.zoomAt(2, 600, 400)
            six.setProperty(0, "channelId", "cam-c")
            compare(tile.zoom, 1)      // a new camera starts unzoomed
        }
    }
}
