import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// The Event Center's rules (EVT-2): the list, and an editor: what events (kinds, severities, source
// cameras from the device list), when (always, or chosen weekdays between two times), what to do
// (alarm, pop-up, sound, record, e-mail, syslog, a PTZ camera to a preset) and debounce. The server
// checks a rule when it is saved; when it refuses (a rule that can never fire), its reason shows
// under the form and nothing is lost from the form. Rules changed elsewhere come in at once (the
// model follows events.rule pushes); when the open rule is one of them, the form stays as typed and a
// warning says so, with a button that loads the other version.
Item {
    id: panel

    property var rules
    property var kinds: []
    readonly property int editing: rules ? rules.openRow : -2  // -2: nothing open, -1: a new rule, else the row
    readonly property var sounds: [
        { id: "", name: qsTr("No sound") },
        { id: "alarm", name: qsTr("Alarm") },
        { id: "chime", name: qsTr("Chime") },
        { id: "siren", name: qsTr("Siren") }
    ]
    property var chosenKinds: []
    property var chosenSeverities: []
    property var chosenSources: []
    property var chosenDays: []
    property string scheduleMode: "always"
    property string scheduleText
    // The site's cameras (the device tree follows the server), and the PTZ ones for the PTZ action.
    readonly property var channels: workstation.deviceTree.count >= 0 ? workstation.deviceTree.channelList() : []
    readonly property var ptzChannels: [{ id: "", name: qsTr("No PTZ camera") }].concat(channels.filter(c => c.ptz))
    // Sources the rule names that are no camera here (a device, a user name): shown so they can go.
    readonly property var otherSources: chosenSources.filter(id => !channels.some(c => c.id === id))
    // The chosen preset stays offered while the camera's list is loading or when it is gone.
    readonly property var presetChoices: ptzPreset.currentId.length === 0 || rules.presets.some(p => p.id === ptzPreset.currentId)
                                         ? rules.presets : rules.presets.concat([{ id: ptzPreset.currentId, name: ptzPreset.currentId }])
    // The form's items the UI test finds (EventCenterPage logs where they are).
    readonly property var geometryNames: {
        const names = ["scheduleMode", "scheduleFrom", "scheduleTo", "ptzCamera", "ptzPreset", "ruleError", "actionPopup",
                       "kind_manual_alarm", "popupUsers", "sound", "soundUsers", "ruleConflict", "loadOtherVersion"]
        for (let r = 0; r < Math.min(rules ? rules.count : 0, 6); ++r)
            names.push("rule_" + r)
        for (let d = 1; d <= 7; ++d)
            names.push("day_" + d)
        for (let i = 0; i < channels.length; ++i)
            names.push("source_" + i)
        return names
    }
    signal formMoved()  // the form's items moved: scrolled, or parts shown or hidden
    onScheduleModeChanged: formMoved()

    function open(row) {
        const f = rules.open(row)
        name.text = f.name
        enabled.checked = f.enabled
        chosenKinds = f.kinds
        chosenSeverities = f.severities
        chosenSources = f.sourceIds
        scheduleMode = f.scheduleMode
        chosenDays = f.scheduleDays
        scheduleText = f.scheduleText
        scheduleFrom.text = f.scheduleFrom
        scheduleTo.text = f.scheduleTo
        ptzCamera.currentId = f.ptzChannelId
        rules.loadPresets(f.ptzChannelId)
        ptzPreset.currentId = f.ptzPresetToken
        flick.contentY = 0
        debounce.text = String(f.debounceS)
        alarm.checked = f.alarm
        sound.currentId = f.sound
        soundUsers.text = f.soundUsers
        popup.checked = f.popup
        popupUsers.text = f.popupUsers
        record.checked = f.record
        pre.text = String(f.preEventS)
        post.text = String(f.postEventS)
        email.text = f.emailTo
        syslogHost.text = f.syslogHost
        syslogPort.text = String(f.syslogPort)
        name.input.forceActiveFocus()
    }
    function toggled(list, id, on) {
        const copy = list.filter(x => x !== id)
        if (on)
            copy.push(id)
        return copy
    }
    function save() {
        rules.save({
            name: name.text, enabled: enabled.checked, kinds: chosenKinds, severities: chosenSeverities,
            debounceS: parseInt(debounce.text) || 0, alarm: alarm.checked, sound: sound.currentId, soundUsers: soundUsers.text,
            popup: popup.checked, popupUsers: popupUsers.text, record: record.checked, preEventS: parseInt(pre.text) || 0,
            postEventS: parseInt(post.text) || 0, emailTo: email.text, syslogHost: syslogHost.text,
            syslogPort: parseInt(syslogPort.text) || 6514, sourceIds: chosenSources, scheduleMode: scheduleMode,
            scheduleDays: chosenDays, scheduleFrom: scheduleFrom.text, scheduleTo: scheduleTo.text,
            ptzChannelId: ptzCamera.currentId, ptzPresetToken: ptzCamera.currentId.length > 0 ? ptzPreset.currentId : ""
        })
    }

    Connections {
        target: panel.rules
        function onConflictChanged() {
            panel.formMoved()
        }
        function onCountChanged() {
            panel.formMoved()
        }
    }

    // Whom a pop-up or a sound is for: user names, comma-separated.
    component UsersField: VTextField {
        Layout.preferredWidth: Math.round(Theme.unit * 16)
        label: qsTr("For users (empty: everyone)")
        placeholderText: qsTr("user, user…")
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.padding

        ColumnLayout {
            Layout.preferredWidth: Theme.listWidth
            Layout.maximumWidth: Theme.listWidth
            Layout.fillWidth: false
            Layout.fillHeight: true
            spacing: Theme.spacing

            RowLayout {
                Layout.fillWidth: true
                Text {
                    Layout.fillWidth: true
                    text: qsTr("%n rules", "", panel.rules.count)
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                VButton {
                    objectName: "newRule"
                    text: qsTr("New rule")
                    primary: true
                    enabled: workstation.session.hasPermission("system_settings")
                    onClicked: panel.open(-1)
                }
            }
            Text {
                Layout.fillWidth: true
                text: panel.rules.message
                visible: text.length > 0
                font.pixelSize: Theme.fontSmall
                color: Theme.online
            }
            ListView {
                id: ruleList
                Layout.fillWidth: true
                Layout.fillHeight: true
                clip: true
                spacing: 2
                model: panel.rules
                ScrollBar.vertical: ScrollBar {}
                delegate: VTableRow {
                    id: ruleRow
                    required property int index
                    objectName: "rule_" + index
                    required property string name
                    required property bool enabled
                    required property string summary
                    width: ruleList.width
                    implicitHeight: Math.round(Theme.rowHeight * 1.2)
                    selected: panel.editing === index
                    onClicked: panel.open(index)
                    VStatusDot {
                        status: ruleRow.enabled ? "ok" : "offline"
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Text {
                            Layout.fillWidth: true
                            text: ruleRow.name
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Text {
                            Layout.fillWidth: true
                            text: ruleRow.summary
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                            elide: Text.ElideRight
                        }
                    }
                }
                Text {
                    anchors.centerIn: parent
                    visible: panel.rules.count === 0
                    text: qsTr("No rules yet")
                    font.pixelSize: Theme.fontBody
                    color: Theme.textFaint
                }
            }
        }

        Rectangle {
            Layout.fillWidth: true
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            Text {
                anchors.centerIn: parent
                visible: panel.editing === -2
                text: qsTr("Choose a rule, or make a new one")
                font.pixelSize: Theme.fontBody
                color: Theme.textFaint
            }

            Flickable {
                id: flick
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.bottom: footer.top
                anchors.margins: Theme.padding
                visible: panel.editing !== -2
                contentHeight: form.implicitHeight
                clip: true
                onContentYChanged: panel.formMoved()
                ScrollBar.vertical: ScrollBar {}

                ColumnLayout {
                    id: form
                    width: flick.width
                    spacing: Theme.spacing

                    RowLayout {
                        spacing: Theme.padding
                        VTextField {
                            id: name
                            objectName: "ruleName"
                            Layout.preferredWidth: Theme.formWidth
                            label: qsTr("Name")
                        }
                        VCheckBox {
                            id: enabled
                            Layout.alignment: Qt.AlignBottom
                            text: qsTr("On")
                        }
                        VTextField {
                            id: debounce
                            Layout.preferredWidth: Math.round(Theme.unit * 9)
                            label: qsTr("Debounce (s)")
                            validator: IntValidator { bottom: 0; top: 86400 }
                        }
                    }

                    Text {
                        text: qsTr("When these events happen (none checked: any event)")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    Flow {
                        Layout.preferredWidth: flick.width
                        spacing: Theme.padding
                        Repeater {
                            model: panel.kinds.slice(1)
                            VCheckBox {
                                required property var modelData
                                objectName: "kind_" + modelData.id
                                text: modelData.name
                                checked: panel.chosenKinds.indexOf(modelData.id) >= 0
                                onToggled: panel.chosenKinds = panel.toggled(panel.chosenKinds, modelData.id, checked)
                            }
                        }
                    }
                    Flow {
                        Layout.preferredWidth: flick.width
                        spacing: Theme.padding
                        Repeater {
                            model: [
                                { id: "critical", name: qsTr("Critical") },
                                { id: "warning", name: qsTr("Warning") },
                                { id: "info", name: qsTr("Info") }
                            ]
                            VCheckBox {
                                required property var modelData
                                text: modelData.name
                                checked: panel.chosenSeverities.indexOf(modelData.id) >= 0
                                onToggled: panel.chosenSeverities = panel.toggled(panel.chosenSeverities, modelData.id, checked)
                            }
                        }
                    }

                    Text {
                        text: panel.channels.length > 0 ? qsTr("From these cameras (none checked: any source)")
                                                        : qsTr("From any source (no cameras on this site yet)")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    Flow {
                        Layout.preferredWidth: flick.width
                        spacing: Theme.padding
                        visible: panel.channels.length > 0 || panel.otherSources.length > 0
                        Repeater {
                            model: panel.channels
                            VCheckBox {
                                required property var modelData
                                required property int index
                                objectName: "source_" + index
                                text: modelData.name
                                checked: panel.chosenSources.indexOf(modelData.id) >= 0
                                onToggled: panel.chosenSources = panel.toggled(panel.chosenSources, modelData.id, checked)
                            }
                        }
                        Repeater {
                            model: panel.otherSources
                            VCheckBox {
                                required property string modelData
                                text: modelData
                                checked: true
                                onToggled: panel.chosenSources = panel.toggled(panel.chosenSources, modelData, checked)
                            }
                        }
                    }

                    RowLayout {
                        spacing: Theme.padding
                        VComboBox {
                            id: scheduleModeBox
                            objectName: "scheduleMode"
                            Layout.preferredWidth: Math.round(Theme.unit * 12)
                            label: qsTr("When the rule works")
                            model: [
                                { id: "always", name: qsTr("Always") },
                                { id: "weekly", name: qsTr("On chosen days") }
                            ].concat(panel.scheduleMode === "custom" ? [{ id: "custom", name: qsTr("Its own schedule") }] : [])
                            currentId: panel.scheduleMode
                            onActivated: (id) => panel.scheduleMode = id
                        }
                        Repeater {
                            model: 7
                            VCheckBox {
                                required property int index
                                readonly property int day: index + 1  // ISO: 1 = Monday
                                objectName: "day_" + day
                                Layout.alignment: Qt.AlignBottom
                                visible: panel.scheduleMode === "weekly"
                                text: Qt.locale().dayName(day % 7, Locale.ShortFormat)
                                checked: panel.chosenDays.indexOf(day) >= 0
                                onToggled: panel.chosenDays = panel.toggled(panel.chosenDays, day, checked)
                            }
                        }
                        VTextField {
                            id: scheduleFrom
                            objectName: "scheduleFrom"
                            visible: panel.scheduleMode === "weekly"
                            Layout.preferredWidth: Math.round(Theme.unit * 5)
                            label: qsTr("From")
                            placeholderText: "22:00"
                        }
                        VTextField {
                            id: scheduleTo
                            objectName: "scheduleTo"
                            visible: panel.scheduleMode === "weekly"
                            Layout.preferredWidth: Math.round(Theme.unit * 5)
                            label: qsTr("To")
                            placeholderText: "06:00"
                        }
                    }
                    Text {
                        Layout.preferredWidth: flick.width
                        visible: panel.scheduleMode !== "always"
                        text: panel.scheduleMode === "custom"
                              ? qsTr("Set through the API: %1. Choose \"On chosen days\" to replace it.").arg(panel.scheduleText)
                              : qsTr("In the server's local time. From 22:00 to 06:00 goes on into the next morning; the same time twice is the whole day.")
                        wrapMode: Text.Wrap
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textFaint
                    }

                    Text {
                        text: qsTr("Do this")
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                    RowLayout {
                        spacing: Theme.padding
                        VCheckBox {
                            id: alarm
                            objectName: "actionAlarm"
                            Layout.alignment: Qt.AlignBottom
                            text: qsTr("Raise an alarm")
                        }
                        VCheckBox {
                            id: popup
                            objectName: "actionPopup"
                            Layout.alignment: Qt.AlignBottom
                            text: qsTr("Show the camera on workstations")
                        }
                        UsersField {
                            id: popupUsers
                            objectName: "popupUsers"
                            enabled: popup.checked
                        }
                    }
                    // The sound with its users and the recording share a row: the PTZ row stays in view.
                    RowLayout {
                        spacing: Theme.padding
                        VComboBox {
                            id: sound
                            objectName: "sound"
                            Layout.preferredWidth: Math.round(Theme.unit * 9)
                            label: qsTr("Sound")
                            model: panel.sounds
                            currentId: ""
                        }
                        UsersField {
                            id: soundUsers
                            objectName: "soundUsers"
                            enabled: sound.currentId.length > 0
                        }
                        VCheckBox {
                            id: record
                            objectName: "actionRecord"
                            Layout.alignment: Qt.AlignBottom
                            text: qsTr("Record the camera")
                        }
                        VTextField {
                            id: pre
                            Layout.preferredWidth: Math.round(Theme.unit * 8)
                            enabled: record.checked
                            label: qsTr("Before (s)")
                            validator: IntValidator { bottom: 0; top: 600 }
                        }
                        VTextField {
                            id: post
                            Layout.preferredWidth: Math.round(Theme.unit * 8)
                            enabled: record.checked
                            label: qsTr("After (s)")
                            validator: IntValidator { bottom: 1; top: 600 }
                        }
                    }
                    RowLayout {
                        spacing: Theme.padding
                        VTextField {
                            id: email
                            Layout.preferredWidth: Theme.formWidth
                            label: qsTr("E-mail to (comma-separated; empty: none)")
                        }
                        VTextField {
                            id: syslogHost
                            Layout.preferredWidth: Math.round(Theme.unit * 16)
                            label: qsTr("Syslog server over TLS (empty: none)")
                        }
                        VTextField {
                            id: syslogPort
                            Layout.preferredWidth: Math.round(Theme.unit * 6)
                            label: qsTr("Port")
                            validator: IntValidator { bottom: 1; top: 65535 }
                        }
                    }

                    RowLayout {
                        spacing: Theme.padding
                        VComboBox {
                            id: ptzCamera
                            objectName: "ptzCamera"
                            Layout.preferredWidth: Math.round(Theme.unit * 14)
                            label: qsTr("Move a PTZ camera")
                            model: panel.ptzChannels
                            currentId: ""
                            onActivated: (id) => {
                                ptzPreset.currentId = ""
                                panel.rules.loadPresets(id)
                            }
                        }
                        VComboBox {
                            id: ptzPreset
                            objectName: "ptzPreset"
                            Layout.preferredWidth: Math.round(Theme.unit * 12)
                            enabled: ptzCamera.currentId.length > 0
                            label: qsTr("To the preset")
                            model: panel.presetChoices
                            currentId: ""
                            box.displayText: currentId.length > 0 ? box.currentText : qsTr("Choose a preset")
                        }
                    }
                }
            }

            // The reason a save was refused and the buttons stay in view below the fields.
            ColumnLayout {
                id: footer
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.padding
                visible: panel.editing !== -2
                spacing: Theme.spacing

                VMessage {
                    objectName: "ruleConflict"
                    Layout.fillWidth: true
                    kind: "warning"
                    text: panel.rules.conflict
                }
                VMessage {
                    objectName: "ruleError"
                    Layout.fillWidth: true
                    text: panel.rules.errorMessage
                }
                RowLayout {
                    spacing: Theme.padding
                    VButton {
                        objectName: "saveRule"
                        primary: true
                        text: panel.rules.busy ? qsTr("Saving…") : qsTr("Save rule")
                        enabled: !panel.rules.busy && workstation.session.hasPermission("system_settings")
                        onClicked: panel.save()
                    }
                    VButton {
                        objectName: "loadOtherVersion"
                        visible: panel.rules.conflict.length > 0 && panel.editing >= 0
                        text: qsTr("Load the other version")
                        onClicked: panel.open(panel.editing)
                    }
                    VButton {
                        text: qsTr("Cancel")
                        onClicked: panel.rules.close()
                    }
                    Item {
                        Layout.fillWidth: true
                    }
                    VButton {
                        visible: panel.editing >= 0
                        danger: true
                        text: qsTr("Delete")
                        enabled: workstation.session.hasPermission("system_settings")
                        onClicked: panel.rules.remove(panel.editing)
                    }
                }
            }
        }
    }
}
