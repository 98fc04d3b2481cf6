#!/bin/bash
# UI test of the Live view (issue 5, VID-1). Runs the real `vigil` standalone under Xvfb with a
# vigil-testcamera camera (a looped H.264 clip with a moving picture, ONVIF with PTZ) added through
# the API, and drives the page with the keyboard and the mouse (xdotool):
#   1. Live page (Ctrl+8): the 4 grid, empty tiles (artifacts/live_empty.png);
#   2. switch to the 9 grid by its button (live_grid9.png), save it as a named layout and find it
#      through the API with its grid;
#   3. drag the camera from the device tree onto a tile: two screenshots seconds apart whose tile
#      regions differ and are not flat (live_video_1.png, live_video_2.png);
#   3b. digital zoom: the wheel over the tile zooms its picture around the pointer (the colour at the
#      tile's edge is the one of a bar nearer the middle: live_zoom.png), a double-click unzooms;
#   4. PTZ: press and release the panel's left button; the camera prints the move and the stop;
#   5. keys: S saves a snapshot into the pictures folder (live_snapshot.jpg), R plays the last 30 s
#      (live_replay.png), F fills the grid with the tile (live_fullscreen_tile.png), T tours
#      (live_tour.png);
#   6. the 1 grid keeps the camera and plays it large (live_grid1.png); Delete clears the tile;
#   7. Shift+click joins two tiles of the 9 grid into a 2x2 cell (live_custom.png), saved as a custom
#      layout the server keeps;
#   8. "Full screen" opens the layout in its own full-screen window (live_layout_window.png).
# The page logs where its items are ("live: geometry ...") so the mouse can find them.
# usage: tst_ui_live.sh <vigil> <image_check> <artifacts dir> <vigil-testcamera> <make_clip.sh>
set -u
source "$(dirname "$0")/ui_session.sh"
TESTCAMERA=$4
MAKE_CLIP=$5
ui_begin "$@"

ui_cleanup_on_exit

# Crops a tile's region "x,y,w,h" out of a screenshot.
crop_tile() {
    local region=$1 in=$2 out=$3
    IFS=, read -r x y w h <<<"$region"
    convert "$in" -crop "$((w - 8))x$((h - 40))+$((x + 4))+$((y + 36))" +repage "$out"
}

echo "== a camera: vigil-testcamera looping a moving clip, ONVIF with PTZ"
clip=$("$MAKE_CLIP" "$WORK/clip.mp4" --size 1280x720 --seconds 10) || fail "cannot make the clip"
ui_start_test_camera --camera "name=gate,file=$clip,ptz=1" --onvif-port 0
onvif=$(jq -r '.cameras[0].onvif // empty' <<<"$camera_ready")
[ -n "$onvif" ] || { cat "$camera_log"; fail "the test camera has no ONVIF address"; }

echo "== the workstation: set up, sign in, add the camera through the API"
ui_start_signed_in
ui_add_onvif_camera "$onvif" Gate

echo "== 1. the Live page"
ui_focus_window
ui_key ctrl+8
wait_for_line "$pid" "$log" "live: geometry" || { cat "$log"; fail "the Live page did not open"; }
ui_wait_geometry live tile3
screenshot live_empty.png

echo "== 2. layouts: the 9 grid, saved by name"
ui_click_at "$(ui_geometry live grid9)"
wait_for_line "$pid" "$log" "live: grid 9" || { cat "$log"; fail "the 9 grid did not come"; }
ui_wait_geometry live tile8
screenshot live_grid9.png
ui_click_at "$(ui_geometry live layoutName)"
ui_type "Night watch"
ui_click_at "$(ui_geometry live saveLayoutAs)"
wait_for_line "$pid" "$log" "live: layout saved" || { cat "$log"; fail "the layout was not saved"; }
layouts=$(ui_api GET /api/v1/layouts)
[ "$(jq -r '.layouts[] | select(.name == "Night watch") | .grid' <<<"$layouts")" = 9 ] ||
    { echo "$layouts"; fail "the server does not have the saved layout"; }

