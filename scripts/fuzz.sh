#!/usr/bin/env bash
# Runs the libFuzzer harnesses of fuzz/ (fuzz/README.md).
#   scripts/fuzz.sh SECONDS              build build-fuzz/, run every harness SECONDS each
#   scripts/fuzz.sh --build              only build build-fuzz/ (clang, ASan, UBSan)
#   scripts/fuzz.sh --run READER SECONDS one harness, already built (what ctest runs)
# A crash, a sanitizer report or a violated check stops the harness with a
# non-zero status and leaves the input in build-fuzz/artifacts/<reader>/;
# once fixed, it goes to fuzz/regressions/<reader>/, which the tests replay.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
FUZZ_DIR="${PASSERELLE_FUZZ_BUILD_DIR:-$ROOT/build-fuzz}"
SHARED="${PASSERELLE_SHARED_DIR:-$ROOT/../shared}"
READERS=(rncp_text reac_text opendata_xml canonical_xml docx odt pdf_text dossier_text search_query)

build() {
  local generator=()
  command -v ninja >/dev/null && generator=(-G Ninja)
  if [ ! -f "$FUZZ_DIR/CMakeCache.txt" ]; then
    CC=clang CXX=clang++ cmake -S "$ROOT" -B "$FUZZ_DIR" "${generator[@]}" \
      -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS_FUZZ="-O1 -gline-tables-only" -DPASSERELLE_FUZZ=ON \
      -DPASSERELLE_SHARED_DIR="$SHARED" ${PASSERELLE_FUZZ_CMAKE_ARGS:-} >/dev/null
  fi
  cmake --build "$FUZZ_DIR" -j "$(nproc)" --target fuzz_all
}

# The seed corpus of a reader: documents of ../shared, of the repository and
# of fuzz/seeds/, and every regression input.
seed() {
  local reader="$1" into="$2"
  mkdir -p "$into"
  local files=()
  case "$reader" in
    rncp_text) files=("$SHARED"/referentiels/rncp*.txt) ;;
    reac_text) files=("$SHARED"/referentiels/tp*.txt "$SHARED"/referentiels-extra/*.txt) ;;
    opendata_xml) files=("$SHARED"/data/rncp-xml/export-fiches-rncp-extract.xml) ;;
    canonical_xml) files=("$ROOT"/referentiels/*.xml) ;;
    dossier_text) files=("$ROOT"/tests/data/dossiers/*.txt "$SHARED"/dossiers/*.txt "$ROOT"/examples/*.md) ;;
  esac
  for f in "${files[@]}" "$ROOT"/fuzz/seeds/"$reader"/* "$ROOT"/fuzz/regressions/"$reader"/*; do
    [ -f "$f" ] && cp "$f" "$into/"
  done
  return 0
}

run() {
  local reader="$1" seconds="$2"
  local binary="$FUZZ_DIR/fuzz/fuzz_$reader"
  if [ ! -x "$binary" ]; then
    echo "fuzz_$reader absent : lancez d'abord scripts/fuzz.sh --build" >&2
    exit 1
  fi
  local corpus="$FUZZ_DIR/corpus/$reader" seeds="$FUZZ_DIR/seeds/$reader"
  local artifacts="$FUZZ_DIR/artifacts/$reader"
  rm -rf "$seeds"
  seed "$reader" "$seeds"
  mkdir -p "$corpus" "$artifacts"
  # One random seed per commit (PASSERELLE_FUZZ_SEED overrides it): a run on
  # a commit explores what CI's run of the same commit explores, so a
  # finding can be reproduced, and each new commit explores anew.
  local fuzz_seed="${PASSERELLE_FUZZ_SEED:-}"
  if [ -z "$fuzz_seed" ]; then
    local head
    head="$(git -C "$ROOT" rev-parse HEAD 2>/dev/null || echo 0)"
    fuzz_seed=$(( 16#${head:0:7} + 1 ))
  fi
  # Leaks are not looked for: poppler and ICU keep caches for the process.
  ASAN_OPTIONS="detect_leaks=0:allocator_may_return_null=1:${ASAN_OPTIONS:-}" \
  UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1:${UBSAN_OPTIONS:-}" \
    "$binary" "$corpus" "$seeds" -max_total_time="$seconds" -seed="$fuzz_seed" -max_len=65536 -timeout=30 \
      -rss_limit_mb=2048 -print_final_stats=1 -artifact_prefix="$artifacts/" 2>"$artifacts/log" || {
    status=$?
    tail -n 60 "$artifacts/log" >&2
    echo "fuzz_$reader : défaut trouvé (statut $status, graine $fuzz_seed), entrée dans $artifacts/" >&2
    exit 1
  }
  grep -E "^stat::number_of_executed_units|^#[0-9]+.*DONE" "$artifacts/log" | tail -n 2 || true
  echo "fuzz_$reader : ${seconds} s sans défaut (graine $fuzz_seed)"
}

case "${1:-}" in
  --build) build ;;
  --run) run "$2" "$3" ;;
  ''|-h|--help) sed -n 2,8p "$0"; exit 2 ;;
  *)
    build
    for reader in "${READERS[@]}"; do run "$reader" "$1"; done
    ;;
esac
