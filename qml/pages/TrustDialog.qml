import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Controls // Overlay (attached) lives here, not in .Basic
import QtQuick.Layouts
import Vigil.UI

// First contact with a site (SEC-2.3): shows the platform CA's SHA-256 fingerprint for the operator to
// compare with the one the server shows, then Trust or Cancel. Open while the view model says
// "trust-required"; the decision goes back to C++.
Popup {
    id: dialog

    modal: true
    visible: workstation.connectionState === "trust-required"
    closePolicy: Popup.NoAutoClose
    anchors.centerIn: Overlay.overlay
    width: Math.round(Theme.unit * 40)
    padding: Theme.pagePadding

    Overlay.modal: Rectangle {
        color: "#b0000000"
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.padding

        Text {
            Layout.fillWidth: true
            text: qsTr("Trust %1?").arg(workstation.siteAddress)
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
            color: Theme.text
        }

        Text {
            Layout.fillWidth: true
            wrapMode: Text.WordWrap
            text: qsTr("This is the first connection to this server. From now on it is recognised by its certificate authority. Compare the fingerprint below with the one the server shows (on its console or from the site's administrator) before you trust it.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("Authority: %1").arg(workstation.trustSubject)
            font.pixelSize: Theme.fontBody
            color: Theme.text
            elide: Text.ElideRight
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: fingerprint.implicitHeight + 2 * Theme.padding
            radius: Theme.radius
            color: Theme.background
            border.color: Theme.border

            Column {
                id: fingerprint
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Math.round(Theme.spacing / 2)

                Text {
                    text: qsTr("SHA-256 fingerprint")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                }
                TextEdit {
                    objectName: "fingerprint"
                    width: parent.width
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.WrapAnywhere
                    text: workstation.trustFingerprint
                    font.family: Theme.monospace
                    font.pixelSize: Theme.fontBody
                    color: Theme.text
                    selectionColor: Theme.accent
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
            }
            VButton {
                text: qsTr("Cancel")
                onClicked: workstation.rejectTrust()
            }
            VButton {
                text: qsTr("Trust")
                primary: true
                onClicked: workstation.acceptTrust()
            }
        }
    }
}
