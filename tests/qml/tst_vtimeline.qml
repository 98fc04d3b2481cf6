import QtQuick
import QtTest
import Vigil.UI

// VTimeline (VID-2): recorded periods, gaps and event marks drawn where their times fall; zoom from
// a month to seconds (buttons, keys, wheel around the pointer) with local-time labels that follow
// the zoom; drag to seek (the playhead follows, one seek on release); Shift+drag and [ ] select a
// range; the ruler pans; the view pages along with a playing position.
Item {
    id: root
    width: 1400
    height: 400

    readonly property real t0: new Date(2026, 10, 23, 10, 0, 0).getTime()  // local 10:00
    readonly property real hour: 3600 * 1000
    readonly property real day: 24 * hour

    ListModel {
        id: marks
        ListElement { timeMs: 0; channelId: "cam-b"; severity: "alarm"; title: "Motion" }
        ListElement { timeMs: 0; channelId: ""; severity: "info"; title: "Operator note" }
    }

    VTimeline {
        id: timeline
        width: 1200
        rows: [
            { id: "cam-a", name: "Yard", periods: [{ startMs: root.t0 + 6 * 60000, endMs: root.t0 + 18 * 60000 },
                                                   { startMs: root.t0 + 30 * 60000, endMs: root.t0 + 45 * 60000 }],
              gaps: [{ startMs: root.t0 + 18 * 60000, endMs: root.t0 + 30 * 60000, reason: "camera unreachable" }] },
            { id: "cam-b", name: "Gate", periods: [{ startMs: root.t0 - root.hour, endMs: root.t0 + 2 * root.hour }], gaps: [] }
        ]
        eventMarks: marks
    }

    SignalSpy {
        id: seeks
        target: timeline
        signalName: "seekRequested"
    }
    SignalSpy {
        id: selections
        target: timeline
        signalName: "selectionEdited"
    }
    SignalSpy {
        id: views
        target: timeline
        signalName: "viewChanged"
    }

    TestCase {
        name: "VTimeline"
        when: windowShown

        property var tracks: null

        function init() {
            timeline.followPlayhead = true
            timeline.dragSelects = false
            timeline.positionMs = root.t0 + 10 * 60000
            timeline.viewStartMs = root.t0
            timeline.viewEndMs = root.t0 + root.hour
            timeline.clearSelection()
            marks.setProperty(0, "timeMs", root.t0 + 20 * 60000)
            marks.setProperty(1, "timeMs", root.t0 + 40 * 60000)
            seeks.clear()
            selections.clear()
            views.clear()
            tracks = findChild(timeline, "tracks")
            verify(tracks)
            timeline.forceActiveFocus()
        }

        function rowY() {
            return timeline.rulerHeight + 2 + timeline.rowHeight / 2
        }
        function itemsNamed(parentItem, name) {
            const found = []
            for (let i = 0; i < parentItem.children.length; ++i) {
                if (parentItem.children[i].objectName === name)
                    found.push(parentItem.children[i])
            }
            return found
        }
        function expectedX(ms) {
            return (ms - timeline.viewStartMs) / (timeline.viewEndMs - timeline.viewStartMs) * timeline.trackWidth
        }

        function test_periods_are_drawn_where_their_times_fall() {
            compare(timeline.trackWidth, 1200 - timeline.labelWidth)
            const row = findChild(timeline, "row_0")
            verify(row)
            const periods = itemsNamed(row, "period")
            compare(periods.length, 2)
            // 6..18 min and 30..45 min of a one-hour view.
            fuzzyCompare(periods[0].x, timeline.trackWidth * 6 / 60, 0.5)
            fuzzyCompare(periods[0].width, timeline.trackWidth * 12 / 60, 0.5)
            fuzzyCompare(periods[1].x, timeline.trackWidth * 30 / 60, 0.5)
            fuzzyCompare(periods[1].width, timeline.trackWidth * 15 / 60, 0.5)
            // The gap between them is marked with its reason's strip.
            const gaps = itemsNamed(row, "gap")
            compare(gaps.length, 1)
            fuzzyCompare(gaps[0].x, timeline.trackWidth * 18 / 60, 0.5)
            fuzzyCompare(gaps[0].width, timeline.trackWidth * 12 / 60, 0.5)
            // A period longer than the view starts left of it and runs past its end.
            const longOne = itemsNamed(findChild(timeline, "row_1"), "period")
            compare(longOne.length, 1)
            verify(longOne[0].x < 0)
            verify(longOne[0].x + longOne[0].width > timeline.trackWidth)
            // Zooming moves them: at half the span the first period is twice as wide.
            timeline.setView(root.t0, root.t0 + root.hour / 2)
            fuzzyCompare(periods[0].x, expectedX(root.t0 + 6 * 60000), 0.5)
            fuzzyCompare(periods[0].width, timeline.trackWidth * 12 / 30, 0.5)
        }

        function test_event_marks_in_their_rows() {
            const inA = itemsNamed(findChild(timeline, "row_0"), "eventMark").filter(m => m.visible)
            const inB = itemsNamed(findChild(timeline, "row_1"), "eventMark").filter(m => m.visible)
            compare(inA.length, 1)  // only the mark for every camera
            compare(inB.length, 2)  // its own and the one for every camera
            fuzzyCompare(inA[0].x + 1, expectedX(root.t0 + 40 * 60000), 1)
        }

        function test_zoom_from_a_month_to_seconds() {
            timeline.showSpan(timeline.maxSpanMs)
            compare(timeline.spanMs, 31 * root.day)
            verify(timeline.tickStepMs >= root.day, "a month shows days, not " + timeline.tickStepMs)
            let ticks = timeline.ticks.majors
            verify(ticks.length >= 4)
            for (let i = 0; i < ticks.length; ++i) {
                const d = new Date(ticks[i].ms)
                compare(d.getHours(), 0, "day ticks sit on local midnight")
                compare(ticks[i].label, Qt.formatDate(d, "ddd d MMM"))
            }
            timeline.zoomOut()
            compare(timeline.spanMs, timeline.maxSpanMs, "no further out than a month")

            // Zoom in with the button until it stops at the shortest span.
            const zoomIn = findChild(timeline, "zoomInButton")
            verify(zoomIn)
            let steps = 0
            while (timeline.spanMs > timeline.minSpanMs && steps < 40) {
                mouseClick(zoomIn)
                ++steps
            }
            verify(steps > 10 && steps < 40, "month to seconds in " + steps + " steps")
            compare(timeline.spanMs, timeline.minSpanMs)
            verify(timeline.tickStepMs <= 2000, "seconds show at the shortest span: " + timeline.tickStepMs)
            ticks = timeline.ticks.majors
            verify(ticks.length >= 3)
            for (let i = 0; i < ticks.length; ++i)
                verify(/^\d\d:\d\d:\d\d$/.test(ticks[i].label), ticks[i].label)
            mouseClick(zoomIn)
            compare(timeline.spanMs, timeline.minSpanMs, "no further in than the shortest span")
            // The playhead stayed in view while zooming in on it.
            verify(timeline.inView(timeline.positionMs))
        }

        function test_labels_adapt_to_the_zoom_data() {
            return [
                { tag: "1 minute", span: 60000, pattern: /^\d\d:\d\d:\d\d$/, maxStep: 15000 },
                { tag: "1 hour", span: 3600000, pattern: /^\d\d:\d\d$|^\w+ \d+ \w+$/, maxStep: 900000 },
                { tag: "1 day", span: 86400000, pattern: /^\d\d:\d\d$|^\w+ \d+ \w+$/, maxStep: 3 * 3600000 },
                { tag: "1 week", span: 7 * 86400000, pattern: /^\w+ \d+ \w+$|^\d\d:\d\d$/, maxStep: 86400000 }
            ]
        }
        function test_labels_adapt_to_the_zoom(data) {
            timeline.showSpan(data.span)
            const step = timeline.tickStepMs
            verify(step <= data.maxStep, data.tag + ": step " + step)
            const majors = timeline.ticks.majors
            verify(majors.length >= 3 && majors.length <= 20, majors.length + " labels")
            for (let i = 0; i < majors.length; ++i) {
                verify(data.pattern.test(majors[i].label), majors[i].label)
                if (i > 0) {
                    const apart = expectedX(majors[i].ms) - expectedX(majors[i - 1].ms)
                    verify(apart >= timeline.minLabelSpacing - 1, "labels " + apart + " px apart")
                }
                // Aligned on the local clock: minutes and seconds of a tick are multiples of the step.
                const d = new Date(majors[i].ms)
                if (step < 3600000)
                    compare((d.getMinutes() * 60000 + d.getSeconds() * 1000) % step, 0)
            }
            const drawn = itemsNamed(findChild(timeline, "ruler"), "tick")
            compare(drawn.length, majors.length)
        }

        function test_keys_zoom_and_pan() {
            const span = timeline.spanMs
            keyClick(Qt.Key_Plus)
            compare(timeline.spanMs, span / 2)
            keyClick(Qt.Key_Minus)
            keyClick(Qt.Key_Minus)
            compare(timeline.spanMs, span * 2)
            const start = timeline.viewStartMs
            keyClick(Qt.Key_Right)
            compare(timeline.viewStartMs, start + timeline.spanMs * 0.1)
            keyClick(Qt.Key_Left)
            compare(timeline.viewStartMs, start)
            timeline.panBy(3)
            verify(!timeline.inView(timeline.positionMs))
            keyClick(Qt.Key_Home)
            fuzzyCompare((timeline.viewStartMs + timeline.viewEndMs) / 2, timeline.positionMs, 1)
            tryCompare(views, "count", 1)  // one notification for the burst
        }

        function test_wheel_zooms_around_the_pointer() {
            const x = timeline.trackWidth * 0.25
            const under = timeline.timeForX(x)
            mouseWheel(tracks, x, rowY(), 0, 120)
            verify(timeline.spanMs < root.hour)
            fuzzyCompare(timeline.timeForX(x), under, 1)
            mouseWheel(tracks, x, rowY(), 0, -240)
            verify(timeline.spanMs > root.hour)
            fuzzyCompare(timeline.timeForX(x), under, 1)
            // Shift+wheel pans instead.
            const span = timeline.spanMs
            const start = timeline.viewStartMs
            mouseWheel(tracks, x, rowY(), 0, -120, Qt.NoButton, Qt.ShiftModifier)
            compare(timeline.spanMs, span)
            verify(timeline.viewStartMs > start)
        }

        function test_drag_seeks_on_release() {
            const fromX = expectedX(timeline.positionMs)
            const toX = timeline.trackWidth * 0.75
            mousePress(tracks, fromX, rowY())
            mouseMove(tracks, (fromX + toX) / 2, rowY())
            mouseMove(tracks, toX, rowY())
            verify(timeline.scrubbing)
            // The playhead follows the pointer, nothing is asked of the player yet.
            fuzzyCompare(timeline.playheadMs, timeline.timeForX(toX), timeline.spanMs / timeline.trackWidth)
            compare(seeks.count, 0)
            const playhead = findChild(timeline, "playhead")
            fuzzyCompare(playhead.x + 1, toX, 1.5)
            mouseRelease(tracks, toX, rowY())
            verify(!timeline.scrubbing)
            compare(seeks.count, 1)
            fuzzyCompare(seeks.signalArguments[0][0], root.t0 + 45 * 60000, timeline.spanMs / timeline.trackWidth)
            // Until the player moves, the playhead shows the bound position again.
            compare(timeline.playheadMs, timeline.positionMs)
            // A plain click seeks too.
            mouseClick(tracks, timeline.trackWidth * 0.5, rowY())
            compare(seeks.count, 2)
            fuzzyCompare(seeks.signalArguments[1][0], root.t0 + 30 * 60000, timeline.spanMs / timeline.trackWidth)
        }

        function test_shift_drag_selects_a_range() {
            const a = timeline.trackWidth * 0.2
            const b = timeline.trackWidth * 0.5
            // Right to left works the same.
            mousePress(tracks, b, rowY(), Qt.LeftButton, Qt.ShiftModifier)
            mouseMove(tracks, (a + b) / 2, rowY(), -1, Qt.LeftButton, Qt.ShiftModifier)
            mouseMove(tracks, a, rowY(), -1, Qt.LeftButton, Qt.ShiftModifier)
            mouseRelease(tracks, a, rowY(), Qt.LeftButton, Qt.ShiftModifier)
            compare(seeks.count, 0, "selecting does not seek")
            verify(timeline.hasSelection)
            const tolerance = timeline.spanMs / timeline.trackWidth
            fuzzyCompare(timeline.selectionStartMs, root.t0 + 12 * 60000, tolerance)
            fuzzyCompare(timeline.selectionEndMs, root.t0 + 30 * 60000, tolerance)
            compare(selections.count, 1)  // once, on release
            const box = findChild(timeline, "selection")
            verify(box.visible)
            fuzzyCompare(box.x, a, 1)
            fuzzyCompare(box.width, b - a, 1)
            keyClick(Qt.Key_Escape)
            verify(!timeline.hasSelection)
            verify(!box.visible)

            // With dragSelects a plain drag selects.
            timeline.dragSelects = true
            mouseDrag(tracks, a, rowY(), b - a, 0)
            verify(timeline.hasSelection)
            compare(seeks.count, 0)
        }

        function test_marks_select_at_the_playhead() {
            timeline.positionMs = root.t0 + 5 * 60000
            keyClick(Qt.Key_BracketLeft)
            compare(timeline.selectionStartMs, root.t0 + 5 * 60000)
            timeline.positionMs = root.t0 + 25 * 60000
            keyClick(Qt.Key_BracketRight)
            compare(timeline.selectionStartMs, root.t0 + 5 * 60000)
            compare(timeline.selectionEndMs, root.t0 + 25 * 60000)
        }

        function test_ruler_drag_pans() {
            const start = timeline.viewStartMs
            const span = timeline.spanMs
            mouseDrag(tracks, 600, timeline.rulerHeight / 2, -300, 0)
            compare(timeline.spanMs, span)
            fuzzyCompare(timeline.viewStartMs - start, 300 / timeline.trackWidth * span, span / timeline.trackWidth * 3)
            compare(seeks.count, 0)
        }

        function test_view_follows_the_playing_position() {
            timeline.positionMs = root.t0 + 59 * 60000
            compare(timeline.viewStartMs, root.t0)
            timeline.positionMs = root.t0 + 61 * 60000
            verify(timeline.inView(timeline.positionMs))
            compare(timeline.spanMs, root.hour)
            timeline.followPlayhead = false
            timeline.positionMs = root.t0 + 5 * root.hour
            verify(!timeline.inView(timeline.positionMs))
        }
    }
}
