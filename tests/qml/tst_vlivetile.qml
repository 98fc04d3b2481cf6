import QtQuick
import QtTest
import Vigil.UI

// VLiveTile (VID-1) on its own: an empty tile shows its number and "Drop a camera here" and takes a
// camera dragged with the key "vigil/channel" (nothing else); with a camera, the wheel zooms around
// the pointer (digital zoom, 1x..8x), a drag pans the zoomed picture within its edges, a double-click
// resets the zoom (or, unzoomed, asks for full screen), Shift-press asks to join tiles, the caption's
// buttons ask to clear it and switch instant replay, and a new camera starts unzoomed and live.
// The tile's video (VVideo) has no site here: it says so, which is all these checks need of it.
Item {
    id: root
    width: 1000
    height: 500

    VLiveTile {
        id: empty
        tileIndex: 2
        width: 400
        height: 300
    }

    VLiveTile {
        id: tile
        x: 500
        tileIndex: 0
        width: 400
        height: 300
        channelId: "cam-gate"
        channelName: "Gate"
    }

    // A camera dragged from the device tree (as VDeviceTree's rows do), and something else.
    Rectangle {
        id: camera
        property string channelId: "cam-yard"
        width: 20
        height: 20
        y: 400
        Drag.keys: ["vigil/channel"]
        Drag.hotSpot.x: 10
        Drag.hotSpot.y: 10
    }
    Rectangle {
        id: notACamera
        property string channelId: "cam-text"
        width: 20
        height: 20
        y: 450
        Drag.keys: ["text/plain"]
        Drag.hotSpot.x: 10
        Drag.hotSpot.y: 10
    }

    SignalSpy { id: dropped; target: empty; signalName: "channelDropped" }
    SignalSpy { id: selects; target: tile; signalName: "selectRequested" }
    SignalSpy { id: fullScreen; target: tile; signalName: "fullScreenRequested" }
    SignalSpy { id: clears; target: tile; signalName: "clearRequested" }

    TestCase {
        name: "VLiveTile"
        when: windowShown

        function init() {
            tile.channelId = "cam-gate"
            tile.resetZoom()
            tile.replay = false
            tile.selected = false
            for (const spy of [dropped, selects, fullScreen, clears])
                spy.clear()
        }

        function dropOn(target, source) {
            source.x = target.x + 100
            source.y = target.y + 100
            source.Drag.active = true
            source.Drag.drop()
            source.Drag.active = false
            source.y = 400
        }

        function test_empty_tile_takes_a_dragged_camera() {
            compare(empty.videoState, "empty")
            compare(findChild(empty, "tileHint").text, "Drop a camera here")
            verify(!findChild(empty, "tileCaption").visible)
            dropOn(empty, notACamera)
            compare(dropped.count, 0)   // not a camera: refused
            dropOn(empty, camera)
            compare(dropped.count, 1)
            compare(dropped.signalArguments[0][0], "cam-yard")
        }

        function test_a_camera_tile_has_a_caption_and_a_state() {
            verify(findChild(tile, "tileCaption").visible)
            compare(findChild(tile, "tileTitle").text, "Gate")
            verify(tile.videoState !== "empty")
            verify(tile.stateText.length > 0, "the tile says why there is no picture")
        }

        function test_wheel_zooms_around_the_pointer() {
            mouseWheel(tile, 100, 60, 0, 120)
            compare(tile.zoom, 1.25)
            compare(tile.panX, 100 - 100 * 1.25)   // the point under the pointer stays put
            compare(tile.panY, 60 - 60 * 1.25)
            for (let i = 0; i < 20; ++i)
                mouseWheel(tile, 100, 60, 0, 120)
            compare(tile.zoom, 8)                   // at most 8x
            for (let i = 0; i < 30; ++i)
                mouseWheel(tile, 100, 60, 0, -120)
            compare(tile.zoom, 1)                   // never below 1x, and back in place
            compare(tile.panX, 0)
            compare(tile.panY, 0)
            mouseWheel(empty, 100, 60, 0, 120)
            compare(empty.zoom, 1)                  // nothing to zoom in an empty tile
        }

        function test_drag_pans_the_zoomed_picture_within_its_edges() {
            tile.zoomAt(2, 200, 150)               // the middle: panned by -200, -150
            compare(tile.panX, -200)
            compare(tile.panY, -150)
            mouseDrag(tile, 200, 150, 50, 30)
            compare(tile.panX, -150)
            compare(tile.panY, -120)
            mouseDrag(tile, 100, 100, 250, 250)      // further than the picture's edge
            compare(tile.panX, 0)
            compare(tile.panY, 0)
            mouseDrag(tile, 390, 290, -380, -280)
            compare(tile.panX, -380)
            compare(tile.panY, -280)
            mouseDrag(tile, 390, 290, -100, -100)
            compare(tile.panX, -400)                 // the far edge: width * (zoom - 1)
            compare(tile.panY, -300)
            const area = findChild(tile, "zoomArea")
            compare(area.width, 800)
            compare(area.x, -400)
        }

        function test_double_click_resets_the_zoom_or_asks_for_full_screen() {
            tile.zoomAt(3, 50, 50)
            mouseDoubleClickSequence(tile, 200, 150)
            compare(tile.zoom, 1)
            compare(fullScreen.count, 0)
            mouseDoubleClickSequence(tile, 200, 150)
            compare(fullScreen.count, 1)
        }

        function test_press_selects_shift_asks_to_join() {
            mousePress(tile, 200, 150)
            mouseRelease(tile, 200, 150)
            compare(selects.count, 1)
            compare(selects.signalArguments[0][0], false)
            mousePress(tile, 200, 150, Qt.LeftButton, Qt.ShiftModifier)
            mouseRelease(tile, 200, 150, Qt.LeftButton, Qt.ShiftModifier)
            compare(selects.signalArguments[1][0], true)
        }

        function test_caption_buttons_and_a_new_camera() {
            tile.selected = true                     // the buttons show on the selected tile
            compare(tile.border.color, Theme.accent)
            mouseClick(findChild(tile, "clearButton"))
            compare(clears.count, 1)
            mouseClick(findChild(tile, "replayButton"))
            verify(tile.replay)
            tile.zoomAt(2, 10, 10)
            tile.channelId = "cam-door"
            compare(tile.zoom, 1)                    // a new camera starts unzoomed
            verify(!tile.replay)                     // and live
        }
    }
}
