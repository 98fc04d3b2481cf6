pragma Singleton
import QtQuick

// Material Design Icons (Debian's fonts-materialdesignicons-webfont, 1.6.50, bundled into the
// resources at build time: qml/CMakeLists.txt). Glyphs by meaning, so pages name what they show
// ("Icons.lock"), never a code point; VIcon draws one. The code points are that font version's
// (its materialdesignicons.css lists them).
QtObject {
    readonly property FontLoader loader: FontLoader {
        source: "qrc:/Vigil/UI/fonts/materialdesignicons-webfont.ttf"
    }
    readonly property string family: loader.status === FontLoader.Ready ? loader.font.family : "Material Design Icons"
    readonly property bool ready: loader.status === FontLoader.Ready

    // --- the rail's pages
    readonly property string home: "\uF56E"          // view-dashboard
    readonly property string live: "\uF570"          // view-grid
    readonly property string playback: "\uF2DA"      // history
    readonly property string events: "\uF09A"        // bell
    readonly property string devices: "\uF5A0"       // webcam
    readonly property string users: "\uF00E"         // account-multiple
    readonly property string roles: "\uF00B"         // account-key
    readonly property string online: "\uF318"        // lan-connect
    readonly property string log: "\uF279"           // format-list-bulleted
    readonly property string security: "\uF498"      // shield
    readonly property string sites: "\uF48D"         // server-network
    readonly property string files: "\uF24F"         // folder-image
    readonly property string settings: "\uF493"      // settings (cog)
    readonly property string licence: "\uF124"       // certificate
    readonly property string videoWall: "\uF37A"     // monitor-multiple
    readonly property string page: "\uF21A"          // file-document-box: a page without its own icon

    // --- actions and states
    readonly property string alarm: "\uF09A"         // bell
    readonly property string alarmActive: "\uF09E"   // bell-ring
    readonly property string soundOn: "\uF57E"       // volume-high
    readonly property string soundOff: "\uF581"      // volume-off
    readonly property string lock: "\uF33E"
    readonly property string signOut: "\uF343"       // logout
    readonly property string password: "\uF30B"      // key-variant
    readonly property string about: "\uF2FD"         // information-outline
    readonly property string help: "\uF625"          // help-circle-outline
    readonly property string account: "\uF009"       // account-circle
    readonly property string language: "\uF5CA"      // translate
    readonly property string keyboard: "\uF30C"
    readonly property string fullScreen: "\uF293"
    readonly property string folder: "\uF24B"
    readonly property string folderOpen: "\uF256"    // folder-outline
    readonly property string image: "\uF2E9"
    readonly property string clip: "\uF22B"          // file-video
    readonly property string play: "\uF40A"
    readonly property string pause: "\uF3E4"
    readonly property string openExternal: "\uF3CC"  // open-in-new
    readonly property string remove: "\uF1C0"        // delete
    readonly property string refresh: "\uF450"
    readonly property string check: "\uF12C"
    readonly property string close: "\uF156"
    readonly property string search: "\uF349"        // magnify
    readonly property string warning: "\uF026"       // alert
    readonly property string camera: "\uF100"
    readonly property string video: "\uF567"
    readonly property string cpu: "\uF61A"           // chip
    readonly property string memory: "\uF35B"
    readonly property string network: "\uF200"      // ethernet
    readonly property string disk: "\uF2CA"          // harddisk
    readonly property string database: "\uF1B8"
    readonly property string download: "\uF1DA"

    // The rail's icon for a page id (workstation.pages); pages added later fall back to `page`.
    function forPage(id) {
        switch (id) {
        case "home": return home
        case "live": return live
        case "playback": return playback
        case "events": return events
        case "devices": return devices
        case "users": return users
        case "roles": return roles
        case "online": return online
        case "log": return log
        case "security": return security
        case "sites": return sites
        case "files": return files
        case "settings": return settings
        case "licence":
        case "license": return licence
        case "wall": return videoWall
        default: return page
        }
    }
}
