import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Local files (CLI-3): the snapshots and exported clips on this computer, newest first, as
// thumbnails. workstation.localFiles (app/local_files_model.h) reads the folders the settings name;
// clips play here (VVideo in file mode), pictures open in the system's viewer, removing goes to the
// desktop's trash.
Item {
    id: page

    readonly property var files: workstation.localFiles
    readonly property var settings: workstation.clientSettings
    readonly property int cellWidth: Theme.thumbnailWidth + Theme.padding
    readonly property int thumbHeight: Math.round(Theme.thumbnailWidth * 9 / 16)

    component FilterButton: VButton {
        property string filter
        primary: page.files.filter === filter
        onClicked: page.files.filter = filter
    }

    VDialog {
        id: confirmRemove
        property int row: -1
        property string name
        title: qsTr("Remove this file?")
        acceptText: qsTr("Remove")
        destructive: true
        onAccepted: {
            page.files.remove(row)
            done()
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("%1 goes to the trash of this computer, where it can be restored.").arg(confirmRemove.name)
            font.pixelSize: Theme.fontBody
            color: Theme.text
            wrapMode: Text.WordWrap
        }
    }

    VDialog {
        id: clipPlayer
        objectName: "clipPlayer"
        property url source
        property int row: -1
        title: ""
        width: Math.round(page.width * 0.6)
        acceptText: qsTr("Close")
        showCancel: false
        onAccepted: done()
        onClosed: video.stop()

        VVideo {
            id: video
            Layout.fillWidth: true
            Layout.preferredHeight: Math.round(width * 9 / 16)
            mode: "file"
            source: clipPlayer.opened ? clipPlayer.source : ""
            autoPlay: true
        }
        Row {
            spacing: Theme.spacing
            VButton {
                glyph: video.paused ? Icons.play : Icons.pause
                text: video.paused ? qsTr("Play") : qsTr("Pause")
                shortcutHint: qsTr("Space")
                onClicked: video.paused = !video.paused
            }
            VButton {
                glyph: Icons.openExternal
                text: qsTr("Open with the system's player")
                onClicked: page.files.open(clipPlayer.row)
            }
        }
        Shortcut {
            sequence: "Space"
            enabled: clipPlayer.opened
            onActivated: video.paused = !video.paused
        }
    }

    function play(row, name, url) {
        clipPlayer.row = row
        clipPlayer.title = name
        clipPlayer.source = url
        clipPlayer.open()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.padding

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            FilterButton {
                objectName: "filesAll"
                filter: "all"
                text: qsTr("All (%1)").arg(page.files.snapshotCount + page.files.clipCount)
            }
            FilterButton {
                objectName: "filesSnapshots"
                filter: "snapshots"
                glyph: Icons.image
                text: qsTr("Snapshots (%1)").arg(page.files.snapshotCount)
            }
            FilterButton {
                objectName: "filesClips"
                filter: "clips"
                glyph: Icons.clip
                text: qsTr("Clips (%1)").arg(page.files.clipCount)
            }
            Item {
                Layout.fillWidth: true
            }
            VButton {
                glyph: Icons.folderOpen
                text: qsTr("Snapshot folder")
                tip: page.settings.snapshotFolder
                onClicked: page.files.openRootFolder("snapshots")
            }
            VButton {
                glyph: Icons.folderOpen
                text: qsTr("Export folder")
                tip: page.settings.exportFolder
                onClicked: page.files.openRootFolder("clips")
            }
            VButton {
                glyph: Icons.refresh
                text: qsTr("Refresh")
                shortcutHint: "F5"
                onClicked: page.files.refresh()
            }
        }

        Shortcut {
            sequence: "F5"
            onActivated: page.files.refresh()
        }

        VMessage {
            Layout.fillWidth: true
            text: page.files.problem
            kind: "error"
        }

        Text {
            Layout.fillWidth: true
            visible: page.files.count === 0
            text: qsTr("No snapshots or clips yet. Snapshots taken in Live go to %1, exported clips to %2.")
                  .arg(page.settings.snapshotFolder).arg(page.settings.exportFolder)
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }

        GridView {
            id: grid
            objectName: "filesGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: page.files
            cellWidth: page.cellWidth
            cellHeight: page.thumbHeight + Theme.rowHeight * 2 + Theme.padding
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            delegate: Rectangle {
                id: card
                required property int index
                required property string name
                required property url url
                required property string kind
                required property bool isImage
                required property string sizeText
                required property string modifiedText

                width: grid.cellWidth - Theme.padding
                height: grid.cellHeight - Theme.padding
                radius: Theme.radius
                color: hover.hovered ? Theme.panelHover : Theme.panel
                border.color: Theme.border

                HoverHandler {
                    id: hover
                }
                TapHandler {
                    onDoubleTapped: card.kind === "clip" ? page.play(card.index, card.name, card.url) : page.files.open(card.index)
                }

                Rectangle {
                    id: thumb
                    x: 1
                    y: 1
                    width: parent.width - 2
                    height: page.thumbHeight
                    radius: Theme.radius
                    color: Theme.background
                    clip: true

                    Image {
                        anchors.fill: parent
                        visible: card.isImage
                        source: card.isImage ? card.url : ""
                        sourceSize.width: Theme.thumbnailWidth * 2
                        fillMode: Image.PreserveAspectCrop
                        asynchronous: true
                        cache: false
                    }
                    VIcon {
                        anchors.centerIn: parent
                        visible: !card.isImage
                        icon: Icons.clip
                        size: Math.round(page.thumbHeight / 2.5)
                        color: Theme.textFaint
                    }
                    Rectangle {
                        anchors.left: parent.left
                        anchors.bottom: parent.bottom
                        anchors.margins: Theme.spacing
                        width: kindText.implicitWidth + Theme.spacing * 2
                        height: kindText.implicitHeight + 4
                        radius: Theme.radius
                        color: Qt.rgba(0, 0, 0, 0.6)
                        Text {
                            id: kindText
                            anchors.centerIn: parent
                            text: card.kind === "clip" ? qsTr("Clip") : qsTr("Snapshot")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.text
                        }
                    }
                }

                Column {
                    anchors.top: thumb.bottom
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.margins: Theme.spacing
                    spacing: 2

                    Text {
                        width: parent.width
                        text: card.name
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        elide: Text.ElideMiddle
                    }
                    Text {
                        width: parent.width
                        text: card.modifiedText + " · " + card.sizeText
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                        elide: Text.ElideRight
                    }
                    Row {
                        spacing: Math.round(Theme.spacing / 2)
                        VIconButton {
                            objectName: card.kind === "clip" ? "playClip" : "openPicture"
                            glyph: card.kind === "clip" ? Icons.play : Icons.openExternal
                            tip: card.kind === "clip" ? qsTr("Play") : qsTr("Open")
                            onClicked: card.kind === "clip" ? page.play(card.index, card.name, card.url) : page.files.open(card.index)
                        }
                        VIconButton {
                            glyph: Icons.folderOpen
                            tip: qsTr("Open the folder")
                            onClicked: page.files.openFolder(card.index)
                        }
                        VIconButton {
                            glyph: Icons.remove
                            tip: qsTr("Remove")
                            onClicked: {
                                confirmRemove.row = card.index
                                confirmRemove.name = card.name
                                confirmRemove.open()
                            }
                        }
                    }
                }
            }
        }
    }
}
