import QtQuick
import QtTest
import Vigil.UI

// VDeviceTree (VID-1, the Live and Playback trees): rows indented by depth with their status dot
// (online, offline, recording, alarm) and muted names when offline; a click selects a channel or
// opens/closes a group through the model's toggle(); a double-click activates a channel; the search
// field filters through the model's `filter`; an empty tree says why; a channel dragged out drops on
// a DropArea with the key "vigil/channel" and carries its id.
// The model stands in for DeviceTreeModel (app/device_tree_model.h, tested in C++ by
// tst_device_tree_model): the same roles, `filter` and toggle(row).
Item {
    id: root
    width: 900
    height: 500

    ListModel {
        id: sites
        property string filter
        property var toggled: []
        function toggle(row) { toggled = toggled.concat([row]) }
        ListElement { kind: "group"; itemId: "g1"; name: "North gate"; depth: 0; status: ""; statusText: ""; expanded: true; hasChildren: true }
        ListElement { kind: "device"; itemId: "d1"; name: "Gate box"; depth: 1; status: "online"; statusText: ""; expanded: true; hasChildren: true }
        ListElement { kind: "channel"; itemId: "cam-gate"; name: "Gate"; depth: 2; status: "recording"; statusText: ""; expanded: false; hasChildren: false }
        ListElement { kind: "channel"; itemId: "cam-yard"; name: "Yard"; depth: 2; status: "offline"; statusText: "No answer from 10.0.0.9"; expanded: false; hasChildren: false }
        ListElement { kind: "channel"; itemId: "cam-door"; name: "Door"; depth: 2; status: "alarm"; statusText: ""; expanded: false; hasChildren: false }
    }

    ListModel {
        id: nothing
        property string filter
        function toggle(row) {}
    }

    VDeviceTree {
        id: tree
        width: 300
        height: 500
        model: sites
    }

    VDeviceTree {
        id: empty
        x: 320
        width: 260
        height: 200
        model: nothing
    }

    // Where a tile would be.
    DropArea {
        id: tile
        property string dropped
        x: 600
        width: 300
        height: 500
        keys: ["vigil/channel"]
        onDropped: (drop) => {
            dropped = drop.source.channelId
            drop.acceptProposedAction()
        }
    }

    SignalSpy { id: activated; target: tree; signalName: "channelActivated" }

    TestCase {
        name: "VDeviceTree"
        when: windowShown

        function row(name) {
            const found = findChild(tree, "treeRow_" + name)
            verify(found, "a row for " + name)
            return found
        }
        function dotOf(item) {
            // The row's status dot: the only item with a `status` property inside the row.
            const stack = [item]
            while (stack.length > 0) {
                const next = stack.pop()
                if (next !== item && next.status !== undefined && next.radius !== undefined)
                    return next
                for (let i = 0; i < next.children.length; ++i)
                    stack.push(next.children[i])
            }
            return null
        }
        function textOf(item, value) {
            const stack = [item]
            while (stack.length > 0) {
                const next = stack.pop()
                if (next.text === value)
                    return next
                for (let i = 0; i < next.children.length; ++i)
                    stack.push(next.children[i])
            }
            return null
        }

        function init() {
            tree.selectedChannel = ""
            sites.toggled = []
            activated.clear()
        }

        function test_rows_indented_with_status() {
            compare(findChild(tree, "deviceList").count, 5)
            const group = row("North gate")
            const gate = row("Gate")
            const groupName = textOf(group, "North gate")
            const gateName = textOf(gate, "Gate")
            verify(gateName.mapToItem(tree, 0, 0).x > groupName.mapToItem(tree, 0, 0).x + 2 * Theme.padding - 1,
                   "a channel two levels down is indented past its group")
            verify(!dotOf(group).visible, "groups have no status")
            compare(dotOf(row("Gate box")).color, Theme.stateColor("online"))
            compare(dotOf(gate).color, Theme.recording)
            compare(dotOf(row("Door")).color, Theme.alarm)
            compare(dotOf(row("Yard")).color, Theme.offline)
            compare(textOf(row("Yard"), "Yard").color, Theme.textMuted)   // offline reads muted
            compare(gateName.color, Theme.text)
        }

        function test_click_selects_a_channel_and_toggles_a_group() {
            mouseClick(row("Gate"))
            compare(tree.selectedChannel, "cam-gate")
            mouseClick(row("Yard"))
            compare(tree.selectedChannel, "cam-yard")
            mouseClick(row("North gate"))
            compare(sites.toggled, [0])
            mouseClick(row("Gate box"))
            compare(sites.toggled, [0, 1])
            compare(tree.selectedChannel, "cam-yard")  // groups and devices do not take the selection
        }

        function test_double_click_activates_a_channel() {
            mouseDoubleClickSequence(row("Door"))
            compare(activated.count, 1)
            compare(activated.signalArguments[0][0], "cam-door")
            mouseDoubleClickSequence(row("North gate"))
            compare(activated.count, 1)  // a group is not a camera
        }

        function test_search_filters_through_the_model() {
            const search = findChild(tree, "deviceSearch")
            search.text = "yard"
            compare(sites.filter, "yard")
            search.text = ""
            compare(sites.filter, "")
        }

        function test_empty_tree_says_why() {
            verify(textOf(empty, "No cameras yet. Add them on the Devices page.").visible)
            findChild(empty, "deviceSearch").text = "lobby"
            verify(textOf(empty, "No camera matches \u201clobby\u201d.").visible)
            findChild(empty, "deviceSearch").text = ""
        }

        function test_drag_a_channel_onto_a_tile() {
            const gate = row("Gate")
            const y = gate.height / 2
            mousePress(gate, 20, y)
            for (let dx = 10; dx <= 600; dx += 30)
                mouseMove(gate, 20 + dx, y)
            mouseRelease(gate, 620, y)
            compare(tile.dropped, "cam-gate")
        }
    }
}
