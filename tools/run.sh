#!/usr/bin/env bash
# The run command: installs what is missing, builds, and starts the workstation in standalone mode
# (embedded engine, encrypted database in the user's data folder). With no display it starts the
# headless engine (vigild) on the same data instead and prints the address to use.
# Extra arguments go to the program, e.g. tools/run.sh --portable
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset default >/dev/null
cmake --build --preset default -j "$(nproc)"

if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" ]]; then
  echo "run: no display found (DISPLAY and WAYLAND_DISPLAY are empty): starting the headless engine instead."
  exec build/default/server/vigild "$@"
fi
exec build/default/app/vigil "$@"
