#!/bin/sh
# Runs a command inside a private D-Bus session with gnome-keyring, in a throw-away HOME and runtime
# folder so a developer's own keyring is never read or changed.
# Usage: run_with_keyring.sh [--no-unlock] <command> [arguments...]
#   default      the login keyring is created and unlocked before the command runs
#   --no-unlock  no keyring is unlocked: the command meets a bus whose secret service cannot serve it
set -eu
unlock=yes
if [ "${1:-}" = "--no-unlock" ]; then
  unlock=no
  shift
fi
home=$(mktemp -d)
trap 'rm -rf "$home"' EXIT
mkdir -m 0700 "$home/share" "$home/run"
export HOME="$home" XDG_DATA_HOME="$home/share" XDG_RUNTIME_DIR="$home/run"
if [ "$unlock" = yes ]; then
  # --unlock reads the login keyring's password on stdin and creates that keyring when missing.
  dbus-run-session -- sh -c 'printf test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && exec "$@"' \
    sh "$@"
else
  dbus-run-session -- "$@"
fi
