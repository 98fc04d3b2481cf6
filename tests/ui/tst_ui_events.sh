#!/bin/bash
# UI test of the Event Center (issue 6, EVT-1, EVT-2). Runs the real `vigil` standalone under Xvfb
# with a vigil-testcamera ONVIF camera (a looped clip with a moving picture) added through the API;
# "motion gate on" on the camera's stdin raises real motion events through ONVIF pull points.
#   1. Ctrl+E opens the page; Rules (Alt+R): a rule for failed sign-ins that records a camera is
#      refused with the server's reason (events_rule_refused.png); changed to motion it is saved
#      (alarm + record 3 s before, 15 s after) and the server has it;
#   2. a second rule (through the API) plays a siren; motion at the camera: the live list shows the
#      alarm in red and the page plays the siren (events_live.png); M mutes: the next motion plays
#      nothing, the top bar's alarm sound button turns to "off" in the warning colour and the client
#      settings keep it (one mute for the workstation: M, the top bar, Ctrl+M, Settings)
#      (events_muted.png); M again turns it back on;
#   3. two alarms checked at once (Ctrl+Shift+A) are acknowledged, then handled, with comments; the
#      server's trail has both comments (events_handled.png);
#   4. the motion alarm's camera live (V) and from the event's time in the archive (Shift+V): the
#      video region is a picture, not flat (events_video_live.png, events_video_archive.png);
#   5. History (Alt+H): search, page 2 (events_history.png); Export CSV writes every matching event.
#   6. a rule made in the form with what the API takes beyond kinds: the camera as its source
#      (events_rule_sources.png), a weekly schedule of every day (events_rule_schedule.png) and the
#      PTZ action to a preset the camera has (events_rule_ptz.png), the pop-up for the administrator's
#      workstations only; the server has them as chosen;
#   7. the rule fires on a manual alarm at the camera: with the sound muted, the workstation still
#      opens the Live page with the camera popped up over the layout, framed in the alarm colour,
#      with the event's name, and the picture moving (events_popup.png); the camera went to its
#      preset; Esc closes the pop-up; the next one is kept in the layout's first free tile (K).
#   8. the sound's users typed in the rule form reach the server (events_rule_sound_users.png); the
#      open rule renamed through the API (another session) while the form has an unsaved edit: the
#      list follows the push, the form keeps the edit and warns (events_rule_changed_elsewhere.png),
#      Save puts the form over it; the next time "Load the other version" fills the form with theirs;
#      a rule deleted elsewhere while open (events_rule_deleted_elsewhere.png).
# The page logs where its items are ("events: geometry ...") so the mouse can find them.
# usage: tst_ui_events.sh <vigil> <image_check> <artifacts dir> <vigil-testcamera> <make_clip.sh>
set -u
source "$(dirname "$0")/ui_session.sh"
TESTCAMERA=$4
MAKE_CLIP=$5
ui_begin "$@"

