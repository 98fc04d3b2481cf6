#!/bin/bash
# UI test of the workstation's security administration (issue 3: SEC-1.7, SEC-1.9, SEC-2.2, SEC-2.6,
# CLI-2), with real keyboard input (xdotool) into the real `vigil` under a private Xvfb, standalone
# with a fresh data folder, and the API checked from outside with curl:
#   Security settings: a value out of range is refused next to its field; a good one is stored   -> security*.png
# usage: tst_ui_security.sh <vigil> <image_check> <artifacts dir>
set -u
source "$(dirname "$0")/ui_session.sh"

ui_begin "$@"

log="$WORK/security.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!
ui_setup_and_sign_in "$pid" "$log"
ui_api_sign_in "$(ui_site_address "$log")"

echo "== Security settings: out of range, then stored (SEC-1.7)"
ui_key ctrl+7
wait_for_line "$pid" "$log" "GET /api/v1/settings/security 200" || { cat "$log"; fail "the Security settings page did not load"; }
screenshot security.png
ui_key ctrl+a
ui_type "0"
ui_key Return
screenshot security-invalid.png
grep -q "PUT /api/v1/settings/security" "$log" && fail "a value out of range was sent to the server"
ui_key ctrl+a
ui_type "7"
ui_key Return
wait_for_line "$pid" "$log" "security settings: stored, lockout after 7 attempts" || { cat "$log"; fail "the new lockout was not stored"; }
[ "$(ui_api GET /api/v1/settings/security | jq .lockout.attempts)" = 7 ] || fail "the API does not report 7 attempts"
screenshot security-saved.png

stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/security.log"
ui_check_log "$log"
echo "PASS: security settings; screenshots in $ARTIFACTS"
