import QtQuick
import QtQuick.Controls.Basic
import Vigil.UI

// VTimeline: one track per camera showing its recorded periods (bars), the gaps the server reports
// (thin warning strips, reason on hover) and event marks, under a ruler of local times whose steps
// adapt to the zoom (a month down to seconds). Drag on the tracks to seek (seekRequested on release,
// the playhead follows the pointer meanwhile); Shift+drag, or any drag with `dragSelects`, selects a
// range (also [ and ] at the playhead); drag the ruler or Shift+wheel to pan; the wheel zooms around
// the pointer; keys: + and - zoom, Left/Right pan, Home centres the playhead, Esc clears the selection.
//
// Inputs: `rows` [{id, name, periods: [{startMs, endMs}], gaps: [{startMs, endMs, reason}]}] (UTC ms),
// `eventMarks` a model with roles timeMs, channelId ("" for all rows), severity and title, and
// `positionMs`. The view (`viewStartMs`, `viewEndMs`) and the selection are the timeline's own; the
// page reads them (viewChanged tells it when to fetch periods). Presentation only: where periods and
// events are comes from C++.
FocusScope {
    id: timeline

    property var rows: []
    property var eventMarks: null
    property real positionMs: 0
    property real viewStartMs: Date.now() - 3600 * 1000
    property real viewEndMs: Date.now() + 5 * 60 * 1000
    property real selectionStartMs: 0
    property real selectionEndMs: 0
    // A plain drag selects instead of seeking (a toggle on the page, for mouse-only and touch users).
    property bool dragSelects: false
    // While playing, the view pages along so the playhead stays in sight.
    property bool followPlayhead: true

    readonly property real minSpanMs: 10 * 1000
    readonly property real maxSpanMs: 31 * 24 * 3600 * 1000
    readonly property real spanMs: viewEndMs - viewStartMs
    readonly property bool hasSelection: selectionEndMs > selectionStartMs
    readonly property bool scrubbing: pointer.mode === "scrub"
    readonly property real playheadMs: scrubbing ? pointer.timeMs : positionMs

    readonly property int labelWidth: Math.round(Theme.unit * 9)
    readonly property int rowHeight: Math.round(Theme.unit * 2)
    readonly property int rulerHeight: Math.round(Theme.unit * 2.25)
    readonly property int toolbarHeight: Theme.controlHeight
    readonly property real trackWidth: Math.max(1, width - labelWidth)
    readonly property var ticks: computeTicks(viewStartMs, viewEndMs, trackWidth)

    signal seekRequested(real timeMs)
    signal selectionEdited(real startMs, real endMs)
    signal viewChanged(real startMs, real endMs)

    implicitHeight: toolbarHeight + Theme.spacing + rulerHeight + Math.max(1, rows.length) * (rowHeight + 2) + Theme.spacing
    activeFocusOnTab: true

    onViewStartMsChanged: viewChangedLater.restart()
    onViewEndMsChanged: viewChangedLater.restart()
    onPositionMsChanged: keepPlayheadInView()

    // One notification for a burst of wheel steps or a drag.
    Timer {
        id: viewChangedLater
        interval: 150
        onTriggered: timeline.viewChanged(timeline.viewStartMs, timeline.viewEndMs)
    }

    // --- mapping and view ------------------------------------------------------------------------

    function xForTime(ms) {
        return (ms - viewStartMs) / spanMs * trackWidth
    }
    function timeForX(x) {
        return viewStartMs + x / trackWidth * spanMs
    }

    function setView(startMs, endMs) {
        let span = Math.min(maxSpanMs, Math.max(minSpanMs, endMs - startMs))
        const centre = (startMs + endMs) / 2
        viewStartMs = Math.round(centre - span / 2)
        viewEndMs = Math.round(centre + span / 2)
    }
    // Zooms by `factor` (<1 in, >1 out) keeping `anchorMs` at the same place on screen.
    function zoomBy(factor, anchorMs) {
        const anchor = anchorMs === undefined ? (inView(playheadMs) ? playheadMs : (viewStartMs + viewEndMs) / 2) : anchorMs
        const span = Math.min(maxSpanMs, Math.max(minSpanMs, spanMs * factor))
        const ratio = (anchor - viewStartMs) / spanMs
        viewStartMs = Math.round(anchor - ratio * span)
        viewEndMs = Math.round(viewStartMs + span)
    }
    function zoomIn() {
        zoomBy(0.5)
    }
    function zoomOut() {
        zoomBy(2)
    }
    // Shows `span` ms around the playhead.
    function showSpan(span) {
        const s = Math.min(maxSpanMs, Math.max(minSpanMs, span))
        setView(playheadMs - s / 2, playheadMs + s / 2)
    }
    function panBy(fraction) {
        const shift = Math.round(spanMs * fraction)
        viewStartMs += shift
        viewEndMs += shift
    }
    function centreOn(ms) {
        const half = spanMs / 2
        viewStartMs = Math.round(ms - half)
        viewEndMs = Math.round(ms + half)
    }
    function inView(ms) {
        return ms >= viewStartMs && ms <= viewEndMs
    }
    function keepPlayheadInView() {
        if (!followPlayhead || pointer.mode !== "" || positionMs <= 0 || inView(positionMs))
            return
        // Page so the playhead comes in near the left edge, as a reader turns a page.
        const span = spanMs
        viewStartMs = Math.round(positionMs - span * 0.1)
        viewEndMs = Math.round(viewStartMs + span)
    }

    function setSelection(a, b) {
        selectionStartMs = Math.round(Math.min(a, b))
        selectionEndMs = Math.round(Math.max(a, b))
        selectionEdited(selectionStartMs, selectionEndMs)
    }
    function clearSelection() {
        selectionStartMs = 0
        selectionEndMs = 0
        selectionEdited(0, 0)
    }
    function markIn() {
        setSelection(playheadMs, hasSelection && selectionEndMs > playheadMs ? selectionEndMs : playheadMs + Math.max(1000, spanMs / 20))
    }
    function markOut() {
        setSelection(hasSelection && selectionStartMs < playheadMs ? selectionStartMs : playheadMs - Math.max(1000, spanMs / 20), playheadMs)
    }

    // --- the ruler's ticks, in local time --------------------------------------------------------

    // [step ms, minor divisions]; the smallest step whose labels do not crowd is used.
    readonly property var tickSteps: [
        [1000, 5], [2000, 4], [5000, 5], [10000, 5], [15000, 3], [30000, 6],
        [60000, 6], [120000, 4], [300000, 5], [600000, 5], [900000, 3], [1800000, 6],
        [3600000, 4], [7200000, 4], [10800000, 3], [21600000, 6], [43200000, 4],
        [86400000, 4], [172800000, 4], [604800000, 7]
    ]
    readonly property real minLabelSpacing: Theme.unit * 6.5
    readonly property real tickStepMs: ticks.stepMs

    function chooseStep(span, width) {
        for (let i = 0; i < tickSteps.length; ++i) {
            if (tickSteps[i][0] / span * width >= minLabelSpacing)
                return tickSteps[i]
        }
        return tickSteps[tickSteps.length - 1]
    }

    // The first tick at or after `start` for `step`, aligned to local time (minutes and hours on
    // the local clock, days at local midnight, weeks on Mondays); Date handles summer time.
    function firstTick(start, step) {
        const hour = 3600000, day = 86400000
        if (step < hour) {
            const offset = new Date(start).getTimezoneOffset() * 60000
            return Math.ceil((start - offset) / step) * step + offset
        }
        const d = new Date(start)
        if (step < day) {
            const hours = step / hour
            d.setMinutes(0, 0, 0)
            d.setHours(d.getHours() - d.getHours() % hours)
        } else {
            d.setHours(0, 0, 0, 0)
            if (step === 7 * day)
                d.setDate(d.getDate() - (d.getDay() + 6) % 7)
            else if (step === 2 * day)
                d.setDate(d.getDate() - (d.getDate() - 1) % 2)
        }
        while (d.getTime() < start)
            advance(d, step)
        return d.getTime()
    }
    function advance(d, step) {
        const hour = 3600000, day = 86400000
        if (step < hour)
            d.setTime(d.getTime() + step)
        else if (step < day)
            d.setHours(d.getHours() + step / hour)
        else
            d.setDate(d.getDate() + step / day)
    }
    function tickLabel(ms, step) {
        const d = new Date(ms)
        if (step < 60000)
            return Qt.formatTime(d, "HH:mm:ss")
        if (step < 86400000 && (d.getHours() !== 0 || d.getMinutes() !== 0))
            return Qt.formatTime(d, "HH:mm")
        return Qt.formatDate(d, "ddd d MMM")
    }
    // {stepMs, majors: [{ms, label}], minors: [ms]} for the view.
    function computeTicks(start, end, width) {
        const span = end - start
        if (!(span > 0) || !(width > 0))
            return { stepMs: 0, majors: [], minors: [] }
        const chosen = chooseStep(span, width)
        const step = chosen[0], divisions = chosen[1]
        const majors = [], minors = []
        // From one step before the view so the minor ticks left of the first label are drawn too.
        const d = new Date(firstTick(start - step, step))
        let previous = -1
        for (let guard = 0; guard < 400 && d.getTime() <= end + step; ++guard) {
            const ms = d.getTime()
            if (previous >= 0) {
                for (let k = 1; k < divisions; ++k) {
                    const minor = previous + (ms - previous) * k / divisions
                    if (minor >= start && minor <= end)
                        minors.push(minor)
                }
            }
            if (ms >= start && ms <= end)
                majors.push({ ms: ms, label: tickLabel(ms, step) })
            previous = ms
            advance(d, step)
        }
        return { stepMs: step, majors: majors, minors: minors }
    }

    function spanText(ms) {
        const minute = 60000, hour = 3600000, day = 86400000
        if (ms < minute)
            return qsTr("%1 s").arg(Math.round(ms / 1000))
        if (ms < hour)
            return qsTr("%1 min").arg(Math.round(ms / minute))
        if (ms < day)
            return qsTr("%1 h").arg(Math.round(ms / hour * 10) / 10)
        return qsTr("%n day(s)", "", Math.round(ms / day))
    }
    function timeText(ms) {
        return Qt.formatDateTime(new Date(ms), "yyyy-MM-dd HH:mm:ss")
    }

    // --- keys ------------------------------------------------------------------------------------

    Keys.onPressed: event => {
        switch (event.key) {
        case Qt.Key_Plus:
        case Qt.Key_Equal:
            zoomIn()
            break
        case Qt.Key_Minus:
        case Qt.Key_Underscore:
            zoomOut()
            break
        case Qt.Key_Left:
            panBy(-0.1)
            break
        case Qt.Key_Right:
            panBy(0.1)
            break
        case Qt.Key_Home:
            centreOn(playheadMs)
            break
        case Qt.Key_BracketLeft:
            markIn()
            break
        case Qt.Key_BracketRight:
            markOut()
            break
        case Qt.Key_Escape:
            if (!hasSelection)
                return
            clearSelection()
            break
        default:
            return
        }
        event.accepted = true
    }

    // --- toolbar: zoom buttons, spans, the date in view -----------------------------------------

    component ZoomButton: AbstractButton {
        id: zoomButton
        property string hint
        implicitHeight: Math.round(Theme.controlHeight * 0.8)
        implicitWidth: Math.max(implicitHeight, zoomLabel.implicitWidth + Theme.padding)
        focusPolicy: Qt.NoFocus
        hoverEnabled: true
        ToolTip.visible: hovered && hint.length > 0
        ToolTip.text: hint
        ToolTip.delay: 500
        background: Rectangle {
            radius: Theme.radius
            color: zoomButton.down ? Theme.selection : zoomButton.hovered ? Theme.panelHover : Theme.panelRaised
            border.color: Theme.border
        }
        contentItem: Text {
            id: zoomLabel
            text: zoomButton.text
            font.pixelSize: Theme.fontSmall
            color: Theme.text
            horizontalAlignment: Text.AlignHCenter
            verticalAlignment: Text.AlignVCenter
        }
    }

    Row {
        id: toolbar
        height: timeline.toolbarHeight
        spacing: Math.round(Theme.spacing / 2)

        ZoomButton {
            objectName: "zoomOutButton"
            anchors.verticalCenter: parent.verticalCenter
            text: "\u2212"
            hint: qsTr("Zoom out (-)")
            onClicked: timeline.zoomOut()
        }
        ZoomButton {
            objectName: "zoomInButton"
            anchors.verticalCenter: parent.verticalCenter
            text: "+"
            hint: qsTr("Zoom in (+)")
            onClicked: timeline.zoomIn()
        }
        Item {
            width: Theme.spacing
            height: 1
        }
        Repeater {
            model: [
                { text: qsTr("1 min"), span: 60000 },
                { text: qsTr("10 min"), span: 600000 },
                { text: qsTr("1 h"), span: 3600000 },
                { text: qsTr("1 day"), span: 86400000 },
                { text: qsTr("1 week"), span: 7 * 86400000 },
                { text: qsTr("1 month"), span: 31 * 86400000 }
            ]
            ZoomButton {
                required property var modelData
                anchors.verticalCenter: parent.verticalCenter
                text: modelData.text
                onClicked: timeline.showSpan(modelData.span)
            }
        }
    }

    Text {
        objectName: "viewDate"
        anchors.right: parent.right
        anchors.verticalCenter: toolbar.verticalCenter
        text: Qt.formatDate(new Date((timeline.viewStartMs + timeline.viewEndMs) / 2), "dddd d MMMM yyyy")
              + "  \u00b7  " + timeline.spanText(timeline.spanMs)
        font.pixelSize: Theme.fontSmall
        color: Theme.textMuted
    }

    // --- camera names ------------------------------------------------------------------------------

    Column {
        id: names
        y: tracks.y + timeline.rulerHeight
        width: timeline.labelWidth - Theme.spacing
        spacing: 2

        Repeater {
            model: timeline.rows
            Text {
                required property var modelData
                width: names.width
                height: timeline.rowHeight
                text: modelData.name
                font.pixelSize: Theme.fontSmall
                color: Theme.text
                elide: Text.ElideRight
                verticalAlignment: Text.AlignVCenter
            }
        }
    }

    // --- ruler, tracks, selection, playhead --------------------------------------------------------

    Item {
        id: tracks
        objectName: "tracks"
        x: timeline.labelWidth
        y: timeline.toolbarHeight + Theme.spacing
        width: timeline.trackWidth
        height: timeline.rulerHeight + Math.max(1, timeline.rows.length) * (timeline.rowHeight + 2)
        clip: true

        Rectangle {
            id: ruler
            objectName: "ruler"
            width: parent.width
            height: timeline.rulerHeight
            color: Theme.panel

            Repeater {
                model: timeline.ticks.minors
                Rectangle {
                    required property real modelData
                    x: Math.round(timeline.xForTime(modelData))
                    y: ruler.height - height
                    width: 1
                    height: Math.round(ruler.height * 0.2)
                    color: Theme.textFaint
                }
            }
            Repeater {
                model: timeline.ticks.majors
                Item {
                    required property var modelData
                    objectName: "tick"
                    readonly property string label: modelData.label
                    readonly property real timeMs: modelData.ms
                    x: Math.round(timeline.xForTime(modelData.ms))
                    height: ruler.height

                    Rectangle {
                        y: ruler.height - height
                        width: 1
                        height: Math.round(ruler.height * 0.45)
                        color: Theme.textMuted
                    }
                    Text {
                        x: 3
                        y: 1
                        text: parent.label
                        font.pixelSize: Theme.fontSmall
                        color: Theme.textMuted
                    }
                }
            }
        }

        Column {
            id: trackRows
            y: timeline.rulerHeight + 2
            width: parent.width
            spacing: 2

            Repeater {
                model: timeline.rows

                Rectangle {
                    id: track
                    required property var modelData
                    required property int index
                    objectName: "row_" + index
                    readonly property string channelId: modelData.id
                    width: trackRows.width
                    height: timeline.rowHeight
                    color: Theme.background
                    border.color: Theme.border

                    // Recorded time.
                    Repeater {
                        model: track.modelData.periods
                        Rectangle {
                            required property var modelData
                            objectName: "period"
                            readonly property real startMs: modelData.startMs
                            readonly property real endMs: modelData.endMs
                            x: timeline.xForTime(startMs)
                            width: Math.max(1, timeline.xForTime(endMs) - x)
                            y: 3
                            height: track.height - 6
                            radius: 2
                            color: Theme.accent
                            opacity: 0.85
                        }
                    }

                    // Time the server says should have been recorded and was not.
                    Repeater {
                        model: track.modelData.gaps
                        Rectangle {
                            id: gap
                            required property var modelData
                            objectName: "gap"
                            readonly property real startMs: modelData.startMs
                            readonly property real endMs: modelData.endMs
                            x: timeline.xForTime(startMs)
                            width: Math.max(2, timeline.xForTime(endMs) - x)
                            y: track.height - height - 1
                            height: 4
                            color: Theme.warning

                            HoverHandler {
                                id: gapHover
                            }
                            ToolTip.visible: gapHover.hovered
                            ToolTip.text: qsTr("Not recorded %1 \u2013 %2: %3")
                                          .arg(timeline.timeText(startMs)).arg(timeline.timeText(endMs)).arg(modelData.reason)
                        }
                    }

                    // Event marks of this camera (or of all cameras when they name none).
                    Repeater {
                        model: timeline.eventMarks
                        Rectangle {
                            objectName: "eventMark"
                            readonly property real timeMs: model.timeMs
                            readonly property string markChannel: model.channelId || ""
                            visible: markChannel.length === 0 || markChannel === track.channelId
                            x: Math.round(timeline.xForTime(timeMs)) - 1
                            width: 3
                            height: track.height
                            color: model.severity === "info" ? Theme.neutral : Theme.alarm

                            HoverHandler {
                                id: markHover
                            }
                            ToolTip.visible: markHover.hovered
                            ToolTip.text: timeline.timeText(timeMs) + "  " + (model.title || "")
                        }
                    }
                }
            }
        }

        Rectangle {
            id: selection
            objectName: "selection"
            visible: timeline.hasSelection
            x: timeline.xForTime(timeline.selectionStartMs)
            width: Math.max(2, timeline.xForTime(timeline.selectionEndMs) - x)
            y: 0
            height: parent.height
            color: Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.22)
            border.color: Theme.accent
            border.width: 1
        }

        Rectangle {
            id: hoverLine
            visible: pointer.containsMouse && pointer.mode === ""
            x: Math.round(pointer.mouseX)
            width: 1
            height: parent.height
            color: Theme.textFaint
        }

        Rectangle {
            id: playhead
            objectName: "playhead"
            visible: timeline.inView(timeline.playheadMs) && timeline.playheadMs > 0
            x: Math.round(timeline.xForTime(timeline.playheadMs)) - 1
            width: 2
            height: parent.height
            color: Theme.text
        }

        MouseArea {
            id: pointer
            objectName: "pointer"
            anchors.fill: parent
            hoverEnabled: true
            preventStealing: true
            cursorShape: mode === "pan" ? Qt.ClosedHandCursor : Qt.IBeamCursor

            // "" idle, "scrub" seeking, "select" a range, "pan" moving the view.
            property string mode: ""
            property real timeMs: 0
            property real anchorMs: 0
            property real anchorX: 0
            property real anchorViewStart: 0

            onPressed: mouse => {
                timeline.forceActiveFocus()
                anchorX = mouse.x
                anchorMs = timeline.timeForX(mouse.x)
                timeMs = anchorMs
                anchorViewStart = timeline.viewStartMs
                if (mouse.y < timeline.rulerHeight)
                    mode = "pan"
                else if (timeline.dragSelects || (mouse.modifiers & Qt.ShiftModifier))
                    mode = "select"
                else
                    mode = "scrub"
            }
            onPositionChanged: mouse => {
                if (mode === "pan") {
                    const shift = Math.round((anchorX - mouse.x) / timeline.trackWidth * timeline.spanMs)
                    const span = timeline.spanMs
                    timeline.viewStartMs = anchorViewStart + shift
                    timeline.viewEndMs = timeline.viewStartMs + span
                } else if (mode === "scrub") {
                    timeMs = timeline.timeForX(Math.max(0, Math.min(width, mouse.x)))
                } else if (mode === "select") {
                    timeMs = timeline.timeForX(Math.max(0, Math.min(width, mouse.x)))
                    timeline.selectionStartMs = Math.round(Math.min(anchorMs, timeMs))
                    timeline.selectionEndMs = Math.round(Math.max(anchorMs, timeMs))
                }
            }
            onReleased: mouse => {
                const was = mode
                mode = ""
                if (was === "scrub") {
                    timeline.seekRequested(Math.round(timeMs))
                } else if (was === "select") {
                    // A click without a drag clears the selection rather than making an empty one.
                    if (Math.abs(mouse.x - anchorX) < 3)
                        timeline.clearSelection()
                    else
                        timeline.setSelection(anchorMs, timeMs)
                }
            }
            onCanceled: mode = ""
            onWheel: wheel => {
                const horizontal = wheel.angleDelta.x !== 0 ? wheel.angleDelta.x : 0
                if (horizontal !== 0 || (wheel.modifiers & Qt.ShiftModifier)) {
                    const delta = horizontal !== 0 ? horizontal : wheel.angleDelta.y
                    timeline.panBy(-delta / 120 * 0.1)
                } else {
                    timeline.zoomBy(Math.pow(1.25, -wheel.angleDelta.y / 120), timeline.timeForX(wheel.x))
                }
                wheel.accepted = true
            }
        }

        // The playhead's time, over the ruler.
        Rectangle {
            visible: playhead.visible
            x: Math.max(0, Math.min(parent.width - width, playhead.x - width / 2))
            y: 1
            width: playheadText.implicitWidth + Theme.spacing
            height: playheadText.implicitHeight + 2
            radius: Theme.radius
            color: Theme.text

            Text {
                id: playheadText
                objectName: "playheadTime"
                anchors.centerIn: parent
                text: Qt.formatTime(new Date(timeline.playheadMs), "HH:mm:ss")
                font.pixelSize: Theme.fontSmall
                font.family: Theme.monospace
                color: Theme.background
            }
        }
    }

    Rectangle {
        anchors.fill: tracks
        color: "transparent"
        border.color: timeline.activeFocus ? Theme.accent : Theme.border
        radius: 1
    }
}
