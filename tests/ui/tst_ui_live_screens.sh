#!/bin/bash
# UI test of a layout opened on another screen (issue 5, VID-1: multi-monitor). The real `vigil`
# runs standalone in an Xvfb with two screens (two X screens of one display, as a wall PC with two
# heads has), with a vigil-testcamera camera added through the API:
#   1. the camera goes on the first tile (a double-click in the device tree), the Live page shows it
#      on the first screen (screens_main.png);
#   2. "Other screen" opens the layout in its own full-screen window on the SECOND screen: the window
#      is found on screen 1 and covers it, its tile shows the moving picture (two grabs of screen 1
#      differ and are not flat: screens_second_1.png, screens_second_2.png), while the first screen
#      keeps the workstation (its rail shows);
#   3. Escape in the layout window closes it; the workstation stays on the first screen.
# usage: tst_ui_live_screens.sh <vigil> <image_check> <artifacts dir> <vigil-testcamera> <make_clip.sh>
set -u
source "$(dirname "$0")/ui_session.sh"
TESTCAMERA=$4
MAKE_CLIP=$5
UI_XVFB_SCREENS="-screen 0 1920x1080x24 -screen 1 1920x1080x24"
ui_begin "$@"

ui_cleanup_on_exit

# Grabs the second X screen (the display's screen 1) into a PNG.
grab_second() {
    xwd -root -silent -display "${DISPLAY%.*}.1" | convert xwd:- "png:$1" || fail "cannot grab screen 1 into $1"
    echo "screenshot: $1"
}

echo "== a camera: vigil-testcamera looping a moving clip"
clip=$("$MAKE_CLIP" "$WORK/clip.mp4" --size 1280x720 --seconds 10) || fail "cannot make the clip"
ui_start_test_camera --camera "name=gate,file=$clip" --onvif-port 0
onvif=$(jq -r '.cameras[0].onvif // empty' <<<"$camera_ready")
[ -n "$onvif" ] || { cat "$camera_log"; fail "the test camera has no ONVIF address"; }

echo "== the workstation on the first screen, the camera added through the API"
ui_start_signed_in
ui_add_onvif_camera "$onvif" Gate

echo "== 1. the camera on the first tile of the Live page"
ui_focus_window
ui_key ctrl+8
wait_for_line "$pid" "$log" "live: geometry" || { cat "$log"; fail "the Live page did not open"; }
ui_wait_geometry live channel0
ui_wait_geometry live otherScreen
from=$(ui_geometry live channel0)
xdotool mousemove --sync "${from%,*}" "${from#*,}" click --repeat 2 --delay 80 1
wait_for_line "$pid" "$log" "live: tile 1 shows channel $channel" || { cat "$log"; fail "the double-click did not put the camera on tile 1"; }
screenshot screens_main.png

echo "== 2. \"Other screen\": the layout full screen on the second screen"
from=$(ui_geometry live otherScreen)
xdotool mousemove --sync "${from%,*}" "${from#*,}" click 1
wait_for_line "$pid" "$log" "live: layout window on screen 2 of 2" ||
    { cat "$log"; fail "the workstation did not see two screens or did not pick the second"; }
window=
for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
    window=$(xdotool search --screen 1 --onlyvisible --name "Vigil" 2>/dev/null | head -1)
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || fail "no layout window on the second screen"
geometry_of=$(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')
echo "layout window on screen 1: $geometry_of"
[ "$(xdotool getwindowgeometry "$window" | grep -o "screen: [0-9]*")" = "screen: 1" ] ||
    fail "the layout window is not on the second screen"
[ "$geometry_of" = 1920x1080 ] || fail "the layout window does not cover the second screen ($geometry_of)"
sleep 5  # the tile's first picture, then the picture moves
grab_second "$ARTIFACTS/screens_second_1.png"
sleep 1.5
grab_second "$ARTIFACTS/screens_second_2.png"
"$CHECK" "$ARTIFACTS/screens_second_1.png" --min-colours 64 --max-dominant 0.9 ||
    fail "the second screen shows no picture"
changed=$(compare -metric AE -fuzz 3% "$ARTIFACTS/screens_second_1.png" "$ARTIFACTS/screens_second_2.png" null: 2>&1 | cut -d' ' -f1)
echo "pixels changed on the second screen between the grabs: $changed"
awk -v n="$changed" 'BEGIN { exit !(n + 0 > 500) }' || fail "the picture on the second screen did not move ($changed pixels)"
# The first screen still shows the workstation: its grab differs from the layout window's.
ui_grab "$ARTIFACTS/screens_first_meanwhile.png"
ui_check_image "$ARTIFACTS/screens_first_meanwhile.png" 0.97
same=$(compare -metric AE "$ARTIFACTS/screens_first_meanwhile.png" "$ARTIFACTS/screens_second_2.png" null: 2>&1 | cut -d' ' -f1)
awk -v n="$same" 'BEGIN { exit !(n + 0 > 100000) }' || fail "the first screen shows the layout window too ($same pixels differ)"

echo "== 3. Escape closes the layout window"
DISPLAY="${DISPLAY%.*}.1" xdotool windowfocus --sync "$window" key Escape
for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
    [ -z "$(xdotool search --screen 1 --onlyvisible --name "Vigil" 2>/dev/null)" ] && break
    sleep 0.1
done
[ -z "$(xdotool search --screen 1 --onlyvisible --name "Vigil" 2>/dev/null)" ] ||
    fail "the layout window stayed open on the second screen"

ui_check_log "$log"
stop_and_check "$pid" "$log"
pid=
echo "PASS"
