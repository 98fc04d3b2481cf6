import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Playback (VID-2): recorded video of one or several cameras in step on one timeline. Choose cameras
// on the left; play, pause, step a frame, change the speed (-8x..8x) and jump to a date and time with
// the transport bar; drag on the timeline to seek, select a range (Shift+drag, or [ and ]) and export
// it to MP4 (one file per camera) with progress and cancel, then open the file or its folder.
// The clock, the cameras' periods and the exports live in `workstation.playback` (C++).
//
// Keys: Space play/pause, , and . a frame back/forward, J slower, L faster, [ and ] mark the range at
// the playhead, Ctrl+G the date and time field, Ctrl+X export the selection, Ctrl+Shift+X cancel the
// running exports, + and - zoom (timeline focused).
Item {
    id: page
    objectName: "playbackPage"

    readonly property var playback: workstation.playback
    readonly property var exports: playback.exports
    readonly property int cameraCount: playback.selectedChannels.length

    function exportSelection() {
        message.text = playback.exportRange(timeline.selectionStartMs, timeline.selectionEndMs)
    }
    function jump() {
        const problem = playback.jumpTo(jumpField.text)
        message.text = problem
        if (problem.length === 0) {
            timeline.centreOn(playback.positionMs)
            timeline.forceActiveFocus()
        }
    }

    // The first camera comes chosen, so the page shows something at once.
    function chooseFirstCamera() {
        if (page.cameraCount === 0 && playback.channels.length > 0)
            playback.toggleChannel(playback.channels[0].id)
    }
    Connections {
        target: page.playback
        function onChannelsChanged() {
            page.chooseFirstCamera()
        }
    }
    Component.onCompleted: chooseFirstCamera()

    component PageShortcut: Shortcut {
        enabled: page.visible && workstation.page === "playback"
        context: Qt.WindowShortcut
    }
    PageShortcut {
        sequence: "Space"
        onActivated: page.playback.togglePause()
    }
    PageShortcut {
        sequence: ","
        onActivated: page.playback.stepFrame(-1)
    }
    PageShortcut {
        sequence: "."
        onActivated: page.playback.stepFrame(1)
    }
    PageShortcut {
        sequence: "J"
        onActivated: page.playback.slower()
    }
    PageShortcut {
        sequence: "L"
        onActivated: page.playback.faster()
    }
    PageShortcut {
        sequence: "["
        onActivated: timeline.markIn()
    }
    PageShortcut {
        sequence: "]"
        onActivated: timeline.markOut()
    }
    PageShortcut {
        sequence: "Ctrl+G"
        onActivated: {
            jumpField.text = page.playback.positionText
            jumpField.input.selectAll()
            jumpField.input.forceActiveFocus()
        }
    }
    PageShortcut {
        sequence: "Ctrl+X"
        onActivated: page.exportSelection()
    }
    PageShortcut {
        sequence: "Ctrl+Shift+X"
        onActivated: page.exports.cancelAll()
    }

    component TransportButton: AbstractButton {
        id: transport
        property string hint
        property bool active: false
        implicitHeight: Theme.controlHeight
        implicitWidth: Math.max(implicitHeight, transportLabel.implicitWidth + Theme.padding)
        focusPolicy: Qt.NoFocus
        hoverEnabled: true
        ToolTip.visible: hovered && hint.length > 0
        ToolTip.text: hint
        ToolTip.delay: 500
        background: Rectangle {
            radius: Theme.radius
            color: transport.active ? Theme.accent : transport.down ? Theme.selection : transport.hovered ? Theme.panelHover : Theme.panelRaised
            border.color: transport.active ? Theme.accent : Theme.border
            opacity: transport.enabled ? 1 : 0.5
        }
        contentItem: Text {
            id: transportLabel
            text: transport.text
            font.pixelSize: Theme.fontBody
            color: transport.active ? Theme.accentText : Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.padding

        // --- cameras ---------------------------------------------------------------------------
        Rectangle {
            objectName: "cameraList"
            Layout.fillHeight: true
            Layout.preferredWidth: Math.round(Theme.unit * 15)
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing

                Text {
                    text: qsTr("Cameras")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.textMuted
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Choose one or several; they play in step.")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textFaint
                    wrapMode: Text.WordWrap
                }
                ListView {
                    id: cameraList
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: page.playback.channels
                    spacing: 2

                    delegate: AbstractButton {
                        id: cameraRow
                        required property var modelData
                        readonly property bool chosen: page.playback.selectedChannels.indexOf(modelData.id) >= 0
                        width: cameraList.width
                        height: Math.round(Theme.unit * 2.25)
                        hoverEnabled: true
                        onClicked: page.playback.toggleChannel(modelData.id)

                        background: Rectangle {
                            radius: Theme.radius
                            color: cameraRow.chosen ? Theme.selection : cameraRow.hovered ? Theme.panelHover : "transparent"
                        }
                        contentItem: Row {
                            spacing: Theme.spacing
                            leftPadding: Theme.spacing

                            VStatusDot {
                                anchors.verticalCenter: parent.verticalCenter
                                status: cameraRow.modelData.online ? "online" : "offline"
                            }
                            Text {
                                anchors.verticalCenter: parent.verticalCenter
                                width: cameraRow.width - 3 * Theme.spacing - Theme.dot - check.width
                                text: cameraRow.modelData.name
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Text {
                                id: check
                                anchors.verticalCenter: parent.verticalCenter
                                text: cameraRow.chosen ? "\u2713" : ""
                                width: Theme.unit
                                font.pixelSize: Theme.fontBody
                                color: Theme.accent
                            }
                        }
                    }

                    Text {
                        anchors.fill: parent
                        visible: cameraList.count === 0
                        text: qsTr("No cameras yet. Add one on the Devices page.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                        wrapMode: Text.WordWrap
                    }
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            // --- video ------------------------------------------------------------------------
            GridLayout {
                id: grid
                objectName: "videoGrid"
                Layout.fillWidth: true
                Layout.fillHeight: true
                columns: Math.max(1, Math.ceil(Math.sqrt(page.cameraCount)))
                columnSpacing: 2
                rowSpacing: 2

                Repeater {
                    id: tiles
                    model: page.playback.selectedChannels

                    PlaybackTile {
                        id: tile
                        required property string modelData
                        objectName: "playbackTile"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        channelId: modelData
                        channelName: page.playback.channelName(modelData)
                        speed: page.playback.speed
                        paused: page.playback.paused
                        clockMs: page.playback.positionMs
                        onPositionReported: ms => page.playback.reportPosition(channelId, ms)
                        Component.onCompleted: if (page.playback.positionMs > 0) seek(page.playback.positionMs)

                        Connections {
                            target: page.playback
                            function onSeekRequested(ms) {
                                tile.seek(ms)
                            }
                            function onStepRequested(direction) {
                                tile.stepFrame(direction)
                            }
                            function onResyncRequested(channelId, ms) {
                                if (channelId === tile.channelId)
                                    tile.seek(ms)
                            }
                        }
                    }
                }

                Rectangle {
                    visible: page.cameraCount === 0
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    color: Theme.panel
                    radius: Theme.radius
                    Text {
                        anchors.centerIn: parent
                        text: qsTr("Choose a camera on the left to play its recordings.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                }
            }

            // --- transport ----------------------------------------------------------------------
            RowLayout {
                objectName: "transport"
                Layout.fillWidth: true
                spacing: Theme.spacing

                TransportButton {
                    objectName: "stepBackButton"
                    text: "\u275a\u25c0"
                    hint: qsTr("A frame back (,)")
                    onClicked: page.playback.stepFrame(-1)
                }
                TransportButton {
                    objectName: "playButton"
                    text: page.playback.paused ? "\u25b6" : "\u275a\u275a"
                    hint: page.playback.paused ? qsTr("Play (Space)") : qsTr("Pause (Space)")
                    active: !page.playback.paused
                    onClicked: page.playback.togglePause()
                }
                TransportButton {
                    objectName: "stepForwardButton"
                    text: "\u25b6\u275a"
                    hint: qsTr("A frame forward (.)")
                    onClicked: page.playback.stepFrame(1)
                }

                Item {
                    Layout.preferredWidth: Theme.spacing
                }

                Repeater {
                    model: page.playback.speeds
                    TransportButton {
                        required property real modelData
                        text: (modelData < 0 ? "\u2212" : "") + Math.abs(modelData) + "\u00d7"
                        hint: modelData < 0 ? qsTr("Backwards at %1\u00d7 (J slower, L faster)").arg(Math.abs(modelData))
                                            : qsTr("%1\u00d7 (J slower, L faster)").arg(modelData)
                        active: page.playback.speed === modelData
                        onClicked: page.playback.speed = modelData
                    }
                }

                Item {
                    Layout.fillWidth: true
                }

                Text {
                    objectName: "positionText"
                    text: page.playback.positionText
                    font.pixelSize: Theme.fontTitle
                    font.family: Theme.monospace
                    color: Theme.text
                }
                VTextField {
                    id: jumpField
                    objectName: "jumpField"
                    Layout.preferredWidth: Math.round(Theme.unit * 12)
                    placeholderText: qsTr("2026-11-23 14:30:00")
                    onAccepted: page.jump()
                }
                VButton {
                    text: qsTr("Go")
                    onClicked: page.jump()
                }
            }

            // --- timeline -------------------------------------------------------------------------
            VTimeline {
                id: timeline
                objectName: "timeline"
                Layout.fillWidth: true
                Layout.preferredHeight: implicitHeight
                rows: page.playback.rows
                positionMs: page.playback.positionMs
                dragSelects: selectToggle.active
                onSeekRequested: ms => page.playback.seek(ms)
                onViewChanged: (startMs, endMs) => page.playback.setView(startMs, endMs)
                Component.onCompleted: {
                    const now = Date.now()
                    setView(now - 45 * 60 * 1000, now + 15 * 60 * 1000)
                }
            }

            // --- selection and export -----------------------------------------------------------
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing

                TransportButton {
                    id: selectToggle
                    objectName: "selectRangeButton"
                    property bool on: false
                    active: on
                    text: qsTr("Select range")
                    hint: qsTr("Drag on the timeline to select (or Shift+drag; [ and ] at the playhead)")
                    onClicked: on = !on
                }
                Text {
                    Layout.fillWidth: true
                    text: timeline.hasSelection
                          ? qsTr("Selected %1 \u2013 %2 (%3)").arg(timeline.timeText(timeline.selectionStartMs))
                                .arg(Qt.formatTime(new Date(timeline.selectionEndMs), "HH:mm:ss"))
                                .arg(timeline.spanText(timeline.selectionEndMs - timeline.selectionStartMs))
                          : qsTr("No range selected")
                    font.pixelSize: Theme.fontBody
                    color: timeline.hasSelection ? Theme.text : Theme.textMuted
                    elide: Text.ElideRight
                }
                VButton {
                    objectName: "exportButton"
                    primary: true
                    visible: page.playback.canExport
                    enabled: timeline.hasSelection && page.cameraCount > 0
                    text: page.cameraCount > 1 ? qsTr("Export %n clip(s) (Ctrl+X)", "", page.cameraCount) : qsTr("Export clip (Ctrl+X)")
                    onClicked: page.exportSelection()
                }
                VButton {
                    text: qsTr("Open folder")
                    visible: page.playback.canExport
                    onClicked: page.playback.openExportFolder()
                }
            }

            VMessage {
                id: message
                objectName: "message"
                Layout.fillWidth: true
            }
            VMessage {
                Layout.fillWidth: true
                text: page.playback.problem
            }

            // --- exports ------------------------------------------------------------------------
            ListView {
                id: exportList
                objectName: "exportList"
                Layout.fillWidth: true
                Layout.preferredHeight: Math.min(count, 3) * (Theme.rowHeight + 2)
                visible: count > 0
                clip: true
                spacing: 2
                model: page.exports

                delegate: Rectangle {
                    id: exportRow
                    required property string exportId
                    required property string channelName
                    required property string rangeText
                    required property string phase
                    required property string phaseText
                    required property real progress
                    required property string sizeText
                    required property string filePath
                    required property string message
                    required property bool active
                    objectName: "export_" + phase
                    width: exportList.width
                    height: Theme.rowHeight
                    radius: Theme.radius
                    color: Theme.panel
                    border.color: Theme.border

                    RowLayout {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.padding
                        anchors.rightMargin: Theme.spacing
                        spacing: Theme.padding

                        Column {
                            Layout.preferredWidth: Math.round(Theme.unit * 20)
                            Text {
                                text: exportRow.channelName
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.DemiBold
                                color: Theme.text
                            }
                            Text {
                                text: exportRow.rangeText
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                            }
                        }
                        Text {
                            Layout.preferredWidth: Math.round(Theme.unit * 7)
                            text: exportRow.phaseText
                            font.pixelSize: Theme.fontBody
                            color: exportRow.phase === "done" ? Theme.online
                                 : exportRow.phase === "failed" ? Theme.alarm
                                 : exportRow.phase === "cancelled" ? Theme.textMuted : Theme.text
                        }
                        // Progress of the current phase (the server writing, then the download).
                        Rectangle {
                            objectName: "exportProgress"
                            Layout.fillWidth: true
                            Layout.preferredHeight: Math.round(Theme.unit * 0.5)
                            visible: exportRow.active
                            radius: height / 2
                            color: Theme.background
                            border.color: Theme.border
                            Rectangle {
                                width: parent.width * Math.max(0, Math.min(1, exportRow.progress))
                                height: parent.height
                                radius: height / 2
                                color: Theme.accent
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: !exportRow.active
                            text: exportRow.message.length > 0 ? exportRow.message : exportRow.filePath
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            elide: Text.ElideMiddle
                        }
                        Text {
                            text: exportRow.sizeText
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                        VButton {
                            visible: exportRow.active
                            danger: true
                            text: qsTr("Cancel")
                            onClicked: page.exports.cancel(exportRow.exportId)
                        }
                        VButton {
                            visible: exportRow.phase === "done"
                            text: qsTr("Open")
                            onClicked: page.playback.openExport(exportRow.exportId)
                        }
                        VButton {
                            visible: !exportRow.active
                            text: "\u2715"
                            onClicked: page.exports.remove(exportRow.exportId)
                        }
                    }
                }
            }
        }
    }
}
