import QtQuick
import QtQuick.Layouts
import Vigil.UI

// CLI-2: the workstation is locked. Covers everything (nothing behind it shows or takes input) and
// needs the signed-in user's password; another person must sign out and in instead.
VAuthFrame {
    id: lock

    readonly property var session: workstation.session

    title: qsTr("Workstation locked")
    subtitle: qsTr("Signed in as %1 (%2). Enter this user's password to continue.").arg(session.userName).arg(session.roleName)
    siteName: workstation.siteName
    siteDetail: workstation.siteDetail

    // Every click and key stays here while locked.
    MouseArea {
        parent: lock
        anchors.fill: parent
        z: -1
        acceptedButtons: Qt.AllButtons
        hoverEnabled: true
        onWheel: wheel => wheel.accepted = true
    }

    function submit() {
        lock.session.unlock(password.text)
    }

    // Created by a Loader at each lock: a fresh, empty field with the caret in it.
    Component.onCompleted: password.input.forceActiveFocus()

    Connections {
        target: lock.session
        function onMessageChanged() {
            if (lock.session.state === "locked" && lock.session.message.length > 0) {
                password.text = ""
                password.input.forceActiveFocus()
            }
        }
    }

    Row {
        width: parent.width
        spacing: Theme.padding

        Rectangle {
            width: Math.round(Theme.unit * 3)
            height: width
            radius: width / 2
            color: Theme.selection
            border.color: Theme.accent

            Text {
                anchors.centerIn: parent
                text: lock.session.userInitial
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
            }
        }
        Column {
            anchors.verticalCenter: parent.verticalCenter
            Text {
                objectName: "lockUserName"
                text: lock.session.userName
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Text {
                text: lock.session.roleName
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
    }

    VMessage {
        objectName: "lockMessage"
        width: parent.width
        text: lock.session.message
        kind: lock.session.messageKind
    }

    VTextField {
        id: password
        objectName: "lockPassword"
        width: parent.width
        label: qsTr("Password")
        echoMode: TextInput.Password
        onAccepted: lock.submit()
    }

    RowLayout {
        width: parent.width
        spacing: Theme.spacing

        VButton {
            text: qsTr("Sign out")
            onClicked: lock.session.logout()
        }
        Item {
            Layout.fillWidth: true
        }
        VButton {
            objectName: "unlockButton"
            primary: true
            enabled: !lock.session.busy
            text: lock.session.busy ? qsTr("Checking…") : qsTr("Unlock")
            onClicked: lock.submit()
        }
    }
}
