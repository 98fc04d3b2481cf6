import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Step 3 of the Security wizard (WIZ-2): the fixes chosen in step 2, applied as one server job after
// a configuration backup (progress, cancel), then what changed, fix by fix, with each item's state
// before and after a fresh audit. Keys: Ctrl+Enter applies, Esc cancels.
FocusScope {
    id: step

    property var wizard
    readonly property bool busy: wizard.fixesRunning || wizard.auditRunning

    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: step.visible && !step.busy && step.wizard.chosenFixes.length > 0
        onActivated: step.wizard.applyChosenFixes()
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.pagePadding

        // What will be applied.
        Rectangle {
            Layout.preferredWidth: Math.round(Theme.listWidth * 1.25)
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing

                Text {
                    text: qsTr("Chosen fixes")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Untick what you do not want changed. Fixes are chosen in step 2 (Space on an item).")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    model: step.wizard.chosenFixes
                    spacing: Math.round(Theme.spacing / 2)
                    delegate: VCheckBox {
                        required property var modelData
                        width: ListView.view.width
                        checked: true
                        enabled: !step.busy
                        text: modelData.title
                        description: modelData.fixTitle
                        onToggled: step.wizard.setFixChosen(modelData.itemId, checked)
                    }
                    Text {
                        anchors.centerIn: parent
                        width: parent.width
                        visible: parent.count === 0
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: qsTr("No fix waiting. After each audit, every failing item that Vigil can mend is listed here, chosen.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                }
                VMessage {
                    Layout.fillWidth: true
                    kind: "info"
                    text: qsTr("Before it changes anything, the server takes a configuration backup: restoring it undoes every fix.")
                }
                // The backup's passphrase: needed unless the backup schedule has one (the server says so).
                VTextField {
                    id: passphrase
                    objectName: "backupPassphrase"
                    Layout.fillWidth: true
                    label: qsTr("Backup passphrase (empty: the backup schedule's)")
                    echoMode: TextInput.Password
                    errorText: step.wizard.needsPassphrase && text.length < 10 ? qsTr("10 characters or more; a restore asks for it.") : ""
                    onTextChanged: step.wizard.setBackupPassphrase(text)
                    onAccepted: step.wizard.needsPassphrase ? step.wizard.retryFixes() : step.wizard.applyChosenFixes()
                }
                Connections {
                    target: step.wizard
                    function onFixesChanged() {
                        if (step.wizard.needsPassphrase && step.visible && !passphrase.input.activeFocus)
                            passphrase.input.forceActiveFocus()
                    }
                }
                VButton {
                    Layout.fillWidth: true
                    primary: true
                    enabled: !step.busy && (step.wizard.chosenFixes.length > 0 || step.wizard.needsPassphrase)
                    text: step.wizard.needsPassphrase ? qsTr("Apply again with the passphrase (Enter)")
                                                      : qsTr("Apply the chosen fixes: %1 (Ctrl+Enter)").arg(step.wizard.chosenFixes.length)
                    onClicked: step.wizard.needsPassphrase ? step.wizard.retryFixes() : step.wizard.applyChosenFixes()
                }
            }
        }

        // What happened.
        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.pagePadding
                spacing: Theme.padding

                RowLayout {
                    Layout.fillWidth: true
                    Text {
                        Layout.fillWidth: true
                        text: qsTr("What changed")
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }
                    VButton {
                        visible: step.wizard.fixesRunning
                        danger: true
                        text: qsTr("Cancel (Esc)")
                        onClicked: step.wizard.cancel()
                    }
                }
                VProgressBar {
                    Layout.fillWidth: true
                    visible: step.busy
                    value: step.wizard.fixesRunning ? step.wizard.fixProgress : step.wizard.auditProgress
                }
                Text {
                    Layout.fillWidth: true
                    objectName: "fixStatus"
                    visible: text.length > 0
                    text: step.wizard.fixStatus
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }

                // The backup taken first.
                Rectangle {
                    Layout.fillWidth: true
                    visible: step.wizard.backupText.length > 0
                    implicitHeight: backupRow.implicitHeight + Theme.padding
                    radius: Theme.radius
                    readonly property color tone: step.wizard.backupTaken ? Theme.online : Theme.warning
                    color: Qt.rgba(tone.r, tone.g, tone.b, 0.12)
                    border.color: Qt.rgba(tone.r, tone.g, tone.b, 0.6)
                    RowLayout {
                        id: backupRow
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.verticalCenter: parent.verticalCenter
                        anchors.leftMargin: Theme.padding
                        anchors.rightMargin: Theme.padding
                        spacing: Theme.padding
                        Text {
                            text: qsTr("Backup")
                            font.pixelSize: Theme.fontSmall
                            font.weight: Font.DemiBold
                            color: Theme.textMuted
                        }
                        Text {
                            Layout.fillWidth: true
                            objectName: "backupText"
                            text: step.wizard.backupText
                            font.pixelSize: Theme.fontBody
                            font.family: step.wizard.backupTaken ? Theme.monospace : Qt.application.font.family
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                    }
                }

                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: Theme.spacing
                    model: step.wizard.appliedFixes
                    boundsBehavior: Flickable.StopAtBounds

                    delegate: Rectangle {
                        required property var modelData
                        width: ListView.view.width
                        implicitHeight: fixColumn.implicitHeight + 2 * Theme.padding
                        radius: Theme.radius
                        color: Theme.background
                        border.color: modelData.error.length > 0 ? Theme.alarm : Theme.border

                        ColumnLayout {
                            id: fixColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: Theme.padding
                            spacing: Math.round(Theme.spacing / 2)

                            RowLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing
                                Text {
                                    Layout.fillWidth: true
                                    text: modelData.itemTitle
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    elide: Text.ElideRight
                                }
                                VStateBadge {
                                    status: modelData.before
                                    text: modelData.beforeText
                                }
                                Text {
                                    text: "\u2192"
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.textMuted
                                }
                                VStateBadge {
                                    objectName: "afterState"
                                    status: modelData.after
                                    text: modelData.afterText
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                text: modelData.title
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textMuted
                                wrapMode: Text.WordWrap
                            }
                            Repeater {
                                model: modelData.changes
                                Text {
                                    required property string modelData
                                    Layout.fillWidth: true
                                    text: "\u2022 " + modelData
                                    font.pixelSize: Theme.fontBody
                                    font.family: Theme.monospace
                                    color: Theme.text
                                    wrapMode: Text.WrapAnywhere
                                }
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: modelData.error.length === 0 && modelData.changes.length === 0
                                text: qsTr("Nothing needed changing.")
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                            }
                            Text {
                                Layout.fillWidth: true
                                visible: modelData.error.length > 0
                                text: qsTr("Not applied: %1").arg(modelData.error)
                                font.pixelSize: Theme.fontBody
                                color: Theme.alarm
                                wrapMode: Text.WordWrap
                            }
                        }
                    }

                    Text {
                        anchors.centerIn: parent
                        width: parent.width
                        visible: parent.count === 0 && !step.busy
                        horizontalAlignment: Text.AlignHCenter
                        wrapMode: Text.WordWrap
                        text: qsTr("Nothing applied yet.")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                }
            }
        }
    }
}
