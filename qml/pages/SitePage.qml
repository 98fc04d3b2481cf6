import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Site selector: this computer (standalone engine) or a remembered or new remote server. Choosing a
// site hands it to the view model, which probes it, asks for trust when needed and connects.
Item {
    id: page

    component Panel: Rectangle {
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.border
    }

    component PanelTitle: Text {
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        color: Theme.text
    }

    component SiteRow: AbstractButton {
        id: row

        property string address
        property string caption
        property bool removable: false
        readonly property bool current: workstation.siteAddress === address && workstation.siteAddress.length > 0
        signal removeRequested

        implicitHeight: Theme.rowHeight
        hoverEnabled: true

        background: Rectangle {
            radius: Theme.radius
            color: row.current ? Theme.selection : (row.hovered ? Theme.panelHover : Theme.panelRaised)
            border.color: row.current ? Theme.accent : Theme.border
        }

        contentItem: RowLayout {
            spacing: Theme.padding

            VStatusDot {
                Layout.leftMargin: Theme.padding
                status: row.current ? workstation.connectionState : "offline"
            }
            Column {
                Layout.fillWidth: true

                Text {
                    width: parent.width
                    text: row.text
                    font.pixelSize: Theme.fontBody
                    font.weight: Font.DemiBold
                    color: Theme.text
                    elide: Text.ElideRight
                }
                Text {
                    width: parent.width
                    text: row.caption
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    elide: Text.ElideRight
                }
            }
            VButton {
                Layout.rightMargin: Theme.spacing
                visible: row.removable
                text: qsTr("Remove")
                onClicked: row.removeRequested()
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.pagePadding

        Panel {
            Layout.preferredWidth: Theme.listWidth
            Layout.fillHeight: true

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing

                PanelTitle {
                    text: qsTr("Sites")
                }

                SiteRow {
                    Layout.fillWidth: true
                    text: qsTr("This computer (standalone)")
                    caption: qsTr("The server built into this workstation")
                    address: workstation.standaloneAddress
                    onClicked: workstation.connectStandalone()
                }

                Text {
                    Layout.topMargin: Theme.spacing
                    text: qsTr("Remembered servers")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }

                ListView {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: Theme.spacing
                    model: workstation.sites

                    delegate: SiteRow {
                        required property string host
                        required property int port
                        required property string address
                        required property string lastUsedText

                        width: ListView.view.width
                        text: address
                        caption: lastUsedText
                        removable: true
                        onClicked: workstation.connectToSite(host, port)
                        onRemoveRequested: workstation.removeSite(host, port)
                    }

                    Text {
                        anchors.fill: parent
                        visible: parent.count === 0
                        text: qsTr("None yet. Servers you connect to appear here.")
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.textFaint
                    }
                }
            }
        }

        ColumnLayout {
            Layout.preferredWidth: Theme.formWidth
            Layout.fillHeight: true
            spacing: Theme.pagePadding

            Panel {
                Layout.fillWidth: true
                implicitHeight: form.implicitHeight + 2 * Theme.padding

                ColumnLayout {
                    id: form
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    spacing: Theme.padding

                    PanelTitle {
                        text: qsTr("Connect to a server")
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing

                        VTextField {
                            id: hostField
                            Layout.fillWidth: true
                            label: qsTr("Address")
                            placeholderText: qsTr("server name or IP address")
                            onAccepted: connectButton.clicked()
                        }
                        VTextField {
                            id: portField
                            Layout.preferredWidth: Math.round(Theme.unit * 6)
                            label: qsTr("Port")
                            text: workstation.defaultPort
                            validator: IntValidator {
                                bottom: 1
                                top: 65535
                            }
                            inputMethodHints: Qt.ImhDigitsOnly
                            onAccepted: connectButton.clicked()
                        }
                    }

                    VButton {
                        id: connectButton
                        Layout.alignment: Qt.AlignRight
                        primary: true
                        enabled: hostField.text.length > 0 && portField.input.acceptableInput
                        text: qsTr("Connect")
                        onClicked: workstation.connectToSite(hostField.text.trim(), parseInt(portField.text))
                    }
                }
            }

            Panel {
                Layout.fillWidth: true
                implicitHeight: status.implicitHeight + 2 * Theme.padding
                visible: workstation.connectionState !== "idle"

                Rectangle {
                    anchors.left: parent.left
                    anchors.top: parent.top
                    anchors.bottom: parent.bottom
                    anchors.margins: 1
                    width: Theme.stateBar
                    color: Theme.stateColor(workstation.connectionState)
                }

                ColumnLayout {
                    id: status
                    anchors.fill: parent
                    anchors.margins: Theme.padding
                    anchors.leftMargin: Theme.padding + Theme.stateBar
                    spacing: Theme.spacing

                    PanelTitle {
                        text: workstation.connectionText
                    }
                    Text {
                        Layout.fillWidth: true
                        text: workstation.connectionState === "error" ? workstation.errorMessage
                                                                       : workstation.siteDetail
                        wrapMode: Text.WordWrap
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                    }
                    Text {
                        Layout.fillWidth: true
                        visible: workstation.pinnedFingerprint.length > 0 && workstation.connectionState === "connected"
                        text: qsTr("Certificate authority %1").arg(workstation.pinnedFingerprint)
                        wrapMode: Text.WrapAnywhere
                        font.family: Theme.monospace
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textFaint
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        visible: workstation.connectionState === "error"
                        spacing: Theme.spacing

                        Item {
                            Layout.fillWidth: true
                        }
                        VButton {
                            visible: workstation.authorityChanged
                            text: qsTr("Forget this site")
                            onClicked: workstation.forgetCurrentSite()
                        }
                        VButton {
                            text: qsTr("Try again")
                            onClicked: workstation.retry()
                        }
                    }
                }
            }

            Item {
                Layout.fillHeight: true
            }
        }

        Item {
            Layout.fillWidth: true
        }
    }

    TrustDialog {}
}
