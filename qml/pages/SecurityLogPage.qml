import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Security log (SEC-1.8): search by time range, user and kind; the newest entries first; export of
// the whole search as CSV. Read-only: nothing here changes the log.
Item {
    id: page

    readonly property var log: workstation.securityLog
    readonly property var columns: [
        { title: "", width: Theme.dot },
        { title: qsTr("Time"), width: Math.round(Theme.unit * 9.5) },
        { title: qsTr("Kind"), width: Math.round(Theme.unit * 9) },
        { title: qsTr("User"), width: Math.round(Theme.unit * 8) },
        { title: qsTr("Address"), width: Math.round(Theme.unit * 8) },
        { title: qsTr("Target"), width: Math.round(Theme.unit * 8) },
        { title: qsTr("Detail"), width: 0 }
    ]

    function search() {
        log.search(from.text, to.text, user.text, kind.currentId)
    }

    VDialog {
        id: exportDialog
        title: qsTr("Export the security log")
        acceptText: page.log.busy ? qsTr("Exporting…") : qsTr("Export CSV")
        acceptEnabled: !page.log.busy
        onAboutToShow: {
            page.log.clearMessages()
            path.text = page.log.defaultExportPath
            path.input.forceActiveFocus()
        }
        onAccepted: page.log.exportCsv(path.text)

        Connections {
            target: page.log
            function onExported() {
                exportDialog.done()
            }
        }

        Text {
            Layout.fillWidth: true
            text: qsTr("All entries matching the current search are written, not only the ones on screen.")
            font.pixelSize: Theme.fontBody
            color: Theme.textMuted
            wrapMode: Text.WordWrap
        }
        VTextField {
            id: path
            Layout.fillWidth: true
            label: qsTr("File")
            onAccepted: exportDialog.accept()
        }
        VMessage {
            Layout.fillWidth: true
            text: page.log.errorMessage
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.pagePadding
        spacing: Theme.spacing

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: filters.implicitHeight + 2 * Theme.padding
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            RowLayout {
                id: filters
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.padding

                VTextField {
                    id: from
                    Layout.preferredWidth: Math.round(Theme.unit * 10)
                    label: qsTr("From")
                    placeholderText: "yyyy-mm-dd hh:mm"
                    onAccepted: page.search()
                }
                VTextField {
                    id: to
                    Layout.preferredWidth: Math.round(Theme.unit * 10)
                    label: qsTr("To")
                    placeholderText: "yyyy-mm-dd hh:mm"
                    onAccepted: page.search()
                }
                VTextField {
                    id: user
                    Layout.preferredWidth: Math.round(Theme.unit * 10)
                    label: qsTr("User")
                    placeholderText: qsTr("any user")
                    onAccepted: page.search()
                }
                VComboBox {
                    id: kind
                    Layout.preferredWidth: Math.round(Theme.unit * 12)
                    label: qsTr("Kind")
                    model: page.log.kinds
                    currentId: ""
                }
                VButton {
                    Layout.alignment: Qt.AlignBottom
                    primary: true
                    text: qsTr("Search")
                    enabled: !page.log.busy
                    onClicked: page.search()
                }
                Item {
                    Layout.fillWidth: true
                }
                VButton {
                    Layout.alignment: Qt.AlignBottom
                    text: qsTr("Export CSV…")
                    onClicked: exportDialog.open()
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Text {
                Layout.fillWidth: true
                text: page.log.summary
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
            Text {
                text: page.log.exportMessage
                font.pixelSize: Theme.fontSmall
                color: Theme.online
            }
        }

        VMessage {
            Layout.fillWidth: true
            text: exportDialog.opened ? "" : page.log.errorMessage
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
            spacing: 1
            model: page.log
            ScrollBar.vertical: ScrollBar {}

            delegate: VTableRow {
                id: row
                required property int index
                required property string timeText
                required property string kindText
                required property string severity
                required property string userName
                required property string address
                required property string target
                required property string detail
                width: list.width
                implicitHeight: Math.round(Theme.rowHeight * 0.8)
                striped: index % 2 === 1

                VStatusDot {
                    Layout.preferredWidth: page.columns[0].width
                    status: row.severity
                }
                VCell {
                    w: page.columns[1].width
                    text: row.timeText
                    mono: true
                }
                VCell {
                    w: page.columns[2].width
                    text: row.kindText
                    color: row.severity === "neutral" ? Theme.text : Theme.stateColor(row.severity)
                }
                VCell {
                    w: page.columns[3].width
                    text: row.userName
                }
                VCell {
                    w: page.columns[4].width
                    text: row.address
                    mono: true
                    muted: true
                }
                VCell {
                    w: page.columns[5].width
                    text: row.target
                    muted: true
                }
                VCell {
                    text: row.detail
                    muted: true
                }
            }

            Text {
                anchors.centerIn: parent
                visible: page.log.count === 0
                text: page.log.busy ? qsTr("Searching…") : qsTr("No entries match")
                font.pixelSize: Theme.fontBody
                color: Theme.textFaint
            }
        }
    }
}
