import QtQuick
import QtTest
import Vigil.UI

// VTile shows what is bound to it, colours its state bar from Theme by its status, and sizes itself.
Item {
    id: root
    width: 800
    height: 600

    VTile {
        id: tile
        title: "Processor"
        value: "42"
        unit: "%"
        caption: "8 cores"
        status: "ok"
    }

    VStatusDot {
        id: dot
        status: "running"
    }

    TestCase {
        name: "VTile"
        when: windowShown

        function test_value_shows_binding() {
            const valueText = findChild(tile, "value")
            verify(valueText, "the tile has a value text")
            compare(valueText.text, "42")
            tile.value = "57.5"
            compare(valueText.text, "57.5")
            compare(findChild(tile, "unit").text, "%")
            compare(findChild(tile, "caption").text, "8 cores")
            compare(findChild(tile, "title").text, "PROCESSOR")
        }

        function test_state_colour_data() {
            return [
                { tag: "ok", status: "ok", colour: Theme.online },
                { tag: "running", status: "running", colour: Theme.online },
                { tag: "warning", status: "warning", colour: Theme.warning },
                { tag: "alarm", status: "alarm", colour: Theme.alarm },
                { tag: "recording", status: "recording", colour: Theme.recording },
                { tag: "offline", status: "offline", colour: Theme.offline },
                { tag: "unknown falls back to offline", status: "whatever", colour: Theme.offline }
            ]
        }

        function test_state_colour(data) {
            tile.status = data.status
            const bar = findChild(tile, "stateBar")
            verify(bar, "the tile has a state bar")
            verify(Qt.colorEqual(bar.color, data.colour),
                   "bar " + bar.color + " should be " + data.colour + " for " + data.status)
            verify(Qt.colorEqual(tile.statusColor, data.colour))
        }

        function test_implicit_size() {
            verify(tile.implicitWidth > 0, "implicit width " + tile.implicitWidth)
            verify(tile.implicitHeight > 0, "implicit height " + tile.implicitHeight)
            verify(tile.width > 0 && tile.height > 0, "a tile without a layout takes its implicit size")
        }

        function test_status_dot_follows_status() {
            verify(Qt.colorEqual(dot.color, Theme.online))
            dot.status = "unavailable"
            verify(Qt.colorEqual(dot.color, Theme.alarm))
            verify(dot.implicitWidth > 0)
        }
    }
}
