#!/usr/bin/env bash
# The main job on the shipped sample, from a fresh clone: installs
# dependencies, builds, imports the shipped referentiels into a demo
# workspace and shows what Passerelle made of them.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh >/dev/null
BIN="${PASSERELLE_BUILD_DIR:-build}/passerelle"
WS="${PASSERELLE_DEMO_WORKSPACE:-$PWD/out/demo-workspace}"
OUT="$(dirname "$WS")"
rm -rf "$WS"
mkdir -p "$OUT"

echo "== Import des référentiels livrés (referentiels/*.xml)"
"$BIN" --workspace "$WS" import referentiels/*.xml
echo
echo "== Certifications de l'espace de travail"
"$BIN" --workspace "$WS" certifications
echo
"$BIN" --workspace "$WS" show TP-00211 > "$OUT/TP-00211.txt"
"$BIN" --workspace "$WS" show TP-00211 --json > "$OUT/TP-00211.json"
"$BIN" --workspace "$WS" show RNCP420 --json > "$OUT/RNCP420.json"
echo "== Résultat"
echo "Espace de travail : $WS"
echo "Référentiel TP-00211 détaillé : $OUT/TP-00211.txt (JSON : $OUT/TP-00211.json)"
