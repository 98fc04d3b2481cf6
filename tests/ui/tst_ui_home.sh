#!/bin/bash
# UI test of the workstation (issue 3 foundation). Runs the real `vigil`:
#   1. without a display: says so and runs the engine headless until SIGTERM;
#   2. standalone under Xvfb with a temporary data folder: sets the new site up and signs in (real
#      keyboard input, ui_session.sh), waits for the Home page's first health figures, takes a
#      screenshot (artifacts/home.png), checks it is not blank, stops on SIGTERM;
#      then a second workstation connects to it as a client and shows the trust prompt (trust.png);
#   3. portable from a copied binary folder with a `portable` marker: the data folder appears beside
#      the binary and nothing is written to the user's data folder (artifacts/portable.png).
# usage: tst_ui_home.sh <vigil> <image_check> <artifacts dir>
set -u
source "$(dirname "$0")/ui_session.sh"

VIGIL=$1
CHECK=$2
ARTIFACTS=$3
# The navigation rail (below its entries, which grow with the pages) and the header must stand out
# from the page background, taken at the bottom right below the last section (the services list
# grows with the services, so it reaches down to about y=1015).
readonly PAGE_BACKGROUND="1300,1050,500,25"
readonly LAYOUT_REGIONS=(--differ "8,900,60,170 $PAGE_BACKGROUND" --differ "400,8,600,36 $PAGE_BACKGROUND")
# The trust dialog (centred) must stand out from the dimmed page behind it.
readonly DIALOG_REGIONS=(--differ "760,500,400,120 $PAGE_BACKGROUND")

check_image() {
    local file=$1
    shift
    ui_check_image "$file" 0.95 "$@"
}

if [ -z "${VIGIL_UI_UNDER_XVFB:-}" ]; then
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT

    echo "== 1. no display: headless engine"
    log="$WORK/headless.log"
    # --port 0: a headless engine does not move off a busy port (clients expect it there), and
    # another UI test's workstation may hold 7443 while this one runs (ctest -j2).
    env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM HOME="$WORK/home" \
        "$VIGIL" --data-dir "$WORK/headless" --port 0 >"$log" 2>&1 &
    pid=$!
    wait_for_line "$pid" "$log" "CA fingerprint" || { cat "$log"; fail "the headless engine did not start"; }
    grep -q "no display" "$log" || { cat "$log"; fail "vigil did not say that there is no display"; }
    grep -q "https://127.0.0.1:" "$log" || { cat "$log"; fail "vigil did not print its https address"; }
    stop_and_check "$pid" "$log"
    [ -d "$WORK/headless/server" ] || fail "the headless engine did not use --data-dir"

    rm -rf "$WORK"
    trap - EXIT
    # The rest needs a screen: run this script again inside a private Xvfb.
    ui_under_xvfb "$@"
fi
ui_private_home

echo "== 2. standalone under Xvfb"
log="$WORK/standalone.log"
"$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
pid=$!
ui_setup_and_sign_in "$pid" "$log"
wait_for_line "$pid" "$log" "home: health received" || { cat "$log"; fail "the Home page got no health figures within ${WAIT_SECONDS}s"; }
sleep "$SETTLE_SECONDS"  # the scene graph paints the new figures on its next frames
kill -0 "$pid" 2>/dev/null || { cat "$log"; fail "vigil died after connecting"; }
ui_grab "$ARTIFACTS/home.png"

echo "== 2b. a second workstation as a client of the first: the trust prompt"
address=$(grep -o "embedded engine running at https://[0-9.]*:[0-9]*" "$log" | head -1 | sed 's|.*https://||')
[ -n "$address" ] || { cat "$log"; fail "the standalone log does not say where the engine listens"; }
client_log="$WORK/client.log"
"$VIGIL" --data-dir "$WORK/client" --site "$address" >"$client_log" 2>&1 &
client_pid=$!
wait_for_line "$client_pid" "$client_log" "connection: trust-required" || { cat "$client_log"; fail "the client was not asked to trust $address"; }
sleep "$SETTLE_SECONDS"
ui_grab "$ARTIFACTS/trust.png"
stop_and_check "$client_pid" "$client_log"
cp "$client_log" "$ARTIFACTS/trust.log"
[ ! -e "$WORK/client/client/trusted_sites.json" ] || fail "the client pinned a CA nobody accepted"
check_image "$ARTIFACTS/trust.png" "${DIALOG_REGIONS[@]}"

stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/home.log"
ui_check_log "$log"
[ -d "$WORK/data/server" ] || fail "the standalone engine did not use --data-dir"
check_image "$ARTIFACTS/home.png" "${LAYOUT_REGIONS[@]}"

echo "== 3. portable from a copied folder"
mkdir -p "$WORK/stick"
cp "$VIGIL" "$WORK/stick/vigil"
touch "$WORK/stick/portable"
log="$WORK/portable.log"
"$WORK/stick/vigil" >"$log" 2>&1 &
pid=$!
ui_setup_and_sign_in "$pid" "$log"
wait_for_line "$pid" "$log" "home: health received" || { cat "$log"; fail "the portable copy got no health figures"; }
sleep "$SETTLE_SECONDS"
ui_grab "$ARTIFACTS/portable.png"
stop_and_check "$pid" "$log"
cp "$log" "$ARTIFACTS/portable.log"
[ -d "$WORK/stick/data/server" ] || fail "no data folder beside the portable binary"
[ -f "$WORK/stick/data/client/trusted_sites.json" ] || fail "the portable workstation kept its pins elsewhere"
[ ! -e "$HOME/.local/share/Vigil" ] || fail "portable mode wrote to the user's data folder"
check_image "$ARTIFACTS/portable.png" "${LAYOUT_REGIONS[@]}"

echo "PASS: headless, standalone and portable runs; screenshots in $ARTIFACTS"
