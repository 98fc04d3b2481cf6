# Shared by the workstation UI tests: drive the setup and sign-in screens with real keyboard input
# (xdotool) into the focused Vigil window. Sourced after the test defines fail() and wait_for_line().

readonly UI_ADMIN=admin
readonly UI_PASSWORD='Harbour-Lamp-73'
readonly UI_EMAIL=admin@example.com
readonly UI_KEY_DELAY_MS=25

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
