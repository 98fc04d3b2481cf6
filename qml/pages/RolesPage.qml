import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Roles (SEC-2.2): built-in roles are shown read-only; custom roles are made of permissions, each
// with its description so an administrator knows what a box grants.
Item {
    id: page

    readonly property var roles: workstation.roles
    property string selectedId: ""
    property var form: roles.editorFor("")
    property var checkedIds: form.permissions
    readonly property bool readOnly: form.builtin === true
    readonly property var columns: [
        { title: qsTr("Role"), width: Math.round(Theme.unit * 10) },
        { title: qsTr("Kind"), width: Math.round(Theme.unit * 6) },
        { title: qsTr("Permissions"), width: 0 }
    ]

    function edit(id) {
        selectedId = id
        form = roles.editorFor(id)
        roles.clearError()
    }
    function toggle(id, on) {
        const list = checkedIds.filter(p => p !== id)
        if (on)
            list.push(id)
        checkedIds = list
    }

    Connections {
        target: page.roles
        function onSaved(id) {
            page.selectedId = id
        }
        function onRemoved() {
            page.edit("")
        }
        function onCountChanged() {
            if (page.selectedId.length > 0)
                page.form = page.roles.editorFor(page.selectedId)
        }
    }

    VDialog {
        id: confirmDelete
        title: qsTr("Delete the role %1?").arg(page.form.name)
        acceptText: qsTr("Delete role")
        destructive: true
        onAccepted: {
            page.roles.remove(page.form.id)
            done()
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Users who have this role must be given another one first; the server refuses otherwise.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }

    // Keyboard first (operators, and the UI tests): the editor's first field takes the keyboard,
    // Ctrl+N starts a new one, Ctrl+Delete asks to delete the one shown.
    Component.onCompleted: name.input.forceActiveFocus()
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: {
            page.edit("")
            name.input.forceActiveFocus()
        }
    }
    Shortcut {
        sequence: "Ctrl+Delete"
        enabled: !page.readOnly && page.form.id.length > 0
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
                    text: page.roles.count === 1 ? qsTr("1 role") : qsTr("%1 roles").arg(page.roles.count)
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.textMuted
                }
                VButton {
                    primary: true
                    text: qsTr("New role")
                    onClicked: {
                        page.edit("")
                        name.input.forceActiveFocus()
                    }
                }
            }

            VTableHeader {
                Layout.fillWidth: true
                columns: page.columns
            }

            ListView {
                id: list
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: page.roles
                ScrollBar.vertical: ScrollBar {}

                delegate: VTableRow {
                    id: row
                    required property int index
                    required property string roleId
                    required property string name
                    required property bool builtin
                    required property string permissionsText
                    width: list.width
                    striped: index % 2 === 1
                    selected: page.selectedId === roleId
                    onClicked: page.edit(roleId)

                    VCell {
                        w: page.columns[0].width
                        text: row.name
                        font.weight: Font.DemiBold
                    }
                    VCell {
                        w: page.columns[1].width
                        text: row.builtin ? qsTr("Built-in") : qsTr("Custom")
                        color: row.builtin ? Theme.textMuted : Theme.accent
                    }
                    VCell {
                        text: row.permissionsText
                        muted: true
                    }
                }

                Text {
                    anchors.centerIn: parent
                    visible: page.roles.count === 0
                    text: page.roles.busy ? qsTr("Loading roles…") : qsTr("No roles to show")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textFaint
                }
            }
        }

        Rectangle {
            Layout.preferredWidth: Math.round(Theme.formWidth * 1.25) + 2 * Theme.padding
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
                        text: page.form.id.length === 0 ? qsTr("New role") : page.form.name
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    VMessage {
                        Layout.fillWidth: true
                        kind: "info"
                        text: page.readOnly ? qsTr("Built-in roles are fixed so that upgrades can rely on them. Make a new role to grant a different set.") : ""
                    }
                    VTextField {
                        id: name
                        Layout.fillWidth: true
                        label: qsTr("Name")
                        text: page.form.name
                        readOnly: page.readOnly
                        onAccepted: if (!page.readOnly) page.roles.save(page.form.id, name.text, page.checkedIds)
                    }
                    Text {
                        Layout.topMargin: Theme.spacing
                        text: qsTr("PERMISSIONS")
                        font.pixelSize: Theme.fontSmall
                        font.letterSpacing: 1
                        font.weight: Font.DemiBold
                        color: Theme.textMuted
                    }
                    Repeater {
                        model: page.roles.catalogue

                        VCheckBox {
                            required property var modelData
                            Layout.fillWidth: true
                            text: modelData.name
                            description: modelData.description
                            enabled: !page.readOnly
                            checked: page.checkedIds.indexOf(modelData.id) >= 0
                            onToggled: page.toggle(modelData.id, checked)
                        }
                    }
                    VMessage {
                        Layout.fillWidth: true
                        text: page.roles.errorMessage
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Layout.topMargin: Theme.spacing
                        visible: !page.readOnly
                        spacing: Theme.spacing
                        VButton {
                            visible: page.form.id.length > 0
                            danger: true
                            text: qsTr("Delete…")
                            onClicked: confirmDelete.open()
                        }
                        Item {
                            Layout.fillWidth: true
                        }
                        VButton {
                            primary: true
                            enabled: !page.roles.busy
                            text: page.form.id.length === 0 ? qsTr("Create role") : qsTr("Save")
                            onClicked: page.roles.save(page.form.id, name.text, page.checkedIds)
                        }
                    }
                }
            }
        }
    }
}
