import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// Step 2 of the Security wizard (WIZ-1): the audit of the chosen level (progress, cancel) and its
// items, grouped by level, each with its state; the selected item's detail on the right: why it
// matters, what the audit saw, its fix (choose it for step 3, or apply it now), or the confirmation
// form for what only a person can check. Keys: Ctrl+F filter, Up/Down items, Space choose the fix,
// Ctrl+Enter fix now, Enter on an item to confirm moves to the comment.
FocusScope {
    id: step

    property var wizard
    readonly property var items: wizard.items
    property var current: items.count > 0 && list.currentIndex >= 0 ? items.get(list.currentIndex) : ({})
    readonly property var counts: wizard.counts

    function refreshCurrent() {
        current = items.count > 0 && list.currentIndex >= 0 ? items.get(list.currentIndex) : ({})
    }
    Connections {
        target: step.items
        function onModelReset() {
            list.currentIndex = Math.min(Math.max(0, list.currentIndex), step.items.count - 1)
            step.refreshCurrent()
        }
        function onDataChanged() {
            step.refreshCurrent()
        }
    }

    onActiveFocusChanged: if (activeFocus && !filterField.input.activeFocus && !comment.input.activeFocus) list.forceActiveFocus()

    Shortcut {
        sequence: "Ctrl+F"
        enabled: step.visible
        onActivated: {
            filterField.input.forceActiveFocus()
            filterField.input.selectAll()
        }
    }
    Shortcut {
        sequences: ["Ctrl+Return", "Ctrl+Enter"]
        enabled: step.visible && step.current.fixable === true && !step.wizard.auditRunning && !step.wizard.fixesRunning
        onActivated: step.wizard.fixNow(step.current.itemId)
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: Theme.padding

        // The run: when, by whom, the counts; progress and cancel while it runs.
        Rectangle {
            Layout.fillWidth: true
            implicitHeight: runColumn.implicitHeight + 2 * Theme.padding
            radius: Theme.radius
            color: Theme.panel
            border.color: Theme.border

            ColumnLayout {
                id: runColumn
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.top: parent.top
                anchors.margins: Theme.padding
                spacing: Theme.spacing

                RowLayout {
                    Layout.fillWidth: true
                    spacing: Theme.padding

                    Rectangle {
                        implicitWidth: metText.implicitWidth + 2 * Theme.padding
                        implicitHeight: Theme.controlHeight
                        radius: Theme.radius
                        readonly property color tone: !step.wizard.hasRun ? Theme.offline : step.wizard.runMet ? Theme.online : Theme.alarm
                        color: Qt.rgba(tone.r, tone.g, tone.b, 0.16)
                        border.color: tone
                        Text {
                            id: metText
                            anchors.centerIn: parent
                            text: !step.wizard.hasRun ? qsTr("Not audited")
                                : step.wizard.runMet ? qsTr("Level %1 met").arg(step.wizard.level)
                                : qsTr("Level %1 not met").arg(step.wizard.level)
                            font.pixelSize: Theme.fontBody
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                    }
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        Text {
                            Layout.fillWidth: true
                            objectName: "runText"
                            text: step.wizard.runText
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            elide: Text.ElideRight
                        }
                        Row {
                            spacing: Theme.spacing
                            Repeater {
                                model: [
                                    { state: "pass", label: qsTr("%1 pass") },
                                    { state: "fail", label: qsTr("%1 fail") },
                                    { state: "attested", label: qsTr("%1 confirmed") },
                                    { state: "not_applicable", label: qsTr("%1 not applicable") },
                                    { state: "unknown", label: qsTr("%1 not checked") }
                                ]
                                VStateBadge {
                                    required property var modelData
                                    status: modelData.state
                                    text: modelData.label.arg(step.counts[modelData.state] || 0)
                                }
                            }
                        }
                    }
                    VButton {
                        visible: !step.wizard.auditRunning
                        enabled: !step.wizard.fixesRunning
                        text: step.wizard.hasRun ? qsTr("Audit again (F5)") : qsTr("Audit (F5)")
                        onClicked: step.wizard.runAudit()
                    }
                    VButton {
                        visible: step.wizard.auditRunning
                        danger: true
                        text: qsTr("Cancel (Esc)")
                        onClicked: step.wizard.cancel()
                    }
                }
                VProgressBar {
                    Layout.fillWidth: true
                    visible: step.wizard.auditRunning
                    value: step.wizard.auditProgress
                }
                Text {
                    Layout.fillWidth: true
                    visible: text.length > 0
                    text: step.wizard.auditStatus
                    font.pixelSize: Theme.fontSmall
                    color: Theme.textMuted
                    elide: Text.ElideRight
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.padding

            // The items, grouped by level.
            Rectangle {
                Layout.preferredWidth: Math.round(Theme.listWidth * 1.25)
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.panel
                border.color: Theme.border

                ColumnLayout {
                    anchors.fill: parent
                    anchors.margins: 1
                    spacing: 0

                    RowLayout {
                        Layout.fillWidth: true
                        Layout.margins: Theme.spacing
                        spacing: Theme.spacing
                        VTextField {
                            id: filterField
                            Layout.fillWidth: true
                            placeholderText: qsTr("Filter items (Ctrl+F)")
                            text: step.wizard.filter
                            onTextChanged: step.wizard.setFilter(text, onlyOpen.checked)
                            onAccepted: list.forceActiveFocus()
                            input.Keys.onDownPressed: list.forceActiveFocus()
                            input.Keys.onEscapePressed: {
                                text = ""
                                list.forceActiveFocus()
                            }
                        }
                        VCheckBox {
                            id: onlyOpen
                            text: qsTr("Needs attention")
                            focusPolicy: Qt.NoFocus
                            checked: step.wizard.onlyOpen
                            onToggled: step.wizard.setFilter(filterField.text, checked)
                        }
                    }
                    Rectangle {
                        Layout.fillWidth: true
                        implicitHeight: 1
                        color: Theme.border
                    }

                    ListView {
                        id: list
                        objectName: "auditItems"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        clip: true
                        model: step.items
                        currentIndex: 0
                        keyNavigationEnabled: true
                        highlightMoveDuration: 0
                        boundsBehavior: Flickable.StopAtBounds
                        ScrollBar.vertical: ScrollBar {}
                        onCurrentIndexChanged: step.refreshCurrent()

                        Keys.onSpacePressed: {
                            if (step.current.fixable)
                                step.wizard.setFixChosen(step.current.itemId, !step.current.fixChosen)
                        }
                        Keys.onReturnPressed: {
                            if (step.current.attestable)
                                comment.input.forceActiveFocus()
                        }
                        Keys.onEnterPressed: {
                            if (step.current.attestable)
                                comment.input.forceActiveFocus()
                        }

                        section.property: "group"
                        section.delegate: Rectangle {
                            required property string section
                            width: ListView.view.width
                            height: Math.round(Theme.unit * 2)
                            color: Theme.panelRaised
                            Text {
                                anchors.verticalCenter: parent.verticalCenter
                                x: Theme.padding
                                text: qsTr("LEVEL %1").arg(parent.section)
                                font.pixelSize: Theme.fontSmall
                                font.letterSpacing: 1
                                font.weight: Font.DemiBold
                                color: Theme.textMuted
                            }
                        }

                        delegate: Rectangle {
                            id: row
                            required property int index
                            required property string title
                            required property string requirement
                            required property string state
                            required property string stateText
                            required property bool fixable
                            required property bool fixChosen
                            required property bool attestable
                            required property string scope
                            readonly property bool selected: ListView.isCurrentItem
                            width: ListView.view.width
                            height: Math.round(Theme.unit * 2.75)
                            color: selected ? Theme.selection : (rowMouse.containsMouse ? Theme.panelHover : "transparent")

                            Rectangle {
                                anchors.left: parent.left
                                anchors.top: parent.top
                                anchors.bottom: parent.bottom
                                width: Theme.stateBar
                                color: Theme.accent
                                visible: row.selected && list.activeFocus
                            }
                            RowLayout {
                                anchors.fill: parent
                                anchors.leftMargin: Theme.padding
                                anchors.rightMargin: Theme.spacing
                                spacing: Theme.spacing
                                VStateBadge {
                                    compact: true
                                    status: row.state
                                }
                                ColumnLayout {
                                    Layout.fillWidth: true
                                    spacing: 0
                                    Text {
                                        Layout.fillWidth: true
                                        text: row.title
                                        font.pixelSize: Theme.fontBody
                                        color: Theme.text
                                        elide: Text.ElideRight
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: row.requirement + "  ·  " + (row.scope === "device" ? qsTr("cameras") : qsTr("platform"))
                                              + (row.attestable ? "  ·  " + qsTr("a person confirms") : "")
                                        font.pixelSize: Theme.fontSmall
                                        color: Theme.textFaint
                                        elide: Text.ElideRight
                                    }
                                }
                                Text {
                                    visible: row.fixable
                                    text: row.fixChosen ? qsTr("\u2713 fix") : qsTr("fix")
                                    font.pixelSize: Theme.fontSmall
                                    font.weight: Font.DemiBold
                                    color: row.fixChosen ? Theme.accent : Theme.textFaint
                                }
                                Text {
                                    Layout.preferredWidth: Math.round(Theme.unit * 6)
                                    horizontalAlignment: Text.AlignRight
                                    text: row.stateText
                                    font.pixelSize: Theme.fontSmall
                                    color: row.state === "fail" ? Theme.alarm : row.state === "pass" ? Theme.online : Theme.textMuted
                                    elide: Text.ElideRight
                                }
                            }
                            MouseArea {
                                id: rowMouse
                                anchors.fill: parent
                                hoverEnabled: true
                                onClicked: {
                                    list.currentIndex = row.index
                                    list.forceActiveFocus()
                                }
                            }
                        }

                        Text {
                            anchors.centerIn: parent
                            width: parent.width - 2 * Theme.padding
                            visible: list.count === 0
                            horizontalAlignment: Text.AlignHCenter
                            wrapMode: Text.WordWrap
                            text: step.wizard.loaded ? qsTr("No item matches the filter.") : qsTr("Loading the items…")
                            font.pixelSize: Theme.fontBody
                            color: Theme.textMuted
                        }
                    }
                }
            }

            // The selected item.
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.panel
                border.color: Theme.border

                Flickable {
                    id: detailFlick
                    anchors.fill: parent
                    anchors.margins: Theme.pagePadding
                    contentHeight: detail.implicitHeight
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds

                    ColumnLayout {
                        id: detail
                        width: detailFlick.width
                        spacing: Theme.padding
                        visible: step.current.itemId !== undefined

                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.padding
                            Text {
                                Layout.fillWidth: true
                                objectName: "itemTitle"
                                text: step.current.title || ""
                                font.pixelSize: Theme.fontHeading
                                font.weight: Font.DemiBold
                                color: Theme.text
                                wrapMode: Text.WordWrap
                            }
                            VStateBadge {
                                status: step.current.state || ""
                                text: step.current.stateText || ""
                            }
                        }
                        Text {
                            Layout.fillWidth: true
                            text: qsTr("%1 · level %2 · %3").arg(step.current.requirement || "").arg(step.current.level || "")
                                  .arg(step.current.attestable ? qsTr("confirmed by a person")
                                       : step.current.scope === "device" ? qsTr("checked on every camera") : qsTr("checked on the platform"))
                            font.pixelSize: Theme.fontSmall
                            color: Theme.textMuted
                        }

                        Text {
                            text: qsTr("Why it matters")
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Text {
                            Layout.fillWidth: true
                            text: step.current.why || ""
                            font.pixelSize: Theme.fontBody
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            lineHeight: 1.15
                        }

                        Text {
                            text: qsTr("What the audit saw")
                            font.pixelSize: Theme.fontTitle
                            font.weight: Font.DemiBold
                            color: Theme.text
                        }
                        Text {
                            Layout.fillWidth: true
                            visible: !step.current.findings || step.current.findings.length === 0
                            text: step.current.checkAvailable === false && step.current.attestable !== true
                                  ? qsTr("No check for this item in this version yet, so it cannot count as met.")
                                  : qsTr("Not audited yet. Run the audit (F5).")
                            font.pixelSize: Theme.fontBody
                            color: Theme.textMuted
                            wrapMode: Text.WordWrap
                        }
                        Repeater {
                            model: step.current.findings || []
                            Rectangle {
                                required property var modelData
                                Layout.fillWidth: true
                                implicitHeight: findingRow.implicitHeight + Theme.padding
                                radius: Theme.radius
                                color: Theme.background
                                border.color: Theme.border
                                RowLayout {
                                    id: findingRow
                                    anchors.left: parent.left
                                    anchors.right: parent.right
                                    anchors.verticalCenter: parent.verticalCenter
                                    anchors.leftMargin: Theme.spacing
                                    anchors.rightMargin: Theme.spacing
                                    spacing: Theme.spacing
                                    VStateBadge {
                                        Layout.alignment: Qt.AlignTop
                                        status: modelData.state
                                        text: modelData.stateText
                                    }
                                    Text {
                                        Layout.preferredWidth: Math.round(Theme.unit * 7)
                                        Layout.alignment: Qt.AlignTop
                                        topPadding: 2
                                        text: modelData.subject
                                        font.pixelSize: Theme.fontSmall
                                        font.weight: Font.DemiBold
                                        color: Theme.textMuted
                                        elide: Text.ElideRight
                                    }
                                    Text {
                                        Layout.fillWidth: true
                                        text: modelData.evidence
                                        font.pixelSize: Theme.fontBody
                                        color: Theme.text
                                        wrapMode: Text.WordWrap
                                    }
                                }
                            }
                        }

                        // The fix, when the item fails and the platform can mend it.
                        Rectangle {
                            Layout.fillWidth: true
                            visible: step.current.fixable === true
                            implicitHeight: fixColumn.implicitHeight + 2 * Theme.padding
                            radius: Theme.radius
                            color: Theme.selection
                            border.color: Theme.accent
                            ColumnLayout {
                                id: fixColumn
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.top: parent.top
                                anchors.margins: Theme.padding
                                spacing: Theme.spacing
                                Text {
                                    text: qsTr("Vigil can fix this")
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                                Text {
                                    Layout.fillWidth: true
                                    text: step.current.fixTitle || step.current.fixId || ""
                                    font.pixelSize: Theme.fontBody
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    Layout.fillWidth: true
                                    text: qsTr("The server changes the setting through the same checks as the settings pages, after a configuration backup, and records it in the security log.")
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.textMuted
                                    wrapMode: Text.WordWrap
                                }
                                RowLayout {
                                    spacing: Theme.padding
                                    VCheckBox {
                                        text: qsTr("Apply in step 3 (Space)")
                                        focusPolicy: Qt.NoFocus
                                        checked: step.current.fixChosen === true
                                        onToggled: step.wizard.setFixChosen(step.current.itemId, checked)
                                    }
                                    VButton {
                                        primary: true
                                        enabled: !step.wizard.auditRunning && !step.wizard.fixesRunning
                                        focusPolicy: Qt.NoFocus
                                        text: qsTr("Fix now (Ctrl+Enter)")
                                        onClicked: step.wizard.fixNow(step.current.itemId)
                                    }
                                }
                            }
                        }

                        // What only a person can check: who confirmed it, or the form to confirm it.
                        Rectangle {
                            Layout.fillWidth: true
                            visible: step.current.attestable === true
                            implicitHeight: attestColumn.implicitHeight + 2 * Theme.padding
                            radius: Theme.radius
                            color: Theme.panelRaised
                            border.color: step.current.state === "attested" ? Theme.neutral : Theme.border
                            ColumnLayout {
                                id: attestColumn
                                anchors.left: parent.left
                                anchors.right: parent.right
                                anchors.top: parent.top
                                anchors.margins: Theme.padding
                                spacing: Theme.spacing
                                Text {
                                    text: qsTr("Confirmed by a person")
                                    font.pixelSize: Theme.fontTitle
                                    font.weight: Font.DemiBold
                                    color: Theme.text
                                }
                                Text {
                                    Layout.fillWidth: true
                                    objectName: "attestedText"
                                    visible: step.current.state === "attested"
                                    text: step.current.attestedText || ""
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                }
                                Text {
                                    Layout.fillWidth: true
                                    visible: step.current.state !== "attested"
                                    text: qsTr("No software can see this. Check it on site, then confirm it here as %1: your name, the time and your comment are kept and printed in the report.")
                                          .arg(workstation.session.userName)
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.textMuted
                                    wrapMode: Text.WordWrap
                                }
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: Theme.spacing
                                    VTextField {
                                        id: comment
                                        Layout.fillWidth: true
                                        label: qsTr("What you checked, and how")
                                        placeholderText: qsTr("e.g. walked the site: every camera is on VLAN 30")
                                        maximumLength: 2000
                                        onAccepted: {
                                            step.wizard.attest(step.current.itemId, text)
                                            list.forceActiveFocus()
                                        }
                                        input.Keys.onEscapePressed: list.forceActiveFocus()
                                    }
                                    VButton {
                                        Layout.alignment: Qt.AlignBottom
                                        primary: true
                                        focusPolicy: Qt.NoFocus
                                        text: step.current.state === "attested" ? qsTr("Confirm again") : qsTr("Confirm (Enter)")
                                        onClicked: step.wizard.attest(step.current.itemId, comment.text)
                                    }
                                    VButton {
                                        Layout.alignment: Qt.AlignBottom
                                        visible: step.current.state === "attested"
                                        focusPolicy: Qt.NoFocus
                                        text: qsTr("Withdraw")
                                        onClicked: step.wizard.withdraw(step.current.itemId)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // A new item selected: its comment starts empty.
    onCurrentChanged: if (!comment.input.activeFocus) comment.text = ""
}