echo "== 3. drag the camera onto the first tile"
ui_wait_geometry live channel0
from=$(ui_geometry live channel0)
tile=$(ui_geometry live tile0)
IFS=, read -r tx ty tw th <<<"$tile"
xdotool mousemove --sync "${from%,*}" "${from#*,}" mousedown 1
for step in 1 2 3 4 5 6 7 8 9 10; do
    xdotool mousemove --sync $(( ${from%,*} + (tx + tw / 2 - ${from%,*}) * step / 10 )) \
                             $(( ${from#*,} + (ty + th / 2 - ${from#*,}) * step / 10 ))
    sleep 0.05
done
xdotool mouseup 1
wait_for_line "$pid" "$log" "live: tile 1 shows channel $channel" || { cat "$log"; fail "the drop did not put the camera into tile 1"; }
sleep 5  # the first picture, then the picture moves
ui_grab "$ARTIFACTS/live_video_1.png"
sleep 1.5
ui_grab "$ARTIFACTS/live_video_2.png"
crop_tile "$tile" "$ARTIFACTS/live_video_1.png" "$WORK/tile1.png"
crop_tile "$tile" "$ARTIFACTS/live_video_2.png" "$WORK/tile2.png"
"$CHECK" "$WORK/tile1.png" --min-colours 64 --max-dominant 0.6 || fail "the tile shows no picture (flat image)"
changed=$(compare -metric AE -fuzz 3% "$WORK/tile1.png" "$WORK/tile2.png" null: 2>&1 | cut -d' ' -f1)
echo "pixels changed in the tile between the screenshots: $changed"
[ "${changed%.*}" -gt 500 ] 2>/dev/null || fail "the tile's picture did not change between the screenshots ($changed pixels)"

echo "== 3b. digital zoom: the wheel zooms around the pointer, a double-click goes back to the whole picture"
# The clip's colour bars are still: a strip at the tile's left edge (mid-height, away from the moving
# band and the clock) shows the leftmost bar unzoomed, and a bar nearer the middle at 2.4x around the
# tile's centre.
edge_colour() {  # mean "r g b" (0..255) of the strip in a screenshot
    convert "$1" -crop "$((tw / 20))x$((th / 6))+$((tx + 6))+$((ty + th * 5 / 12))" +repage -resize '1x1!' \
        -format '%[fx:int(255*r)] %[fx:int(255*g)] %[fx:int(255*b)]' info:
}
colour_distance() {  # mean per-channel difference of two "r g b"
    awk -v a="$1" -v b="$2" 'BEGIN { split(a, x, " "); split(b, y, " ");
        d = 0; for (i = 1; i <= 3; ++i) d += (x[i] > y[i] ? x[i] - y[i] : y[i] - x[i]); print int(d / 3) }'
}
unzoomed=$(edge_colour "$ARTIFACTS/live_video_2.png")
xdotool mousemove --sync $((tx + tw / 2)) $((ty + th / 2)) click --repeat 4 --delay 200 4
sleep 2
screenshot live_zoom.png
zoomed=$(edge_colour "$ARTIFACTS/live_zoom.png")
echo "the tile's left edge: $unzoomed unzoomed, $zoomed zoomed"
[ "$(colour_distance "$unzoomed" "$zoomed")" -gt 40 ] || fail "the wheel did not zoom the tile's picture (its left edge kept its colour)"
xdotool click --repeat 2 --delay 80 1
sleep 2
ui_grab "$WORK/unzoomed.png"
back=$(edge_colour "$WORK/unzoomed.png")
echo "after the double-click: $back"
[ "$(colour_distance "$unzoomed" "$back")" -lt 25 ] || fail "the double-click did not bring the whole picture back"

echo "== 4. PTZ from the panel"
ui_click_at "$(ui_geometry live tile0 | cut -d, -f1-2 | awk -F, '{print $1+40 "," $2+80}')"
ui_wait_geometry live ptzLeft
left=$(ui_geometry live ptzLeft)
xdotool mousemove --sync "${left%,*}" "${left#*,}" mousedown 1
sleep 1
xdotool mouseup 1
wait_for_line "$camera_pid" "$camera_log" "onvif ptz gate ContinuousMove" || { cat "$camera_log"; fail "the PTZ move did not reach the camera"; }
wait_for_line "$camera_pid" "$camera_log" "onvif ptz gate Stop" || { cat "$camera_log"; fail "the PTZ stop did not reach the camera"; }
screenshot live_ptz.png

echo "== 5. keys on the selected tile: S snapshot, R instant replay, F full screen, T tour"
ui_key s
wait_for_line "$pid" "$log" "live: snapshot saved to" || { cat "$log"; fail "S did not save a snapshot"; }
shot=$(grep -o "live: snapshot saved to .*" "$log" | tail -1 | sed 's/^live: snapshot saved to //')
case "$shot" in "$HOME/Pictures/Vigil/"*.jpg) ;; *) fail "the snapshot went to $shot, not the pictures folder" ;; esac
size=$(identify -format "%w %h" "$shot") || fail "the snapshot $shot is not an image"
echo "snapshot $shot: $size"
[ "${size%% *}" -ge 320 ] || fail "the snapshot is too small: $size"
cp "$shot" "$ARTIFACTS/live_snapshot.jpg"
ui_key r
sleep 6
screenshot live_replay.png
ui_key r
ui_key f
sleep 3
screenshot live_fullscreen_tile.png
ui_key Escape
ui_key t
wait_for_line "$pid" "$log" "live: tour of 1 steps" || { cat "$log"; fail "T did not start a tour"; }
sleep 3
screenshot live_tour.png
ui_key Escape

