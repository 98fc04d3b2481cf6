import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Vigil.UI

// Overview tile: a title, one big value with its unit, a small caption (and an optional detail on
// hover), and a bar on the left in the colour of `status` ("ok", "warning", "alarm", "offline",
// "neutral"...). The values come formatted from C++; the tile only lays them out.
Rectangle {
    id: tile

    property string title
    property string value
    property string unit
    property string caption
    // Shown on hover, e.g. the folder a storage figure is about (a path would crowd the caption).
    property string detail
    property string status: "neutral"
    // Fraction 0..1 for an optional usage bar under the value; negative hides it.
    property real fill: -1
    readonly property color statusColor: Theme.stateColor(status)

    implicitWidth: Theme.tileWidth
    implicitHeight: Math.max(Theme.tileHeight, content.implicitHeight + 2 * Theme.padding)
    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.border
    border.width: 1

    Rectangle {
        id: stateBar
        objectName: "stateBar"
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: 1
        width: Theme.stateBar
        radius: Math.round(width / 2)
        color: tile.statusColor
    }

    ColumnLayout {
        id: content
        anchors.fill: parent
        anchors.leftMargin: Theme.padding + Theme.stateBar
        anchors.rightMargin: Theme.padding
        anchors.topMargin: Theme.padding
        anchors.bottomMargin: Theme.padding
        spacing: Math.round(Theme.spacing / 2)

        Text {
            objectName: "title"
            Layout.fillWidth: true
            text: tile.title.toUpperCase()
            font.pixelSize: Theme.fontSmall
            font.letterSpacing: 1
            font.weight: Font.DemiBold
            color: Theme.textMuted
            elide: Text.ElideRight
        }

        Item {
            Layout.fillHeight: true
        }

        Item {
            Layout.fillWidth: true
            implicitHeight: valueText.implicitHeight

            Text {
                id: valueText
                objectName: "value"
                width: Math.min(implicitWidth, parent.width - unitText.implicitWidth - Theme.spacing)
                text: tile.value
                font.pixelSize: Theme.fontValue
                font.weight: Font.Light
                color: Theme.text
                elide: Text.ElideRight
            }
            Text {
                id: unitText
                objectName: "unit"
                x: valueText.width + Theme.spacing
                anchors.baseline: valueText.baseline
                text: tile.unit
                font.pixelSize: Theme.fontTitle
                color: Theme.textMuted
            }
        }

        Rectangle {
            objectName: "fill"
            Layout.fillWidth: true
            implicitHeight: Math.max(2, Math.round(Theme.unit * 0.25))
            radius: height / 2
            color: Theme.panelRaised
            visible: tile.fill >= 0

            Rectangle {
                width: parent.width * Math.min(1, Math.max(0, tile.fill))
                height: parent.height
                radius: parent.radius
                color: tile.statusColor
            }
        }

        Text {
            objectName: "caption"
            Layout.fillWidth: true
            text: tile.caption
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
            elide: Text.ElideMiddle
        }
    }

    HoverHandler {
        id: hover
        enabled: tile.detail.length > 0
    }
    ToolTip.visible: hover.hovered
    ToolTip.delay: Theme.tooltipDelay
    ToolTip.text: tile.detail
}
