#!/bin/bash
# UI test of the Playback page (issue 5, VID-2), driving the real `vigil` under a private Xvfb with real
# keyboard and mouse input (xdotool), standalone with a fresh data folder. A vigil-testcamera camera
# (a looped clip with a running timestamp) is added through the API and recorded for a while; then:
#   the page opens on Ctrl+P with the camera chosen and its recording on the timeline     -> playback.png
#   a jump to a recorded time (Ctrl+G): the tile's VVideo shows the picture of that time
#   (within one picture), not a flat image                                                  -> playback-at-time.png
#   a frame step forward changes the picture; the speed goes to 2x and the clock runs      -> playback-step.png, playback-speed.png
#   zoom in on the timeline with the wheel; the labels become seconds                         -> playback-zoom.png
#   a range marked with [ and ] exports (Ctrl+X) to an MP4 in ~/Videos/Vigil that ffprobe
#   reads with the range's length                                                             -> playback-export.png
#   a long export cancelled (Ctrl+Shift+X) leaves no file                                     -> playback-cancel.png
#   a second camera chosen: after a jump both tiles show their recorded picture of the time asked
#   (one clock for both, within one picture), side by side, not flat                         -> playback-two-cameras.png
# usage: tst_ui_playback.sh <vigil> <image_check> <artifacts dir> <vigil-testcamera> <make_clip.sh>
set -u
source "$(dirname "$0")/ui_session.sh"

TESTCAMERA=$4
MAKE_CLIP=$5
ui_begin "$@"

readonly RECORD_SECONDS=25

# The video region of the page (the camera's tile) for crops; the page's layout at 1920x1080.
readonly VIDEO_CROP="1000x500+500+200"

# Crops the video region of a screenshot into its own PNG.
crop_video() {
    convert "$1" -crop "$VIDEO_CROP" +repage "$2" || fail "cannot crop $1"
}

# How many pixels of two crops differ (ImageMagick's absolute error count, 5% fuzz).
pixels_differing() {
    compare -metric AE -fuzz 5% "$1" "$2" null: 2>&1 | cut -d' ' -f1
}

echo "== a recording camera"
clip=$("$MAKE_CLIP" "$WORK/clip.mp4" --seconds 20 --gop 25) || fail "cannot make the test clip"
"$TESTCAMERA" --camera "name=yard,file=$clip" --camera "name=zone,file=$clip" --rtsp-port 0 \
    >"$WORK/camera.out" 2>"$WORK/camera.err" &
camera_pid=$!
trap 'kill $camera_pid 2>/dev/null; rm -rf "$WORK"' EXIT
for _ in $(seq 1 100); do grep -q '"ready":true' "$WORK/camera.out" && break; sleep 0.1; done
camera_url=$(jq -r '.urls.yard' "$WORK/camera.out")
[ -n "$camera_url" ] && [ "$camera_url" != null ] || { cat "$WORK/camera.err"; fail "the test camera did not start"; }
zone_url=$(jq -r '.urls.zone' "$WORK/camera.out")

log="$WORK/playback.log"
# Exports read at 150 kB/s, so the long one is still running when it is cancelled.
VIGIL_EXPORT_BYTES_PER_SECOND=150000 "$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!
ui_setup_and_sign_in "$pid" "$log"
ui_api_sign_in "$(ui_site_address "$log")"
device=$(ui_api POST /api/v1/devices "$(jq -n --arg a "$camera_url" '{driver: "rtsp", address: $a, name: "Yard"}')")
device_id=$(echo "$device" | jq -r .id)
# A second camera, listed after Yard, for the cameras played in step at the end.
zone_id=$(ui_api POST /api/v1/devices "$(jq -n --arg a "$zone_url" '{driver: "rtsp", address: $a, name: "Zone"}')" | jq -r .id)
# Prints the device's channel once it is recording.
recording_channel() {
    local device_id=$1 channel=null state=
    for _ in $(seq 1 300); do
        channel=$(ui_api GET "/api/v1/devices/$device_id" | jq -r '.channels[0].id')
        [ "$channel" != null ] && break
        sleep 0.2
    done
    [ "$channel" != null ] || fail "the camera has no channel: $(ui_api GET "/api/v1/devices/$device_id")"
    for _ in $(seq 1 300); do
        state=$(ui_api GET "/api/v1/recording/channels/$channel" | jq -r .status.main.state)
        [ "$state" = recording ] && break
        sleep 0.2
    done
    [ "$state" = recording ] || fail "the camera is not recording ($state)"
    echo "$channel"
}
channel=$(recording_channel "$device_id") || fail "Yard: $channel"
zone_channel=$(recording_channel "$zone_id") || fail "Zone: $zone_channel"
record_start=$(date +%s)
echo "recording since $(date -d @"$record_start" +%T); waiting ${RECORD_SECONDS}s"
sleep "$RECORD_SECONDS"

