import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// The device tree (VID-1, used by Live and Playback): a search field over groups, devices and channels
// with their status dot (online, offline, recording, alarm). `model` is a DeviceTreeModel
// (app/device_tree_model.h: roles kind, itemId, name, depth, status, statusText, expanded,
// hasChildren, ptz). Channels can be dragged (drag key "vigil/channel", the dragged item carries
// channelId) and double-clicked (channelActivated).
Rectangle {
    id: tree

    property var model
    property string selectedChannel

    signal channelActivated(string channelId)

    // The first channel's row item (for the page's geometry line), or null.
    function firstChannelRow() {
        for (let i = 0; i < list.count; ++i) {
            const item = list.itemAtIndex(i)
            if (item && item.isChannel)
                return item
        }
        return null
    }

    objectName: "deviceTree"
    color: Theme.panel
    implicitWidth: Math.round(Theme.unit * 16)

    VTextField {
        id: search
        objectName: "deviceSearch"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.spacing
        placeholderText: qsTr("Search cameras")
        onTextChanged: if (tree.model) tree.model.filter = text
    }

    ListView {
        id: list
        objectName: "deviceList"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: search.bottom
        anchors.bottom: parent.bottom
        anchors.topMargin: Theme.spacing
        clip: true
        model: tree.model
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {}

        delegate: Item {
            id: row
            required property int index
            required property string kind
            required property string itemId
            required property string name
            required property int depth
            required property string status
            required property string statusText
            required property bool expanded
            required property bool hasChildren
            readonly property bool isChannel: kind === "channel"
            readonly property string channelId: isChannel ? itemId : ""

            objectName: "treeRow_" + name
            width: ListView.view.width
            height: Math.round(Theme.unit * 2)

            Rectangle {
                id: body
                width: row.width
                height: row.height
                color: row.isChannel && tree.selectedChannel === row.itemId ? Theme.selection
                       : rowMouse.containsMouse ? Theme.panelHover : "transparent"
                // Dragging a channel: this rectangle follows the pointer and the tile takes it.
                property string channelId: row.channelId
                Drag.active: rowMouse.drag.active
                Drag.keys: ["vigil/channel"]
                Drag.mimeData: { "vigil/channel": row.channelId }
                Drag.hotSpot.x: width / 2
                Drag.hotSpot.y: height / 2
                states: State {
                    when: rowMouse.drag.active
                    ParentChange { target: body; parent: tree }
                }

                Row {
                    anchors.verticalCenter: parent.verticalCenter
                    x: Theme.spacing + row.depth * Theme.padding
                    spacing: Theme.spacing

                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        width: Theme.padding
                        text: row.hasChildren ? (row.expanded ? "\u25be" : "\u25b8") : ""
                        color: Theme.textMuted
                        font.pixelSize: Theme.fontSmall
                    }
                    VStatusDot {
                        anchors.verticalCenter: parent.verticalCenter
                        visible: row.kind !== "group"
                        status: row.status
                    }
                    Text {
                        anchors.verticalCenter: parent.verticalCenter
                        text: row.name
                        color: row.status === "offline" || row.status === "disabled" ? Theme.textMuted : Theme.text
                        font.pixelSize: Theme.fontBody
                        font.weight: row.kind === "group" ? Font.DemiBold : Font.Normal
                        elide: Text.ElideRight
                        width: Math.min(implicitWidth, row.width - x - 2 * Theme.padding)
                    }
                }
            }

            MouseArea {
                id: rowMouse
                anchors.fill: parent
                hoverEnabled: true
                drag.target: row.isChannel ? body : null
                drag.threshold: 4
                ToolTip.visible: containsMouse && row.statusText.length > 0
                ToolTip.text: row.statusText
                onClicked: {
                    if (row.isChannel)
                        tree.selectedChannel = row.itemId
                    else
                        tree.model.toggle(row.index)
                }
                onDoubleClicked: if (row.isChannel) tree.channelActivated(row.itemId)
                onReleased: {
                    if (body.Drag.active)
                        body.Drag.drop()
                    body.x = 0
                    body.y = 0
                }
            }
        }

        Text {
            anchors.centerIn: parent
            width: parent.width - 2 * Theme.padding
            visible: list.count === 0
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            text: search.text.length > 0 ? qsTr("No camera matches \u201c%1\u201d.").arg(search.text)
                                         : qsTr("No cameras yet. Add them on the Devices page.")
            color: Theme.textMuted
            font.pixelSize: Theme.fontSmall
        }
    }
}
