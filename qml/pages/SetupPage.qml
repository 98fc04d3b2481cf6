import QtQuick
import QtQuick.Layouts
import Vigil.UI

// First screen of a new site (CLI-1, SEC-1.2, SEC-1.3): the administrator's account, with the live
// strength meter, and the means of recovering it (reserved e-mail, three security questions). The
// checks and the request are in C++ (workstation.session.setup); this page lays out the fields.
VAuthFrame {
    id: page

    readonly property var session: workstation.session
    readonly property var strength: workstation.passwordStrength.check(password.text, userName.text)

    title: qsTr("Set up this site")
    subtitle: qsTr("This Vigil server is new. Create its administrator account and the means to recover it. Nothing else works until this is done.")
    siteName: workstation.siteName
    siteDetail: workstation.siteDetail
    cardWidth: 2 * Theme.formWidth + 4 * Theme.pagePadding + 1

    function submit() {
        page.session.setup(userName.text, password.text, confirmation.text, email.text, [
            { question: question1.text, answer: answer1.text },
            { question: question2.text, answer: answer2.text },
            { question: question3.text, answer: answer3.text }
        ])
    }

    Component.onCompleted: userName.input.forceActiveFocus()

    component SectionLabel: Text {
        width: parent.width
        font.pixelSize: Theme.fontSmall
        font.letterSpacing: 1
        font.weight: Font.DemiBold
        color: Theme.textMuted
    }

    Row {
        width: parent.width
        spacing: Theme.pagePadding

        Column {
            id: accountColumn
            width: Math.floor((parent.width - 1 - 2 * parent.spacing) / 2)
            spacing: Theme.padding

            SectionLabel {
                text: qsTr("ADMINISTRATOR")
            }
            VTextField {
                id: userName
                objectName: "setupUserName"
                width: parent.width
                label: qsTr("User name")
                placeholderText: qsTr("for example admin")
                onAccepted: page.submit()
            }
            VTextField {
                id: password
                objectName: "setupPassword"
                width: parent.width
                label: qsTr("Password")
                echoMode: TextInput.Password
                onAccepted: page.submit()
            }
            VStrengthMeter {
                objectName: "setupStrength"
                width: parent.width
                result: page.strength
            }
            VTextField {
                id: confirmation
                objectName: "setupConfirmation"
                width: parent.width
                label: qsTr("Password again")
                echoMode: TextInput.Password
                errorText: confirmation.text.length > 0 && confirmation.text !== password.text ? qsTr("The two passwords differ.") : ""
                onAccepted: page.submit()
            }
            Text {
                width: parent.width
                text: page.session.passwordRules
                font.pixelSize: Theme.fontSmall
                color: Theme.textFaint
                wrapMode: Text.WordWrap
            }
        }

        Rectangle {
            width: 1
            height: Math.max(accountColumn.height, recoveryColumn.height)
            color: Theme.border
        }

        Column {
            id: recoveryColumn
            width: accountColumn.width
            spacing: Theme.padding

            SectionLabel {
                text: qsTr("RECOVERY")
            }
            VTextField {
                id: email
                objectName: "setupEmail"
                width: parent.width
                label: qsTr("Reserved e-mail for password reset")
                placeholderText: "admin@example.com"
                inputMethodHints: Qt.ImhEmailCharactersOnly
                onAccepted: page.submit()
            }
            Text {
                width: parent.width
                text: qsTr("Three questions only the administrator can answer. The answers are stored hashed and allow a reset at this server's own screen.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textFaint
                wrapMode: Text.WordWrap
            }
            VTextField {
                id: question1
                objectName: "setupQuestion1"
                width: parent.width
                label: qsTr("Security question 1")
                placeholderText: qsTr("for example: the street you grew up on?")
                onAccepted: page.submit()
            }
            VTextField {
                id: answer1
                objectName: "setupAnswer1"
                width: parent.width
                placeholderText: qsTr("Answer")
                echoMode: TextInput.PasswordEchoOnEdit
                onAccepted: page.submit()
            }
            VTextField {
                id: question2
                objectName: "setupQuestion2"
                width: parent.width
                label: qsTr("Security question 2")
                placeholderText: qsTr("for example: your first employer?")
                onAccepted: page.submit()
            }
            VTextField {
                id: answer2
                objectName: "setupAnswer2"
                width: parent.width
                placeholderText: qsTr("Answer")
                echoMode: TextInput.PasswordEchoOnEdit
                onAccepted: page.submit()
            }
            VTextField {
                id: question3
                objectName: "setupQuestion3"
                width: parent.width
                label: qsTr("Security question 3")
                placeholderText: qsTr("for example: a teacher you remember?")
                onAccepted: page.submit()
            }
            VTextField {
                id: answer3
                objectName: "setupAnswer3"
                width: parent.width
                placeholderText: qsTr("Answer")
                echoMode: TextInput.PasswordEchoOnEdit
                onAccepted: page.submit()
            }
        }
    }

    VMessage {
        objectName: "setupMessage"
        width: parent.width
        text: page.session.message
        kind: page.session.messageKind
    }

    RowLayout {
        width: parent.width

        Text {
            Layout.fillWidth: true
            text: qsTr("Enter creates the site's administrator.")
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
        }
        VButton {
            objectName: "setupSubmit"
            primary: true
            enabled: !page.session.busy
            text: page.session.busy ? qsTr("Setting up…") : qsTr("Create administrator")
            onClicked: page.submit()
        }
    }
}
