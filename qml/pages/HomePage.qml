import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Overview of the connected site (CLI-2): devices (total/online/offline), events (total/handled/
// pending), recording storage, the server's CPU, memory and network as live charts, then host
// figures, disks, uptime, identity and services. Every figure comes from `workstation` (C++),
// formatted there; pushes over the WebSocket update it live. Tiles share one column grid so every
// section lines up, whatever the window width.
Flickable {
    id: page

    readonly property real bodyWidth: width - 2 * Theme.pagePadding
    readonly property int columns: Math.max(2, Math.floor((bodyWidth + Theme.padding) / (Theme.tileWidth + Theme.padding)))
    readonly property real tileWidth: Math.floor((bodyWidth - (columns - 1) * Theme.padding) / columns)
    function span(n) {
        return n * tileWidth + (n - 1) * Theme.padding
    }

    contentWidth: width
    contentHeight: body.implicitHeight + 2 * Theme.pagePadding
    clip: true
    boundsBehavior: Flickable.StopAtBounds
    ScrollBar.vertical: ScrollBar {}

    component SectionTitle: Text {
        font.pixelSize: Theme.fontTitle
        font.weight: Font.DemiBold
        color: Theme.textMuted
    }

    component Panel: Rectangle {
        radius: Theme.radius
        color: Theme.panel
        border.color: Theme.border
    }

    component Fact: Column {
        property alias label: factLabel.text
        property alias value: factValue.text
        property bool mono: false
        spacing: 2

        Text {
            id: factLabel
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            id: factValue
            width: parent.width
            font.pixelSize: parent.mono ? Theme.fontSmall : Theme.fontBody
            font.family: parent.mono ? Theme.monospace : Qt.application.font.family
            color: Theme.text
            wrapMode: parent.mono ? Text.WrapAnywhere : Text.NoWrap
            elide: parent.mono ? Text.ElideNone : Text.ElideRight
        }
    }

    component Section: Column {
        property alias title: sectionTitle.text
        spacing: Theme.spacing

        SectionTitle {
            id: sectionTitle
        }
    }

    Column {
        id: body
        x: Theme.pagePadding
        y: Theme.pagePadding
        width: page.bodyWidth
        spacing: Theme.pagePadding

        Panel {
            width: parent.width
            height: Theme.controlHeight + Theme.padding
            visible: !workstation.hasHealth

            Text {
                anchors.fill: parent
                anchors.leftMargin: Theme.padding
                verticalAlignment: Text.AlignVCenter
                text: workstation.connectionState === "connected"
                      ? qsTr("Waiting for the first figures from the server…")
                      : workstation.connectionState === "starting" || workstation.connectionState === "connecting"
                        ? workstation.connectionText
                        : qsTr("Not connected. Choose a site on the Sites page (Ctrl+2).")
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
        }

        Section {
            width: parent.width
            title: qsTr("Site")

            Flow {
                width: parent.width
                spacing: Theme.padding

                VTile {
                    objectName: "devicesTile"
                    readonly property var counts: workstation.deviceCounts
                    width: page.tileWidth
                    title: qsTr("Devices")
                    value: counts.available ? counts.total : "—"
                    caption: counts.available ? qsTr("%1 online · %2 offline").arg(counts.online).arg(counts.offline)
                                              : qsTr("no device list yet")
                    status: !counts.available ? "offline" : counts.offline > 0 ? "warning" : "ok"
                    fill: counts.available && counts.total > 0 ? counts.online / counts.total : -1
                }
                VTile {
                    objectName: "eventsTile"
                    readonly property var counts: workstation.eventCounts
                    width: page.tileWidth
                    title: qsTr("Events waiting")
                    value: counts.available ? counts.pending : "—"
                    caption: counts.available ? qsTr("%1 in all · %2 handled").arg(counts.total).arg(counts.handled)
                                              : qsTr("no event center yet")
                    status: !counts.available ? "offline" : counts.pending > 0 ? "alarm" : "ok"
                }
                Repeater {
                    model: workstation.recordingStorage

                    VTile {
                        required property var modelData
                        width: page.tileWidth
                        title: modelData.label
                        value: modelData.recordingValue
                        unit: modelData.recordingUnit
                        caption: modelData.caption
                        detail: modelData.problem ? "" : modelData.path
                        status: modelData.status
                        fill: modelData.usedFraction
                    }
                }
                VTile {
                    visible: workstation.recordingStorage.length === 0
                    width: page.tileWidth
                    title: qsTr("Recordings")
                    value: "—"
                    caption: workstation.recordingStorageNote
                    status: "offline"
                }
            }
        }

        Section {
            id: loadSection
            width: parent.width
            title: qsTr("Server load, last 5 minutes")

            readonly property var history: workstation.healthHistory
            readonly property real chartWidth: Math.floor((page.bodyWidth - 2 * Theme.padding) / 3)

            Flow {
                width: parent.width
                spacing: Theme.padding

                VLiveChart {
                    objectName: "cpuChart"
                    width: loadSection.chartWidth
                    title: qsTr("Processor")
                    valueText: workstation.cpuText
                    unit: "%"
                    status: workstation.cpuStatus
                    model: loadSection.history
                    column: 1
                    seriesName: qsTr("CPU")
                    windowStart: loadSection.history.windowStart
                    windowEnd: loadSection.history.windowEnd
                }
                VLiveChart {
                    objectName: "memoryChart"
                    width: loadSection.chartWidth
                    title: qsTr("Memory used")
                    valueText: workstation.hasHealth && workstation.memoryTotalBytes > 0
                               ? Math.round(100 * workstation.memoryUsedBytes / workstation.memoryTotalBytes) : "—"
                    unit: "%"
                    status: workstation.memoryStatus
                    model: loadSection.history
                    column: 2
                    lineColor: Theme.warning
                    seriesName: qsTr("Memory")
                    windowStart: loadSection.history.windowStart
                    windowEnd: loadSection.history.windowEnd
                }
                VLiveChart {
                    objectName: "networkChart"
                    width: loadSection.chartWidth
                    title: qsTr("Network")
                    valueText: workstation.hasHealth
                               ? qsTr("↓%1 ↑%2").arg(loadSection.history.latestRxMbps.toFixed(1)).arg(loadSection.history.latestTxMbps.toFixed(1))
                               : "—"
                    unit: qsTr("Mbit/s")
                    status: workstation.hasHealth ? "ok" : "offline"
                    model: loadSection.history
                    column: 3
                    secondColumn: 4
                    seriesName: qsTr("received")
                    secondName: qsTr("sent")
                    yMax: loadSection.history.networkMax
                    windowStart: loadSection.history.windowStart
                    windowEnd: loadSection.history.windowEnd
                }
            }
        }

        Section {
            width: parent.width
            title: qsTr("System")

            Flow {
                width: parent.width
                spacing: Theme.padding

                VTile {
                    width: page.tileWidth
                    title: qsTr("Processor")
                    value: workstation.cpuText
                    unit: "%"
                    caption: workstation.cpuCaption
                    status: workstation.cpuStatus
                    fill: workstation.hasHealth ? workstation.cpuPercent / 100 : -1
                }
                VTile {
                    width: page.tileWidth
                    title: qsTr("Memory used")
                    value: workstation.sizeValue(workstation.memoryUsedBytes)
                    unit: workstation.sizeUnit(workstation.memoryUsedBytes)
                    caption: workstation.hasHealth ? qsTr("of %1").arg(workstation.sizeText(workstation.memoryTotalBytes)) : ""
                    status: workstation.memoryStatus
                    fill: workstation.memoryTotalBytes > 0 ? workstation.memoryUsedBytes / workstation.memoryTotalBytes : -1
                }
                VTile {
                    width: page.tileWidth
                    title: qsTr("Network in")
                    value: workstation.sizeValue(workstation.networkRxBytesPerSec)
                    unit: workstation.hasHealth ? workstation.sizeUnit(workstation.networkRxBytesPerSec) + "/s" : ""
                    caption: qsTr("received, all interfaces")
                    status: workstation.hasHealth ? "ok" : "offline"
                }
                VTile {
                    width: page.tileWidth
                    title: qsTr("Network out")
                    value: workstation.sizeValue(workstation.networkTxBytesPerSec)
                    unit: workstation.hasHealth ? workstation.sizeUnit(workstation.networkTxBytesPerSec) + "/s" : ""
                    caption: qsTr("sent, all interfaces")
                    status: workstation.hasHealth ? "ok" : "offline"
                }
                VTile {
                    width: page.tileWidth
                    title: qsTr("Uptime")
                    value: workstation.uptimeValue
                    unit: workstation.uptimeUnit
                    caption: workstation.startedText
                    status: workstation.hasInfo ? "ok" : "offline"
                }
                VTile {
                    width: page.tileWidth
                    title: qsTr("Server")
                    value: workstation.serverName.length > 0 ? workstation.serverName : "—"
                    caption: workstation.hasInfo ? qsTr("Vigil %1 · %2 server").arg(workstation.serverVersion).arg(workstation.serverRole) : ""
                    status: workstation.hasInfo ? "neutral" : "offline"
                }
            }
        }

        Row {
            width: parent.width
            spacing: Theme.padding

            Section {
                width: page.span(page.columns - 2)
                title: qsTr("Storage")

                Flow {
                    width: parent.width
                    spacing: Theme.padding

                    Repeater {
                        model: workstation.disks

                        VTile {
                            required property var modelData
                            width: page.tileWidth
                            title: modelData.label
                            value: modelData.freeValue
                            unit: modelData.freeUnit + " " + qsTr("free")
                            caption: qsTr("of %1").arg(modelData.totalText)
                            detail: modelData.path
                            status: modelData.status
                            fill: modelData.usedFraction
                        }
                    }

                    VTile {
                        width: page.tileWidth
                        visible: workstation.disks.length === 0
                        title: qsTr("Disks")
                        value: "—"
                        caption: qsTr("no figures yet")
                        status: "offline"
                    }
                }
            }

            Section {
                width: page.span(2)
                title: qsTr("Connection")

                Panel {
                    width: parent.width
                    height: facts.implicitHeight + 2 * Theme.padding

                    Column {
                        id: facts
                        x: Theme.padding
                        y: Theme.padding
                        width: parent.width - 2 * Theme.padding
                        spacing: Theme.spacing

                        Fact {
                            width: parent.width
                            label: qsTr("Site")
                            value: workstation.siteDetail
                        }
                        Fact {
                            width: parent.width
                            label: qsTr("Server ID")
                            value: workstation.hasInfo ? workstation.serverId : "—"
                        }
                        Fact {
                            width: parent.width
                            label: qsTr("Certificate authority (SHA-256, pinned)")
                            value: workstation.pinnedFingerprint.length > 0 ? workstation.pinnedFingerprint : "—"
                            mono: true
                        }
                    }
                }
            }
        }

        Section {
            width: parent.width
            title: qsTr("Services")

            Panel {
                width: parent.width
                height: servicesColumn.implicitHeight

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
                                    Layout.preferredWidth: Math.round(Theme.tileWidth / 2)
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
        }

        Text {
            width: parent.width
            text: workstation.updatedText
            font.pixelSize: Theme.fontSmall
            color: Theme.textFaint
        }
    }
}
