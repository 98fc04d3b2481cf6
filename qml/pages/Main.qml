import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// The workstation window: a navigation rail on the left, a header with the site and the connection
// state, and the current page. `workstation` is the C++ view model (app/workstation.h).
ApplicationWindow {
    id: window

    width: 1920
    height: 1080
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: workstation.siteName.length > 0 ? "Vigil — " + workstation.siteName : "Vigil"
    color: Theme.background

    Shortcut {
        sequence: "Ctrl+1"
        onActivated: workstation.showPage("home")
    }
    Shortcut {
        sequence: "Ctrl+2"
        onActivated: workstation.showPage("sites")
    }
    Shortcut {
        sequence: "F11"
        onActivated: window.visibility === Window.FullScreen ? window.showNormal() : window.showFullScreen()
    }
    Shortcut {
        sequence: StandardKey.Quit
        context: Qt.ApplicationShortcut
        onActivated: Qt.quit()
    }
    Shortcut {
        sequence: "Ctrl+Q"
        context: Qt.ApplicationShortcut
        onActivated: Qt.quit()
    }

    RowLayout {
        anchors.fill: parent
        spacing: 0

        Rectangle {
            id: navigationRail
            objectName: "navigationRail"
            Layout.fillHeight: true
            Layout.preferredWidth: Theme.railWidth
            color: Theme.rail

            Column {
                anchors.fill: parent

                Item {
                    width: parent.width
                    height: Theme.headerHeight

                    Text {
                        anchors.centerIn: parent
                        text: "VIGIL"
                        font.pixelSize: Theme.fontTitle
                        font.weight: Font.Bold
                        font.letterSpacing: 3
                        color: Theme.accent
                    }
                }

                VNavButton {
                    width: parent.width
                    text: qsTr("Home")
                    hint: "Ctrl+1"
                    current: workstation.page === "home"
                    onClicked: workstation.showPage("home")
                }
                VNavButton {
                    width: parent.width
                    text: qsTr("Sites")
                    hint: "Ctrl+2"
                    current: workstation.page === "sites"
                    onClicked: workstation.showPage("sites")
                }
            }

            Rectangle {
                anchors.right: parent.right
                width: 1
                height: parent.height
                color: Theme.border
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: 0

            Rectangle {
                id: header
                objectName: "header"
                Layout.fillWidth: true
                Layout.preferredHeight: Theme.headerHeight
                color: Theme.panel

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.pagePadding
                    anchors.rightMargin: Theme.pagePadding
                    spacing: Theme.padding

                    Text {
                        text: workstation.page === "home" ? qsTr("Overview") : qsTr("Sites")
                        font.pixelSize: Theme.fontHeading
                        font.weight: Font.DemiBold
                        color: Theme.text
                    }

                    Item {
                        Layout.fillWidth: true
                    }

                    Column {
                        Layout.alignment: Qt.AlignVCenter
                        visible: workstation.siteName.length > 0

                        Text {
                            anchors.right: parent.right
                            text: workstation.siteName
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Text {
                            anchors.right: parent.right
                            text: workstation.siteDetail
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }
                    }

                    Rectangle {
                        Layout.alignment: Qt.AlignVCenter
                        implicitWidth: stateRow.implicitWidth + 2 * Theme.padding
                        implicitHeight: Theme.controlHeight
                        radius: height / 2
                        color: Theme.panelRaised
                        border.color: Theme.border

                        Row {
                            id: stateRow
                            anchors.centerIn: parent
                            spacing: Theme.spacing

                            VStatusDot {
                                anchors.verticalCenter: parent.verticalCenter
                                status: workstation.connectionState
                            }
                            Text {
                                anchors.verticalCenter: parent.verticalCenter
                                text: workstation.connectionText
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                            }
                        }
                    }
                }

                Rectangle {
                    anchors.bottom: parent.bottom
                    width: parent.width
                    height: 1
                    color: Theme.border
                }
            }

            StackLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                currentIndex: workstation.page === "sites" ? 1 : 0

                HomePage {}
                SitePage {}
            }
        }
    }
}
