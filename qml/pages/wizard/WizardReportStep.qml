import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Step 4 of the Security wizard (WIZ-3, WIZ-4): the report of the latest audit saved as PDF and HTML
// into a folder (and opened), an audit again on demand, and the site's chosen level with the re-audit
// schedule (a drift below the level raises an event). Keys: Ctrl+S save, Ctrl+O open, F5 audit again,
// Alt+L / Alt+S the level / schedule (Up and Down change it, saved at once).
FocusScope {
    id: step

    property var wizard
    readonly property var counts: wizard.counts

    Shortcut {
        sequence: "Ctrl+S"
        enabled: step.visible && !step.wizard.reportBusy
        onActivated: step.wizard.saveReport()
    }
    Shortcut {
        sequence: "Alt+L"
        enabled: step.visible
        onActivated: level.box.forceActiveFocus()
    }
    Shortcut {
        sequence: "Alt+S"
        enabled: step.visible
        onActivated: schedule.box.forceActiveFocus()
    }
    Shortcut {
        sequence: "Ctrl+O"
        enabled: step.visible && step.wizard.reportPdfPath.length > 0
        onActivated: step.wizard.openReport()
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.pagePadding

        // The report.
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

                Text {
                    text: qsTr("Report for your auditor")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("The level, every item with its state and evidence, who confirmed what and when, the date and who made it: as a PDF to file and an HTML page to read or mail.")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.padding
                    Rectangle {
                        implicitWidth: summaryText.implicitWidth + 2 * Theme.padding
                        implicitHeight: Theme.controlHeight
                        radius: Theme.radius
                        readonly property color tone: !step.wizard.hasRun ? Theme.offline : step.wizard.runMet ? Theme.online : Theme.alarm
                        color: Qt.rgba(tone.r, tone.g, tone.b, 0.16)
                        border.color: tone
                        Text {
                            id: summaryText
                            anchors.centerIn: parent
                            text: !step.wizard.hasRun ? qsTr("Not audited")
                                : step.wizard.runMet ? qsTr("Level %1 met").arg(step.wizard.level)
                                : qsTr("Level %1 not met").arg(step.wizard.level)
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                    }
                    Text {
                        Layout.fillWidth: true
                        text: step.wizard.runText
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                }
                Row {
                    spacing: Theme.spacing
                    Repeater {
                        model: [
                            { state: "pass", label: qsTr("%1 pass") },
                            { state: "fail", label: qsTr("%1 fail") },
                            { state: "attested", label: qsTr("%1 confirmed") },
                            { state: "not_applicable", label: qsTr("%1 not applicable") },
                            { state: "unknown", label: qsTr("%1 not checked") }
                        ]
                        VStateBadge {
                            required property var modelData
                            status: modelData.state
                            text: modelData.label.arg(step.counts[modelData.state] || 0)
                        }
                    }
                }

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    VTextField {
                        id: folder
                        Layout.fillWidth: true
                        label: qsTr("Save into this folder")
                        text: step.wizard.reportFolder
                        onAccepted: step.wizard.setReportFolder(text)
                        onTextChanged: step.wizard.setReportFolder(text)
                    }
                    VButton {
                        Layout.alignment: Qt.AlignBottom
                        primary: true
                        enabled: !step.wizard.reportBusy && !step.wizard.auditRunning
                        text: step.wizard.reportBusy ? qsTr("Saving…") : qsTr("Save PDF and HTML (Ctrl+S)")
                        onClicked: step.wizard.saveReport()
                    }
                }
                VProgressBar {
                    Layout.fillWidth: true
                    visible: step.wizard.reportBusy || step.wizard.auditRunning
                    value: step.wizard.auditRunning ? step.wizard.auditProgress : 0
                }

                // The files saved.
                Repeater {
                    model: [
                        { kind: "PDF", path: step.wizard.reportPdfPath },
                        { kind: "HTML", path: step.wizard.reportHtmlPath }
                    ]
                    Rectangle {
                        required property var modelData
                        Layout.fillWidth: true
                        visible: modelData.path.length > 0
                        implicitHeight: Theme.controlHeight
                        radius: Theme.radius
                        color: Theme.background
                        border.color: Theme.border
                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: Theme.padding
                            anchors.rightMargin: Theme.padding
                            spacing: Theme.padding
                            Text {
                                Layout.preferredWidth: Math.round(Theme.unit * 3)
                                text: modelData.kind
                                font.pixelSize: Theme.fontSmall
                                font.weight: Font.DemiBold
                                color: Theme.accent
                            }
                            Text {
                                Layout.fillWidth: true
                                objectName: "savedPath"
                                text: modelData.path
                                font.pixelSize: Theme.fontBody
                                font.family: Theme.monospace
                                color: Theme.text
                                elide: Text.ElideMiddle
                            }
                        }
                    }
                }
                RowLayout {
                    spacing: Theme.spacing
                    visible: step.wizard.reportPdfPath.length > 0
                    VButton {
                        text: qsTr("Open report (Ctrl+O)")
                        onClicked: step.wizard.openReport()
                    }
                    VButton {
                        text: qsTr("Open folder")
                        onClicked: step.wizard.openReportFolder()
                    }
                }
                Item {
                    Layout.fillHeight: true
                }
            }
        }

        // Keeping the level: audit again, the chosen level and the schedule.
        Rectangle {
            Layout.preferredWidth: Math.round(Theme.formWidth * 1.3)
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.pagePadding
                spacing: Theme.padding

                Text {
                    text: qsTr("Keep the level")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    objectName: "settingsText"
                    text: step.wizard.settingsText
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
                // A choice is saved at once (the text above says what the server now keeps).
                VComboBox {
                    id: level
                    Layout.fillWidth: true
                    label: qsTr("The site's chosen level (Alt+L)")
                    model: step.wizard.levels.map(l => ({ id: String(l.level), name: qsTr("Level %1 — %2").arg(l.level).arg(l.name) }))
                    currentId: String(step.wizard.targetLevel > 0 ? step.wizard.targetLevel : step.wizard.level)
                    onActivated: id => step.wizard.saveSettings(Number(id), step.wizard.scheduleHours)
                }
                VComboBox {
                    id: schedule
                    Layout.fillWidth: true
                    label: qsTr("Audit again automatically (Alt+S)")
                    model: step.wizard.scheduleChoices.map(c => ({ id: String(c.id), name: c.name }))
                    currentId: String(step.wizard.scheduleHours)
                    onActivated: id => step.wizard.saveSettings(Number(level.currentId), Number(id))
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    implicitHeight: 1
                    color: Theme.border
                }
                VButton {
                    Layout.fillWidth: true
                    enabled: !step.wizard.auditRunning && !step.wizard.fixesRunning
                    text: step.wizard.auditRunning ? qsTr("Auditing…") : qsTr("Audit again now (F5)")
                    onClicked: step.wizard.runAudit()
                }
                Text {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: step.wizard.auditStatus
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
                Item {
                    Layout.fillHeight: true
                }
            }
        }
    }
}