# Local "yyyy-mm-dd HH:MM:SS" of a Unix time, as the jump field takes it.
local_time() {
    date -d "@$1" "+%Y-%m-%d %H:%M:%S"
}

# Jumps to a local time through the date and time field (Ctrl+G) and waits for the seek.
jump_to() {
    local before
    before=$(grep -c "playback: seek to $1" "$log")
    ui_key ctrl+g
    ui_key ctrl+a
    ui_type "$1"
    ui_key Return
    wait_for_more "$pid" "$log" "playback: seek to $1" "$before" || { cat "$log"; fail "no seek to $1"; }
}

echo "== the page"
ui_key ctrl+p
wait_for_line "$pid" "$log" "GET /api/v1/recording/channels/$channel/periods" || { cat "$log"; fail "the Playback page did not ask for the camera's periods"; }
wait_for_line "$pid" "$log" "playback: seek to" || { cat "$log"; fail "the page did not start at the latest recording"; }
screenshot playback.png

echo "== open at a time: the tile shows the recorded picture of that time (VVideo, archive)"
at=$((record_start + 8))
shows=$(grep -c "playback: tile $channel shows" "$log")
jump_to "$(local_time $at)"
wait_for_more "$pid" "$log" "playback: tile $channel shows" "$shows" || { cat "$log"; fail "the tile showed no recorded picture after the jump"; }
line=$(grep "playback: tile $channel shows" "$log" | tail -1)
echo "$line"
shown_ms=$(sed 's/.* shows \([0-9]*\) .*/\1/' <<<"$line")
tile_region=$(sed 's/.* at \([0-9,]*\)$/\1/' <<<"$line")
offset=$((shown_ms - at * 1000))
# Frame-accurate: the first picture at or after the time asked, one picture (40 ms) at most later.
[ "$offset" -ge 0 ] && [ "$offset" -le 200 ] || fail "the tile shows $shown_ms, $offset ms from the time asked"
screenshot playback-at-time.png
IFS=, read -r tx ty tw th <<<"$tile_region"
convert "$ARTIFACTS/playback-at-time.png" -crop "$((tw - 4))x$((th - 4))+$((tx + 2))+$((ty + 2))" +repage "$WORK/tile.png"
"$CHECK" "$WORK/tile.png" --min-colours 64 --max-dominant 0.6 || fail "the playback tile shows no picture (flat image)"

echo "== a frame forward, then 2x"
ui_key period
wait_for_line "$pid" "$log" "playback: frame step forward" || { cat "$log"; fail "the frame step did not happen"; }
screenshot playback-step.png
ui_key l
wait_for_line "$pid" "$log" "playback: speed 2" || { cat "$log"; fail "L did not make it 2x"; }
ui_key space
wait_for_line "$pid" "$log" "playback: playing" || { cat "$log"; fail "Space did not play"; }
sleep 2
screenshot playback-speed.png
ui_key space
wait_for_line "$pid" "$log" "playback: paused" || { cat "$log"; fail "Space did not pause"; }

echo "== zoom in with the wheel and seek by dragging on the timeline"
# The timeline's track at 1920x1080: from x=512 to 1895, the camera's row at y=985.
xdotool mousemove 1200 985
for _ in 1 2 3 4 5 6 7 8 9 10 11 12 13 14; do xdotool click 4; sleep 0.05; done
screenshot playback-zoom.png
seeks=$(grep -c "playback: seek to" "$log")
xdotool mousemove 900 985 mousedown 1 mousemove 1000 985 sleep 0.2 mousemove 1100 985 mouseup 1
wait_for_more "$pid" "$log" "playback: seek to" "$seeks" || { cat "$log"; fail "dragging on the timeline did not seek"; }

