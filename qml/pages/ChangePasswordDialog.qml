import QtQuick
import QtQuick.Layouts
import Vigil.UI

// Change one's own password (user menu), or the forced change after sign-in when the server asks for
// it (then it cannot be dismissed). Rules and strength come from C++, the same as the server's.
VDialog {
    id: dialog

    readonly property var session: workstation.session
    property bool forced: false
    readonly property var strength: workstation.passwordStrength.check(newPassword.text, session.userName)

    title: forced ? qsTr("Choose a new password") : qsTr("Change password")
    acceptText: session.busy ? qsTr("Changing…") : qsTr("Change password")
    acceptEnabled: !session.busy
    closable: !forced

    onAboutToShow: {
        current.text = ""
        newPassword.text = ""
        confirmation.text = ""
        session.clearPasswordMessage()
        current.input.forceActiveFocus()
    }
    onAccepted: session.changePassword(current.text, newPassword.text, confirmation.text)

    Connections {
        target: dialog.session
        function onPasswordChanged() {
            dialog.done()
        }
    }

    Text {
        Layout.fillWidth: true
        visible: dialog.forced
        text: qsTr("The server asks %1 to choose a new password before going on.").arg(dialog.session.userName)
        font.pixelSize: Theme.fontBody
        color: Theme.warning
        wrapMode: Text.WordWrap
    }
    VTextField {
        id: current
        Layout.fillWidth: true
        label: qsTr("Current password")
        echoMode: TextInput.Password
        onAccepted: dialog.accept()
    }
    VTextField {
        id: newPassword
        Layout.fillWidth: true
        label: qsTr("New password")
        echoMode: TextInput.Password
        onAccepted: dialog.accept()
    }
    VStrengthMeter {
        Layout.fillWidth: true
        result: dialog.strength
    }
    VTextField {
        id: confirmation
        Layout.fillWidth: true
        label: qsTr("New password again")
        echoMode: TextInput.Password
        errorText: confirmation.text.length > 0 && confirmation.text !== newPassword.text ? qsTr("The two passwords differ.") : ""
        onAccepted: dialog.accept()
    }
    VMessage {
        Layout.fillWidth: true
        text: dialog.session.passwordMessage
    }
}
