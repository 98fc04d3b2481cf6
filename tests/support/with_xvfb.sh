#!/usr/bin/env bash
# with_xvfb.sh [-s "Xvfb screen arguments"] command [args...]
# Runs the command in a private Xvfb and stops the server afterwards. Xvfb picks a free display
# itself (-displayfd) and tells it once it accepts clients. Tests that start at the same moment
# therefore never collide on a display number. xvfb-run -a checks for a free number first and only
# later starts the server on it, so two UI tests started together by ctest -j2 could pick the same
# number, and one failed in a quarter of a second.
set -u
screens="-screen 0 1920x1080x24"
if [ "${1:-}" = "-s" ]; then
    screens=$2
    shift 2
fi
[ $# -gt 0 ] || { echo "usage: with_xvfb.sh [-s 'screen args'] command [args...]" >&2; exit 2; }
command -v Xvfb >/dev/null || { echo "Xvfb is missing: run tools/install-deps.sh" >&2; exit 1; }

number_file=$(mktemp)
# shellcheck disable=SC2086  # the screen arguments are meant to split
Xvfb -displayfd 3 -nolisten tcp $screens 3>"$number_file" 2>"$number_file.log" &
server=$!
cleanup() {
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    rm -f "$number_file" "$number_file.log"
}
trap cleanup EXIT
trap 'exit 143' TERM INT

for _ in $(seq 1 200); do  # bounds a hang only: Xvfb is ready in well under a second
    [ -s "$number_file" ] && break
    kill -0 "$server" 2>/dev/null || { echo "Xvfb did not start:" >&2; cat "$number_file.log" >&2; exit 1; }
    sleep 0.05
done
[ -s "$number_file" ] || { echo "Xvfb did not report its display" >&2; exit 1; }
DISPLAY=":$(head -n1 "$number_file")" "$@"