echo "== export a marked range"
jump_to "$(local_time $at)"
ui_key bracketleft
jump_to "$(local_time $((at + 6)))"
ui_key bracketright
ui_key ctrl+x
wait_for_line "$pid" "$log" "playback: export .* started" || { cat "$log"; fail "Ctrl+X did not start an export"; }
wait_for_line "$pid" "$log" "playback: export .* done" || { cat "$log"; fail "the export did not finish"; }
screenshot playback-export.png
exported=$(ls "$HOME"/Videos/Vigil/*.mp4 2>/dev/null | head -1)
[ -n "$exported" ] || fail "no MP4 in ~/Videos/Vigil"
duration=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$exported")
codec=$(ffprobe -v error -select_streams v:0 -show_entries stream=codec_name -of csv=p=0 "$exported")
echo "exported $exported: $codec, $duration s"
[ "$codec" = h264 ] || fail "the export is not H.264 video"
awk -v d="$duration" 'BEGIN { exit !(d >= 5.5 && d <= 8.0) }' || fail "the export lasts $duration s, not about 6"

echo "== cancel a long export"
jump_to "$(local_time $((record_start + 1)))"
ui_key bracketleft
jump_to "$(local_time $((record_start + RECORD_SECONDS - 2)))"
ui_key bracketright
ui_key ctrl+x
wait_for_more "$pid" "$log" "playback: export .* started" 1 || { cat "$log"; fail "the second export did not start"; }
sleep 1
ui_key ctrl+shift+x
wait_for_line "$pid" "$log" "playback: export .* cancelled" || { cat "$log"; fail "Ctrl+Shift+X did not cancel the export"; }
screenshot playback-cancel.png
[ "$(ls "$HOME"/Videos/Vigil/ | wc -l)" -eq 1 ] || { ls -la "$HOME/Videos/Vigil"; fail "the cancelled export left a file"; }
cancelled=$(ui_api GET /api/v1/media/exports | jq -r '[.jobs[] | select(.state == "cancelled")] | length')
[ "$cancelled" -ge 1 ] || fail "the server's export was not cancelled"

echo "== two cameras in step: a jump shows both cameras' recorded pictures of the time asked"
# The camera list's second row (Zone, below Yard) at 1920x1080.
xdotool mousemove --sync 270 276 click 1
wait_for_line "$pid" "$log" "playback: tile $zone_channel shows" || { cat "$log"; fail "choosing Zone did not add its tile"; }
sleep 1
at=$((record_start + 12))
yard_shows=$(grep -c "playback: tile $channel shows" "$log")
zone_shows=$(grep -c "playback: tile $zone_channel shows" "$log")
jump_to "$(local_time $at)"
wait_for_more "$pid" "$log" "playback: tile $channel shows" "$yard_shows" || { cat "$log"; fail "Yard's tile showed no picture after the jump"; }
wait_for_more "$pid" "$log" "playback: tile $zone_channel shows" "$zone_shows" || { cat "$log"; fail "Zone's tile showed no picture after the jump"; }
screenshot playback-two-cameras.png
regions=
for shown_channel in "$channel" "$zone_channel"; do
    line=$(grep "playback: tile $shown_channel shows" "$log" | tail -1)
    echo "$line"
    shown_ms=$(sed 's/.* shows \([0-9]*\) .*/\1/' <<<"$line")
    offset=$((shown_ms - at * 1000))
    [ "$offset" -ge 0 ] && [ "$offset" -le 200 ] || fail "the tile of $shown_channel shows $shown_ms, $offset ms from the time asked"
    region=$(sed 's/.* at \([0-9,]*\)$/\1/' <<<"$line")
    regions="$regions $region"
    IFS=, read -r tx ty tw th <<<"$region"
    convert "$ARTIFACTS/playback-two-cameras.png" -crop "$((tw - 4))x$((th - 4))+$((tx + 2))+$((ty + 2))" +repage "$WORK/tile-$shown_channel.png"
    "$CHECK" "$WORK/tile-$shown_channel.png" --min-colours 64 --max-dominant 0.6 || fail "the tile of $shown_channel shows no picture"
done
read -r yard_region zone_region <<<"$regions"
[ "$yard_region" != "$zone_region" ] || fail "both cameras are in one place ($yard_region)"

stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/playback.log"
ui_check_log "$log"
echo "PASS: playback at a time, step, speed, zoom, drag seek, export and cancel, two cameras in step; screenshots in $ARTIFACTS"
