import QtQuick
import QtQuick.Layouts
import Vigil.UI

// The frame of the full-window screens shown before the console (setup, sign-in) and over it (lock):
// the brand and the site at the top, a centred card with a title, a subtitle and the form. The form's
// items are stacked in a Column: give them `width: parent.width`.
Rectangle {
    id: frame

    property string title
    property string subtitle
    property string siteName
    property string siteDetail
    property int cardWidth: Theme.formWidth + 2 * Theme.pagePadding
    // The interface language can be changed here, before anyone signs in (CLI-1); it is remembered.
    // The selector is the top bar's last item, so it stays in one place whatever the site is called.
    property bool showLanguage: true
    default property alias content: form.data

    color: Theme.background

    RowLayout {
        id: topBar
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.pagePadding
        spacing: Theme.padding

        Text {
            text: "VIGIL"
            font.pixelSize: Theme.fontTitle
            font.weight: Font.Bold
            font.letterSpacing: 3
            color: Theme.accent
        }
        Item {
            Layout.fillWidth: true
        }
        Column {
            visible: frame.siteName.length > 0
            Text {
                anchors.right: parent.right
                text: frame.siteName
                font.pixelSize: Theme.fontBody
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Text {
                anchors.right: parent.right
                text: frame.siteDetail
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
        Row {
            Layout.alignment: Qt.AlignVCenter
            visible: frame.showLanguage
            spacing: Theme.spacing

            VIcon {
                anchors.verticalCenter: parent.verticalCenter
                icon: Icons.language
                size: Theme.iconLarge
                color: Theme.textMuted
            }
            VComboBox {
                objectName: "languageSelector"
                anchors.verticalCenter: parent.verticalCenter
                width: Math.round(Theme.unit * 9)
                model: workstation.language.available
                currentId: workstation.language.current
                box.Accessible.name: qsTr("Language")
                // A click here must not take the keyboard from the form's field.
                box.focusPolicy: Qt.NoFocus
                onActivated: id => workstation.language.select(id)
            }
        }
    }

    Flickable {
        id: scroller
        anchors.top: topBar.bottom
        anchors.bottom: parent.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        contentWidth: width
        contentHeight: Math.max(height, card.height + 2 * Theme.pagePadding)
        clip: true
        boundsBehavior: Flickable.StopAtBounds

        Rectangle {
            id: card
            x: Math.round((scroller.width - width) / 2)
            y: Math.max(Theme.pagePadding, Math.round((scroller.height - height) / 2 - Theme.headerHeight / 2))
            width: frame.cardWidth
            height: cardColumn.implicitHeight + 2 * Theme.pagePadding
            radius: Theme.radius * 2
            color: Theme.panel
            border.color: Theme.border

            Rectangle {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: 1
                height: Theme.stateBar
                radius: height / 2
                color: Theme.accent
            }

            // Positioners, not Layouts, down to the form's fields: in Qt 6.4 a field that grew (the
            // strength meter's reasons) inside nested Layouts here kept its old height.
            Column {
                id: cardColumn
                x: Theme.pagePadding
                y: Theme.pagePadding
                width: parent.width - 2 * Theme.pagePadding
                spacing: Theme.padding

                Column {
                    width: parent.width
                    spacing: Math.round(Theme.spacing / 2)

                    Text {
                        width: parent.width
                        text: frame.title
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                        wrapMode: Text.WordWrap
                    }
                    Text {
                        width: parent.width
                        visible: text.length > 0
                        text: frame.subtitle
                        font.pixelSize: Theme.fontBody
                        color: Theme.textMuted
                        wrapMode: Text.WordWrap
                    }
                }

                Column {
                    id: form
                    width: parent.width
                    spacing: Theme.padding
                }
            }
        }
    }
}
