#!/usr/bin/env bash
# Everything a fresh Debian 12 machine needs to run the tests:
# installs dependencies, builds with warnings as errors, runs ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh
BUILD_DIR="${PASSERELLE_BUILD_DIR:-build}"
cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc)"
