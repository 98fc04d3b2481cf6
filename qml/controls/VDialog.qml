import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import QtQuick.Templates as T
import Vigil.UI

// Modal dialog in the operator theme: a title, the content, and a button row. Enter accepts (when
// `acceptEnabled`), Esc cancels unless `closable` is false (a forced password change).
Popup {
    id: dialog

    property string title
    property string acceptText: qsTr("OK")
    property string cancelText: qsTr("Cancel")
    property bool acceptEnabled: true
    property bool destructive: false
    property bool closable: true
    property bool showCancel: true
    default property alias content: body.data
    signal accepted
    signal rejected

    parent: T.Overlay.overlay
    anchors.centerIn: parent
    modal: true
    focus: true
    width: Math.round(Theme.formWidth * 1.3)
    padding: Theme.pagePadding
    closePolicy: closable ? Popup.CloseOnEscape : Popup.NoAutoClose
    onClosed: if (!acceptedNow) dialog.rejected()

    property bool acceptedNow: false
    onAboutToShow: acceptedNow = false

    function accept() {
        if (!acceptEnabled)
            return
        dialog.accepted()
    }
    // For callers that close after their own checks pass.
    function done() {
        acceptedNow = true
        close()
    }

    T.Overlay.modal: Rectangle {
        color: Qt.rgba(0, 0, 0, 0.6)
    }

    background: Rectangle {
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.border
    }

    contentItem: ColumnLayout {
        spacing: Theme.padding
        // Takes the popup's focus, so Enter and Esc work in a dialog without fields too (a delete
        // confirmation); a field inside that asks for focus still gets it.
        focus: true

        Keys.onReturnPressed: dialog.accept()
        Keys.onEnterPressed: dialog.accept()

        Text {
            Layout.fillWidth: true
            text: dialog.title
            font.pixelSize: Theme.fontHeading
            font.weight: Font.DemiBold
            color: Theme.text
            wrapMode: Text.WordWrap
        }

        ColumnLayout {
            id: body
            Layout.fillWidth: true
            spacing: Theme.spacing
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.topMargin: Theme.spacing
            spacing: Theme.spacing

            Item {
                Layout.fillWidth: true
            }
            VButton {
                visible: dialog.showCancel && dialog.closable
                text: dialog.cancelText
                onClicked: dialog.close()
            }
            VButton {
                objectName: "acceptButton"
                primary: !dialog.destructive
                danger: dialog.destructive
                enabled: dialog.acceptEnabled
                text: dialog.acceptText
                onClicked: dialog.accept()
            }
        }
    }
}
