import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Dialogs
import QtQuick.Layouts
import Vigil.UI

// The Licence page (issue 7, LIC-1): what the platform may run (edition, channels used and licensed,
// features, expiry, the machine fingerprint) and how to change it: online activation with a code,
// offline activation with a request file out and an activation file in, the upgrade from Express
// (its code, or its deactivation file) and the Express deactivation itself. workstation.licence does
// the work and the file handling; this page only lays it out.
// Keys: the code field takes the keyboard; Enter there activates online, Enter in the request file
// field exports, Enter in the activation file field imports; Alt+C / Alt+R / Alt+I move between them,
// Ctrl+O chooses the activation file.
Item {
    id: page

    readonly property var licence: workstation.licence
    readonly property color stateColour: licence.state === "licensed" ? (licence.expiring ? Theme.warning : Theme.online)
                                         : licence.state === "trial" ? Theme.neutral : Theme.alarm

    function activateOnline() {
        licence.activateOnline(code.text, upgrade.checked ? expressCode.text : "",
                               upgrade.checked && deactivationFile.text.length > 0 ? licence.fileUrl(deactivationFile.text) : "")
    }
    function exportRequest() {
        licence.exportRequest(code.text, upgrade.checked ? expressCode.text : "",
                              upgrade.checked && deactivationFile.text.length > 0 ? licence.fileUrl(deactivationFile.text) : "",
                              licence.fileUrl(requestFile.text))
    }
    function importActivation() {
        licence.importActivation(licence.fileUrl(activationFile.text))
    }

    Component.onCompleted: code.input.forceActiveFocus()

    Shortcut {
        sequence: "Alt+C"
        onActivated: code.input.forceActiveFocus()
    }
    Shortcut {
        sequence: "Alt+R"
        onActivated: requestFile.input.forceActiveFocus()
    }
    Shortcut {
        sequence: "Alt+I"
        onActivated: activationFile.input.forceActiveFocus()
    }
    Shortcut {
        sequence: "Ctrl+O"
        onActivated: openActivation.open()
    }

    FileDialog {
        id: saveRequest
        title: qsTr("Save the licence request file")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Licence request (*.json)")]
        onAccepted: requestFile.text = selectedFile.toString().replace("file://", "")
    }
    FileDialog {
        id: openActivation
        title: qsTr("Choose the activation file from the vendor")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Activation file (*.json)"), qsTr("All files (*)")]
        onAccepted: activationFile.text = selectedFile.toString().replace("file://", "")
    }
    FileDialog {
        id: openDeactivation
        title: qsTr("Choose the Express deactivation file")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Deactivation file (*.json)"), qsTr("All files (*)")]
        onAccepted: deactivationFile.text = selectedFile.toString().replace("file://", "")
    }
    FileDialog {
        id: saveDeactivation
        title: qsTr("Save the Express deactivation file")
        fileMode: FileDialog.SaveFile
        onAccepted: page.licence.deactivateExpress(selectedFile)
    }

    component Heading: Text {
        Layout.fillWidth: true
        font.pixelSize: Theme.fontHeading
        font.weight: Font.DemiBold
        color: Theme.text
    }
    component SectionTitle: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        font.pixelSize: Theme.fontSmall
        font.letterSpacing: 1
        font.weight: Font.DemiBold
        color: Theme.textMuted
    }
    component Fact: RowLayout {
        property alias label: name.text
        property alias value: value.text
        property bool mono: false
        Layout.fillWidth: true
        spacing: Theme.spacing
        Text {
            id: name
            Layout.alignment: Qt.AlignTop
            Layout.preferredWidth: Theme.unit * 9
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }
        TextEdit {
            id: value
            Layout.alignment: Qt.AlignTop
            Layout.fillWidth: true
            readOnly: true
            selectByMouse: true
            font.pixelSize: Theme.fontBody
            font.family: parent.mono ? Theme.monospace : Qt.application.font.family
            color: Theme.text
            wrapMode: TextEdit.Wrap
        }
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
    component FileRow: RowLayout {
        property alias field: field
        property alias text: field.text
        property alias label: field.label
        property alias placeholderText: field.placeholderText
        property alias input: field.input
        signal browse
        signal accepted
        Layout.fillWidth: true
        spacing: Theme.spacing
        VTextField {
            id: field
            Layout.fillWidth: true
            onAccepted: parent.accepted()
        }
        VButton {
            Layout.alignment: Qt.AlignBottom
            text: qsTr("Browse...")
            onClicked: parent.browse()
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.pagePadding

        Panel {
            Heading {
                text: qsTr("Licence")
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: stateRow.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.panelRaised
                border.color: page.stateColour
                RowLayout {
                    id: stateRow
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    spacing: Theme.spacing
                    VStatusDot {
                        color: page.stateColour
                    }
                    Text {
                        Layout.fillWidth: true
                        text: !page.licence.loaded ? qsTr("Reading the licence...")
                              : page.licence.state === "trial" ? qsTr("Trial — %1").arg(page.licence.stateText)
                              : page.licence.editionName + " — " + page.licence.stateText
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.DemiBold
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                }
            }
            VMessage {
                Layout.fillWidth: true
                visible: page.licence.problem.length > 0
                text: page.licence.problem
            }
            VMessage {
                Layout.fillWidth: true
                visible: page.licence.clockRollback
                kind: "warning"
                text: qsTr("The system clock was set back. Licence periods are counted from the latest time seen; correct the clock.")
            }
            SectionTitle {
                text: qsTr("CHANNELS")
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("%1 of %2 in use").arg(page.licence.channelsUsed).arg(page.licence.channels)
                font.pixelSize: Theme.fontValue
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Rectangle {
                Layout.fillWidth: true
                implicitHeight: Theme.stateBar * 2
                radius: Theme.stateBar
                color: Theme.background
                Rectangle {
                    width: parent.width * Math.min(1, page.licence.channels > 0 ? page.licence.channelsUsed / page.licence.channels : 0)
                    height: parent.height
                    radius: parent.radius
                    color: page.licence.channelsUsed >= page.licence.channels ? Theme.warning : Theme.online
                }
            }
            SectionTitle {
                text: qsTr("DETAILS")
            }
            Fact {
                label: qsTr("Edition")
                value: page.licence.editionName
            }
            Fact {
                label: qsTr("Licensee")
                value: page.licence.licensee.length > 0 ? page.licence.licensee : "—"
            }
            Fact {
                label: qsTr("Features")
                value: page.licence.features.length > 0 ? page.licence.features.join(", ") : qsTr("None")
            }
            Fact {
                label: qsTr("Expires")
                value: page.licence.expiryText
            }
            Fact {
                label: qsTr("Codes")
                value: page.licence.codes.length > 0 ? page.licence.codes : "—"
                mono: true
            }
            Fact {
                visible: page.licence.upgradedFrom.length > 0
                label: qsTr("Upgraded from")
                value: qsTr("Express %1").arg(page.licence.upgradedFrom)
                mono: true
            }
            Fact {
                label: qsTr("Machine")
                value: page.licence.fingerprintId
                mono: true
            }
            Fact {
                label: qsTr("Platform")
                value: page.licence.platformId
                mono: true
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("The vendor needs the machine and platform ids to move a licence. A licence survives a new network card or disk, not a new machine.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textFaint
                wrapMode: Text.WordWrap
            }
        }

        Panel {
            Heading {
                text: qsTr("Activate")
            }
            VTextField {
                id: code
                objectName: "licenceCode"
                Layout.fillWidth: true
                label: qsTr("Activation code")
                placeholderText: "VGL-XXXXX-XXXXX-XXXXX-XXXXX"
                onAccepted: page.activateOnline()
            }
            VCheckBox {
                id: upgrade
                text: qsTr("Upgrade from Express")
                description: qsTr("A Pro upgrade code needs the Express activation code, or the Express deactivation file.")
                checked: page.licence.edition === "express"
            }
            VTextField {
                id: expressCode
                Layout.fillWidth: true
                visible: upgrade.checked
                label: qsTr("Express activation code")
                text: page.licence.expressCode
            }
            FileRow {
                id: deactivationFile
                visible: upgrade.checked
                label: qsTr("or the Express deactivation file")
                onBrowse: openDeactivation.open()
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                BusyIndicator {
                    visible: page.licence.busy
                    running: visible
                    implicitWidth: Theme.controlHeight
                    implicitHeight: Theme.controlHeight
                }
                Text {
                    Layout.fillWidth: true
                    text: page.licence.busyText
                    font.pixelSize: Theme.fontBody
                    color: Theme.textMuted
                    wrapMode: Text.WordWrap
                }
                VButton {
                    primary: true
                    enabled: !page.licence.busy
                    text: qsTr("Activate online")
                    onClicked: page.activateOnline()
                }
            }
            VMessage {
                Layout.fillWidth: true
                visible: page.licence.message.length > 0
                kind: page.licence.messageKind === "success" ? "info" : "error"
                text: page.licence.message
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("Online activation asks %1.").arg(page.licence.vendorUrl)
                font.pixelSize: Theme.fontSmall
                color: Theme.textFaint
                wrapMode: Text.WordWrap
            }

            SectionTitle {
                text: qsTr("OFFLINE")
            }
            Text {
                Layout.fillWidth: true
                text: qsTr("1. Export a request file for the code above. 2. Give it to the vendor (their licence web page or e-mail). 3. Import the activation file they return.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.WordWrap
            }
            FileRow {
                id: requestFile
                label: qsTr("Request file to save")
                placeholderText: qsTr("/path/to/licence-request.json")
                onBrowse: saveRequest.open()
                onAccepted: page.exportRequest()
            }
            VButton {
                Layout.alignment: Qt.AlignRight
                enabled: !page.licence.busy
                text: qsTr("Export request file")
                onClicked: page.exportRequest()
            }
            FileRow {
                id: activationFile
                label: qsTr("Activation file from the vendor")
                placeholderText: qsTr("/path/to/activation.json")
                onBrowse: openActivation.open()
                onAccepted: page.importActivation()
            }
            VButton {
                Layout.alignment: Qt.AlignRight
                enabled: !page.licence.busy
                text: qsTr("Import activation file")
                onClicked: page.importActivation()
            }

            SectionTitle {
                visible: page.licence.edition === "express"
                text: qsTr("UPGRADE TO PRO")
            }
            Text {
                Layout.fillWidth: true
                visible: page.licence.edition === "express"
                text: qsTr("Upgrading on another machine? Deactivate this Express licence and take the deactivation file with you. This platform then runs on what is left of its trial.")
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
                wrapMode: Text.WordWrap
            }
            VButton {
                Layout.alignment: Qt.AlignRight
                visible: page.licence.edition === "express"
                danger: true
                text: qsTr("Deactivate Express...")
                onClicked: saveDeactivation.open()
            }
        }
        Item {
            Layout.fillWidth: true
        }
    }
}
