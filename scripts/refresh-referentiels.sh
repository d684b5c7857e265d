#!/usr/bin/env bash
# Regenerates referentiels/*.xml (the canonical files of the five official
# documents) from the raw documents in ../shared/referentiels.
# A test (tests/referentiels_test.cc) checks that the result is identical to
# what is committed.
set -euo pipefail
cd "$(dirname "$0")/.."
SHARED="${PASSERELLE_SHARED_DIR:-../shared}"
scripts/build.sh >/dev/null
BIN="${PASSERELLE_BUILD_DIR:-build}/passerelle"
WS="$(mktemp -d)"
trap 'rm -rf "$WS"' EXIT
"$BIN" --workspace "$WS" import "$SHARED"/referentiels/*.txt
mkdir -p referentiels
rm -f referentiels/*.xml
for f in "$WS"/certifications/*.xml; do
  cp "$f" "referentiels/$(basename "$f")"
done
chmod 644 referentiels/*.xml
ls referentiels
