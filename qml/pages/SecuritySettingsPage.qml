import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Security settings (issue 3): sign-in protection, the address filter and the e-mail used for password
// reset, side by side, each with its own Save because each is stored (and refused) on its own.
// Fields take their values from workstation.securitySettings; forms go back to it as maps, and it
// converts, sends and reports the server's answer.
Item {
    id: page

    readonly property var settings: workstation.securitySettings

    function saveSecurity() {
        settings.saveSecurity({
            lockoutAttempts: attempts.text, lockoutWindowMinutes: windowMinutes.text,
            lockoutLockMinutes: lockMinutes.text, idleTimeoutMinutes: idleMinutes.text,
            absoluteTimeoutMinutes: absoluteMinutes.text, maxPlatform: maxPlatform.text,
            maxPerUser: maxPerUser.text, expiryDays: expiryDays.text, autoLockMinutes: autoLock.text,
            resetEnabled: resetEnabled.checked
        })
    }
    function saveFilter() {
        settings.saveFilter({ mode: filterMode.currentId, entries: entries.text })
    }
    function saveSmtp() {
        settings.saveSmtp({
            host: smtpHost.text, port: smtpPort.text, security: smtpSecurity.currentId,
            user: smtpUser.text, password: smtpPassword.text, from: smtpFrom.text, caPem: caPem.text
        })
    }

    // The first field takes the keyboard, so the page can be used (and tested) without a mouse.
    Component.onCompleted: attempts.input.forceActiveFocus()

    Connections {
        target: page.settings
        function onFilterNeedsConfirmation(message) {
            confirmFilter.message = message
            confirmFilter.open()
        }
        function onSmtpSaved() {
            smtpPassword.text = ""
            clearPassword.checked = false
        }
    }

    VDialog {
        id: confirmFilter
        property string message
        title: qsTr("Refuse this workstation?")
        acceptText: qsTr("Save anyway")
        destructive: true
        onAccepted: {
            page.settings.confirmFilter()
            done()
        }

        Text {
            Layout.fillWidth: true
            Layout.preferredWidth: Theme.formWidth
            text: confirmFilter.message
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }

    component SectionTitle: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        font.pixelSize: Theme.fontSmall
        font.letterSpacing: 1
        font.weight: Font.DemiBold
        color: Theme.textMuted
    }

    component Heading: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontHeading
        font.weight: Font.DemiBold
        color: Theme.text
    }

    component Note: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontSmall
        color: Theme.textFaint
        wrapMode: Text.WordWrap
    }

    component NumberField: VTextField {
        Layout.fillWidth: true
        // An error line under one field must not push its neighbours down.
        Layout.alignment: Qt.AlignTop
        Layout.preferredWidth: 1
        validator: IntValidator { bottom: 0 }
        inputMethodHints: Qt.ImhDigitsOnly
    }

    component Panel: Rectangle {
        default property alias content: column.data
        Layout.preferredWidth: Theme.formWidth + 2 * Theme.padding
        Layout.fillHeight: true
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.border

        Flickable {
            anchors.fill: parent
            anchors.margins: Theme.padding
            contentHeight: column.implicitHeight
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {}

            ColumnLayout {
                id: column
                width: parent.width
                spacing: Theme.spacing
            }
        }
    }

    // A few lines of monospace text (filter entries, PEM), with an error line under it like VTextField.
    component MultiLineField: ColumnLayout {
        id: multiLine
        property alias text: area.text
        property alias placeholderText: area.placeholderText
        property alias area: area
        property string errorText
        property int lines: 4
        Layout.fillWidth: true
        spacing: Math.round(Theme.spacing / 2)

        ScrollView {
            Layout.fillWidth: true
            Layout.preferredHeight: Theme.controlHeight * multiLine.lines

            TextArea {
                id: area
                font.pixelSize: Theme.fontBody
                font.family: Theme.monospace
                color: Theme.text
                placeholderTextColor: Theme.textFaint
                selectionColor: Theme.accent
                selectedTextColor: Theme.accentText
                padding: Theme.spacing
                wrapMode: TextEdit.NoWrap
                background: Rectangle {
                    radius: Theme.radius
                    color: Theme.background
                    border.color: multiLine.errorText.length > 0 ? Theme.alarm
                                  : (area.activeFocus ? Theme.accent : Theme.border)
                }
            }
        }
        Text {
            Layout.fillWidth: true
            visible: multiLine.errorText.length > 0
            text: multiLine.errorText
            font.pixelSize: Theme.fontSmall
            color: Theme.alarm
            wrapMode: Text.WordWrap
        }
    }

    component SaveRow: RowLayout {
        property alias text: button.text
        property alias buttonEnabled: button.enabled
        property alias objectName: button.objectName
        signal clicked
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        spacing: Theme.spacing
        Item {
            Layout.fillWidth: true
        }
        VButton {
            id: button
            primary: true
            onClicked: parent.clicked()
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.pagePadding

        Panel {
            Heading {
                text: qsTr("Sign-in protection")
            }
            SectionTitle {
                text: qsTr("LOCKOUT AFTER FAILED SIGN-INS")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                NumberField {
                    id: attempts
                    errorText: page.settings.securityErrors.lockoutAttempts || ""
                    objectName: "lockoutAttemptsField"
                    label: qsTr("Failed attempts")
                    text: page.settings.lockoutAttempts
                    onAccepted: page.saveSecurity()
                }
                NumberField {
                    id: windowMinutes
                    errorText: page.settings.securityErrors.lockoutWindowMinutes || ""
                    label: qsTr("Within (minutes)")
                    text: page.settings.lockoutWindowMinutes
                    onAccepted: page.saveSecurity()
                }
                NumberField {
                    id: lockMinutes
                    errorText: page.settings.securityErrors.lockoutLockMinutes || ""
                    label: qsTr("Lock for (minutes)")
                    text: page.settings.lockoutLockMinutes
                    onAccepted: page.saveSecurity()
                }
            }
            SectionTitle {
                text: qsTr("SESSIONS")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                NumberField {
                    id: idleMinutes
                    errorText: page.settings.securityErrors.idleTimeoutMinutes || ""
                    label: qsTr("Idle timeout (minutes)")
                    text: page.settings.idleTimeoutMinutes
                    onAccepted: page.saveSecurity()
                }
                NumberField {
                    id: absoluteMinutes
                    errorText: page.settings.securityErrors.absoluteTimeoutMinutes || ""
                    label: qsTr("Absolute timeout (minutes)")
                    text: page.settings.absoluteTimeoutMinutes
                    onAccepted: page.saveSecurity()
                }
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                NumberField {
                    id: maxPlatform
                    errorText: page.settings.securityErrors.maxPlatform || ""
                    label: qsTr("Most on the platform")
                    text: page.settings.maxPlatform
                    onAccepted: page.saveSecurity()
                }
                NumberField {
                    id: maxPerUser
                    errorText: page.settings.securityErrors.maxPerUser || ""
                    label: qsTr("Most per user")
                    text: page.settings.maxPerUser
                    onAccepted: page.saveSecurity()
                }
            }
            SectionTitle {
                text: qsTr("PASSWORDS AND WORKSTATIONS")
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                NumberField {
                    id: expiryDays
                    errorText: page.settings.securityErrors.expiryDays || ""
                    label: qsTr("Password expiry (days)")
                    text: page.settings.expiryDays
                    onAccepted: page.saveSecurity()
                }
                NumberField {
                    id: autoLock
                    errorText: page.settings.securityErrors.autoLockMinutes || ""
                    label: qsTr("Auto-lock (minutes)")
                    text: page.settings.autoLockMinutes
                    onAccepted: page.saveSecurity()
                }
            }
            Note {
                text: qsTr("0 means never, for both. To make one user change the password at the next sign-in, tick it in that user's editor on the Users page.")
            }
            VCheckBox {
                id: resetEnabled
                Layout.fillWidth: true
                text: qsTr("Password reset")
                description: qsTr("Users may reset a forgotten password with an e-mailed code.")
                checked: page.settings.resetEnabled
            }
            VMessage {
                Layout.fillWidth: true
                text: page.settings.securityMessage
                kind: page.settings.securityMessageKind
            }
            SaveRow {
                objectName: "saveSecurityButton"
                text: qsTr("Save")
                buttonEnabled: !page.settings.busy
                onClicked: page.saveSecurity()
            }
        }

        Panel {
            Heading {
                text: qsTr("Address filter")
            }
            Note {
                text: qsTr("Which client addresses may connect. The console (127.0.0.1, ::1) is always admitted.")
            }
            VComboBox {
                id: filterMode
                Layout.fillWidth: true
                label: qsTr("Mode")
                model: page.settings.filterModes
                currentId: page.settings.filterMode
            }
            SectionTitle {
                text: qsTr("ENTRIES, ONE PER LINE")
            }
            MultiLineField {
                id: entries
                lines: 7
                text: page.settings.filterEntries
                placeholderText: "192.168.1.0/24\n10.0.0.5\n10.0.1.10-10.0.1.20"
            }
            Note {
                text: qsTr("Addresses, CIDR ranges or inclusive ranges.")
            }
            VMessage {
                Layout.fillWidth: true
                text: page.settings.filterMessage
                kind: page.settings.filterMessageKind
            }
            SaveRow {
                text: qsTr("Save")
                buttonEnabled: !page.settings.busy
                onClicked: page.saveFilter()
            }
        }

        Panel {
            Heading {
                text: qsTr("E-mail for password reset")
            }
            Note {
                visible: !page.settings.canEditSmtp
                text: qsTr("Changing the mail server needs the system settings permission.")
            }
            ColumnLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                enabled: page.settings.canEditSmtp

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    VTextField {
                        id: smtpHost
                        Layout.alignment: Qt.AlignTop
                        errorText: page.settings.smtpErrors.host || ""
                        Layout.fillWidth: true
                        Layout.preferredWidth: 3
                        label: qsTr("SMTP server")
                        placeholderText: "mail.example.com"
                        text: page.settings.smtpHost
                        onAccepted: page.saveSmtp()
                    }
                    NumberField {
                        id: smtpPort
                        errorText: page.settings.smtpErrors.port || ""
                        label: qsTr("Port")
                        text: page.settings.smtpPort
                        onAccepted: page.saveSmtp()
                    }
                }
                VComboBox {
                    id: smtpSecurity
                    Layout.fillWidth: true
                    label: qsTr("Security")
                    model: page.settings.smtpSecurities
                    currentId: page.settings.smtpSecurity
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    VTextField {
                        id: smtpUser
                        Layout.alignment: Qt.AlignTop
                        errorText: page.settings.smtpErrors.user || ""
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("User")
                        text: page.settings.smtpUser
                        onAccepted: page.saveSmtp()
                    }
                    VTextField {
                        id: smtpPassword
                        Layout.alignment: Qt.AlignTop
                        Layout.fillWidth: true
                        Layout.preferredWidth: 1
                        label: qsTr("Password")
                        echoMode: TextInput.Password
                        enabled: !clearPassword.checked
                        // Write-only: the stored password never comes back, only that there is one.
                        placeholderText: page.settings.smtpPasswordSet ? qsTr("A password is stored") : ""
                        onAccepted: page.saveSmtp()
                    }
                }
                VCheckBox {
                    id: clearPassword
                    Layout.fillWidth: true
                    visible: page.settings.smtpPasswordSet
                    text: qsTr("Remove the stored password")
                    description: qsTr("Leave the field empty and this unticked to keep it.")
                }
                VTextField {
                    id: smtpFrom
                    errorText: page.settings.smtpErrors.from || ""
                    Layout.fillWidth: true
                    label: qsTr("From address")
                    placeholderText: "vigil@example.com"
                    text: page.settings.smtpFrom
                    onAccepted: page.saveSmtp()
                }
                SectionTitle {
                    text: qsTr("EXTRA CA CERTIFICATE (PEM, OPTIONAL)")
                }
                MultiLineField {
                    id: caPem
                    errorText: page.settings.smtpErrors.caPem || ""
                    text: page.settings.smtpCaPem
                    placeholderText: "-----BEGIN CERTIFICATE-----"
                }
                VMessage {
                    Layout.fillWidth: true
                    text: page.settings.smtpMessage
                    kind: page.settings.smtpMessageKind
                }
                RowLayout {
                    Layout.fillWidth: true
                    Layout.topMargin: Theme.spacing
                    spacing: Theme.spacing
                    VButton {
                        text: page.settings.smtpTesting ? qsTr("Sending…") : qsTr("Send test e-mail")
                        enabled: !page.settings.smtpTesting && page.settings.smtpHost.length > 0
                        onClicked: page.settings.testSmtp()
                    }
                    BusyIndicator {
                        Layout.preferredWidth: Theme.controlHeight
                        Layout.preferredHeight: Theme.controlHeight
                        visible: running
                        running: page.settings.smtpTesting
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    VButton {
                        primary: true
                        text: qsTr("Save")
                        enabled: !page.settings.busy
                        onClicked: page.saveSmtp()
                    }
                }
            }
        }

        Item {
            Layout.fillWidth: true
        }
    }
}
