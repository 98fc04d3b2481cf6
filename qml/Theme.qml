pragma Singleton
import QtQuick

// The only place colours and sizes are defined. Dark, calm palette for control rooms: low-luminance
// panels, one accent, and state colours reserved for meaning (online, offline, recording, alarm,
// warning). Sizes derive from the font's line height so the UI scales with the system font.
QtObject {
    id: theme

    // --- palette
    readonly property color background: "#12161c"
    readonly property color rail: "#0d1015"
    readonly property color panel: "#1a2029"
    readonly property color panelRaised: "#222a35"
    readonly property color panelHover: "#283140"
    readonly property color border: "#2b3441"
    readonly property color text: "#e6eaf0"
    readonly property color textMuted: "#9aa4b2"
    readonly property color textFaint: "#667080"
    readonly property color accent: "#3d8bfd"
    readonly property color accentHover: "#5a9dfd"
    readonly property color accentText: "#ffffff"
    readonly property color selection: "#1f3350"

    readonly property color online: "#35c47a"
    readonly property color offline: "#6b7480"
    readonly property color recording: "#e5484d"
    readonly property color alarm: "#ff5a4f"
    readonly property color warning: "#f5a524"
    readonly property color neutral: "#3d8bfd"

    // The colour for a state name as the C++ models report it (service states, connection states,
    // tile states). Presentation only: which state applies is decided in C++.
    function stateColor(name) {
        switch (name) {
        case "online":
        case "running":
        case "connected":
        case "ok":
            return online
        case "recording":
            return recording
        case "alarm":
        case "error":
        case "unavailable":
            return alarm
        case "warning":
        case "starting":
        case "stopping":
        case "connecting":
        case "trust-required":
            return warning
        case "neutral":
            return neutral
        default:
            return offline
        }
    }

    // --- type and sizes, from the font's metrics
    readonly property FontMetrics metrics: FontMetrics {
        font: Qt.application.font
    }
    // One line of body text; every size below is a multiple of it. Never below 18 px so a 1080p
    // console stays readable from a few metres (small print 14 px, body text 16 px, figures 41 px).
    readonly property real unit: Math.max(18, Math.ceil(metrics.height))

    readonly property int fontSmall: Math.round(unit * 0.75)
    readonly property int fontBody: Math.round(unit * 0.875)
    readonly property int fontTitle: Math.round(unit * 1.0)
    readonly property int fontHeading: Math.round(unit * 1.375)
    readonly property int fontValue: Math.round(unit * 2.25)
    readonly property string monospace: "DejaVu Sans Mono, monospace"

    readonly property int spacing: Math.round(unit * 0.5)
    readonly property int padding: Math.round(unit * 1.0)
    readonly property int pagePadding: Math.round(unit * 1.5)
    readonly property int radius: Math.round(unit * 0.375)
    readonly property int controlHeight: Math.round(unit * 2.25)
    readonly property int railWidth: Math.round(unit * 6)
    readonly property int headerHeight: Math.round(unit * 3.5)
    readonly property int tileWidth: Math.round(unit * 16)
    readonly property int tileHeight: Math.round(unit * 8)
    readonly property int stateBar: Math.max(3, Math.round(unit * 0.25))
    readonly property int dot: Math.round(unit * 0.625)
    readonly property int formWidth: Math.round(unit * 26)
    readonly property int listWidth: Math.round(unit * 30)
    readonly property int rowHeight: Math.round(unit * 3)
    readonly property int iconSize: Math.round(unit * 1.125)
    readonly property int iconLarge: Math.round(unit * 1.375)
    readonly property int chartHeight: Math.round(unit * 13)
    readonly property int thumbnailWidth: Math.round(unit * 16)
    readonly property int tooltipDelay: 500
}
