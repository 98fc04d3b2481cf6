#!/bin/bash
# UI test of the motion panel of the Devices page (issue 6, "Event sources": server-side motion
# detection settings and the 16 x 12 region grid). The real `vigil` standalone under Xvfb, a
# vigil-testcamera ONVIF camera (a moving clip; main and sub profiles) added through the API, and the
# mouse and keyboard (xdotool):
#   1. the camera selected on the Devices page (Ctrl+0), its "Motion…" button: the panel reads the
#      server's settings (off, every cell)                              -> motion_settings.png
#   2. turned on and saved (Enter): the server holds it, watches the sub stream, and motion events
#      of the moving clip light the panel's indicator                   -> motion_detected.png
#   3. "None", then cells painted by dragging over the live picture, a stroke erasing from a painted
#      cell, one cell clicked, the sensitivity set with the keys; saved: GET .../motion holds exactly
#      those rows and that sensitivity                                  -> motion_grid_painted.png
#   4. a cell painted and reverted: nothing sent, the server keeps the rows
#   5. the camera removed behind the panel's back: Save shows the server's refusal (channel not found)
#                                                                       -> motion_save_refused.png
#   6. an RTSP camera without a sub stream, its panel opened with Ctrl+Shift+M: the detector reads the
#      main stream and the panel says why                               -> motion_no_sub_stream.png
# The panel logs where its items are ("motion: geometry ...", the page "devices: geometry ...").
# usage: tst_ui_motion.sh <vigil> <image_check> <artifacts dir> <vigil-testcamera> <make_clip.sh>
set -u
source "$(dirname "$0")/ui_session.sh"
TESTCAMERA=$4
MAKE_CLIP=$5
ui_begin "$@"

ui_cleanup_on_exit

