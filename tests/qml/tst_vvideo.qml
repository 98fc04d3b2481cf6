import QtQuick
import QtTest
import Vigil.UI

// VVideo: the overlay says what is wrong when there is no picture, and a clip plays, pauses holding
// its picture and steps one picture at a time (FFmpeg backend; the picture itself is checked by
// tst_video_player and the UI tests under Xvfb, since the offscreen platform draws no video).
Item {
    id: root
    width: 800
    height: 600

    VVideo {
        id: unconnected
        width: 320
        height: 180
        channelId: "nowhere"
    }

    VVideo {
        id: clip
        y: 200
        width: 320
        height: 240
        mode: "file"
    }

    TestCase {
        name: "VVideo"
        when: windowShown

        function test_without_a_site_the_overlay_says_so() {
            unconnected.play()
            tryCompare(unconnected, "videoState", "error")
            verify(findChild(unconnected, "overlay").visible)
            verify(findChild(unconnected, "problemMark").visible)
            verify(!findChild(unconnected, "spinner").visible)
            const text = findChild(unconnected, "stateText").text
            verify(text.length > 10, text)
            compare(text, unconnected.stateText)
            compare(unconnected.framesShown, 0)
            unconnected.stop()
            compare(unconnected.videoState, "idle")
            verify(!findChild(unconnected, "overlay").visible)
        }

        function test_a_clip_plays_pauses_and_steps() {
            clip.source = vigilTestClip
            clip.play()
            tryVerify(function() { return clip.framesShown > 5 }, 15000)
            compare(clip.videoState, "playing")
            verify(!findChild(clip, "overlay").visible)
            compare(clip.videoSize, Qt.size(320, 240))

            clip.paused = true
            tryCompare(clip, "videoState", "paused")
            verify(findChild(clip, "pausedBadge").visible)
            wait(100)  // a picture already on its way may still land
            const held = clip.framesShown
            const heldAt = clip.positionMs
            wait(500)
            compare(clip.framesShown, held, "paused, the picture holds")

            clip.stepFrame(1)
            tryCompare(clip, "framesShown", held + 1)
            compare(clip.positionMs, heldAt + 40, "one step is one picture (25 fps)")
            compare(clip.videoState, "paused")

            clip.paused = false
            tryVerify(function() { return clip.framesShown > held + 5 }, 10000)
            compare(clip.videoState, "playing")
            clip.stop()
        }
    }
}
