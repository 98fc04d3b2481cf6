#!/bin/bash
# UI test of the workstation's security administration (issue 3: SEC-1.7, SEC-1.9, SEC-2.2, SEC-2.6,
# CLI-2), with real keyboard input (xdotool) into the real `vigil` under a private Xvfb, standalone
# with a fresh data folder, and the API checked from outside with curl:
#   Security settings: a value out of range is refused next to its field; a good one is stored   -> security*.png
#   Users page: a user created (must change password), edited (memo) and deleted                  -> user-*.png
#   Roles page: a role created, edited (one more permission) and deleted                          -> role-*.png
#   the workstation's session ended from outside (curl): back to sign-in with the reason          -> ended.png
#   a user made to change the password signs in and must change it first                          -> forced-*.png
# usage: tst_ui_security.sh <vigil> <image_check> <artifacts dir>
set -u
source "$(dirname "$0")/ui_session.sh"

ui_begin "$@"
readonly OTHER_PASSWORD='Lantern-Quay-42'
readonly NEW_PASSWORD='Copper-Field-86'

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

# The user named $1 as the API has it ("null" when there is none).
api_user() {
    ui_api GET /api/v1/users | jq -c --arg n "$1" '[.users[] | select(.userName == $n)][0]'
}
api_role() {
    ui_api GET /api/v1/roles | jq -c --arg n "$1" '[.roles[] | select(.name == $n)][0]'
}

echo "== Users: create, edit, delete (SEC-2.2)"
ui_key ctrl+3
wait_for_line "$pid" "$log" "GET /api/v1/users 200" || { cat "$log"; fail "the Users page did not load"; }
sleep 1
ui_type "vera"
ui_key Tab Tab Tab Tab Tab Tab Tab  # role, valid from, valid until, addresses, memo, enabled, must change
ui_key space
ui_key Tab
ui_type "$OTHER_PASSWORD"
ui_key Tab
ui_type "$OTHER_PASSWORD"
screenshot user-new.png
ui_key Return
wait_for_line "$pid" "$log" "users: saved vera" || { cat "$log"; fail "the new user was not created"; }
[ "$(api_user vera | jq .mustChangePassword)" = true ] || fail "vera was not stored with 'must change password'"
ui_key shift+Tab shift+Tab shift+Tab shift+Tab  # back from the confirmation to the memo
ui_type "night shift"
ui_key Return
wait_for_more "$pid" "$log" "users: saved vera" 1 || { cat "$log"; fail "the edited user was not saved"; }
[ "$(api_user vera | jq -r .memo)" = "night shift" ] || fail "the memo typed on the Users page is not stored"
screenshot user-edited.png
ui_key ctrl+Delete
screenshot user-delete.png
ui_key Return
wait_for_line "$pid" "$log" "DELETE /api/v1/users/.* 204" || { cat "$log"; fail "the user was not deleted"; }
[ "$(api_user vera)" = null ] || fail "vera is still there after Delete"

echo "== Roles: create, edit, delete (SEC-2.2)"
ui_key ctrl+4
wait_for_line "$pid" "$log" "GET /api/v1/roles 200" || { cat "$log"; fail "the Roles page did not load"; }
sleep 1
ui_type "Night desk"
ui_key Tab space shift+Tab  # the first permission on, back to the name
ui_key Return
wait_for_line "$pid" "$log" "roles: saved Night desk" || { cat "$log"; fail "the new role was not created"; }
[ "$(api_role "Night desk" | jq '.permissions | length')" = 1 ] || fail "the new role does not hold the one permission ticked"
ui_key Tab Tab space shift+Tab shift+Tab  # the second permission on too
ui_key Return
wait_for_more "$pid" "$log" "roles: saved Night desk" 1 || { cat "$log"; fail "the edited role was not saved"; }
[ "$(api_role "Night desk" | jq '.permissions | length')" = 2 ] || fail "the edited role does not hold two permissions"
screenshot role-edited.png
ui_key ctrl+Delete
ui_key Return
wait_for_line "$pid" "$log" "DELETE /api/v1/roles/.* 204" || { cat "$log"; fail "the role was not deleted"; }
[ "$(api_role "Night desk")" = null ] || fail "the role is still there after Delete"

echo "== the session ended from outside: back to sign-in with the reason (SEC-2.6)"
session_id=$(ui_api GET /api/v1/sessions | jq -r '[.sessions[] | select(.clientKind == "workstation")][0].id')
[ -n "$session_id" ] && [ "$session_id" != null ] || fail "the workstation's session is not listed"
ui_api DELETE "/api/v1/sessions/$session_id" >/dev/null
wait_for_line "$pid" "$log" "session: ended:" || { cat "$log"; fail "the workstation did not hear that its session ended"; }
wait_for_line "$pid" "$log" "session: login" || { cat "$log"; fail "the workstation did not return to the sign-in screen"; }
grep -q "session: ended:.*administrator" "$log" || { cat "$log"; fail "the sign-in screen does not say an administrator ended the session"; }
screenshot ended.png

echo "== forced password change at the next sign-in (SEC-1.2)"
ui_api POST /api/v1/users "$(jq -n --arg p "$OTHER_PASSWORD" \
    '{userName: "olga", roleId: "operator", password: $p, mustChangePassword: true}')" >/dev/null
ui_key shift+Tab ctrl+a BackSpace  # from the password field to the user name
ui_type "olga"
ui_key Tab
ui_type "$OTHER_PASSWORD"
ui_key Return
wait_for_line "$pid" "$log" "session: signed in as olga" || { cat "$log"; fail "olga could not sign in"; }
screenshot forced-change.png
ui_type "$OTHER_PASSWORD"
ui_key Tab
ui_type "$NEW_PASSWORD"
ui_key Tab
ui_type "$NEW_PASSWORD"
ui_key Return
wait_for_line "$pid" "$log" "session: password changed for olga" || { cat "$log"; fail "the forced change did not go through"; }
[ "$(api_user olga | jq .mustChangePassword)" = false ] || fail "olga must still change the password"
screenshot forced-done.png

stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/security.log"
ui_check_log "$log"
grep -q -- "$OTHER_PASSWORD\|$NEW_PASSWORD" "$log" && fail "a password appears in the log"
echo "PASS: security settings, users, roles, ended session, forced change; screenshots in $ARTIFACTS"
