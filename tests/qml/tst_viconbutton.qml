import QtQuick
import QtTest
import Vigil.UI

// The icon font is in the resources and loads; VIcon draws a glyph from it; VIconButton shows its
// badge only with a count (capped at 999+), says its keys in the tooltip, and clicks.
Item {
    id: root
    width: 400
    height: 200

    VIcon {
        id: icon
        icon: Icons.lock
    }

    VIconButton {
        id: button
        x: 100
        y: 50
        glyph: Icons.alarm
        tip: "Open the Event Center"
        shortcutHint: "Ctrl+E"
    }

    SignalSpy {
        id: clicks
        target: button
        signalName: "clicked"
    }

    TestCase {
        name: "VIconButton"
        when: windowShown

        function test_icon_font_loads() {
            tryCompare(Icons, "ready", true, 5000, "the bundled Material Design Icons font loads")
            compare(icon.font.family, Icons.family)
            verify(icon.implicitWidth > 4, "the glyph has a width: the font has it")
            compare(Icons.forPage("home"), Icons.home)
            compare(Icons.forPage("something-new"), Icons.page)
        }

        function test_badge_shows_a_count() {
            const badge = findChild(button, "badge")
            verify(badge)
            button.badge = 0
            verify(!badge.visible)
            button.badge = 7
            verify(badge.visible)
            compare(badge.children[0].text, "7")
            button.badge = 1234
            compare(badge.children[0].text, "999+")
            button.badge = 0
        }

        function test_tooltip_names_the_keys() {
            compare(button.tooltipText, "Open the Event Center (Ctrl+E)")
            button.shortcutHint = ""
            compare(button.tooltipText, "Open the Event Center")
            button.shortcutHint = "Ctrl+E"
        }

        function test_click() {
            clicks.clear()
            mouseClick(button)
            compare(clicks.count, 1)
            button.enabled = false
            mouseClick(button)
            compare(clicks.count, 1)
            button.enabled = true
        }
    }
}