# The screen position of the centre of grid cell (column, row), 0-based, from the grid's geometry.
cell_at() {
    local column=$1 row=$2
    IFS=, read -r gx gy gw gh <<<"$(ui_geometry motion grid)"
    echo "$((gx + (2 * column + 1) * gw / 32)),$((gy + (2 * row + 1) * gh / 24))"
}
# Drags with the left button from one cell to another in small steps, as a hand does.
drag_cells() {
    local from to
    from=$(cell_at "$1" "$2")
    to=$(cell_at "$3" "$4")
    xdotool mousemove --sync "${from%,*}" "${from#*,}" mousedown 1
    local step
    for step in 1 2 3 4 5 6; do
        xdotool mousemove --sync $(( ${from%,*} + (${to%,*} - ${from%,*}) * step / 6 )) \
            $(( ${from#*,} + (${to#*,} - ${from#*,}) * step / 6 ))
        sleep 0.05
    done
    xdotool mouseup 1
    sleep 0.3
}
saves() {
    grep -c "motion: saved" "$log"
}

echo "== a camera: vigil-testcamera looping a moving clip, ONVIF (main and sub profiles)"
clip=$("$MAKE_CLIP" "$WORK/clip.mp4" --size 640x360 --seconds 10) || fail "cannot make the clip"
ui_start_test_camera --camera "name=gate,file=$clip" --onvif-port 0
onvif=$(jq -r '.cameras[0].onvif // empty' <<<"$camera_ready")
[ -n "$onvif" ] || { cat "$camera_log"; fail "the test camera has no ONVIF address"; }

echo "== the workstation: set up, sign in, add the camera through the API"
ui_start_signed_in
ui_add_onvif_camera "$onvif" Gate

echo "== 1. the Devices page, the camera, its motion panel"
ui_focus_window
ui_key ctrl+0
wait_for_line "$pid" "$log" "devices: listed 1" || { cat "$log"; fail "the Devices page did not list the camera"; }
ui_wait_geometry devices row0
ui_click_at "$(ui_geometry devices row0)"
ui_wait_geometry devices motion0
ui_click_at "$(ui_geometry devices motion0)"
wait_for_line "$pid" "$log" "motion: loaded $channel enabled false sensitivity 50 cells 192" ||
    { cat "$log"; fail "the motion panel did not read the server's settings"; }
ui_wait_geometry motion grid
sleep 2  # the live picture under the grid
screenshot motion_settings.png

echo "== 2. on, saved; the detector watches the sub stream and sees the clip move"
ui_click_at "$(ui_geometry motion motionEnabled)"
ui_key Return
wait_for_line "$pid" "$log" "motion: saved $channel enabled true sensitivity 50 cells 192" ||
    { cat "$log"; fail "turning detection on was not saved"; }
[ "$(ui_api GET "/api/v1/channels/$channel/motion" | jq -r .enabled)" = true ] || fail "the server does not have detection on"
wait_for_line "$pid" "$log" "motion: motion started on $channel" ||
    { cat "$log"; ui_api GET "/api/v1/channels/$channel/motion"; fail "no motion event reached the panel"; }
[ "$(ui_api GET "/api/v1/channels/$channel/motion" | jq -r .status.stream)" = sub ] || fail "the detector does not read the sub stream"
sleep 1
screenshot motion_detected.png

echo "== 3. none, then cells painted over the picture; saved"
ui_click_at "$(ui_geometry motion motionNone)"
drag_cells 2 3 5 3        # row 3: columns 2..5
drag_cells 2 2 5 2        # row 2: columns 2..5
drag_cells 3 2 4 2        # starts on a painted cell: erases columns 3..4 of row 2
ui_click_at "$(cell_at 15 11)"  # the bottom right corner
# The sensitivity from the keyboard: all the way down to 1, then 19 steps up.
ui_click_at "$(ui_geometry motion motionSensitivity)"
xdotool key --repeat 100 --delay 5 Left
xdotool key --repeat 19 --delay 5 Right
sleep 1
screenshot motion_grid_painted.png
before=$(saves)
ui_key Return
wait_for_more "$pid" "$log" "motion: saved" "$before" || { cat "$log"; fail "the painted grid was not saved"; }
grep "motion: saved" "$log" | tail -1 | grep -q "sensitivity 20 cells 7" || { cat "$log"; fail "the saved settings do not have sensitivity 20 and the 7 painted cells"; }
[ "$(ui_api GET "/api/v1/channels/$channel/motion" | jq -r .sensitivity)" = 20 ] || fail "the server does not have sensitivity 20"
expected='["0000000000000000","0000000000000000","0010010000000000","0011110000000000","0000000000000000","0000000000000000","0000000000000000","0000000000000000","0000000000000000","0000000000000000","0000000000000000","0000000000000001"]'
held=$(ui_api GET "/api/v1/channels/$channel/motion" | jq -c .regions)
[ "$held" = "$expected" ] || { echo "server: $held"; echo "painted: $expected"; fail "the server's grid is not the painted one"; }

echo "== 4. a cell painted and reverted: nothing sent"
ui_click_at "$(cell_at 0 0)"
ui_click_at "$(ui_geometry motion motionRevert)"
wait_for_line "$pid" "$log" "motion: reverted $channel" || { cat "$log"; fail "Revert did nothing"; }
[ "$(saves)" -eq "$((before + 1))" ] || fail "Revert sent something"
[ "$(ui_api GET "/api/v1/channels/$channel/motion" | jq -c .regions)" = "$expected" ] || fail "the server's grid changed after Revert"

echo "== 5. the camera removed meanwhile: Save shows the server's refusal"
ui_api DELETE "/api/v1/devices/$device" >/dev/null
ui_click_at "$(cell_at 0 0)"
ui_key Return
wait_for_line "$pid" "$log" "motion: save refused $channel channel_not_found" ||
    { cat "$log"; fail "the refusal was not shown"; }
sleep 1
screenshot motion_save_refused.png

echo "== 6. a camera without a sub stream: the detector reads the main stream and says why"
ui_key Escape
rtsp=$(jq -r '.urls.gate // empty' <<<"$camera_ready")
[ -n "$rtsp" ] || { cat "$camera_log"; fail "the test camera has no RTSP URL"; }
yard=$(ui_api POST /api/v1/devices "{\"driver\":\"rtsp\",\"address\":\"$rtsp\",\"name\":\"Yard\"}" | jq -r '.id // empty')
[ -n "$yard" ] || fail "the RTSP camera was not added"
wait_for_line "$pid" "$log" "devices: Yard is online" || { cat "$log"; fail "Yard did not go online"; }
yard_channel=$(ui_api GET "/api/v1/devices/$yard" | jq -r '.channels[0].id')
ui_api PUT "/api/v1/channels/$yard_channel/motion" '{"enabled":true}' >/dev/null
sleep 1
ui_click_at "$(ui_geometry devices row0)"
sleep 1
ui_key ctrl+shift+m
wait_for_line "$pid" "$log" "motion: loaded $yard_channel enabled true" || { cat "$log"; fail "Ctrl+Shift+M did not open Yard's motion panel"; }
for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
    [ "$(ui_api GET "/api/v1/channels/$yard_channel/motion" | jq -r .status.stream)" = main ] && break
    sleep 0.5
done
[ "$(ui_api GET "/api/v1/channels/$yard_channel/motion" | jq -r .status.stream)" = main ] || fail "the detector of a camera without a sub stream does not read the main stream"
wait_for_line "$pid" "$log" "player: $yard_channel stream started" || { cat "$log"; fail "the panel does not play Yard's main stream"; }
sleep 3  # the panel reads the status every 2 s
screenshot motion_no_sub_stream.png

ui_key Escape
sleep 1
stop_and_check "$pid" "$log"
pid=
ui_check_log "$log"
echo "PASS"
