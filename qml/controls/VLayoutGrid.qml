import QtQuick
import Vigil.UI

// The Live view's tile grid (VID-1): lays out one VLiveTile per row of `model` (roles row, column,
// rowSpan, columnSpan, channelId, channelName, streamChoice; app/live_tile_model.h) on a rows x
// columns grid, cells spanning as the layout says. One tile can fill the whole grid
// (fullScreenIndex). `streamFor(choice, width, height)` picks each tile's stream (LiveView.streamFor);
// without it a tile plays what the layout chose, "sub" for auto.
Item {
    id: grid

    property var model
    property int rows: 1
    property int columns: 1
    property int selectedIndex: 0
    property int fullScreenIndex: -1
    property int spacing: 2
    property var streamFor: null
    readonly property int count: repeater.count
    property int revision: 0  // moves when tiles are made or removed, so bindings on tiles follow
    readonly property var selectedTile: revision >= 0 ? repeater.itemAt(selectedIndex) : null
    readonly property real cellWidth: (width - (columns - 1) * spacing) / Math.max(1, columns)
    readonly property real cellHeight: (height - (rows - 1) * spacing) / Math.max(1, rows)

    signal tileSelected(int index)
    signal mergeRequested(int from, int to)  // Shift+click: join the selected tile and this one
    signal channelDropped(int index, string channelId)
    signal clearRequested(int index)
    signal snapshotRequested(int index)

    function tileAt(index) { return repeater.itemAt(index) }
    function toggleFullScreen(index) { fullScreenIndex = fullScreenIndex === index ? -1 : index }

    objectName: "layoutGrid"

    Repeater {
        id: repeater
        model: grid.model
        onItemAdded: grid.revision++
        onItemRemoved: grid.revision++

        VLiveTile {
            id: tile
            required property int index
            required property var model
            readonly property bool alone: grid.fullScreenIndex === index

            tileIndex: index
            channelId: model.channelId
            channelName: model.channelName
            x: alone ? 0 : model.column * (grid.cellWidth + grid.spacing)
            y: alone ? 0 : model.row * (grid.cellHeight + grid.spacing)
            width: alone ? grid.width : model.columnSpan * grid.cellWidth + (model.columnSpan - 1) * grid.spacing
            height: alone ? grid.height : model.rowSpan * grid.cellHeight + (model.rowSpan - 1) * grid.spacing
            visible: grid.fullScreenIndex < 0 || alone
            z: alone ? 1 : 0
            selected: grid.selectedIndex === index
            stream: grid.streamFor ? grid.streamFor(model.streamChoice, width, height)
                                   : (model.streamChoice === "main" ? "main" : "sub")

            onSelectRequested: (extend) => {
                if (extend && grid.selectedIndex !== index && grid.selectedIndex >= 0) {
                    grid.mergeRequested(grid.selectedIndex, index)
                    return
                }
                grid.selectedIndex = index
                grid.tileSelected(index)
            }
            onFullScreenRequested: grid.toggleFullScreen(index)
            onChannelDropped: (id) => grid.channelDropped(index, id)
            onClearRequested: grid.clearRequested(index)
            onSnapshotRequested: grid.snapshotRequested(index)
        }
    }
}
