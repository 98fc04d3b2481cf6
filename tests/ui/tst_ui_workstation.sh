#!/bin/bash
# UI test of the workstation's site figures and user menu (issue 5: CLI-2), real mouse and keyboard
# input (xdotool) into the real `vigil` under a private Xvfb, standalone with a fresh data folder and a
# vigil-testcamera RTSP camera on 127.0.0.1:
#   Home's devices tile counts the site's devices from the devices API: one online (the test camera),
#   one offline (an RTSP address where nothing answers)                  -> home-devices.png
#   an alarm raised through the API: the events.counters push turns the top bar's alarm counter and
#   Home's events tile to 1 pending                                       -> home-alarm-pending.png
#   the alarm handled through the API: the counter back to 0, 1 handled  -> home-alarm-handled.png
#   the user menu's About Vigil                                           -> user-menu-about.png
#   the user menu's Change password: the new password signs in, the old one no longer does
#                                                                         -> user-menu-change-password.png
# usage: tst_ui_workstation.sh <vigil> <image_check> <artifacts dir> <vigil-testcamera> <make_clip.sh>
set -u
source "$(dirname "$0")/ui_session.sh"
TESTCAMERA=$4
MAKE_CLIP=$5
ui_begin "$@"

readonly NEW_PASSWORD='Copper-Field-86'
# The user button at the top bar's right end and its menu's entries below it (Theme sizes at 1920x1080:
# Change password, Workstation settings, Local files, Lock, a separator, About Vigil, Sign out).
readonly USER_BUTTON_X=1840
readonly USER_BUTTON_Y=30
readonly MENU_X=1700
readonly MENU_CHANGE_PASSWORD_Y=79
readonly MENU_ABOUT_Y=257

camera_pid=
cleanup() {
    [ -n "$camera_pid" ] && kill "$camera_pid" 2>/dev/null
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

echo "== a camera: vigil-testcamera looping a clip over RTSP"
clip=$("$MAKE_CLIP" "$WORK/clip.mp4" --size 640x360 --seconds 10) || fail "cannot make the clip"
ui_start_test_camera --camera "name=yard,file=$clip" --rtsp-port 0
rtsp=$(jq -r '.urls.yard // empty' <<<"$camera_ready")
[ -n "$rtsp" ] || { cat "$camera_log"; fail "the test camera has no RTSP URL"; }

echo "== the workstation: set up, sign in"
log="$WORK/vigil.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!
ui_setup_and_sign_in "$pid" "$log"
site=$(ui_site_address "$log")
ui_api_sign_in "$site"
wait_for_line "$pid" "$log" "home: devices 0 in all, 0 online" || { cat "$log"; fail "Home did not count the devices"; }
wait_for_line "$pid" "$log" "alarms: 0 pending, 0 handled" || { cat "$log"; fail "Home did not read the alarm counters"; }

echo "== devices: one online, one offline"
yard=$(ui_api POST /api/v1/devices "$(jq -n --arg a "$rtsp" '{driver: "rtsp", address: $a, name: "Yard"}')" | jq -r .id)
[ -n "$yard" ] || fail "the camera was not added"
# Nothing listens on port 9 of 127.0.0.1 (discard): the device cannot connect.
ui_api POST /api/v1/devices '{"driver": "rtsp", "address": "rtsp://127.0.0.1:9/none", "name": "Gone"}' >/dev/null
wait_for_line "$pid" "$log" "home: devices 2 in all, 1 online" || { cat "$log"; fail "Home did not count the online camera and the one that cannot connect"; }
screenshot home-devices.png

echo "== an alarm: the top bar's counter and Home's events tile follow the events.counters push"
alarm=$(ui_api POST /api/v1/events/alarms '{"message": "Gate forced", "severity": "critical"}' | jq -r '.id // .event.id // empty')
[ -n "$alarm" ] || fail "the alarm was not raised"
wait_for_line "$pid" "$log" "alarms: 1 pending, 0 handled" || { cat "$log"; fail "the counter did not follow the push"; }
screenshot home-alarm-pending.png
ui_api POST /api/v1/events/handle "$(jq -n --argjson id "$alarm" '{ids: [$id], comment: "checked on camera"}')" >/dev/null
wait_for_line "$pid" "$log" "alarms: 0 pending, 1 handled" || { cat "$log"; fail "the counter did not come back to 0 after the alarm was handled"; }
screenshot home-alarm-handled.png

echo "== the user menu: About Vigil"
ui_focus_window
xdotool mousemove --sync "$USER_BUTTON_X" "$USER_BUTTON_Y" click 1
sleep 1
xdotool mousemove --sync "$MENU_X" "$MENU_ABOUT_Y" click 1
wait_for_line "$pid" "$log" "shell: about" || { cat "$log"; fail "About Vigil did not open"; }
screenshot user-menu-about.png
ui_key Escape

echo "== the user menu: Change password"
xdotool mousemove --sync "$USER_BUTTON_X" "$USER_BUTTON_Y" click 1
sleep 1
xdotool mousemove --sync "$MENU_X" "$MENU_CHANGE_PASSWORD_Y" click 1
sleep 1
ui_type "$UI_PASSWORD"
ui_key Tab
ui_type "$NEW_PASSWORD"
ui_key Tab
ui_type "$NEW_PASSWORD"
screenshot user-menu-change-password.png
ui_key Return
wait_for_line "$pid" "$log" "session: password changed for $UI_ADMIN" || { cat "$log"; fail "the password was not changed"; }
login() {
    curl -sS --cacert "$WORK/ca.pem" -o /dev/null -w "%{http_code}" -H "Content-Type: application/json" \
        -d "$(jq -n --arg u "$UI_ADMIN" --arg p "$1" '{userName: $u, password: $p, clientKind: "web"}')" \
        "https://$site/api/v1/auth/login"
}
[ "$(login "$NEW_PASSWORD")" = 200 ] || fail "the new password does not sign in"
[ "$(login "$UI_PASSWORD")" != 200 ] || fail "the old password still signs in"

ui_check_log "$log"
grep -q -- "$NEW_PASSWORD" "$log" && fail "the new password appears in the log"
stop_and_check "$pid" "$log"
pid=
echo "PASS: Home counts devices and alarms from the API and its pushes, the top bar's alarm counter follows them, About and Change password from the user menu; screenshots in $ARTIFACTS"
