import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Security wizard (issue 8, WIZ-1..4): choose a protection level, audit it, apply fixes, keep the
// report and the schedule. workstation.securityWizard (app/security/security_wizard.h) does the work
// and the wording; this page and its steps (pages/wizard/) lay it out.
// Keys: Alt+N next, Alt+B back, Alt+1..Alt+4 a step, F5 audit again, Esc cancel the running job; in the
// steps: 1/2/3 a level, Ctrl+F filter, Space choose a fix, Ctrl+Enter fix now / apply, Ctrl+S save the
// report, Ctrl+O open it.
Item {
    id: page

    readonly property var wizard: workstation.securityWizard
    readonly property var stepTitles: [qsTr("Choose a level"), qsTr("Audit"), qsTr("Apply fixes"), qsTr("Report and schedule")]
    readonly property bool jobRunning: wizard.auditRunning || wizard.fixesRunning

    function focusStep() {
        const steps = [levelStep, auditStep, fixStep, reportStep]
        steps[wizard.step - 1].forceActiveFocus()
    }
    Component.onCompleted: focusStep()
    Connections {
        target: page.wizard
        function onStepChanged() {
            page.focusStep()
        }
    }

    Shortcut {
        sequence: "Alt+N"
        enabled: page.wizard.step < 4
        onActivated: page.wizard.next()
    }
    Shortcut {
        sequence: "Alt+B"
        enabled: page.wizard.step > 1
        onActivated: page.wizard.back()
    }
    Repeater {
        model: 4
        Item {
            required property int index
            Shortcut {
                sequence: "Alt+" + (index + 1)
                onActivated: page.wizard.goTo(index + 1)
            }
        }
    }
    Shortcut {
        sequence: "F5"
        enabled: page.wizard.step > 1 && !page.jobRunning
        onActivated: page.wizard.runAudit()
    }
    Shortcut {
        sequence: "Esc"
        enabled: page.jobRunning
        onActivated: page.wizard.cancel()
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.padding

        // The steps: where the administrator is, and a click (or Alt+n) to go back to any of them.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Repeater {
                model: page.stepTitles

                AbstractButton {
                    id: stepButton
                    required property int index
                    required property string modelData
                    readonly property int number: index + 1
                    readonly property bool current: page.wizard.step === number
                    readonly property bool done: page.wizard.step > number
                    Layout.fillWidth: true
                    implicitHeight: Math.round(Theme.unit * 3)
                    enabled: page.wizard.level > 0
                    hoverEnabled: true
                    onClicked: page.wizard.goTo(number)

                    background: Rectangle {
                        radius: Theme.radius
                        color: stepButton.current ? Theme.selection : (stepButton.hovered ? Theme.panelHover : Theme.panel)
                        border.color: stepButton.current ? Theme.accent : Theme.border
                    }
                    contentItem: RowLayout {
                        spacing: Theme.spacing
                        Rectangle {
                            Layout.leftMargin: Theme.padding
                            implicitWidth: Math.round(Theme.unit * 1.6)
                            implicitHeight: implicitWidth
                            radius: width / 2
                            color: stepButton.current ? Theme.accent : stepButton.done ? Theme.panelRaised : "transparent"
                            border.color: stepButton.current || stepButton.done ? Theme.accent : Theme.textFaint
                            Text {
                                anchors.centerIn: parent
                                text: stepButton.done ? "\u2713" : stepButton.number
                                font.pixelSize: Theme.fontBody
                                font.weight: Font.DemiBold
                                color: stepButton.current ? Theme.accentText : stepButton.done ? Theme.accent : Theme.textMuted
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            text: stepButton.modelData
                            font.pixelSize: Theme.fontBody
                            font.weight: stepButton.current ? Font.DemiBold : Font.Normal
                            color: stepButton.current ? Theme.text : Theme.textMuted
                            elide: Text.ElideRight
                        }
                        Text {
                            Layout.rightMargin: Theme.padding
                            text: "Alt+" + stepButton.number
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textFaint
                        }
                    }
                }
            }
        }

        VMessage {
            Layout.fillWidth: true
            objectName: "wizardMessage"
            text: page.wizard.message
            kind: page.wizard.messageKind === "success" ? "info" : page.wizard.messageKind
        }

        StackLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            currentIndex: page.wizard.step - 1

            WizardLevelStep {
                id: levelStep
                wizard: page.wizard
            }
            WizardAuditStep {
                id: auditStep
                wizard: page.wizard
            }
            WizardFixStep {
                id: fixStep
                wizard: page.wizard
            }
            WizardReportStep {
                id: reportStep
                wizard: page.wizard
            }
        }

        // Back and next, with what "next" does on this step.
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            VButton {
                visible: page.wizard.step > 1
                text: qsTr("Back (Alt+B)")
                onClicked: page.wizard.back()
            }
            Text {
                Layout.fillWidth: true
                Layout.leftMargin: Theme.spacing
                text: page.wizard.step === 1 ? qsTr("Step 1 of 4: the level is saved as the site's chosen level when you go on.")
                    : page.wizard.step === 2 ? qsTr("Step 2 of 4: walk the items; tick the fixes to apply, confirm what only a person can check.")
                    : page.wizard.step === 3 ? qsTr("Step 3 of 4: the server backs up the configuration before it changes anything.")
                    : qsTr("Step 4 of 4: keep the report for your auditor, and let the server audit again on a schedule.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                elide: Text.ElideRight
            }
            VButton {
                visible: page.wizard.step < 4
                primary: true
                enabled: page.wizard.level > 0
                text: page.wizard.step === 1 ? qsTr("Audit level %1 (Alt+N)").arg(page.wizard.level)
                    : page.wizard.step === 2 ? qsTr("Review fixes (Alt+N)")
                    : qsTr("Report (Alt+N)")
                onClicked: page.wizard.next()
            }
        }
    }
}
