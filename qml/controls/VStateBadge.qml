import QtQuick
import Vigil.UI

// A security audit state as a tinted pill: pass (green), fail (red), attested (blue: a person
// confirmed it), not applicable (grey), unknown (amber: no check could tell), "" not audited (grey
// outline). The text comes from C++ (AuditItemModel::stateText); `compact` shows only the dot.
Rectangle {
    id: badge

    property string status
    property string text
    property bool compact: false
    readonly property color tone: status === "pass" ? Theme.online
                                : status === "fail" ? Theme.alarm
                                : status === "attested" ? Theme.neutral
                                : status === "unknown" ? Theme.warning
                                : Theme.offline

    implicitWidth: compact ? Theme.dot : label.implicitWidth + 2 * Theme.spacing + Theme.dot + Math.round(Theme.spacing / 2)
    implicitHeight: compact ? Theme.dot : Math.round(Theme.unit * 1.4)
    radius: height / 2
    color: compact ? (status.length > 0 ? tone : "transparent") : Qt.rgba(tone.r, tone.g, tone.b, 0.16)
    border.color: compact ? tone : Qt.rgba(tone.r, tone.g, tone.b, 0.55)

    Rectangle {
        id: dot
        visible: !badge.compact
        x: Theme.spacing
        anchors.verticalCenter: parent.verticalCenter
        width: Math.round(Theme.dot * 0.8)
        height: width
        radius: width / 2
        color: badge.tone
    }
    Text {
        id: label
        visible: !badge.compact
        anchors.left: dot.right
        anchors.leftMargin: Math.round(Theme.spacing / 2)
        anchors.verticalCenter: parent.verticalCenter
        text: badge.text
        font.pixelSize: Theme.fontSmall
        font.weight: Font.DemiBold
        color: Theme.text
    }
}