echo "== 6. the 1 grid: the camera alone, main stream; Delete clears the tile"
ui_click_at "$(ui_geometry live grid1)"
wait_for_line "$pid" "$log" "live: grid 1" || { cat "$log"; fail "the 1 grid did not come"; }
sleep 4
screenshot live_grid1.png
ui_key Delete
wait_for_line "$pid" "$log" "live: tile 1 cleared" || { cat "$log"; fail "Delete did not clear the tile"; }

echo "== 7. a custom grid: Shift+click joins tiles 5 and 9 of the 9 grid, saved by name"
ui_click_at "$(ui_geometry live grid9)"
wait_for_line "$pid" "$log" "live: grid 9" || fail "the 9 grid did not come back"
sleep 1
ui_wait_geometry live tile8
ui_click_at "$(ui_geometry live tile4 | awk -F, '{print $1+$3/2 "," $2+$4/2}')"
xdotool keydown shift
ui_click_at "$(ui_geometry live tile8 | awk -F, '{print $1+$3/2 "," $2+$4/2}')"
xdotool keyup shift
wait_for_line "$pid" "$log" "live: grid custom with 6 cells" || { cat "$log"; fail "Shift+click did not join the tiles"; }
screenshot live_custom.png
ui_click_at "$(ui_geometry live layoutName)"
ui_type "Custom wall"
ui_click_at "$(ui_geometry live saveLayoutAs)"
wait_for_more "$pid" "$log" "live: layout saved" 1 || { cat "$log"; fail "the custom layout was not saved"; }
layouts=$(ui_api GET /api/v1/layouts)
[ "$(jq -r '.layouts[] | select(.name == "Custom wall") | "\(.grid) \(.cells | length) \(.cells | map(select(.rowSpan == 2 and .columnSpan == 2)) | length)"' <<<"$layouts")" = "custom 6 1" ] ||
    { echo "$layouts"; fail "the server does not have the custom layout with its 2x2 cell"; }

echo "== 8. the layout full screen in its own window (the same window opens on another screen)"
ui_click_at "$(ui_geometry live fullScreenLayout)"
window=
for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
    window=$(xdotool search --onlyvisible --name "Custom wall" 2>/dev/null | head -1)
    [ -n "$window" ] && break
    sleep 0.1
done
[ -n "$window" ] || fail "the layout window did not open"
geometry_of=$(xdotool getwindowgeometry "$window" | sed -n 's/.*Geometry: //p')
echo "layout window: $geometry_of"
[ "$geometry_of" = 1920x1080 ] || fail "the layout window is not full screen ($geometry_of)"
sleep "$SETTLE_SECONDS"
ui_grab "$ARTIFACTS/live_layout_window.png"  # black empty tiles: not the blank check of screenshot()
"$CHECK" "$ARTIFACTS/live_layout_window.png" --differ "8,400,60,500 800,400,60,500" >/dev/null &&
    fail "the rail shows: the layout window does not cover the screen"
xdotool windowfocus --sync "$window"
ui_key Escape

ui_check_log "$log"
stop_and_check "$pid" "$log"
pid=
echo "PASS"
