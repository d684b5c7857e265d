#!/usr/bin/env bash
# The main job on the shipped sample, from a fresh clone: installs
# dependencies, builds, imports the shipped referentiels into a demo
# workspace, indexes the sample dossier of examples/, maps it onto TP-00211
# and writes the candidate's PDF gap report; then the certifications the
# dossier fits best, and the equivalences between the two bac pro.
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
echo "== Dossier d'exemple (examples/dossier-exemple.md) indexé pour le candidat « exemple »"
"$BIN" --workspace "$WS" dossier add examples/dossier-exemple.md --candidate exemple
echo
echo "== Correspondance du dossier avec TP-00211"
"$BIN" --workspace "$WS" map --candidate exemple --target TP-00211
echo
"$BIN" --workspace "$WS" report --candidate exemple --target TP-00211 \
  -o "$OUT/rapport-exemple.pdf" --json-too >/dev/null
echo "== Certifications et blocs que le dossier couvre le mieux"
"$BIN" --workspace "$WS" suggest --candidate exemple --top 3
echo
echo "== Certifications proches de TP-00211"
"$BIN" --workspace "$WS" related TP-00211 --top 3
echo
echo "== Équivalences entre RNCP420 et RNCP35697 (le bac pro rénové)"
"$BIN" --workspace "$WS" compare RNCP420 RNCP35697 -o "$OUT/equivalences-RNCP420-RNCP35697.pdf"
echo
echo "== Résultat"
echo "Espace de travail : $WS"
echo "Référentiel TP-00211 détaillé : $OUT/TP-00211.txt (JSON : $OUT/TP-00211.json)"
echo "Rapport de positionnement du candidat : $OUT/rapport-exemple.pdf (JSON : $OUT/rapport-exemple.json)"
echo "Rapport d'équivalence : $OUT/equivalences-RNCP420-RNCP35697.pdf"
