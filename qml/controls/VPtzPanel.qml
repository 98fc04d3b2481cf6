import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Pan/tilt/zoom for the selected PTZ camera (VID-1): direction pad (press and hold moves, release
// stops), zoom in/out, and the camera's presets (go to, save the current position). It only emits
// what the operator asked for; the page sends it to the server (permission ptz).
Rectangle {
    id: panel

    property string channelName
    property var presets: []          // [{token, name}]
    property real speed: 0.5

    signal move(real pan, real tilt, real zoom)
    signal stop()
    signal gotoPreset(string token)
    signal savePreset(string name)

    objectName: "ptzPanel"
    implicitWidth: Math.round(Theme.unit * 14)
    implicitHeight: column.implicitHeight + 2 * Theme.padding
    color: Theme.panel
    border.color: Theme.border
    radius: Theme.radius

    component PadButton: AbstractButton {
        id: pad
        property real pan: 0
        property real tilt: 0
        property real zoomSpeed: 0
        focusPolicy: Qt.NoFocus  // the page keeps the keys (arrows move the camera too)
        Layout.preferredWidth: Math.round(Theme.unit * 2.5)
        Layout.preferredHeight: Math.round(Theme.unit * 2.5)
        onPressed: panel.move(pan * panel.speed, tilt * panel.speed, zoomSpeed * panel.speed)
        onReleased: panel.stop()
        onCanceled: panel.stop()
        contentItem: Text {
            text: pad.text
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
        background: Rectangle {
            radius: Theme.radius
            color: pad.pressed ? Theme.accent : pad.hovered ? Theme.panelHover : Theme.panelRaised
            border.color: Theme.border
        }
    }

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.padding
        spacing: Theme.spacing

        Text {
            Layout.fillWidth: true
            text: qsTr("PTZ · %1").arg(panel.channelName)
            elide: Text.ElideRight
            font.pixelSize: Theme.fontBody
            font.weight: Font.DemiBold
            color: Theme.text
        }

        GridLayout {
            Layout.alignment: Qt.AlignHCenter
            columns: 3
            rowSpacing: 4
            columnSpacing: 4
            Item { Layout.preferredWidth: 1 }
            PadButton { objectName: "ptzUp"; text: "\u25b2"; tilt: 1 }
            Item { Layout.preferredWidth: 1 }
            PadButton { objectName: "ptzLeft"; text: "\u25c0"; pan: -1 }
            Item { Layout.preferredWidth: Math.round(Theme.unit * 2.5) }
            PadButton { objectName: "ptzRight"; text: "\u25b6"; pan: 1 }
            Item { Layout.preferredWidth: 1 }
            PadButton { objectName: "ptzDown"; text: "\u25bc"; tilt: -1 }
            Item { Layout.preferredWidth: 1 }
        }
        RowLayout {
            Layout.alignment: Qt.AlignHCenter
            spacing: Theme.spacing
            PadButton { objectName: "ptzZoomOut"; text: "\u2212"; zoomSpeed: -1 }
            Text { text: qsTr("Zoom"); color: Theme.textMuted; font.pixelSize: Theme.fontSmall }
            PadButton { objectName: "ptzZoomIn"; text: "+"; zoomSpeed: 1 }
        }

        Text {
            text: qsTr("Presets")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
            visible: panel.presets.length > 0
        }
        Repeater {
            model: panel.presets
            VButton {
                required property var modelData
                Layout.fillWidth: true
                text: modelData.name && modelData.name.length > 0 ? modelData.name : modelData.token
                onClicked: panel.gotoPreset(modelData.token)
            }
        }
        RowLayout {
            Layout.fillWidth: true
            VTextField {
                id: presetName
                Layout.fillWidth: true
                placeholderText: qsTr("New preset")
            }
            VButton {
                text: qsTr("Save")
                enabled: presetName.text.trim().length > 0
                onClicked: { panel.savePreset(presetName.text.trim()); presetName.text = "" }
            }
        }
    }
}
