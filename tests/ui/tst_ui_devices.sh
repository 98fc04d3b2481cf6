#!/bin/bash
# UI test of the Devices page (issue 5) with real keyboard input (xdotool) into the real `vigil` under
# a private Xvfb, standalone with a fresh data folder, against vigil-testcamera's RTSP and ONVIF
# cameras on 127.0.0.1 (both want credentials; the ONVIF side answers WS-Discovery probes on its
# discovery port):
#   the empty page                                              -> devices-empty.png
#   an organisation made (Ctrl+G)                                -> devices-group-created.png
#   ONVIF discovery probing the camera's port, cameras found     -> devices-discovery-found.png
#   one added from the result (Ctrl+Enter), online with firmware  -> devices-discovered-added-online.png
#   a camera added by RTSP URL with credentials (Ctrl+N)         -> devices-rtsp-added.png
#   its connection tested (Ctrl+T), the result shown              -> devices-test-ok.png
#   online with stream details                                   -> devices-rtsp-online.png
#   a wrong password written: unauthorised with the reason        -> devices-wrong-password.png
#   renamed with the right password again, online                 -> devices-edited-online.png
#   removed after the confirmation (Ctrl+Delete)                  -> devices-remove-confirm.png, devices-removed.png
# The server's own answers (curl) back what the screenshots show.
# usage: tst_ui_devices.sh <vigil> <image_check> <artifacts dir> <vigil-testcamera> <source dir>
set -u
source "$(dirname "$0")/ui_session.sh"

TESTCAMERA=$4
SOURCE_DIR=$5
ui_begin "$@"

CAMERA_USER=operator
CAMERA_PASSWORD='Lens-Secret-83q'

echo "== cameras"
clip="$WORK/clip.mp4"
sh "$SOURCE_DIR/tests/support/make_clip.sh" "$clip" --seconds 4 >/dev/null || fail "cannot make the test clip"
mkfifo "$WORK/camera.in"
"$TESTCAMERA" --onvif-port 0 --discovery-port 0 \
    --camera "name=gate,file=$clip,user=$CAMERA_USER,password=$CAMERA_PASSWORD,ptz=1" \
    --camera "name=yard,file=$clip,user=$CAMERA_USER,password=$CAMERA_PASSWORD" \
    <"$WORK/camera.in" >"$WORK/camera.out" 2>"$WORK/camera.err" &
camera_pid=$!
exec 7>"$WORK/camera.in"  # held open: the camera reads commands from it
trap 'kill "$camera_pid" 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 300); do
    grep -q '"ready"' "$WORK/camera.out" && break
    sleep 0.1
done
ready=$(head -1 "$WORK/camera.out")
discovery_port=$(jq -r '.discovery_port' <<<"$ready")
yard_url=$(jq -r '.urls.yard' <<<"$ready")
[ -n "$discovery_port" ] && [ "$discovery_port" != null ] || { cat "$WORK/camera.err"; fail "vigil-testcamera did not start"; }
echo "cameras ready: discovery port $discovery_port, yard $yard_url"

log="$WORK/devices.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!
ui_setup_and_sign_in "$pid" "$log"
site=$(ui_site_address "$log")
ui_api_sign_in "$site"

echo "== the Devices page (Ctrl+0)"
ui_key ctrl+0
wait_for_line "$pid" "$log" "devices: listed 0" || { cat "$log"; fail "the Devices page did not list the devices"; }
screenshot devices-empty.png

echo "== an organisation"
ui_key ctrl+g
sleep 1
ui_type "Harbour"
ui_key Return
wait_for_line "$pid" "$log" "devices: group saved Harbour" || { cat "$log"; fail "the organisation was not made"; }
[ "$(ui_api GET /api/v1/device-groups | jq -r '.groups[0].kind')" = organisation ] || fail "Harbour is not an organisation on the server"
screenshot devices-group-created.png

echo "== discovery"
ui_key ctrl+d
sleep 1
ui_type "127.0.0.1:$discovery_port"
ui_key Tab
ui_type "$CAMERA_USER"
ui_key Tab
ui_type "$CAMERA_PASSWORD"
ui_key Return
wait_for_line "$pid" "$log" "devices: discovery started" || { cat "$log"; fail "the discovery did not start"; }
wait_for_line "$pid" "$log" "devices: discovery succeeded found 2" || { cat "$log"; fail "the discovery did not find both cameras"; }
screenshot devices-discovery-found.png

