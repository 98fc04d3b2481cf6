#!/bin/bash
# UI test of the workstation's accounts screens (issue 3: CLI-1, CLI-2, SEC-1.2), with real keyboard
# input (xdotool) into the real `vigil` under a private Xvfb, standalone with a fresh data folder:
#   setup screen with a weak password typed (the meter says low and why)  -> setup-weak.png
#   the setup completed, the sign-in screen                                -> login.png
#   signed in: Home, then Users, Roles, Online users, Security log pages    -> home/users/roles/online/log.png
#   Ctrl+L: the lock screen                                                 -> lock.png
#   a wrong password on the lock screen, then the right one unlocks         -> lock-wrong.png
# Every screenshot is checked not to be blank; people look at them in the artifacts folder.
# usage: tst_ui_accounts.sh <vigil> <image_check> <artifacts dir>
set -u
source "$(dirname "$0")/ui_session.sh"

ui_begin "$@"

log="$WORK/accounts.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!

echo "== setup screen, weak password"
wait_for_line "$pid" "$log" "session: setup" || { cat "$log"; fail "a new site did not show the setup screen"; }
sleep 1
ui_focus_window
ui_type "$UI_ADMIN"
ui_key Tab
ui_type "abc12"
screenshot setup-weak.png
ui_key ctrl+a BackSpace

echo "== complete the setup"
ui_key shift+Tab
ui_key ctrl+a BackSpace
ui_complete_setup
wait_for_line "$pid" "$log" "site initialised with administrator $UI_ADMIN" || { cat "$log"; fail "the setup was not accepted"; }
wait_for_line "$pid" "$log" "POST /api/v1/setup 201" || { cat "$log"; fail "the server did not answer 201 to the setup"; }
screenshot login.png

echo "== sign in"
ui_sign_in_password
wait_for_line "$pid" "$log" "session: signed in as $UI_ADMIN" || { cat "$log"; fail "the sign-in failed"; }
wait_for_line "$pid" "$log" "home: health received" || { cat "$log"; fail "the Home page got no figures after the sign-in"; }
screenshot home.png

echo "== administration pages"
ui_key ctrl+3
wait_for_line "$pid" "$log" "GET /api/v1/users 200" || { cat "$log"; fail "the Users page did not load the users"; }
screenshot users.png
ui_key ctrl+4
screenshot roles.png
ui_key ctrl+5
wait_for_line "$pid" "$log" "GET /api/v1/sessions 200" || { cat "$log"; fail "the Online page did not load the sessions"; }
screenshot online.png
ui_key ctrl+6
wait_for_line "$pid" "$log" "GET /api/v1/security-log" || { cat "$log"; fail "the Security log page did not search"; }
screenshot log.png
ui_key ctrl+3

echo "== lock (Ctrl+L) and unlock"
ui_key ctrl+l
wait_for_line "$pid" "$log" "session: locked" || { cat "$log"; fail "Ctrl+L did not lock the workstation"; }
screenshot lock.png
failures=$(grep -c "POST /api/v1/auth/login 401" "$log")
ui_type "not-the-password"
ui_key Return
wait_for_more "$pid" "$log" "POST /api/v1/auth/login 401" "$failures" || { cat "$log"; fail "a wrong password was not refused"; }
grep -q "unlocked by" "$log" && fail "a wrong password unlocked the workstation"
screenshot lock-wrong.png
ui_sign_in_password
wait_for_line "$pid" "$log" "unlocked by $UI_ADMIN" || { cat "$log"; fail "the right password did not unlock"; }
active=$(grep -c "session: active" "$log")
[ "$active" -ge 2 ] || { cat "$log"; fail "the session did not become active again after unlocking"; }
screenshot unlocked.png

stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/accounts.log"
ui_check_log "$log"
echo "PASS: setup, sign-in, administration pages, lock and unlock; screenshots in $ARTIFACTS"
