#!/bin/bash
# UI test of the Licence page (issue 7, LIC-1) with real keyboard input (xdotool) into the real
# `vigil` under a private Xvfb, standalone with a fresh data folder, and vigil-license as the vendor
# on 127.0.0.1 (HTTPS with its own CA, which the site is told to trust through the API):
#   the first sign-in of a new site shows its trial in the licence strip        -> licence-trial-strip.png
#   the Licence page on the trial                                                -> licence-page-trial.png
#   online activation with an Express code typed into the page                   -> licence-online.png
#   online upgrade to Pro: the page offers this platform's Express code itself   -> licence-upgrade.png
#   offline: a capacity code, the request file exported, turned into an
#   activation file by vigil-license, chosen (file dialog) and imported          -> licence-file-dialog.png,
#                                                                                   licence-offline.png
# usage: tst_ui_licence.sh <vigil> <image_check> <artifacts dir> <vigil-license> <vendor key>
set -u
source "$(dirname "$0")/ui_session.sh"

readonly VENDOR_TOOL=$4
readonly VENDOR_KEY=$5
ui_begin "$@"

log="$WORK/licence.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!
vendor_pid=
trap 'kill "$pid" ${vendor_pid:+"$vendor_pid"} 2>/dev/null; rm -rf "$WORK"' EXIT
ui_setup_and_sign_in "$pid" "$log"

echo "== the first sign-in shows the trial"
wait_for_line "$pid" "$log" "licence: trial trial 0 of 16 channels" || { cat "$log"; fail "the trial was not read at sign-in"; }
screenshot licence-trial-strip.png

echo "== the vendor on 127.0.0.1"
"$VENDOR_TOOL" serve --db "$WORK/codes.json" --key "$VENDOR_KEY" --port 0 --ca-out "$WORK/vendor-ca.pem" >"$WORK/vendor.log" 2>&1 &
vendor_pid=$!
wait_for_line "$vendor_pid" "$WORK/vendor.log" "listening https://" || { cat "$WORK/vendor.log"; fail "vigil-license did not start"; }
vendor_url=$(grep -o "https://[0-9.]*:[0-9]*" "$WORK/vendor.log" | head -1)
ui_api_sign_in "$(ui_site_address "$log")"
ui_api PUT /api/v1/licence/settings "$(jq -n --arg u "$vendor_url" --rawfile ca "$WORK/vendor-ca.pem" '{vendorUrl: $u, vendorCaPem: $ca}')" >/dev/null
express=$("$VENDOR_TOOL" issue --db "$WORK/codes.json" --edition express --channels 8 --licensee "Harbour Authority")
pro=$("$VENDOR_TOOL" issue --db "$WORK/codes.json" --kind upgrade --edition pro --channels 64 --features distributed,video_wall --days 365)
more=$("$VENDOR_TOOL" issue --db "$WORK/codes.json" --kind capacity --channels 8)
[ -n "$express" ] && [ -n "$pro" ] && [ -n "$more" ] || fail "vigil-license issued no codes"

echo "== the Licence page"
loads=$(grep -c "GET /api/v1/licence 200" "$log")
ui_key ctrl+9
wait_for_more "$pid" "$log" "GET /api/v1/licence 200" "$loads" || { cat "$log"; fail "the Licence page did not load"; }
screenshot licence-page-trial.png

echo "== online activation"
ui_type "$express"
ui_key Return
wait_for_line "$pid" "$log" "licence: activated express 8 channels" || { cat "$log"; cat "$WORK/vendor.log"; fail "online activation failed"; }
[ "$(ui_api GET /api/v1/licence | jq -r .edition)" = express ] || fail "the API does not report Express"
screenshot licence-online.png

echo "== online upgrade from Express to Pro"
ui_key alt+c ctrl+a
ui_type "$pro"
sleep 1
screenshot licence-upgrade-form.png
ui_key Return
wait_for_line "$pid" "$log" "licence: activated pro 64 channels" || { cat "$log"; cat "$WORK/vendor.log"; fail "the upgrade failed"; }
[ "$(ui_api GET /api/v1/licence | jq -r .upgradedFrom)" = "$express" ] || fail "the API does not report the upgrade from $express"
[ "$(ui_api GET /api/v1/licence | jq -r .licensee)" = "Harbour Authority" ] || fail "the upgrade did not keep the licensee"
"$VENDOR_TOOL" list --db "$WORK/codes.json" | jq -e --arg c "$express" '.[] | select(.code == $c) | .state == "deactivated"' >/dev/null ||
    fail "the vendor did not deactivate the Express code"
screenshot licence-upgrade.png

echo "== offline activation by files"
ui_key alt+c ctrl+a
ui_type "$more"
ui_key alt+r
ui_type "$WORK/request.json"
ui_key Return
wait_for_line "$pid" "$log" "licence: request file saved" || { cat "$log"; fail "the request file was not saved"; }
jq -e '.format == "vigil-licence-request" and .currentLicence != null' "$WORK/request.json" >/dev/null || fail "the request file is not a renewal request"
"$VENDOR_TOOL" activate --db "$WORK/codes.json" --key "$VENDOR_KEY" --request "$WORK/request.json" --out "$WORK/activation.json" ||
    fail "vigil-license could not turn the request into an activation file"
ui_key ctrl+o
sleep 1
screenshot licence-file-dialog.png
ui_key Escape
ui_key alt+i
ui_type "$WORK/activation.json"
ui_key Return
wait_for_line "$pid" "$log" "licence: activated pro 72 channels" || { cat "$log"; fail "the activation file was not imported"; }
[ "$(ui_api GET /api/v1/licence | jq -r .channels)" = 72 ] || fail "the API does not report 72 channels"
screenshot licence-offline.png

stop_and_check "$pid" "$log"
ui_check_log "$log"
echo "PASS"
