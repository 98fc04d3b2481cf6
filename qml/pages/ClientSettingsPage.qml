import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// This workstation's settings (CLI-3): language, video, folders, alarm sound, shortcut keys. They
// live in workstation.clientSettings (app/client_settings.h), which checks and stores each change at
// once and says in `problem` what it refused.
Flickable {
    id: page

    readonly property var settings: workstation.clientSettings
    readonly property real columnWidth: Math.min(Theme.formWidth * 1.4, (width - 3 * Theme.pagePadding) / 2)

    contentWidth: width
    contentHeight: body.implicitHeight + 2 * Theme.pagePadding
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    component SectionTitle: Row {
        property alias text: label.text
        property alias glyph: icon.icon
        spacing: Theme.spacing

        VIcon {
            id: icon
            anchors.verticalCenter: parent.verticalCenter
            color: Theme.textMuted
        }
        Text {
            id: label
            anchors.verticalCenter: parent.verticalCenter
            font.pixelSize: Theme.fontTitle
            font.weight: Font.DemiBold
            color: Theme.textMuted
        }
    }

    component Card: Rectangle {
        default property alias content: inner.data
        width: page.columnWidth
        height: inner.implicitHeight + 2 * Theme.padding
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.border

        Column {
            id: inner
            x: Theme.padding
            y: Theme.padding
            width: parent.width - 2 * Theme.padding
            spacing: Theme.padding
        }
    }

    // A folder field with its Apply and Open buttons.
    component FolderField: Column {
        id: folderField
        property string label
        property string value
        property string which
        signal apply(string path)
        spacing: Theme.spacing

        VTextField {
            id: folderText
            width: parent.width
            label: folderField.label
            text: folderField.value
            onAccepted: folderField.apply(text)
        }
        Row {
            spacing: Theme.spacing
            VButton {
                text: qsTr("Apply")
                enabled: folderText.text !== folderField.value
                onClicked: folderField.apply(folderText.text)
            }
            VButton {
                glyph: Icons.folderOpen
                text: qsTr("Open folder")
                onClicked: workstation.localFiles.openRootFolder(folderField.which)
            }
        }
    }

    Column {
        id: body
        x: Theme.pagePadding
        y: Theme.pagePadding
        width: page.width - 2 * Theme.pagePadding
        spacing: Theme.pagePadding

        VMessage {
            objectName: "settingsProblem"
            width: Math.min(parent.width, 2 * page.columnWidth + Theme.pagePadding)
            text: page.settings.problem
            kind: "error"
        }

        Flow {
            width: parent.width
            spacing: Theme.pagePadding

            Column {
                width: page.columnWidth
                spacing: Theme.spacing

                SectionTitle {
                    glyph: Icons.language
                    text: qsTr("Language")
                }
                Card {
                    VComboBox {
                        objectName: "settingsLanguage"
                        width: parent.width
                        label: qsTr("Language of the interface")
                        model: workstation.language.available
                        currentId: workstation.language.current
                        onActivated: id => workstation.language.select(id)
                    }
                }

                Item {
                    width: 1
                    height: Theme.spacing
                }
                SectionTitle {
                    glyph: Icons.video
                    text: qsTr("Video")
                }
                Card {
                    VComboBox {
                        objectName: "settingsDefaultStream"
                        width: parent.width
                        label: qsTr("Default stream for live video")
                        model: page.settings.streamChoices
                        currentId: page.settings.defaultStream
                        onActivated: id => page.settings.defaultStream = id
                    }
                    Column {
                        width: parent.width
                        spacing: Math.round(Theme.spacing / 2)

                        Text {
                            width: parent.width
                            text: qsTr("Buffering: %1 ms").arg(buffering.value)
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                        VSlider {
                            id: buffering
                            objectName: "settingsBuffering"
                            width: parent.width
                            from: page.settings.minBufferingMs
                            to: page.settings.maxBufferingMs
                            stepSize: 50
                            value: page.settings.bufferingMs
                            onMoved: page.settings.bufferingMs = value
                        }
                        Text {
                            width: parent.width
                            text: qsTr("Less buffering shows live video sooner; more rides out a busy network.")
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textFaint
                            wrapMode: Text.WordWrap
                        }
                    }
                }

                Item {
                    width: 1
                    height: Theme.spacing
                }
                SectionTitle {
                    glyph: Icons.alarm
                    text: qsTr("Alarms")
                }
                Card {
                    VCheckBox {
                        objectName: "settingsAlarmSound"
                        width: parent.width
                        text: qsTr("Play a sound when an alarm comes in")
                        description: qsTr("Also in the top bar (%1).").arg(page.settings.keys.alarmSound)
                        checked: page.settings.alarmSound
                        onToggled: page.settings.alarmSound = checked
                    }
                }
            }

            Column {
                width: page.columnWidth
                spacing: Theme.spacing

                SectionTitle {
                    glyph: Icons.folder
                    text: qsTr("Folders")
                }
                Card {
                    FolderField {
                        objectName: "settingsSnapshotFolder"
                        width: parent.width
                        label: qsTr("Snapshots are saved in")
                        value: page.settings.snapshotFolder
                        which: "snapshots"
                        onApply: path => page.settings.snapshotFolder = path
                    }
                    FolderField {
                        objectName: "settingsExportFolder"
                        width: parent.width
                        label: qsTr("Exported clips are saved in")
                        value: page.settings.exportFolder
                        which: "clips"
                        onApply: path => page.settings.exportFolder = path
                    }
                }

                Item {
                    width: 1
                    height: Theme.spacing
                }
                SectionTitle {
                    glyph: Icons.keyboard
                    text: qsTr("Shortcut keys")
                }
                Card {
                    Repeater {
                        model: page.settings.shortcuts

                        RowLayout {
                            id: shortcutRow
                            required property var modelData
                            width: parent.width
                            spacing: Theme.spacing

                            Text {
                                Layout.fillWidth: true
                                text: shortcutRow.modelData.name
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            VTextField {
                                id: keysField
                                objectName: "shortcut_" + shortcutRow.modelData.id
                                Layout.preferredWidth: Math.round(Theme.unit * 9)
                                text: shortcutRow.modelData.sequence
                                placeholderText: shortcutRow.modelData.defaultSequence
                                onAccepted: {
                                    if (!page.settings.setShortcut(shortcutRow.modelData.id, text))
                                        text = shortcutRow.modelData.sequence
                                }
                            }
                        }
                    }
                    Text {
                        width: parent.width
                        text: qsTr("Type the keys (for example Ctrl+Shift+S or F5) and press Enter. Ctrl+1 to Ctrl+9 open the pages of the rail.")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textFaint
                        wrapMode: Text.WordWrap
                    }
                    VButton {
                        text: qsTr("Restore the default keys")
                        onClicked: page.settings.resetShortcuts()
                    }
                }
            }
        }

        Text {
            width: parent.width
            text: qsTr("Stored on this computer in %1").arg(page.settings.filePath)
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
            elide: Text.ElideMiddle
        }
    }
}
