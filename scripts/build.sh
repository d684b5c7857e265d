#!/usr/bin/env bash
# Configures and builds Passerelle in build/ (Release, warnings as errors).
# Usage: scripts/build.sh [extra cmake arguments]
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${PASSERELLE_BUILD_DIR:-build}"
generator=()
command -v ninja >/dev/null && generator=(-G Ninja)
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" "${generator[@]}" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DPASSERELLE_WERROR=ON "$@" >/dev/null
fi
cmake --build "$BUILD_DIR" -j "$(nproc)"
