import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Step 1 of the Security wizard (WIZ-1): the kind of site, what the site holds, the level recommended
// for it, and the three levels to choose from. Keys: Up/Down the kind of site, 1/2/3 or Left/Right
// the level, Enter goes on.
FocusScope {
    id: step

    property var wizard

    function siteTypeIndex() {
        const types = wizard.siteTypes
        for (let i = 0; i < types.length; ++i) {
            if (types[i].id === wizard.siteType)
                return i
        }
        return 0
    }
    function moveSiteType(delta) {
        const types = wizard.siteTypes
        const next = Math.max(0, Math.min(types.length - 1, siteTypeIndex() + delta))
        wizard.chooseSiteType(types[next].id)
    }

    Keys.onPressed: event => {
        if (event.key === Qt.Key_Up) {
            moveSiteType(-1)
        } else if (event.key === Qt.Key_Down) {
            moveSiteType(1)
        } else if (event.key >= Qt.Key_1 && event.key <= Qt.Key_3) {
            wizard.chooseLevel(event.key - Qt.Key_0)
        } else if (event.key === Qt.Key_Left) {
            wizard.chooseLevel(Math.max(1, wizard.level - 1))
        } else if (event.key === Qt.Key_Right) {
            wizard.chooseLevel(Math.min(3, wizard.level + 1))
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            wizard.next()
        } else {
            return
        }
        event.accepted = true
    }

    RowLayout {
        anchors.fill: parent
        spacing: Theme.pagePadding

        // The kind of site.
        Rectangle {
            Layout.preferredWidth: Theme.listWidth
            Layout.fillHeight: true
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            ColumnLayout {
                anchors.fill: parent
                anchors.margins: Theme.padding
                spacing: Theme.spacing

                Text {
                    text: qsTr("What kind of site is this?")
                    font.pixelSize: Theme.fontTitle
                    font.weight: Font.DemiBold
                    color: Theme.text
                }
                Text {
                    Layout.fillWidth: true
                    text: qsTr("Up and Down choose.")
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textFaint
                }

                Repeater {
                    model: step.wizard.siteTypes

                    AbstractButton {
                        id: typeButton
                        required property var modelData
                        readonly property bool chosen: step.wizard.siteType === modelData.id
                        Layout.fillWidth: true
                        implicitHeight: typeColumn.implicitHeight + Theme.padding
                        hoverEnabled: true
                        focusPolicy: Qt.NoFocus
                        onClicked: {
                            step.wizard.chooseSiteType(modelData.id)
                            step.forceActiveFocus()
                        }

                        background: Rectangle {
                            radius: Theme.radius
                            color: typeButton.chosen ? Theme.selection : (typeButton.hovered ? Theme.panelHover : "transparent")
                            border.color: typeButton.chosen ? Theme.accent : "transparent"
                        }
                        contentItem: RowLayout {
                            spacing: Theme.spacing
                            Rectangle {
                                Layout.leftMargin: Theme.spacing
                                Layout.alignment: Qt.AlignTop
                                Layout.topMargin: Math.round(Theme.spacing * 0.9)
                                implicitWidth: Math.round(Theme.unit * 0.9)
                                implicitHeight: implicitWidth
                                radius: width / 2
                                color: "transparent"
                                border.color: typeButton.chosen ? Theme.accent : Theme.textFaint
                                border.width: 2
                                Rectangle {
                                    anchors.centerIn: parent
                                    width: parent.width / 2
                                    height: width
                                    radius: width / 2
                                    color: Theme.accent
                                    visible: typeButton.chosen
                                }
                            }
                            Column {
                                id: typeColumn
                                Layout.fillWidth: true
                                topPadding: Math.round(Theme.spacing / 2)
                                spacing: 2
                                Text {
                                    width: parent.width
                                    text: typeButton.modelData.name
                                    font.pixelSize: Theme.fontBody
                                    font.weight: typeButton.chosen ? Font.DemiBold : Font.Normal
                                    color: Theme.text
                                    elide: Text.ElideRight
                                }
                                Text {
                                    width: parent.width
                                    text: typeButton.modelData.description
                                    font.pixelSize: Theme.fontSmall
                                    color: Theme.textMuted
                                    wrapMode: Text.WordWrap
                                }
                            }
                        }
                    }
                }
                Item {
                    Layout.fillHeight: true
                }
            }
        }

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.padding

            // What the site holds, and the advice.
            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: false
                spacing: Theme.padding

                VTile {
                    title: qsTr("Cameras")
                    value: step.wizard.cameraCount >= 0 ? step.wizard.cameraCount : "\u2014"
                    caption: qsTr("from the devices list")
                    status: "neutral"
                }
                VTile {
                    title: qsTr("User accounts")
                    value: step.wizard.recommendedLevel > 0 ? step.wizard.userCount : "\u2014"
                    caption: qsTr("people who can sign in")
                    status: "neutral"
                }
                Rectangle {
                    Layout.fillWidth: true
                    Layout.preferredHeight: Math.max(Theme.tileHeight, adviceColumn.implicitHeight + 2 * Theme.padding)
                    radius: Theme.radius
                    color: Theme.panel
                    border.color: Theme.border

                    Rectangle {
                        anchors.left: parent.left
                        anchors.top: parent.top
                        anchors.bottom: parent.bottom
                        anchors.margins: 1
                        width: Theme.stateBar
                        radius: width / 2
                        color: Theme.online
                    }
                    ColumnLayout {
                        id: adviceColumn
                        anchors.left: parent.left
                        anchors.right: parent.right
                        anchors.top: parent.top
                        anchors.margins: Theme.padding
                        anchors.leftMargin: Theme.padding + Theme.stateBar
                        spacing: Math.round(Theme.spacing / 2)
                        Text {
                            text: qsTr("RECOMMENDED")
                            font.pixelSize: Theme.fontSmall
                            font.letterSpacing: 1
                            font.weight: Font.DemiBold
                            color: Theme.textMuted
                        }
                        Text {
                            objectName: "recommendedLevel"
                            text: step.wizard.recommendedLevel > 0 ? qsTr("Level %1").arg(step.wizard.recommendedLevel) : "\u2014"
                            font.pixelSize: Theme.fontHeading
                            font.weight: Font.DemiBold
                            color: Theme.accent
                        }
                        Text {
                            Layout.fillWidth: true
                            text: step.wizard.recommendationText
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.WordWrap
                        }
                    }
                }
            }

            Text {
                Layout.topMargin: Theme.spacing
                text: qsTr("Choose the level to keep (1, 2, 3). Each level includes everything below it.")
                font.pixelSize: Theme.fontTitle
                font.weight: Font.DemiBold
                color: Theme.text
            }

            RowLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.padding

                Repeater {
                    model: step.wizard.levels

                    AbstractButton {
                        id: levelCard
                        required property var modelData
                        readonly property bool chosen: step.wizard.level === modelData.level
                        readonly property bool recommended: step.wizard.recommendedLevel === modelData.level
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.preferredWidth: 1
                        hoverEnabled: true
                        focusPolicy: Qt.NoFocus
                        onClicked: {
                            step.wizard.chooseLevel(modelData.level)
                            step.forceActiveFocus()
                        }

                        background: Rectangle {
                            radius: Theme.radius
                            color: levelCard.chosen ? Theme.selection : (levelCard.hovered ? Theme.panelHover : Theme.panel)
                            border.color: levelCard.chosen ? Theme.accent : Theme.border
                            border.width: levelCard.chosen ? 2 : 1
                        }
                        contentItem: ColumnLayout {
                            spacing: Theme.spacing
                            RowLayout {
                                Layout.fillWidth: true
                                Layout.margins: Theme.padding
                                Layout.bottomMargin: 0
                                Text {
                                    text: qsTr("Level %1").arg(levelCard.modelData.level)
                                    font.pixelSize: Theme.fontHeading
                                    font.weight: Font.DemiBold
                                    color: levelCard.chosen ? Theme.text : Theme.textMuted
                                }
                                Item {
                                    Layout.fillWidth: true
                                }
                                Rectangle {
                                    visible: levelCard.recommended
                                    implicitWidth: recommendedText.implicitWidth + 2 * Theme.spacing
                                    implicitHeight: Math.round(Theme.unit * 1.4)
                                    radius: height / 2
                                    color: Qt.rgba(Theme.online.r, Theme.online.g, Theme.online.b, 0.16)
                                    border.color: Theme.online
                                    Text {
                                        id: recommendedText
                                        anchors.centerIn: parent
                                        text: qsTr("Recommended")
                                        font.pixelSize: Theme.fontSmall
                                        font.weight: Font.DemiBold
                                        color: Theme.text
                                    }
                                }
                            }
                            Text {
                                Layout.leftMargin: Theme.padding
                                text: levelCard.modelData.name
                                font.pixelSize: Theme.fontTitle
                                font.weight: Font.DemiBold
                                color: levelCard.chosen ? Theme.accent : Theme.text
                            }
                            Text {
                                Layout.fillWidth: true
                                Layout.leftMargin: Theme.padding
                                Layout.rightMargin: Theme.padding
                                text: levelCard.modelData.summary
                                font.pixelSize: Theme.fontBody
                                color: Theme.textMuted
                                wrapMode: Text.WordWrap
                            }
                            Text {
                                Layout.leftMargin: Theme.padding
                                Layout.topMargin: Theme.spacing
                                text: levelCard.modelData.level === 1 ? qsTr("WHAT IT CHECKS") : qsTr("WHAT IT ADDS")
                                font.pixelSize: Theme.fontSmall
                                font.letterSpacing: 1
                                font.weight: Font.DemiBold
                                color: Theme.textMuted
                            }
                            // The level's own items, as many as fit; the count says how many in all.
                            Item {
                                Layout.fillWidth: true
                                Layout.fillHeight: true
                                Layout.leftMargin: Theme.padding
                                Layout.rightMargin: Theme.padding
                                clip: true
                                Column {
                                    width: parent.width
                                    spacing: 2
                                    Repeater {
                                        model: levelCard.modelData.adds
                                        Text {
                                            required property string modelData
                                            width: parent.width
                                            text: "\u2022  " + modelData
                                            font.pixelSize: Theme.fontSmall
                                            color: levelCard.chosen ? Theme.text : Theme.textMuted
                                            elide: Text.ElideRight
                                        }
                                    }
                                }
                            }
                            Text {
                                Layout.margins: Theme.padding
                                Layout.topMargin: 0
                                text: qsTr("Items to audit at this level: %1").arg(levelCard.modelData.items)
                                font.pixelSize: Theme.fontSmall
                                color: Theme.textFaint
                            }
                        }
                    }
                }
            }

            Text {
                Layout.fillWidth: true
                visible: step.wizard.targetLevel > 0
                text: qsTr("The site's chosen level today: %1.").arg(step.wizard.targetLevel)
                font.pixelSize: Theme.fontSmall
                color: Theme.textMuted
            }
        }
    }
}
