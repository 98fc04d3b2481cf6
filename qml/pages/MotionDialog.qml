import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtMultimedia
import Vigil.UI

// A camera channel's server-side motion detection (issue 6), opened from the Devices page: on or off,
// the sensitivity, what the detector is doing, and the 16 x 12 region grid painted over the live
// picture. `motion` is workstation.devices.motion (app/motion_settings_model.h): it holds the edits
// until Save, and says why the server refused them.
VDialog {
    id: dialog

    property var motion
    property string channelId
    property string channelName
    // The stream the detector reads: "sub", or "main" for a camera without a sub stream.
    property string stream: "sub"
    readonly property var video: picture.video

    objectName: "motionDialog"
    title: qsTr("Motion detection · %1").arg(channelName)
    acceptText: qsTr("Save")
    cancelText: qsTr("Close")
    acceptEnabled: motion.loaded && motion.dirty && !motion.busy
    width: Math.min(parent ? parent.width - 2 * Theme.pagePadding : 1200, Math.round(Theme.unit * 62))
    // Held at the top, not centred: the status lines change its height while it is open, and the
    // picture must not move under the pointer that paints on it.
    anchors.centerIn: undefined
    x: parent ? Math.round((parent.width - width) / 2) : 0
    y: parent ? Math.round(Math.min(parent.height * 0.08, Math.max(0, (parent.height - height) / 2))) : 0

    onAboutToShow: motion.open(channelId, channelName)
    onClosed: motion.close()
    onAccepted: motion.save()  // stays open: "Saved." or the server's refusal shows here

    // Where things are, in window coordinates, for the UI test that paints with the mouse
    // (tests/ui/tst_ui_motion.sh).
    function logGeometry() {
        if (!dialog.opened)
            return
        const g = grid.mapToItem(null, 0, 0)
        const parts = ["grid=" + Math.round(g.x) + "," + Math.round(g.y) + "," + Math.round(grid.width) + "," + Math.round(grid.height)]
        for (const item of [allButton, noneButton, revertButton, enabledBox, sensitivitySlider]) {
            const p = item.mapToItem(null, item.width / 2, item.height / 2)
            parts.push(item.objectName + "=" + Math.round(p.x) + "," + Math.round(p.y))
        }
        console.info("motion: geometry " + parts.join(" "))
    }
    Timer {
        id: geometryTimer
        interval: 500
        onTriggered: dialog.logGeometry()
    }
    onOpened: geometryTimer.restart()
    onWidthChanged: geometryTimer.restart()
    onHeightChanged: geometryTimer.restart()
    Connections {
        target: dialog.motion
        function onOpenedChanged() {
            geometryTimer.restart()
        }
    }

    component Heading: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        font.pixelSize: Theme.fontSmall
        font.letterSpacing: 1
        font.weight: Font.DemiBold
        color: Theme.textMuted
    }
    component Note: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
        wrapMode: Text.WordWrap
        visible: text.length > 0
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.padding

        // The live picture of the stream the detector reads (the sub stream when there is one) with the grid.
        Rectangle {
            id: picture
            readonly property var video: loader.status === Loader.Ready ? loader.item : null
            readonly property size videoSize: video ? video.videoSize : Qt.size(0, 0)
            Layout.fillWidth: true
            Layout.alignment: Qt.AlignTop
            // The grid covers the whole picture: the frame takes the picture's shape.
            Layout.preferredHeight: Math.round(width * (videoSize.width > 0 ? videoSize.height / videoSize.width : 9 / 16))
            color: "#000000"

            Loader {
                id: loader
                anchors.fill: parent
                active: dialog.opened && dialog.channelId.length > 0
                sourceComponent: VVideo {
                    objectName: "motionVideo"
                    channelId: dialog.channelId
                    stream: dialog.stream
                    autoPlay: true
                    fillMode: VideoOutput.Stretch
                }
            }
            VMotionGrid {
                id: grid
                objectName: "motionGrid"
                anchors.fill: parent
                model: dialog.motion
                columns: dialog.motion.columns
                rows: dialog.motion.rows
                interactive: dialog.motion.loaded
                alarm: dialog.motion.motionNow
                onCellPainted: (column, row, included) => dialog.motion.setCell(column, row, included)
            }
            // Motion now: a badge in the corner, besides the grid's red border.
            Rectangle {
                objectName: "motionBadge"
                visible: dialog.motion.motionNow
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.spacing
                radius: Theme.radius
                color: Theme.alarm
                width: badgeText.implicitWidth + 2 * Theme.spacing
                height: badgeText.implicitHeight + Theme.spacing
                Text {
                    id: badgeText
                    anchors.centerIn: parent
                    text: qsTr("MOTION")
                    color: Theme.accentText
                    font.pixelSize: Theme.fontSmall
                    font.weight: Font.DemiBold
                    font.letterSpacing: 1
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: Math.round(Theme.unit * 17)
            Layout.maximumWidth: Math.round(Theme.unit * 17)
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing

            VCheckBox {
                id: enabledBox
                objectName: "motionEnabled"
                Layout.fillWidth: true
                enabled: dialog.motion.loaded
                text: qsTr("Server-side motion detection")
                description: qsTr("For cameras that report no motion themselves. Motion events work in rules like a camera's own.")
                checked: dialog.motion.enabled
                onToggled: dialog.motion.enabled = checked
            }
            Text {
                Layout.fillWidth: true
                Layout.topMargin: Theme.spacing
                text: qsTr("Sensitivity: %1").arg(dialog.motion.sensitivity)
                font.pixelSize: Theme.fontBody
                color: Theme.text
            }
            VSlider {
                id: sensitivitySlider
                objectName: "motionSensitivity"
                Layout.fillWidth: true
                enabled: dialog.motion.loaded
                from: dialog.motion.minSensitivity
                to: dialog.motion.maxSensitivity
                stepSize: 1
                value: dialog.motion.sensitivity
                onMoved: dialog.motion.sensitivity = value
            }
            Note {
                text: qsTr("Low: only large, strong changes count. High: small, faint ones too.")
            }

            Heading {
                text: qsTr("DETECTOR")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                VStatusDot {
                    Layout.alignment: Qt.AlignTop
                    Layout.topMargin: Math.round((Theme.unit - Theme.dot) / 2)
                    status: dialog.motion.statusKind
                }
                Text {
                    objectName: "motionStatus"
                    Layout.fillWidth: true
                    text: dialog.motion.loaded ? dialog.motion.statusText : qsTr("Reading the settings…")
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    wrapMode: Text.WordWrap
                }
            }
            Note {
                text: dialog.motion.countersText
            }
            Note {
                text: dialog.motion.loaded ? dialog.motion.lastMotionText : ""
            }

            Heading {
                text: qsTr("REGIONS")
            }
            Note {
                text: qsTr("%1 of %2 cells count.").arg(dialog.motion.includedCount).arg(dialog.motion.columns * dialog.motion.rows)
                color: Theme.text
                font.pixelSize: Theme.fontBody
            }
            Note {
                text: qsTr("Drag over the picture: starting on an empty cell marks cells where motion counts, starting on a marked one clears them. Arrows and Space work too.")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                VButton {
                    id: allButton
                    objectName: "motionAll"
                    Layout.fillWidth: true
                    enabled: dialog.motion.loaded
                    text: qsTr("All")
                    tip: qsTr("Motion counts everywhere in the picture")
                    onClicked: dialog.motion.setAll(true)
                }
                VButton {
                    id: noneButton
                    objectName: "motionNone"
                    Layout.fillWidth: true
                    enabled: dialog.motion.loaded
                    text: qsTr("None")
                    tip: qsTr("Clear every cell, then mark the ones that matter")
                    onClicked: dialog.motion.setAll(false)
                }
            }
        }
    }

    VMessage {
        objectName: "motionError"
        Layout.fillWidth: true
        text: dialog.motion.errorMessage
    }
    RowLayout {
        Layout.fillWidth: true
        spacing: Theme.spacing
        Text {
            objectName: "motionNotice"
            Layout.fillWidth: true
            text: dialog.motion.dirty ? qsTr("Unsaved changes.") : dialog.motion.notice
            font.pixelSize: Theme.fontBody
            color: dialog.motion.dirty ? Theme.warning : Theme.online
        }
        VButton {
            id: revertButton
            objectName: "motionRevert"
            enabled: dialog.motion.dirty && !dialog.motion.busy
            text: qsTr("Revert")
            tip: qsTr("Back to what the server holds")
            onClicked: dialog.motion.revert()
        }
    }
}
