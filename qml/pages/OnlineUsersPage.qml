import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Online users (SEC-2.6): every open session with its user, address, client kind, start and last
// activity; an administrator can end any session but their own (after confirming).
Item {
    id: page

    readonly property var sessions: workstation.onlineUsers
    property string endingId: ""
    property string endingUser: ""
    readonly property var columns: [
        { title: qsTr("User"), width: Math.round(Theme.unit * 10) },
        { title: qsTr("Address"), width: Math.round(Theme.unit * 10) },
        { title: qsTr("Client"), width: Math.round(Theme.unit * 8) },
        { title: qsTr("Since"), width: Math.round(Theme.unit * 9) },
        { title: qsTr("Last seen"), width: 0 },
        { title: "", width: Math.round(Theme.unit * 8) }
    ]

    VDialog {
        id: confirmEnd
        title: qsTr("End the session of %1?").arg(page.endingUser)
        acceptText: qsTr("End session")
        destructive: true
        onAccepted: {
            page.sessions.endSession(page.endingId)
            done()
        }
        Text {
            Layout.fillWidth: true
            text: qsTr("Their client is told at once and returns to its sign-in screen. They can sign in again unless their account is disabled.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: page.sessions.count === 1 ? qsTr("1 open session") : qsTr("%1 open sessions").arg(page.sessions.count)
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.textMuted
            }
            VButton {
                text: qsTr("Refresh")
                onClicked: page.sessions.refresh()
            }
        }

        VMessage {
            Layout.fillWidth: true
            text: page.sessions.errorMessage
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
            model: page.sessions
            ScrollBar.vertical: ScrollBar {}

            delegate: VTableRow {
                id: row
                required property int index
                required property string sessionId
                required property string userName
                required property string address
                required property string clientKindText
                required property string sinceText
                required property string lastSeenText
                required property bool current
                width: list.width
                striped: index % 2 === 1

                VCell {
                    w: page.columns[0].width
                    text: row.current ? qsTr("%1 (you)").arg(row.userName) : row.userName
                    font.weight: Font.DemiBold
                }
                VCell {
                    w: page.columns[1].width
                    text: row.address
                    mono: true
                }
                VCell {
                    w: page.columns[2].width
                    text: row.clientKindText
                }
                VCell {
                    w: page.columns[3].width
                    text: row.sinceText
                    muted: true
                }
                VCell {
                    text: row.lastSeenText
                    muted: true
                }
                Item {
                    Layout.preferredWidth: page.columns[5].width
                    implicitHeight: endButton.implicitHeight
                    VButton {
                        id: endButton
                        anchors.right: parent.right
                        visible: !row.current
                        text: qsTr("End session")
                        onClicked: {
                            page.endingId = row.sessionId
                            page.endingUser = row.userName
                            confirmEnd.open()
                        }
                    }
                }
            }

            Text {
                anchors.centerIn: parent
                visible: page.sessions.count === 0
                text: page.sessions.busy ? qsTr("Loading sessions…") : qsTr("No open sessions")
                font.pixelSize: Theme.fontBody
                color: Theme.textFaint
            }
        }
    }
}
