#!/bin/bash
# UI test of the workstation's shell (issue 5: CLI-1, CLI-2, CLI-3), real mouse and keyboard input
# (xdotool) into the real `vigil` under a private Xvfb, standalone with a fresh data folder:
#   the setup screen switched to Simplified Chinese (CJK glyphs drawn)    -> shell-setup-zh_CN.png
#   the sign-in screen in Chinese, then switched to German                -> shell-login-zh_CN.png, shell-login-de.png
#   signed in: Home with the live CPU/memory/network charts (German)      -> shell-home-charts-de.png
#   the user menu open                                                    -> shell-user-menu.png
#   Local files with snapshots and a clip made beforehand                 -> shell-local-files.png
#   the clip playing in the workstation's player                          -> shell-clip-player.png
#   the workstation settings page; the alarm sound turned off (Ctrl+M)    -> shell-settings.png
#   a restart: the sign-in screen comes back in German                    -> shell-login-remembered.png
# Every screenshot is checked not to be blank; people look at them in the artifacts folder.
# usage: tst_ui_shell.sh <vigil> <image_check> <artifacts dir>
set -u
source "$(dirname "$0")/ui_session.sh"

ui_begin "$@"

# Without a CJK font, Chinese shows as empty boxes: say what to install instead of passing blindly.
fc-list :lang=zh | grep -q . || fail "no font with Chinese glyphs: run tools/install-deps.sh (fonts-wqy-microhei)"

ui_click() {
    xdotool mousemove --sync "$1" "$2" click 1
}

# The play button of the first card on Local files (the clip: the newest file).
readonly CLIP_PLAY_X=165
readonly CLIP_PLAY_Y=381

settings_file="$WORK/data/client/settings.ini"

# Snapshots and a clip where the settings put them by default (the user's Pictures and Videos).
pictures="$HOME/Pictures/Vigil"
videos="$HOME/Videos/Vigil"
mkdir -p "$pictures/Gate" "$videos"
convert -size 640x360 gradient:'#2a4d69'-'#e0b04a' -font DejaVu-Sans -fill white -pointsize 36 -annotate +30+60 'Gate 1' \
    "$pictures/Gate/gate_2026-11-23_101500.jpg" || fail "cannot make a test picture"
convert -size 640x360 plasma:fractal -blur 0x2 "$pictures/lobby_2026-11-23_101730.png" || fail "cannot make a test picture"
ffmpeg -loglevel error -f lavfi -i testsrc=size=640x360:rate=25 -t 10 -pix_fmt yuv420p \
    "$videos/gate_1015-1025.mp4" || fail "cannot make a test clip"
echo "not a picture" >"$pictures/notes.txt"

log="$WORK/shell.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!

echo "== setup screen in Simplified Chinese"
wait_for_line "$pid" "$log" "session: setup" || { cat "$log"; fail "a new site did not show the setup screen"; }
sleep 1
ui_focus_window
ui_choose_language 2
wait_for_line "$pid" "$log" "language: zh_CN" || { cat "$log"; fail "choosing 简体中文 did not switch the language"; }
screenshot shell-setup-zh_CN.png
grep -q "language=zh_CN" "$settings_file" ||
    { cat "$settings_file"; fail "the language was not remembered in $settings_file"; }

echo "== complete the setup: the form kept the keyboard while the language changed"
ui_focus_window
ui_complete_setup
wait_for_line "$pid" "$log" "site initialised with administrator $UI_ADMIN" || { cat "$log"; fail "the setup was not accepted"; }
screenshot shell-login-zh_CN.png

echo "== switch the sign-in screen to German"
ui_choose_language 3
wait_for_line "$pid" "$log" "language: de" || { cat "$log"; fail "choosing Deutsch did not switch the language"; }
screenshot shell-login-de.png

echo "== sign in: Home with live charts"
ui_focus_window
ui_sign_in_password
wait_for_line "$pid" "$log" "session: signed in as $UI_ADMIN" || { cat "$log"; fail "the sign-in failed"; }
wait_for_line "$pid" "$log" "home: health received" || { cat "$log"; fail "the Home page got no figures"; }
wait_for_line "$pid" "$log" "home: recording storage received" || { cat "$log"; fail "Home did not get the recording storage"; }
sleep 8  # a few more 2-second samples: the charts draw lines, not points
screenshot shell-home-charts-de.png

echo "== the user menu"
ui_focus_window
ui_click 1840 48
sleep 1
screenshot shell-user-menu.png
ui_key Escape

echo "== local files (Ctrl+Shift+F)"
ui_key ctrl+shift+f
sleep 1
screenshot shell-local-files.png

echo "== the clip plays in the workstation's own player"
ui_click "$CLIP_PLAY_X" "$CLIP_PLAY_Y"
sleep 3
screenshot shell-clip-player.png
ui_key Escape

echo "== settings (Ctrl+,), alarm sound off (Ctrl+M)"
ui_key ctrl+comma
sleep 1
ui_key ctrl+m
wait_for_line "$pid" "$log" "alarm sound off" || { cat "$log"; fail "Ctrl+M did not turn the alarm sound off"; }
screenshot shell-settings.png
grep -q "sound=false" "$settings_file" || { cat "$settings_file"; fail "the alarm sound setting was not stored"; }

stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/shell.log"
ui_check_log "$log"

echo "== restart: the language is remembered"
log2="$WORK/shell-restart.log"
"$VIGIL" --data-dir "$WORK/data" >"$log2" 2>&1 &
pid=$!
wait_for_line "$pid" "$log2" "session: login" || { cat "$log2"; fail "the restarted workstation did not show the sign-in screen"; }
grep -q "language: de" "$log2" || { cat "$log2"; fail "the restarted workstation did not load German"; }
screenshot shell-login-remembered.png
stop_and_check "$pid" "$log2"
cp "$log2" "$ARTIFACTS/shell-restart.log"
ui_check_log "$log2"

echo "PASS: language switched at setup and sign-in and remembered, Home charts, user menu, local files, settings; screenshots in $ARTIFACTS"
