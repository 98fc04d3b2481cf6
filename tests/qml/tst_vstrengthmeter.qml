import QtQuick
import QtTest
import Vigil.UI

// VStrengthMeter shows the check's verdict: one, two or three segments in the state colours, the
// verdict text, the summary for an acceptable but not strong password, every reason, and nothing but
// unlit segments for an empty field. The maps below have the shape of PasswordStrength::check() (app/password_strength.h).
Item {
    id: root
    width: 600
    height: 400

    VStrengthMeter {
        id: meter
        width: 400
    }

    TestCase {
        name: "VStrengthMeter"
        when: windowShown

        function segment(i) {
            return findChild(meter, "segment" + i)
        }
        function details() {
            return findChild(meter, "details")
        }

        function test_empty_is_neutral() {
            meter.result = { empty: true, acceptable: false, strength: "low", summary: "", reasons: [] }
            compare(meter.level, 0)
            for (let i = 0; i < 3; ++i)
                verify(Qt.colorEqual(segment(i).color, Theme.panelRaised), "segment " + i + " is unlit")
            verify(!findChild(meter, "verdict").visible)
            verify(!details().visible)
        }

        function test_levels_data() {
            return [
                { tag: "low", strength: "low", acceptable: false, level: 1, colour: Theme.alarm, verdict: "Strength: low" },
                { tag: "medium", strength: "medium", acceptable: true, level: 2, colour: Theme.warning, verdict: "Strength: medium" },
                { tag: "high", strength: "high", acceptable: true, level: 3, colour: Theme.online, verdict: "Strength: high" }
            ]
        }

        function test_levels(data) {
            meter.result = { empty: false, acceptable: data.acceptable, strength: data.strength, summary: "why", reasons: [] }
            compare(meter.level, data.level)
            for (let i = 0; i < 3; ++i) {
                const lit = i < data.level
                verify(Qt.colorEqual(segment(i).color, lit ? data.colour : Theme.panelRaised),
                       data.tag + ": segment " + i + " is " + segment(i).color)
            }
            const verdict = findChild(meter, "verdict")
            verify(verdict.visible)
            compare(verdict.text, data.verdict)
            compare(findChild(meter, "acceptance").text, data.acceptable ? "accepted" : "not accepted")
            // The summary explains a medium rating; a strong or rejected password needs no advice.
            compare(details().visible, data.strength === "medium")
            if (data.strength === "medium")
                compare(details().text, "why")
        }

        function test_reasons_are_listed() {
            const reasons = ["Use at least 8 characters.", "Do not use runs like abc or 123."]
            meter.result = { empty: false, acceptable: false, strength: "low", summary: "Not accepted yet", reasons: reasons }
            verify(details().visible)
            for (const reason of reasons)
                verify(details().text.indexOf(reason) >= 0, "shows " + reason)
            // The meter grows with its reasons, so a layout makes room for them.
            verify(meter.implicitHeight >= details().y + details().implicitHeight)
            meter.result = { empty: false, acceptable: true, strength: "high", summary: "Strong", reasons: [] }
            verify(!details().visible)
        }

        function test_fills_its_width() {
            meter.result = { empty: false, acceptable: true, strength: "high", summary: "", reasons: [] }
            const bars = findChild(meter, "bars")
            compare(bars.width, meter.width)
            verify(segment(0).width > 0 && segment(2).x + segment(2).width <= meter.width + 0.5)
        }
    }
}
