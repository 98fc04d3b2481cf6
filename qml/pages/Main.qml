import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts
import Vigil.UI

// The workstation window. `workstation` (app/workstation.h) decides the screen: "setup" or "login"
// (full-window forms) or "console" (navigation rail, header with the user menu, the current page);
// the lock screen covers the console while the session is locked (CLI-2). The rail lists only the
// pages the signed-in user may open.
ApplicationWindow {
    id: window

    readonly property var session: workstation.session
    readonly property bool active: session.state === "active"
    readonly property var settings: workstation.clientSettings
    readonly property bool hasEventCenter: workstation.pages.some(entry => entry.id === "events")

    width: 1920
    height: 1080
    minimumWidth: 1024
    minimumHeight: 640
    visible: true
    title: workstation.siteName.length > 0 ? "Vigil — " + workstation.siteName : "Vigil"
    color: Theme.background

    component PageShortcut: Shortcut {
        property string page
        enabled: window.session.state !== "locked"
        onActivated: workstation.showPage(page)
    }

    PageShortcut {
        sequence: "Ctrl+1"
        page: "home"
    }
    PageShortcut {
        sequence: "Ctrl+2"
        page: "sites"
    }
    PageShortcut {
        sequence: "Ctrl+3"
        page: "users"
    }
    PageShortcut {
        sequence: "Ctrl+4"
        page: "roles"
    }
    PageShortcut {
        sequence: "Ctrl+5"
        page: "online"
    }
    PageShortcut {
        sequence: "Ctrl+6"
        page: "log"
    }
    PageShortcut {
        sequence: "Ctrl+7"
        page: "security"
    }
    PageShortcut {
        sequence: "Ctrl+8"
        page: "live"
    }
    PageShortcut {
        sequence: "Ctrl+9"
        page: "licence"
    }
    PageShortcut {
        sequence: "Ctrl+0"
        page: "devices"
    }
    PageShortcut {
        sequence: "Ctrl+P"
        page: "playback"
    }
    PageShortcut {
        sequence: "Ctrl+Shift+S"
        page: "wizard"
    }
    // The common actions' keys come from the client settings (the operator may change them).
    readonly property var keys: settings.keys
    function showEvents() {
        workstation.showPage("events")
    }
    function toggleFullScreen() {
        window.visibility === Window.FullScreen ? window.showNormal() : window.showFullScreen()
    }

    Shortcut {
        sequence: window.keys.lock
        context: Qt.ApplicationShortcut
        enabled: window.active
        onActivated: window.session.lock()
    }
    Shortcut {
        sequence: window.keys.fullScreen
        onActivated: window.toggleFullScreen()
    }
    Shortcut {
        sequence: window.keys.alarmSound
        enabled: window.session.state !== "locked"
        onActivated: window.settings.toggleAlarmSound()
    }
    Shortcut {
        sequence: window.keys.eventCenter
        enabled: window.active
        onActivated: window.showEvents()
    }
    Shortcut {
        sequence: window.keys.localFiles
        enabled: window.active
        onActivated: workstation.showPage("files")
    }
    Shortcut {
        sequence: window.keys.settings
        enabled: window.active
        onActivated: workstation.showPage("settings")
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

    ChangePasswordDialog {
        id: changePassword
        forced: window.session.mustChangePassword
    }
    // The server can require a new password at sign-in: ask at once, and do not let it be skipped.
    Connections {
        target: window.session
        function onUserChanged() {
            if (window.session.mustChangePassword && window.active && !changePassword.opened)
                changePassword.open()
        }
        function onStateChanged() {
            if (window.session.state !== "active" && window.session.state !== "locked")
                changePassword.close()
        }
    }

    VDialog {
        id: about
        title: qsTr("About Vigil")
        acceptText: qsTr("Close")
        showCancel: false
        onAccepted: done()
        onOpened: console.info("shell: about")

        Text {
            Layout.fillWidth: true
            text: qsTr("Vigil %1 — video management workstation").arg(Qt.application.version)
            font.pixelSize: Theme.fontBody
            color: Theme.text
        }
        Text {
            Layout.fillWidth: true
            text: workstation.siteDetail
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
        Text {
            Layout.fillWidth: true
            text: window.session.autoLockText
            font.pixelSize: Theme.fontSmall
            color: Theme.textMuted
        }
    }

    Item {
        id: consoleView
        objectName: "console"
        anchors.fill: parent
        visible: workstation.screen === "console"
        // Locked: nothing behind the lock screen takes input.
        enabled: window.session.state !== "locked"

        RowLayout {
            anchors.fill: parent
            spacing: 0

            Rectangle {
                id: navigationRail
                objectName: "navigationRail"
                Layout.fillHeight: true
                Layout.preferredWidth: Theme.railWidth
                color: Theme.rail

                // Scrolls when the pages do not fit the window's height (German labels wrap; 1080 p
                // holds about twelve entries at the wall-sized theme).
                Flickable {
                    anchors.fill: parent
                    contentWidth: width
                    contentHeight: railColumn.height
                    clip: true
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar { width: Math.round(Theme.spacing / 2) }

                    Column {
                        id: railColumn
                        width: navigationRail.width

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

                        Repeater {
                            model: workstation.pages

                            VNavButton {
                                required property var modelData
                                width: parent.width
                                text: modelData.title
                                hint: modelData.hint
                                glyph: Icons.forPage(modelData.id)
                                current: workstation.page === modelData.id
                                onClicked: workstation.showPage(modelData.id)
                            }
                        }
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
                            text: workstation.pageTitle
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

                        // Alarm counter, alarm sound and lock (CLI-2): large icons, readable from afar.
                        Row {
                            Layout.alignment: Qt.AlignVCenter
                            spacing: Theme.spacing
                            visible: window.active

                            VIconButton {
                                objectName: "alarmCounter"
                                glyph: workstation.pendingAlarms > 0 ? Icons.alarmActive : Icons.alarm
                                glyphColor: workstation.pendingAlarms > 0 ? Theme.alarm : Theme.text
                                badge: workstation.pendingAlarms
                                enabled: window.hasEventCenter
                                tip: workstation.pendingAlarms > 1
                                     ? qsTr("%1 alarms waiting: open the Event Center").arg(workstation.pendingAlarms)
                                     : workstation.pendingAlarms === 1 ? qsTr("1 alarm waiting: open the Event Center")
                                                                        : qsTr("No alarms waiting: open the Event Center")
                                shortcutHint: window.keys.eventCenter
                                onClicked: window.showEvents()
                            }
                            VIconButton {
                                objectName: "alarmSound"
                                glyph: window.settings.alarmSound ? Icons.soundOn : Icons.soundOff
                                glyphColor: window.settings.alarmSound ? Theme.text : Theme.warning
                                active: !window.settings.alarmSound
                                tip: window.settings.alarmSound ? qsTr("Alarm sound is on: turn it off")
                                                                : qsTr("Alarm sound is off: turn it on")
                                shortcutHint: window.keys.alarmSound
                                onClicked: window.settings.toggleAlarmSound()
                            }
                            VIconButton {
                                objectName: "lockButton"
                                glyph: Icons.lock
                                tip: qsTr("Lock the workstation")
                                shortcutHint: window.keys.lock
                                onClicked: window.session.lock()
                            }
                        }

                        // The user menu: who is signed in, and what they can do about their session.
                        AbstractButton {
                            id: userButton
                            objectName: "userMenuButton"
                            Layout.alignment: Qt.AlignVCenter
                            visible: window.session.userName.length > 0 && window.active
                            implicitHeight: Theme.controlHeight
                            implicitWidth: userRow.implicitWidth + 2 * Theme.spacing
                            hoverEnabled: true
                            onClicked: userMenu.open()

                            background: Rectangle {
                                radius: Theme.radius
                                color: userButton.hovered || userMenu.opened ? Theme.panelHover : "transparent"
                            }
                            contentItem: Row {
                                id: userRow
                                leftPadding: Theme.spacing
                                spacing: Theme.spacing

                                Rectangle {
                                    anchors.verticalCenter: parent.verticalCenter
                                    width: Math.round(Theme.unit * 1.75)
                                    height: width
                                    radius: width / 2
                                    color: Theme.selection
                                    border.color: Theme.accent
                                    Text {
                                        anchors.centerIn: parent
                                        text: window.session.userInitial
                                        font.pixelSize: Theme.fontBody
                                        font.weight: Font.DemiBold
                                        color: Theme.text
                                    }
                                }
                                Column {
                                    anchors.verticalCenter: parent.verticalCenter
                                    Text {
                                        text: window.session.userName
                                        font.pixelSize: Theme.fontBody
                                        font.weight: Font.DemiBold
                                        color: Theme.text
                                    }
                                    Text {
                                        text: window.session.roleName
                                        font.pixelSize: Theme.fontSmall
                                        color: Theme.textMuted
                                    }
                                }
                                Text {
                                    anchors.verticalCenter: parent.verticalCenter
                                    text: "\u25be"
                                    font.pixelSize: Theme.fontBody
                                    color: Theme.textMuted
                                }
                            }

                            Menu {
                                id: userMenu
                                y: userButton.height + 4
                                x: userButton.width - width
                                padding: 4

                                background: Rectangle {
                                    implicitWidth: Math.round(Theme.unit * 21)
                                    radius: Theme.radius
                                    color: Theme.panelRaised
                                    border.color: Theme.border
                                }

                                VMenuItem {
                                    glyph: Icons.password
                                    text: qsTr("Change password…")
                                    onTriggered: changePassword.open()
                                }
                                VMenuItem {
                                    glyph: Icons.settings
                                    text: qsTr("Workstation settings")
                                    shortcutText: window.keys.settings
                                    onTriggered: workstation.showPage("settings")
                                }
                                VMenuItem {
                                    glyph: Icons.files
                                    text: qsTr("Local files")
                                    shortcutText: window.keys.localFiles
                                    onTriggered: workstation.showPage("files")
                                }
                                VMenuItem {
                                    glyph: Icons.lock
                                    text: qsTr("Lock workstation")
                                    shortcutText: window.keys.lock
                                    onTriggered: window.session.lock()
                                }
                                MenuSeparator {
                                    contentItem: Rectangle {
                                        implicitHeight: 1
                                        color: Theme.border
                                    }
                                }
                                VMenuItem {
                                    glyph: Icons.about
                                    text: qsTr("About Vigil")
                                    onTriggered: about.open()
                                }
                                VMenuItem {
                                    objectName: "signOutItem"
                                    glyph: Icons.signOut
                                    text: qsTr("Sign out")
                                    onTriggered: window.session.logout()
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

                // The licence strip (LIC-1): a new site's trial from the first sign-in, and any licence
                // that needs attention (ending soon, ended, not valid, clock set back), for those who
                // can act on it. A click opens the Licence page.
                Rectangle {
                    readonly property var licence: workstation.licence
                    readonly property bool attention: licence.loaded && (licence.state !== "licensed" || licence.expiring
                                                                         || licence.clockRollback)
                    Layout.fillWidth: true
                    visible: attention && workstation.page !== "licence"
                    implicitHeight: Theme.controlHeight
                    color: licence.state === "trial" && !licence.clockRollback ? Theme.selection : Theme.panelRaised
                    border.color: licence.state === "trial" ? Theme.neutral : licence.state === "licensed" ? Theme.warning : Theme.alarm

                    Text {
                        anchors.fill: parent
                        anchors.leftMargin: Theme.padding
                        verticalAlignment: Text.AlignVCenter
                        text: qsTr("%1 — %2, %3 of %4 channels in use. Open the Licence page (Ctrl+9) to activate.")
                              .arg(parent.licence.state === "trial" ? qsTr("Trial") : parent.licence.editionName)
                              .arg(parent.licence.stateText)
                              .arg(parent.licence.channelsUsed).arg(parent.licence.channels)
                        font.pixelSize: Theme.fontBody
                        color: Theme.text
                        elide: Text.ElideRight
                    }
                    MouseArea {
                        anchors.fill: parent
                        cursorShape: Qt.PointingHandCursor
                        onClicked: workstation.showPage("licence")
                    }
                }

                StackLayout {
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    currentIndex: ["home", "sites", "users", "roles", "online", "log", "security", "live", "licence", "devices", "playback", "events", "files", "settings", "wizard"].indexOf(workstation.page)

                    HomePage {}
                    SitePage {}
                    Loader {
                        active: workstation.page === "users"
                        sourceComponent: UsersPage {}
                    }
                    Loader {
                        active: workstation.page === "roles"
                        sourceComponent: RolesPage {}
                    }
                    Loader {
                        active: workstation.page === "online"
                        sourceComponent: OnlineUsersPage {}
                    }
                    Loader {
                        active: workstation.page === "log"
                        sourceComponent: SecurityLogPage {}
                    }
                    Loader {
                        active: workstation.page === "security"
                        sourceComponent: SecuritySettingsPage {}
                    }
                    Loader {
                        active: workstation.page === "live"
                        sourceComponent: LivePage {}
                    }
                    Loader {
                        active: workstation.page === "licence"
                        sourceComponent: LicencePage {}
                    }
                    Loader {
                        active: workstation.page === "devices"
                        sourceComponent: DevicesPage {}
                    }
                    Loader {
                        active: workstation.page === "playback"
                        sourceComponent: PlaybackPage {}
                    }
                    Loader {
                        active: workstation.page === "events"
                        sourceComponent: EventCenterPage {}
                    }
                    Loader {
                        active: workstation.page === "files"
                        sourceComponent: LocalFilesPage {}
                    }
                    Loader {
                        active: workstation.page === "settings"
                        sourceComponent: ClientSettingsPage {}
                    }
                    Loader {
                        active: workstation.page === "wizard"
                        sourceComponent: SecurityWizardPage {}
                    }
                }
            }
        }
    }

    Loader {
        objectName: "setupScreen"
        anchors.fill: parent
        active: workstation.screen === "setup"
        sourceComponent: SetupPage {}
    }
    Loader {
        objectName: "loginScreen"
        anchors.fill: parent
        active: workstation.screen === "login"
        sourceComponent: LoginPage {}
    }
    Loader {
        objectName: "lockScreen"
        anchors.fill: parent
        active: window.session.state === "locked"
        sourceComponent: LockScreen {}
    }
}