echo "== add the first camera found (Ctrl+Enter)"
ui_key ctrl+Return
wait_for_line "$pid" "$log" "devices: added .* from discovery" || { cat "$log"; fail "the discovered camera was not added"; }
discovered=$(grep -o "devices: added .* from discovery" "$log" | head -1 | sed 's/devices: added \(.*\) from discovery/\1/')
wait_for_line "$pid" "$log" "devices: $discovered is online" || { cat "$log"; fail "the discovered camera $discovered did not go online"; }
[ "$(ui_api GET /api/v1/devices | jq -r '.devices[0].firmware')" != "" ] || fail "no firmware for the discovered camera"
sleep 2
screenshot devices-discovered-added-online.png

echo "== add a camera by RTSP URL (Ctrl+N)"
ui_key Escape
ui_key ctrl+n
sleep 1
ui_type "$yard_url"
ui_key Tab Tab  # sub stream URL, name
ui_type "Yard"
ui_key Tab
ui_type "$CAMERA_USER"
ui_key Tab
ui_type "$CAMERA_PASSWORD"
ui_key Return
wait_for_line "$pid" "$log" "devices: saved Yard" || { cat "$log"; fail "the RTSP camera was not added"; }
wait_for_line "$pid" "$log" "POST /api/v1/devices 201" || { cat "$log"; fail "the server did not answer 201 to the add"; }
screenshot devices-rtsp-added.png

echo "== test its connection (Ctrl+T)"
ui_key ctrl+t
wait_for_line "$pid" "$log" "devices: connection test succeeded" || { cat "$log"; fail "the connection test did not succeed"; }
screenshot devices-test-ok.png

echo "== online with stream details"
wait_for_line "$pid" "$log" "devices: Yard is online" || { cat "$log"; fail "Yard did not go online"; }
yard_id=$(ui_api GET /api/v1/devices | jq -r '.devices[] | select(.name == "Yard") | .id')
for _ in $(seq 1 100); do
    fps=$(ui_api GET "/api/v1/devices/$yard_id" | jq -r '.channels[0].streams.main.fps')
    [ "${fps%.*}" -gt 0 ] 2>/dev/null && break
    sleep 0.2
done
[ "${fps%.*}" -gt 0 ] 2>/dev/null || fail "Yard's main stream has no frame rate on the server"
ui_key F5  # the list and the details read again, with the statistics
wait_for_more "$pid" "$log" "devices: listed" 1 || { cat "$log"; fail "F5 did not reload the list"; }
sleep 2
screenshot devices-rtsp-online.png

echo "== edit: a wrong password shows unauthorised with the reason"
# Yard stays selected in the editor since it was saved.
ui_key F2
ui_key Tab Tab  # user, password
ui_type "not-the-password"
ui_key Return
wait_for_line "$pid" "$log" "devices: Yard is unauthorised" || { cat "$log"; fail "a wrong password did not show as unauthorised"; }
[ "$(ui_api GET "/api/v1/devices/$yard_id" | jq -r '.status.state')" = unauthorised ] || fail "the server does not say unauthorised"
screenshot devices-wrong-password.png

echo "== edit: renamed, the right password, online again"
ui_key F2 ctrl+a
ui_type "Yard east"
ui_key Tab Tab
ui_key ctrl+a
ui_type "$CAMERA_PASSWORD"
ui_key Return
wait_for_line "$pid" "$log" "devices: saved Yard east" || { cat "$log"; fail "the edit was not saved"; }
wait_for_line "$pid" "$log" "devices: Yard east is online" || { cat "$log"; fail "Yard east did not come back online"; }
[ "$(ui_api GET "/api/v1/devices/$yard_id" | jq -r '.name')" = "Yard east" ] || fail "the server does not have the new name"
sleep 2
screenshot devices-edited-online.png

echo "== remove (Ctrl+Delete, confirmed)"
ui_key ctrl+Delete
sleep 1
screenshot devices-remove-confirm.png
ui_key Return
wait_for_line "$pid" "$log" "devices: removed $yard_id" || { cat "$log"; fail "the camera was not removed"; }
[ "$(ui_api GET /api/v1/devices | jq '.devices | length')" = 1 ] || fail "the server still lists the removed camera"
screenshot devices-removed.png

stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/devices.log"
ui_check_log "$log"
grep -q -- "$CAMERA_PASSWORD" "$log" && fail "the camera password appears in the log"
echo "PASS: organisation, discovery, add from discovery and by RTSP URL, test, online, edit, remove; screenshots in $ARTIFACTS"
