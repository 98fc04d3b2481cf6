import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Users (SEC-2.2): the list on the left, the editor of the selected (or new) user on the right.
// The form goes to workstation.users.save() as a map; checks and conversions happen there.
Item {
    id: page

    readonly property var users: workstation.users
    readonly property var roles: workstation.roles
    property string selectedId: ""
    property var form: users.editorFor("")
    readonly property bool isNew: form.isNew === true
    readonly property var strength: workstation.passwordStrength.check(password.text, userName.text)
    readonly property var columns: [
        { title: "", width: Theme.dot },
        { title: qsTr("User"), width: Math.round(Theme.unit * 10) },
        { title: qsTr("Role"), width: Math.round(Theme.unit * 9) },
        { title: qsTr("Status"), width: Math.round(Theme.unit * 7) },
        { title: qsTr("Valid"), width: Math.round(Theme.unit * 12) },
        { title: qsTr("Last sign-in"), width: 0 }
    ]

    function edit(id) {
        selectedId = id
        form = users.editorFor(id)
        users.clearError()
        password.text = ""
        confirmation.text = ""
    }
    function save() {
        users.save({
            id: form.id, userName: userName.text, roleId: role.currentId, enabled: enabled.checked,
            mustChangePassword: mustChange.checked, validFrom: validFrom.text, validUntil: validUntil.text,
            allowedAddresses: addresses.text, memo: memo.text, password: password.text,
            confirmation: confirmation.text
        })
    }

    Connections {
        target: page.users
        function onSaved(id) {
            page.selectedId = id
            password.text = ""
            confirmation.text = ""
        }
        function onRemoved() {
            page.edit("")
        }
        function onCountChanged() {
            if (page.selectedId.length > 0 && page.users.indexOf(page.selectedId) >= 0)
                page.form = page.users.editorFor(page.selectedId)
        }
    }

    VDialog {
        id: confirmDelete
        title: qsTr("Delete %1?").arg(page.form.userName)
        acceptText: qsTr("Delete user")
        destructive: true
        onAccepted: {
            page.users.remove(page.form.id)
            done()
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("The account and its sessions end now. The security log keeps what it did.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }

    // Keyboard first (operators, and the UI tests): the editor's first field takes the keyboard,
    // Ctrl+N starts a new one, Ctrl+Delete asks to delete the one shown.
    Component.onCompleted: userName.input.forceActiveFocus()
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: {
            page.edit("")
            userName.input.forceActiveFocus()
        }
    }
    Shortcut {
        sequence: "Ctrl+Delete"
        enabled: !page.isNew && page.form.userName !== workstation.session.userName
        onActivated: confirmDelete.open()
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.pagePadding

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: page.users.count === 1 ? qsTr("1 user") : qsTr("%1 users").arg(page.users.count)
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.textMuted
                }
                VButton {
                    text: qsTr("Refresh")
                    onClicked: page.users.refresh()
                }
                VButton {
                    objectName: "newUserButton"
                    primary: true
                    text: qsTr("New user")
                    onClicked: {
                        page.edit("")
                        userName.input.forceActiveFocus()
                    }
                }
            }

            VTableHeader {
                Layout.fillWidth: true
                columns: page.columns
            }

            ListView {
                id: list
                objectName: "userList"
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: page.users
                ScrollBar.vertical: ScrollBar {}

                delegate: VTableRow {
                    id: row
                    required property int index
                    required property string userId
                    required property string userName
                    required property string roleName
                    required property string status
                    required property string statusText
                    required property string validityText
                    required property string lastLoginText
                    width: list.width
                    striped: index % 2 === 1
                    selected: page.selectedId === userId
                    onClicked: page.edit(userId)

                    VStatusDot {
                        Layout.preferredWidth: page.columns[0].width
                        status: row.status
                    }
                    VCell {
                        w: page.columns[1].width
                        text: row.userName
                        font.weight: Font.DemiBold
                    }
                    VCell {
                        w: page.columns[2].width
                        text: row.roleName
                    }
                    VCell {
                        w: page.columns[3].width
                        text: row.statusText
                        color: Theme.stateColor(row.status)
                    }
                    VCell {
                        w: page.columns[4].width
                        text: row.validityText
                        muted: true
                    }
                    VCell {
                        text: row.lastLoginText
                        muted: true
                    }
                }

                Text {
                    anchors.centerIn: parent
                    visible: page.users.count === 0
                    text: page.users.busy ? qsTr("Loading users…") : qsTr("No users to show")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textFaint
                }
            }
        }

        Rectangle {
            Layout.preferredWidth: Theme.formWidth + 2 * Theme.padding
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            Flickable {
                anchors.fill: parent
                anchors.margins: Theme.padding
                contentHeight: editor.implicitHeight
                clip: true
                boundsBehavior: Flickable.StopAtBounds
                ScrollBar.vertical: ScrollBar {}

                ColumnLayout {
                    id: editor
                    width: parent.width
                    spacing: Theme.spacing

                    Text {
                        Layout.fillWidth: true
                        text: page.isNew ? qsTr("New user") : page.form.userName
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    VTextField {
                        id: userName
                        objectName: "userNameField"
                        Layout.fillWidth: true
                        label: qsTr("User name")
                        text: page.form.userName
                        onAccepted: page.save()
                    }
                    VComboBox {
                        id: role
                        Layout.fillWidth: true
                        label: qsTr("Role")
                        model: page.roles.choices
                        currentId: page.form.roleId
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        VTextField {
                            id: validFrom
                            Layout.fillWidth: true
                            label: qsTr("Valid from")
                            placeholderText: "yyyy-mm-dd"
                            text: page.form.validFrom
                            onAccepted: page.save()
                        }
                        VTextField {
                            id: validUntil
                            Layout.fillWidth: true
                            label: qsTr("Valid until")
                            placeholderText: "yyyy-mm-dd"
                            text: page.form.validUntil
                            onAccepted: page.save()
                        }
                    }
                    VTextField {
                        id: addresses
                        Layout.fillWidth: true
                        label: qsTr("Allowed client addresses (empty: any)")
                        placeholderText: "192.168.1.0/24, 10.0.0.5"
                        text: page.form.allowedAddresses
                        onAccepted: page.save()
                    }
                    VTextField {
                        id: memo
                        Layout.fillWidth: true
                        label: qsTr("Memo")
                        text: page.form.memo
                        onAccepted: page.save()
                    }
                    VCheckBox {
                        id: enabled
                        Layout.fillWidth: true
                        text: qsTr("Enabled")
                        description: qsTr("A disabled user cannot sign in.")
                        checked: page.form.enabled
                    }
                    VCheckBox {
                        id: mustChange
                        Layout.fillWidth: true
                        text: qsTr("Must change password at next sign-in")
                        checked: page.form.mustChangePassword
                    }
                    Text {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacing
                        text: page.isNew ? qsTr("PASSWORD") : qsTr("NEW PASSWORD (EMPTY: UNCHANGED)")
                        font.pixelSize: Theme.fontSmall
                        font.letterSpacing: 1
                        font.weight: Font.DemiBold
                        color: Theme.textMuted
                    }
                    VTextField {
                        id: password
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        placeholderText: qsTr("Password")
                        onAccepted: page.save()
                    }
                    VStrengthMeter {
                        Layout.fillWidth: true
                        result: page.strength
                    }
                    VTextField {
                        id: confirmation
                        Layout.fillWidth: true
                        echoMode: TextInput.Password
                        placeholderText: qsTr("Password again")
                        errorText: confirmation.text.length > 0 && confirmation.text !== password.text ? qsTr("The two passwords differ.") : ""
                        onAccepted: page.save()
                    }
                    VMessage {
                        Layout.fillWidth: true
                        text: page.users.errorMessage
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacing
                        spacing: Theme.spacing
                        VButton {
                            visible: !page.isNew
                            danger: true
                            text: qsTr("Delete…")
                            enabled: page.form.userName !== workstation.session.userName
                            onClicked: confirmDelete.open()
                        }
                        Item {
                            Layout.fillWidth: true
                        }
                        VButton {
                            primary: true
                            enabled: !page.users.busy
                            text: page.isNew ? qsTr("Create user") : qsTr("Save")
                            onClicked: page.save()
                        }
                    }
                }
            }
        }
    }
}
