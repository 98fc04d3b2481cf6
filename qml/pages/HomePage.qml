import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Overview of the connected server: host load, storage, uptime, identity and services. Every figure
// comes from `workstation` (C++), formatted there; pushes over the WebSocket update it live.
Flickable {
    id: page

    readonly property int columns: Math.max(1, Math.floor((width - 2 * Theme.pagePadding + Theme.padding)
                                                           / (Theme.tileWidth + Theme.padding)))

    contentWidth: width
    contentHeight: body.implicitHeight + 2 * Theme.pagePadding
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    component SectionTitle: Text {
        Layout.fillWidth: true
        Layout.topMargin: Theme.spacing
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        color: Theme.textMuted
    }

    ColumnLayout {
        id: body
        x: Theme.pagePadding
        y: Theme.pagePadding
        width: page.width - 2 * Theme.pagePadding
        spacing: Theme.padding

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: Theme.controlHeight + Theme.padding
            visible: !workstation.hasHealth
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            Text {
                anchors.fill: parent
                anchors.leftMargin: Theme.padding
                verticalAlignment: Text.AlignVCenter
                text: workstation.connectionState === "connected"
                      ? qsTr("Waiting for the first figures from the server…")
                      : qsTr("Not connected. Choose a site on the Sites page (Ctrl+2).")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
        }

        SectionTitle {
            text: qsTr("System")
        }

        GridLayout {
            Layout.fillWidth: true
            columns: page.columns
            columnSpacing: Theme.padding
            rowSpacing: Theme.padding

            VTile {
                Layout.fillWidth: true
                title: qsTr("Processor")
                value: workstation.cpuText
                unit: "%"
                caption: workstation.cpuCores > 0 ? qsTr("%n core(s), whole host", "", workstation.cpuCores) : ""
                status: workstation.cpuStatus
                fill: workstation.hasHealth ? workstation.cpuPercent / 100 : -1
            }
            VTile {
                Layout.fillWidth: true
                title: qsTr("Memory used")
                value: workstation.sizeValue(workstation.memoryUsedBytes)
                unit: workstation.sizeUnit(workstation.memoryUsedBytes)
                caption: workstation.hasHealth ? qsTr("of %1").arg(workstation.sizeText(workstation.memoryTotalBytes)) : ""
                status: workstation.memoryStatus
                fill: workstation.memoryTotalBytes > 0 ? workstation.memoryUsedBytes / workstation.memoryTotalBytes : -1
            }
            VTile {
                Layout.fillWidth: true
                title: qsTr("Network in")
                value: workstation.sizeValue(workstation.networkRxBytesPerSec)
                unit: workstation.sizeUnit(workstation.networkRxBytesPerSec) + "/s"
                caption: qsTr("received, all interfaces")
                status: workstation.hasHealth ? "ok" : "offline"
            }
            VTile {
                Layout.fillWidth: true
                title: qsTr("Network out")
                value: workstation.sizeValue(workstation.networkTxBytesPerSec)
                unit: workstation.sizeUnit(workstation.networkTxBytesPerSec) + "/s"
                caption: qsTr("sent, all interfaces")
                status: workstation.hasHealth ? "ok" : "offline"
            }
            VTile {
                Layout.fillWidth: true
                title: qsTr("Uptime")
                value: workstation.uptimeValue
                unit: workstation.uptimeUnit
                caption: workstation.startedText
                status: workstation.hasInfo ? "ok" : "offline"
            }
            VTile {
                Layout.fillWidth: true
                title: qsTr("Server")
                value: workstation.serverName.length > 0 ? workstation.serverName : "—"
                caption: workstation.hasInfo ? qsTr("Vigil %1 · %2 server").arg(workstation.serverVersion).arg(workstation.serverRole) : ""
                status: workstation.hasInfo ? "neutral" : "offline"
            }
        }

        SectionTitle {
            text: qsTr("Storage")
        }

        GridLayout {
            Layout.fillWidth: true
            columns: page.columns
            columnSpacing: Theme.padding
            rowSpacing: Theme.padding

            Repeater {
                model: workstation.disks

                VTile {
                    required property var modelData
                    Layout.fillWidth: true
                    title: modelData.label
                    value: modelData.freeValue
                    unit: modelData.freeUnit + " " + qsTr("free")
                    caption: qsTr("of %1 · %2").arg(modelData.totalText).arg(modelData.path)
                    status: modelData.status
                    fill: modelData.usedFraction
                }
            }

            VTile {
                Layout.fillWidth: true
                visible: workstation.disks.length === 0
                title: qsTr("Disks")
                value: "—"
                caption: qsTr("no figures yet")
                status: "offline"
            }
        }

        SectionTitle {
            text: qsTr("Services")
        }

        Rectangle {
            Layout.fillWidth: true
            implicitHeight: servicesColumn.implicitHeight
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            Column {
                id: servicesColumn
                width: parent.width

                Repeater {
                    model: workstation.services

                    Item {
                        id: serviceRow
                        required property int index
                        required property string name
                        required property string status
                        required property string statusText
                        required property string detail

                        width: servicesColumn.width
                        height: Theme.rowHeight

                        Rectangle {
                            anchors.top: parent.top
                            width: parent.width
                            height: 1
                            color: Theme.border
                            visible: serviceRow.index > 0
                        }

                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: Theme.padding
                            anchors.rightMargin: Theme.padding
                            spacing: Theme.padding

                            VStatusDot {
                                status: serviceRow.status
                            }
                            Text {
                                Layout.preferredWidth: Theme.tileWidth
                                text: serviceRow.name
                                font.pixelSize: Theme.fontBody
                                color: Theme.text
                                elide: Text.ElideRight
                            }
                            Text {
                                Layout.preferredWidth: Theme.tileWidth / 2
                                text: serviceRow.statusText
                                font.pixelSize: Theme.fontBody
                                color: Theme.stateColor(serviceRow.status)
                            }
                            Text {
                                Layout.fillWidth: true
                                text: serviceRow.detail
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                                elide: Text.ElideRight
                            }
                        }
                    }
                }

                Item {
                    width: servicesColumn.width
                    height: Theme.rowHeight
                    visible: workstation.services.count === 0

                    Text {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.padding
                        verticalAlignment: Text.AlignVCenter
                        text: qsTr("No service list yet")
                        font.pixelSize: Theme.fontBody
                        color: Theme.textFaint
                    }
                }
            }
        }

        Text {
            Layout.fillWidth: true
            text: workstation.updatedText
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
        }
    }
}
