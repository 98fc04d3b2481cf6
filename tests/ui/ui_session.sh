# Shared by the workstation UI tests (sourced first thing): waiting on the log, screenshots and their
# checks, the private Xvfb and temporary home, and driving the setup and sign-in screens with real
# keyboard input (xdotool) into the focused Vigil window.
# The test sets VIGIL, CHECK and ARTIFACTS (its three arguments) before calling anything here.

readonly WAIT_SECONDS=20
readonly SETTLE_SECONDS=2
readonly UI_ADMIN=admin
readonly UI_PASSWORD='Harbour-Lamp-73'
readonly UI_EMAIL=admin@example.com
readonly UI_KEY_DELAY_MS=25

fail() {
    echo "FAIL: $*"
    exit 1
}

# Waits for a line in a log while the process lives; 0 when it appeared.
wait_for_line() {
    local pid=$1 log=$2 pattern=$3
    for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
        grep -q -- "$pattern" "$log" && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# Waits for the pattern's count in the log to exceed `before` (for lines seen more than once).
wait_for_more() {
    local pid=$1 log=$2 pattern=$3 before=$4
    for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
        [ "$(grep -c -- "$pattern" "$log")" -gt "$before" ] && return 0
        kill -0 "$pid" 2>/dev/null || return 1
        sleep 0.1
    done
    return 1
}

# Starts vigil-testcamera (the test's $TESTCAMERA) with these arguments and waits until it is ready:
# sets camera_pid and camera_log (the test kills the camera on exit) and the camera's "ready" line in
# camera_ready. File descriptor 3 stays open on the camera's stdin, for commands such as
# "motion gate on". Call it plainly, not in $(...): a subshell would lose camera_pid.
ui_start_test_camera() {
    camera_log="$WORK/camera.log"
    mkfifo "$WORK/camera.in"
    "$TESTCAMERA" "$@" <"$WORK/camera.in" >"$camera_log" 2>&1 &
    camera_pid=$!
    exec 3>"$WORK/camera.in"  # keeps the camera's stdin open until the test ends
    wait_for_line "$camera_pid" "$camera_log" '"ready":true' || { cat "$camera_log"; fail "the test camera did not start"; }
    camera_ready=$(grep '"ready":true' "$camera_log")
}

# Grabs the whole screen into a PNG (a path).
ui_grab() {
    xwd -root -silent | convert xwd:- "png:$1" || fail "cannot grab the screen into $1"
    echo "screenshot: $1"
}

# Fails unless the image looks like a real UI (image_check: colours, dominant colour, --differ regions).
ui_check_image() {
    local file=$1 dominant=$2
    shift 2
    "$CHECK" "$file" --min-colours 32 --max-dominant "$dominant" "$@" || fail "the screenshot $file looks blank or broken"
}

# Lets the scene graph paint the last change, grabs artifacts/<name> and checks it is not blank.
screenshot() {
    sleep "$SETTLE_SECONDS"
    ui_grab "$ARTIFACTS/$1"
    ui_check_image "$ARTIFACTS/$1" 0.97
}

# The usual start of a UI test: takes the test's arguments (<vigil> <image_check> <artifacts dir>),
# moves into a private Xvfb and a private home.
ui_begin() {
    VIGIL=$1
    CHECK=$2
    ARTIFACTS=$3
    ui_under_xvfb "$@"
    ui_private_home
}

# Runs the calling script again inside a private 1920x1080 Xvfb, unless it already is in one
# (UI_XVFB_SCREENS, set before ui_begin, gives other screens).
ui_under_xvfb() {
    if [ -z "${VIGIL_UI_UNDER_XVFB:-}" ]; then
        command -v xdotool >/dev/null || fail "xdotool is missing: run tools/install-deps.sh"
        # with_xvfb.sh, not xvfb-run -a: UI tests started together by ctest -j2 must not share a display.
        exec "$(dirname "${BASH_SOURCE[0]}")/../support/with_xvfb.sh" -s "${UI_XVFB_SCREENS:--screen 0 1920x1080x24}" \
            env VIGIL_UI_UNDER_XVFB=1 bash "$0" "$@"
    fi
}

# A temporary WORK folder (removed on exit) holding HOME and XDG_RUNTIME_DIR, so nothing of the
# user's is read or written; software OpenGL; a real X11 window.
ui_private_home() {
    unset QT_QPA_PLATFORM WAYLAND_DISPLAY
    export LIBGL_ALWAYS_SOFTWARE=1
    WORK=$(mktemp -d)
    trap 'rm -rf "$WORK"' EXIT
    export HOME="$WORK/home"
    export XDG_RUNTIME_DIR="$WORK/runtime"
    mkdir -p "$HOME" "$XDG_RUNTIME_DIR" "$ARTIFACTS"
    chmod 700 "$XDG_RUNTIME_DIR"
}

# Stops vigil with SIGTERM and fails unless it exits cleanly.
stop_and_check() {
    local pid=$1 log=$2
    kill -TERM "$pid"
    wait "$pid"
    local code=$?
    [ "$code" -eq 0 ] || { cat "$log"; fail "vigil exited with $code after SIGTERM (expected a clean stop)"; }
}

# Fails on QML warnings or the password in a log.
ui_check_log() {
    local log=$1
    grep -qiE "qrc:.*(error|warning|unavailable|undefined|TypeError)" "$log" && { cat "$log"; fail "QML warnings in the log"; }
    grep -q -- "$UI_PASSWORD" "$log" && fail "the password appears in $log"
    return 0
}

ui_type() {
    xdotool type --delay "$UI_KEY_DELAY_MS" -- "$1"
}

ui_key() {
    xdotool key --delay "$UI_KEY_DELAY_MS" "$@"
}

# Gives the Vigil window the X input focus. Xvfb runs no window manager, so nothing else does, and
# without it Qt has no active window and its shortcuts (Ctrl+L, Ctrl+3...) do not fire.
ui_focus_window() {
    local window
    window=$(xdotool search --sync --onlyvisible --name "^Vigil" | head -1)
    [ -n "$window" ] || fail "no Vigil window to type into"
    xdotool windowfocus --sync "$window"
}

# Fills the setup form from the first field (the focused user name) and submits it with Enter.
ui_complete_setup() {
    ui_type "$UI_ADMIN"
    ui_key Tab
    ui_type "$UI_PASSWORD"
    ui_key Tab
    ui_type "$UI_PASSWORD"
    ui_key Tab
    ui_type "$UI_EMAIL"
    local i
    for i in 1 2 3; do
        ui_key Tab
        ui_type "Question number $i?"
        ui_key Tab
        ui_type "answer $i"
    done
    ui_key Return
}

# The sign-in screen has the password field focused when the user name is known.
ui_sign_in_password() {
    ui_type "$UI_PASSWORD"
    ui_key Return
}

# A fresh standalone workstation: set the site up, sign in, and wait for the Home page's figures.
ui_setup_and_sign_in() {
    local pid=$1 log=$2
    wait_for_line "$pid" "$log" "session: setup" || { cat "$log"; fail "the setup screen did not come"; }
    sleep 1
    ui_focus_window
    ui_complete_setup
    wait_for_line "$pid" "$log" "site initialised" || { cat "$log"; fail "the setup was not accepted"; }
    sleep 1
    ui_sign_in_password
    wait_for_line "$pid" "$log" "session: signed in as $UI_ADMIN" || { cat "$log"; fail "the sign-in failed"; }
}

# --- the site's API from outside (curl), as another client would use it -------------------------------

# host:port of the embedded engine, from the standalone workstation's log.
ui_site_address() {
    grep -o "embedded engine running at https://[0-9.]*:[0-9]*" "$1" | head -1 | sed 's|.*https://||'
}

# Pins the CA the engine presents (the last certificate of its chain) into $WORK/ca.pem, as a client
# does on first contact, and signs in as the administrator: API_SITE and API_TOKEN for ui_api.
ui_api_sign_in() {
    API_SITE=$1
    openssl s_client -connect "$API_SITE" -showcerts </dev/null 2>/dev/null |
        awk '/BEGIN CERT/{c=""} {c=c $0 "\n"} /END CERT/{last=c} END{printf "%s", last}' >"$WORK/ca.pem"
    [ -s "$WORK/ca.pem" ] || fail "no CA certificate from $API_SITE"
    local body
    body=$(jq -n --arg u "$UI_ADMIN" --arg p "$UI_PASSWORD" '{userName: $u, password: $p, clientKind: "web"}')
    API_TOKEN=$(curl -sS --cacert "$WORK/ca.pem" -H "Content-Type: application/json" -d "$body" \
        "https://$API_SITE/api/v1/auth/login" | jq -r '.token // empty')
    [ -n "$API_TOKEN" ] || fail "cannot sign in to the API at $API_SITE"
}

# ui_api METHOD PATH [JSON]: prints the answer's body; fails on anything but 2xx.
ui_api() {
    local method=$1 path=$2 body=${3:-}
    local args=(-sS --cacert "$WORK/ca.pem" -X "$method" -H "Authorization: Bearer $API_TOKEN"
        -o "$WORK/api-body" -w "%{http_code}")
    [ -n "$body" ] && args+=(-H "Content-Type: application/json" -d "$body")
    local code
    code=$(curl "${args[@]}" "https://$API_SITE$path") || fail "curl $method $path failed"
    [[ "$code" == 2* ]] || { cat "$WORK/api-body"; fail "$method $path answered $code"; }
    cat "$WORK/api-body"
}

# --- shared steps of the tests that run a camera and the workstation -------------------------------

# On exit: stops the test camera ($camera_pid) and the workstation ($pid) if they still run, and
# removes $WORK.
ui_cleanup_on_exit() {
    camera_pid=
    trap '[ -n "$camera_pid" ] && kill "$camera_pid" 2>/dev/null; [ -n "${pid:-}" ] && kill "$pid" 2>/dev/null; rm -rf "$WORK"' EXIT
}

# Starts the standalone workstation on a fresh data folder, sets the site up, signs in, and signs in
# to its API as well: sets pid, log and site. Call it plainly, not in $(...).
ui_start_signed_in() {
    log="$WORK/vigil.log"
    "$VIGIL" --data-dir "$WORK/data" >"$log" 2>&1 &
    pid=$!
    ui_setup_and_sign_in "$pid" "$log"
    site=$(ui_site_address "$log")
    ui_api_sign_in "$site"
}

# Adds an ONVIF camera (its device service address, a name) through the API and waits until its first
# channel is online: sets device and channel.
ui_add_onvif_camera() {
    local answer
    answer=$(ui_api POST /api/v1/devices "{\"driver\":\"onvif\",\"address\":\"$1\",\"name\":\"$2\"}")
    device=$(jq -r '.id // empty' <<<"$answer")
    [ -n "$device" ] || { echo "$answer"; fail "the camera $2 was not added"; }
    channel=
    for _ in $(seq 1 $((WAIT_SECONDS * 2))); do
        answer=$(ui_api GET "/api/v1/devices/$device")
        if [ "$(jq -r '.channels[0].status.state // empty' <<<"$answer")" = online ]; then
            channel=$(jq -r '.channels[0].id' <<<"$answer")
            return 0
        fi
        sleep 0.5
    done
    echo "$answer"
    fail "the camera $2 did not come online"
}

# Pages log where their items are ("<page>: geometry name=x,y name=x,y,w,h ..."), so the mouse can
# find them. ui_geometry PAGE NAME: the latest value for the name.
ui_geometry() {
    grep "$1: geometry" "$log" | tail -1 | tr ' ' '\n' | sed -n "s/^$2=//p"
}
ui_wait_geometry() {
    for _ in $(seq 1 $((WAIT_SECONDS * 10))); do
        [ -n "$(ui_geometry "$1" "$2")" ] && return 0
        sleep 0.1
    done
    cat "$log"
    fail "the $1 page never showed $2"
}
ui_click_at() {
    xdotool mousemove --sync "${1%,*}" "${1#*,}" click 1
}

# The language selector of the setup and sign-in screens: the combo box at the top bar's right end
# (Theme sizes at 1920x1080). Clicking it opens the list below it, one row per language in the order
# English, 简体中文, Deutsch. ui_choose_language <row>: 1 English, 2 Simplified Chinese, 3 German.
readonly UI_LANGUAGE_BOX="1812,47"
readonly UI_LANGUAGE_FIRST_ROW_Y=91
readonly UI_LANGUAGE_ROW_HEIGHT=41
ui_choose_language() {
    ui_click_at "$UI_LANGUAGE_BOX"
    sleep 1
    ui_click_at "${UI_LANGUAGE_BOX%,*},$((UI_LANGUAGE_FIRST_ROW_Y + UI_LANGUAGE_ROW_HEIGHT * ($1 - 1)))"
}
