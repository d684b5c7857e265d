#!/usr/bin/env bash
# Everything a fresh Debian 12 machine needs to run the tests:
# installs dependencies, builds with warnings as errors, builds the fuzz
# harnesses (build-fuzz/, clang), then runs ctest: the unit and CLI tests,
# the fault tests (label "fault") and each fuzz harness for
# $PASSERELLE_FUZZ_SECONDS seconds (label "fuzz", default 60; 0 skips them).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
FUZZ_SECONDS="${PASSERELLE_FUZZ_SECONDS:-60}"
BUILD_DIR="${PASSERELLE_BUILD_DIR:-build}"
scripts/build.sh -DPASSERELLE_FUZZ_SECONDS="$FUZZ_SECONDS"
# An existing build folder gets the same duration.
cmake "$BUILD_DIR" -DPASSERELLE_FUZZ_SECONDS="$FUZZ_SECONDS" >/dev/null
if [ "$FUZZ_SECONDS" -gt 0 ]; then
  scripts/fuzz.sh --build
fi
cd "$BUILD_DIR"
ctest --output-on-failure -j "$(nproc)"
