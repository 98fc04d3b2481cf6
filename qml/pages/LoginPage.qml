import QtQuick
import QtQuick.Layouts
import Vigil.UI

// Sign-in to the current site. Errors are the server's own words (it decides how much a failed or
// locked sign-in may say); the reason for being here (signed out, session ended) shows above.
VAuthFrame {
    id: page

    readonly property var session: workstation.session

    title: qsTr("Sign in")
    subtitle: qsTr("to %1").arg(workstation.siteName)
    siteName: workstation.siteName
    siteDetail: workstation.siteDetail

    function submit() {
        page.session.login(userName.text, password.text)
    }

    // After a failure the password is cleared and the caret goes back to it, ready for another try.
    Connections {
        target: page.session
        function onMessageChanged() {
            if (page.session.messageKind === "error")
                password.text = ""
            if (page.session.state === "login")
                (userName.text.length > 0 ? password : userName).input.forceActiveFocus()
        }
        function onSetupCompleted(name) {
            userName.text = name
            password.input.forceActiveFocus()
        }
    }

    Component.onCompleted: {
        if (userName.text.length === 0)
            userName.text = page.session.userName
        ;(userName.text.length > 0 ? password : userName).input.forceActiveFocus()
    }

    VMessage {
        objectName: "loginMessage"
        width: parent.width
        text: page.session.message
        kind: page.session.messageKind
    }

    VTextField {
        id: userName
        objectName: "loginUserName"
        width: parent.width
        label: qsTr("User name")
        onAccepted: page.submit()
    }

    VTextField {
        id: password
        objectName: "loginPassword"
        width: parent.width
        label: qsTr("Password")
        echoMode: TextInput.Password
        onAccepted: page.submit()
    }

    RowLayout {
        width: parent.width
        spacing: Theme.spacing

        VButton {
            text: qsTr("Other site…")
            onClicked: workstation.showPage("sites")
        }
        Item {
            Layout.fillWidth: true
        }
        VButton {
            objectName: "loginSubmit"
            primary: true
            enabled: !page.session.busy
            text: page.session.busy ? qsTr("Signing in…") : qsTr("Sign in")
            onClicked: page.submit()
        }
    }
}