camera_pid=
cleanup() {
    [ -n "$camera_pid" ] && kill "$camera_pid" 2>/dev/null
    [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

# The top bar's alarm sound button (Theme sizes at 1920x1080) and the theme's warning colour, which its
# icon takes when the sound is off.
readonly SOUND_BUTTON_REGION="1600,8,46,44"
readonly WARNING_COLOUR="#f5a524"

geometry() {
    grep "events: geometry" "$log" | tail -1 | tr ' ' '\n' | sed -n "s/^$1=//p"
}
# Waits for a geometry line (after `before` lines) that has the name.
wait_geometry() {
    for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
        [ -n "$(geometry "$1")" ] && return 0
        sleep 0.1
    done
    cat "$log"
    fail "the Event Center never showed $1"
}
click() {
    wait_geometry "$1"
    local at
    at=$(geometry "$1")
    xdotool mousemove --sync "${at%,*}" "${at#*,}" click 1
    sleep 0.3
}
geometry_lines() {
    grep -c "events: geometry" "$log"
}
# Waits for a new geometry line after `before` lines.
wait_relayout() {
    wait_for_more "$pid" "$log" "events: geometry" "$1" || { cat "$log"; fail "the Event Center did not lay out again"; }
}
search_api() {
    ui_api GET "/api/v1/events?$1"
}

echo "== a camera: vigil-testcamera looping a moving clip, ONVIF events"
clip=$("$MAKE_CLIP" "$WORK/clip.mp4" --size 640x360 --seconds 10) || fail "cannot make the clip"
ui_start_test_camera --camera "name=gate,file=$clip,ptz=1" --onvif-port 0
onvif=$(jq -r '.cameras[0].onvif // empty' <<<"$camera_ready")
[ -n "$onvif" ] || { cat "$camera_log"; fail "the test camera has no ONVIF address"; }

echo "== the workstation: set up, sign in, add the camera through the API"
log="$WORK/vigil.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!
ui_setup_and_sign_in "$pid" "$log"
site=$(ui_site_address "$log")
ui_api_sign_in "$site"
device=$(ui_api POST /api/v1/devices "{\"driver\":\"onvif\",\"address\":\"$onvif\",\"name\":\"Gate\"}" | jq -r .id)
[ -n "$device" ] || fail "the camera was not added"
channel=
for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
    answer=$(ui_api GET "/api/v1/devices/$device")
    if [ "$(jq -r '.channels[0].status.state // empty' <<<"$answer")" = online ]; then
        channel=$(jq -r '.channels[0].id' <<<"$answer")
        break
    fi
    sleep 0.5
done
[ -n "$channel" ] || { echo "$answer"; fail "the camera did not come online"; }

echo "== 1. the page (Ctrl+E) and a rule: refused with the reason, then saved"
ui_focus_window
ui_key ctrl+e
wait_for_line "$pid" "$log" "events: geometry tab=live" || { cat "$log"; fail "Ctrl+E did not open the Event Center"; }
ui_key alt+r
wait_for_line "$pid" "$log" "events: geometry tab=rules" || { cat "$log"; fail "Alt+R did not show the rules"; }
click newRule
wait_geometry saveRule
click ruleName
ui_type "Gate motion"
click kind_login_failed
click actionRecord
before=$(geometry_lines)
click saveRule
wait_for_line "$pid" "$log" "Event rule refused: rule_never_fires" || { cat "$log"; fail "the server did not refuse the rule that can never fire"; }
wait_relayout "$before"  # the reason shows above the buttons
screenshot events_rule_refused.png
click kind_login_failed
click kind_motion
click saveRule
wait_for_line "$pid" "$log" "Event rule saved: Gate motion" || { cat "$log"; fail "the motion rule was not saved"; }
rules=$(ui_api GET /api/v1/events/rules)
jq -e '.rules[] | select(.name == "Gate motion" and .filter.kinds == ["motion"]) | .actions | map(.type) | (index("alarm") != null and index("record") != null)' <<<"$rules" >/dev/null ||
    { echo "$rules"; fail "the server does not have the rule as edited"; }
ui_api POST /api/v1/events/rules '{"name":"Gate siren","filter":{"kinds":["motion"]},"actions":[{"type":"sound","sound":"siren"}]}' >/dev/null
sleep 1
screenshot events_rules.png

echo "== 2. motion at the camera: an alarm in the live list, the siren; M mutes"
ui_key alt+l
wait_for_line "$pid" "$log" "events: geometry tab=live" || fail "Alt+L did not show the live list"
sleep 4  # pre-event history for the record action
echo "motion gate on" >&3
wait_for_line "$pid" "$log" "Event Center: sound siren" || { cat "$log"; fail "no siren for the motion alarm"; }
for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
    [ "$(search_api "kind=motion&alarms=true" | jq '.events | length')" -ge 1 ] && break
    sleep 0.5
done
motion_id=$(search_api "kind=motion&alarms=true" | jq -r '.events[0].id // empty')
[ -n "$motion_id" ] || fail "the motion did not become an alarm"
screenshot events_live.png
ui_check_image "$ARTIFACTS/events_live.png" 0.97 --lacks-colour "$SOUND_BUTTON_REGION $WARNING_COLOUR"
echo "motion gate off" >&3
ui_key m
wait_for_line "$pid" "$log" "Event Center: sound muted" || fail "M did not mute"
grep -q "alarm sound off" "$log" || fail "M did not turn the workstation's alarm sound setting off"
grep -q "sound=false" "$WORK/data/client/settings.ini" || fail "the mute was not kept in the client settings"
sleep 2
sounds=$(grep -c "Event Center: sound siren" "$log")
echo "motion gate on" >&3
for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
    [ "$(search_api "kind=motion&alarms=true" | jq '.events | length')" -ge 2 ] && break
    sleep 0.5
done
[ "$(search_api "kind=motion&alarms=true" | jq '.events | length')" -ge 2 ] || fail "the second motion did not come"
sleep 2
[ "$(grep -c "Event Center: sound siren" "$log")" -eq "$sounds" ] || fail "a sound played while muted"
echo "motion gate off" >&3
screenshot events_muted.png
ui_check_image "$ARTIFACTS/events_muted.png" 0.97 --has-colour "$SOUND_BUTTON_REGION $WARNING_COLOUR"
ui_key m
wait_for_line "$pid" "$log" "Event Center: sound on" || fail "M did not turn the sound back on"
grep -q "sound=true" "$WORK/data/client/settings.ini" || fail "the sound back on was not kept in the client settings"

echo "== 3. both alarms at once: acknowledged, then handled, with comments"
before=$(geometry_lines)
ui_key ctrl+shift+a
wait_relayout "$before"
click alarmComment
ui_type "Checked the gate camera"
click acknowledge
wait_for_line "$pid" "$log" "Event Center: acknowledge 2 alarms" || { cat "$log"; fail "the two alarms were not acknowledged"; }
before=$(geometry_lines)
ui_key ctrl+shift+a
wait_relayout "$before"
click alarmComment
ui_type "Guard sent, all clear"
click handle
wait_for_line "$pid" "$log" "Event Center: handle 2 alarms" || { cat "$log"; fail "the two alarms were not handled"; }
handled=$(search_api "kind=motion&state=handled")
[ "$(jq '.events | length' <<<"$handled")" -eq 2 ] || { echo "$handled"; fail "the server does not have both alarms handled"; }
jq -e '.events[0].trail | map(.comment) | (index("Checked the gate camera") != null and index("Guard sent, all clear") != null)' <<<"$handled" >/dev/null ||
    { echo "$handled"; fail "the trail lacks the comments"; }

echo "== 4. the linked video: live, then the archive at the event's time"
# The row of the first motion alarm: the live list is the newest events first, as the API's.
row=$(search_api "limit=6" | jq --argjson id "$motion_id" '[.events[].id] | index($id)')
[ "$row" != null ] || fail "the first motion alarm is not among the newest six events"
click "row$row"
screenshot events_handled.png
ui_key v
wait_for_line "$pid" "$log" "events: video live of $channel" || { cat "$log"; fail "V did not play the camera live"; }
sleep 6
screenshot events_video_live.png
wait_geometry eventVideo
crop_video() {
    local at
    at=$(geometry eventVideo)
    # The video item is 16:9 in the side panel; a box around its centre.
    convert "$1" -crop "300x160+$((${at%,*} - 150))+$((${at#*,} - 80))" +repage "$2"
}
crop_video "$ARTIFACTS/events_video_live.png" "$WORK/live.png"
"$CHECK" "$WORK/live.png" --min-colours 32 --max-dominant 0.7 || fail "the live video shows no picture"
ui_key shift+v
wait_for_line "$pid" "$log" "events: video archive of $channel" || { cat "$log"; fail "Shift+V did not play the archive"; }
sleep 6
screenshot events_video_archive.png
crop_video "$ARTIFACTS/events_video_archive.png" "$WORK/archive.png"
"$CHECK" "$WORK/archive.png" --min-colours 32 --max-dominant 0.7 || fail "the archive video shows no picture"

echo "== 5. history with paging, and the CSV export"
for i in $(seq 1 52); do
    ui_api POST /api/v1/events/alarms "{\"message\":\"Patrol check $i\",\"severity\":\"info\"}" >/dev/null
done
ui_key alt+h
wait_for_line "$pid" "$log" "events: geometry tab=history" || fail "Alt+H did not show the history"
click searchButton
wait_for_line "$pid" "$log" "Event Center: history page 1 with 50 events and more" || { cat "$log"; fail "the history search did not fill a page"; }
click olderButton
wait_for_line "$pid" "$log" "Event Center: history page 2 with" || { cat "$log"; fail "the second page did not come"; }
screenshot events_history.png
click exportButton
sleep 1
ui_key Return
wait_for_line "$pid" "$log" "Event Center: exported" || { cat "$log"; fail "the export did not finish"; }
csv=$(grep -o "Event Center: exported .*" "$log" | tail -1 | sed 's/.* to //')
total=$(search_api "limit=500" | jq '.events | length')
[ -f "$csv" ] || fail "no CSV at $csv"
head -1 "$csv" | grep -q "^id,timeMs" || fail "the CSV has no header: $(head -1 "$csv")"
[ "$(($(wc -l <"$csv") - 1))" -eq "$total" ] || fail "the CSV has $(($(wc -l <"$csv") - 1)) events, the server $total"
grep -q "Patrol check 52" "$csv" || fail "the CSV lacks the newest alarm"
cp "$csv" "$ARTIFACTS/events_export.csv"

echo "== 6. a rule from the form: source camera, weekly schedule, PTZ preset, pop-up"
ui_api POST "/api/v1/channels/$channel/ptz/presets" '{"name":"Door"}' >/dev/null
preset=
for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
    preset=$(grep -m1 "onvif ptz gate SetPreset" "$camera_log" | sed 's/.*token=//')
    [ -n "$preset" ] && break
    sleep 0.1
done
[ -n "$preset" ] || { cat "$camera_log"; fail "the camera did not store the preset"; }
before=$(geometry_lines)
ui_key alt+r
wait_relayout "$before"
click newRule
wait_geometry source_0
click ruleName
ui_type "Gate pop-up"
click kind_manual_alarm
click actionPopup
click popupUsers
ui_type "$UI_ADMIN"
click source_0
screenshot events_rule_sources.png
before=$(geometry_lines)
click scheduleMode
ui_key Down Return
wait_relayout "$before"
wait_geometry day_6
click day_6
click day_7
screenshot events_rule_schedule.png
click ptzCamera
ui_key Down Return
sleep 1  # the camera's presets
click ptzPreset
ui_key Down Return
screenshot events_rule_ptz.png
click saveRule
wait_for_line "$pid" "$log" "Event rule saved: Gate pop-up" || { cat "$log"; fail "the pop-up rule was not saved"; }
rules=$(ui_api GET /api/v1/events/rules)
jq -e --arg ch "$channel" --arg token "$preset" '.rules[] | select(.name == "Gate pop-up")
    | (.filter.sourceIds == [$ch]) and (.filter.kinds == ["manual_alarm"])
      and ([.filter.schedule[] | select(.startMinute == 0 and .endMinute == 1440) | .day] | sort == [1,2,3,4,5,6,7])
      and (.actions | map(select(.type == "ptz" and .channelId == $ch and .presetToken == $token)) | length == 1)
      and (.actions | map(select(.type == "popup" and .userNames == ["admin"])) | length == 1)' <<<"$rules" >/dev/null ||
    { echo "$rules"; fail "the server does not have the sources, schedule and PTZ action as chosen"; }

echo "== 7. the rule fires: the camera pops up on Live, though the sound is muted"
ui_key alt+l
sleep 1
mutes=$(grep -c "Event Center: sound muted" "$log")
ui_key m
wait_for_more "$pid" "$log" "Event Center: sound muted" "$mutes" || { cat "$log"; fail "M did not mute"; }
ui_api POST /api/v1/events/alarms "{\"message\":\"Intruder at the gate\",\"channelId\":\"$channel\"}" >/dev/null
wait_for_line "$pid" "$log" "live: pop-up shows channel $channel" || { cat "$log"; fail "the workstation did not pop the camera up on Live"; }
wait_for_line "$camera_pid" "$camera_log" "onvif ptz gate GotoPreset.*token=$preset" || { cat "$camera_log"; fail "the camera did not go to its preset"; }
popup_tile() {
    grep "live: geometry" "$log" | tail -1 | tr ' ' '\n' | sed -n "s/^popupTile=//p"
}
for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
    [ -n "$(popup_tile)" ] && break
    sleep 0.1
done
tile=$(popup_tile)
[ -n "$tile" ] || { cat "$log"; fail "the Live page does not show the pop-up tile"; }
sleep 6  # the picture
screenshot events_popup.png
IFS=, read -r tx ty tw th <<<"$tile"
# The frame in the alarm colour (Theme.alarm) down the tile's left edge, and a moving picture inside.
ui_check_image "$ARTIFACTS/events_popup.png" 0.97 --has-colour "$tx,$((ty + th / 4)),4,$((th / 2)) #ff5a4f"
convert "$ARTIFACTS/events_popup.png" -crop "$((tw / 2))x$((th / 3))+$((tx + tw / 4))+$((ty + th / 4))" +repage "$WORK/popup_video.png"
"$CHECK" "$WORK/popup_video.png" --min-colours 32 --max-dominant 0.7 || fail "the popped-up camera shows no picture"
ui_key Escape
wait_for_line "$pid" "$log" "live: pop-up of channel $channel closed" || { cat "$log"; fail "Esc did not close the pop-up"; }
# The next pop-up kept in the layout (K): the camera goes into the first free tile.
popups=$(grep -c "live: pop-up shows channel $channel" "$log")
ui_api POST /api/v1/events/alarms "{\"message\":\"Still at the gate\",\"channelId\":\"$channel\"}" >/dev/null
wait_for_more "$pid" "$log" "live: pop-up shows channel $channel" "$popups" || { cat "$log"; fail "the second alarm did not pop the camera up"; }
ui_key k
wait_for_line "$pid" "$log" "live: tile 1 shows channel $channel" || { cat "$log"; fail "K did not keep the camera in the layout"; }
[ "$(grep -c "live: pop-up of channel $channel closed" "$log")" -eq 2 ] || fail "the kept pop-up did not close"

echo "== 8. the sound's users in the form; rules changed elsewhere while one is open"
ui_key ctrl+e
wait_for_line "$pid" "$log" "events: geometry" || fail "Ctrl+E did not open the Event Center"
before=$(geometry_lines)
ui_key alt+r
wait_relayout "$before"
# The list is in the server's order: the row of a rule is its index there.
rule_row() {
    ui_api GET /api/v1/events/rules | jq -r --arg name "$1" '[.rules[].name] | index($name) // empty'
}
siren_id=$(ui_api GET /api/v1/events/rules | jq -r '.rules[] | select(.name == "Gate siren") | .id')
[ -n "$siren_id" ] || fail "the Gate siren rule from step 1 is gone"
before=$(geometry_lines)
click "rule_$(rule_row "Gate siren")"
wait_relayout "$before"
wait_geometry soundUsers
click soundUsers
ui_type "$UI_ADMIN, night-shift"
screenshot events_rule_sound_users.png
click saveRule
wait_for_line "$pid" "$log" "Event rule saved: Gate siren" || { cat "$log"; fail "the sound rule was not saved"; }
rules=$(ui_api GET /api/v1/events/rules)
jq -e --arg id "$siren_id" --arg admin "$UI_ADMIN" '.rules[] | select(.id == $id)
    | .actions | map(select(.type == "sound" and .sound == "siren" and .userNames == [$admin, "night-shift"])) | length == 1' \
    <<<"$rules" >/dev/null || { echo "$rules"; fail "the server does not have the sound's users as typed"; }

# Open again with an unsaved edit; the API (another session: another workstation) renames the rule.
before=$(geometry_lines)
click "rule_$(rule_row "Gate siren")"
wait_relayout "$before"
click ruleName
ui_key End
ui_type " edited"
pushes=$(grep -c "Event rules: rule $siren_id changed" "$log")
theirs=$(jq -c --arg id "$siren_id" '.rules[] | select(.id == $id) | {name: "Gate siren at night", enabled, filter, actions, debounceMs: 30000}' <<<"$rules")
ui_api PUT "/api/v1/events/rules/$siren_id" "$theirs" >/dev/null
wait_for_more "$pid" "$log" "Event rules: rule $siren_id changed by $UI_ADMIN" "$pushes" || { cat "$log"; fail "the workstation did not follow the rule changed elsewhere"; }
wait_geometry ruleConflict
wait_geometry loadOtherVersion
sleep 0.5
screenshot events_rule_changed_elsewhere.png
# Saving puts the form (with the typed edit, not the other version's name) over it.
click saveRule
wait_for_line "$pid" "$log" "Event rule saved: Gate siren edited" || { cat "$log"; fail "the edited form was not saved over the other version"; }
rules=$(ui_api GET /api/v1/events/rules)
jq -e --arg id "$siren_id" '.rules[] | select(.id == $id) | .name == "Gate siren edited" and .debounceMs == 0' <<<"$rules" >/dev/null ||
    { echo "$rules"; fail "the server does not have the form as typed"; }
# Or the form loads the other version ("Load the other version"), and saving keeps theirs.
before=$(geometry_lines)
click "rule_$(rule_row "Gate siren edited")"
wait_relayout "$before"
pushes=$(grep -c "Event rules: rule $siren_id changed" "$log")
theirs=$(jq -c --arg id "$siren_id" '.rules[] | select(.id == $id) | {name: "Gate siren late", enabled, filter, actions, debounceMs: 45000}' <<<"$rules")
ui_api PUT "/api/v1/events/rules/$siren_id" "$theirs" >/dev/null
wait_for_more "$pid" "$log" "Event rules: rule $siren_id changed by $UI_ADMIN" "$pushes" || { cat "$log"; fail "the workstation did not follow the second change"; }
wait_geometry loadOtherVersion
before=$(geometry_lines)
click loadOtherVersion
wait_relayout "$before"  # the warning goes
click saveRule
wait_for_line "$pid" "$log" "Event rule saved: Gate siren late" || { cat "$log"; fail "the other version was not loaded into the form"; }
rules=$(ui_api GET /api/v1/events/rules)
jq -e --arg id "$siren_id" '.rules[] | select(.id == $id) | .name == "Gate siren late" and .debounceMs == 45000' <<<"$rules" >/dev/null ||
    { echo "$rules"; fail "the form did not load the other version"; }

# A rule deleted elsewhere while open: the form stays and says so.
motion_id=$(jq -r '.rules[] | select(.name == "Gate motion") | .id' <<<"$rules")
before=$(geometry_lines)
click "rule_$(rule_row "Gate motion")"
wait_relayout "$before"
ui_api DELETE "/api/v1/events/rules/$motion_id" >/dev/null
wait_for_line "$pid" "$log" "Event rules: rule $motion_id deleted by $UI_ADMIN" || { cat "$log"; fail "the workstation did not follow the rule deleted elsewhere"; }
wait_geometry ruleConflict
sleep 0.5
screenshot events_rule_deleted_elsewhere.png

ui_check_log "$log"
stop_and_check "$pid" "$log"
pid=
echo "PASS"
