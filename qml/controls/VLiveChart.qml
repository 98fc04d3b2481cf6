import QtQuick
import QtCharts
import Vigil.UI

// A live line chart on a panel (the Home page's CPU, memory and network): a title, the latest value
// large enough to read from afar, and the last minutes as one or two lines. The data is a table model
// (app/health_history.h) mapped by column: x is time in UTC ms, y the columns given. Qt Charts draws
// through Graphics View: the application must be a QApplication (app/main.cpp).
Rectangle {
    id: panel

    property string title
    property string valueText
    property string unit
    property var model: null
    property int column: 1
    // A second line (network: sent beside received); -1 for none.
    property int secondColumn: -1
    property string seriesName
    property string secondName
    property color lineColor: Theme.accent
    property color secondColor: Theme.online
    property real yMax: 100
    property var windowStart: new Date()
    property var windowEnd: new Date()
    property string status: "ok"

    implicitWidth: Theme.tileWidth * 2
    implicitHeight: Theme.chartHeight
    radius: Theme.radius
    color: Theme.panel
    border.color: Theme.border

    Rectangle {
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: 1
        width: Theme.stateBar
        radius: Theme.radius
        color: Theme.stateColor(panel.status)
    }

    Column {
        id: heading
        x: Theme.padding
        y: Theme.spacing
        spacing: 0

        Text {
            objectName: "chartTitle"
            text: panel.title.toUpperCase()
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            font.letterSpacing: 1
            color: Theme.textMuted
        }
        Row {
            spacing: Math.round(Theme.spacing / 2)
            Text {
                objectName: "chartValue"
                text: panel.valueText
                font.pixelSize: Theme.fontHeading
                font.weight: Font.DemiBold
                color: Theme.text
            }
            Text {
                anchors.baseline: parent.children[0].baseline
                text: panel.unit
                font.pixelSize: Theme.fontBody
                color: Theme.textMuted
            }
        }
    }

    ChartView {
        id: chart
        objectName: "chart"
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: heading.bottom
        anchors.bottom: parent.bottom
        anchors.leftMargin: Theme.stateBar
        margins.top: 0
        margins.bottom: 0
        margins.left: 0
        margins.right: 0
        backgroundColor: "transparent"
        plotAreaColor: "transparent"
        antialiasing: true
        legend.visible: panel.secondColumn >= 0
        legend.alignment: Qt.AlignTop
        legend.labelColor: Theme.textMuted
        legend.font.pixelSize: Theme.fontSmall
        animationOptions: ChartView.NoAnimation

        DateTimeAxis {
            id: timeAxis
            min: panel.windowStart
            max: panel.windowEnd
            format: "HH:mm:ss"
            tickCount: 4
            labelsColor: Theme.textFaint
            labelsFont.pixelSize: Theme.fontSmall
            gridLineColor: Theme.border
            lineVisible: false
        }
        ValueAxis {
            id: valueAxis
            min: 0
            max: panel.yMax
            tickCount: 3
            labelFormat: panel.yMax < 10 ? "%.1f" : "%.0f"
            labelsColor: Theme.textFaint
            labelsFont.pixelSize: Theme.fontSmall
            gridLineColor: Theme.border
            lineVisible: false
        }

        LineSeries {
            id: first
            name: panel.seriesName
            axisX: timeAxis
            axisY: valueAxis
            color: panel.lineColor
            width: 2
        }
        LineSeries {
            id: second
            name: panel.secondName
            axisX: timeAxis
            axisY: valueAxis
            color: panel.secondColor
            width: 2
            visible: panel.secondColumn >= 0
        }

        VXYModelMapper {
            model: panel.model
            series: first
            xColumn: 0
            yColumn: panel.column
        }
        VXYModelMapper {
            model: panel.secondColumn >= 0 ? panel.model : null
            series: second
            xColumn: 0
            yColumn: Math.max(0, panel.secondColumn)
        }
    }
}
