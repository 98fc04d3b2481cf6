import QtQuick
import QtQuick.Layouts
import Vigil.UI

// Password strength as three segments (low, medium, high) with the verdict and, when the password is
// weak or breaks a rule, the reasons. The rating and reasons come from C++ (PasswordPolicy through
// workstation.passwordStrength.check()); the meter only shows them. `result` is that check's map.
// Parts are placed by hand and the reasons are one Text: with a Column and a Repeater inside a Layout,
// Qt 6.4 sometimes kept the old height as reasons came and went, and they overlapped the next field.
Item {
    id: meter

    property var result: ({ empty: true, acceptable: false, strength: "low", summary: "", reasons: [] })
    readonly property bool empty: result.empty === true
    readonly property string strength: empty ? "" : result.strength
    readonly property int level: strength === "high" ? 3 : strength === "medium" ? 2 : strength === "low" ? 1 : 0
    readonly property color levelColor: level === 3 ? Theme.online : level === 2 ? Theme.warning : Theme.alarm
    readonly property var reasons: empty ? [] : result.reasons
    readonly property int gap: Math.round(Theme.spacing / 2)

    implicitWidth: Theme.formWidth
    implicitHeight: empty ? bars.height : (details.visible ? details.y + details.implicitHeight : verdictRow.y + verdictRow.height)
    // Said to the layout as well: in the setup form (Qt 6.4) a change of implicitHeight alone did not
    // make the enclosing layouts lay out again.
    Layout.preferredHeight: implicitHeight

    Row {
        id: bars
        objectName: "bars"
        width: meter.width
        height: Math.max(4, Math.round(Theme.unit * 0.3))
        spacing: meter.gap

        Repeater {
            model: 3

            Rectangle {
                required property int index
                objectName: "segment" + index
                width: (bars.width - 2 * bars.spacing) / 3
                height: bars.height
                radius: height / 2
                color: index < meter.level ? meter.levelColor : Theme.panelRaised
            }
        }
    }

    Row {
        id: verdictRow
        y: bars.height + meter.gap
        width: meter.width
        height: verdict.implicitHeight
        spacing: Theme.spacing
        visible: !meter.empty

        Text {
            id: verdict
            objectName: "verdict"
            text: meter.strength === "high" ? qsTr("Strength: high")
                : meter.strength === "medium" ? qsTr("Strength: medium") : qsTr("Strength: low")
            font.pixelSize: Theme.fontSmall
            font.weight: Font.DemiBold
            color: meter.levelColor
        }
        Text {
            objectName: "acceptance"
            text: meter.result.acceptable ? qsTr("accepted") : qsTr("not accepted")
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }

    // The rules broken, one per line; or, for an acceptable but not strong password, how to do better.
    Text {
        id: details
        objectName: "details"
        y: verdictRow.y + verdictRow.height + meter.gap
        width: meter.width
        visible: !meter.empty && text.length > 0
        text: meter.reasons.length > 0 ? "\u2022 " + meter.reasons.join("\n\u2022 ")
            : (meter.result.acceptable && meter.strength !== "high" ? (meter.result.summary || "") : "")
        font.pixelSize: Theme.fontSmall
        color: meter.reasons.length > 0 ? Theme.text : Theme.textMuted
        wrapMode: Text.WordWrap
        lineHeight: 1.15
    }
}
