#!/usr/bin/env bash
# The test command: installs what is missing (Debian packages), builds with the CI preset
# (warnings are errors) and runs the whole suite with CTest. Usage: tools/test.sh [ctest args...]
set -euo pipefail
cd "$(dirname "$0")/.."

tools/install-deps.sh
cmake --preset ci
cmake --build --preset ci -j "$(nproc)"
ctest --preset ci "$@"
