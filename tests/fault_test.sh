#!/usr/bin/env bash
# Fault tests (issue 14): kill -9 at random points of `import` (a synthetic
# export of national size), `dossier add` and `dossier remove`, RUNS times
# each; after each kill the next command must see the old state or the new
# one, with the catalog, the files and the indexes agreeing, no stale lock
# and, after the next writer, no orphan left. Then a full disk (a small
# tmpfs, when this machine lets us mount one) during each writer.
#
#   tests/fault_test.sh PASSERELLE GEN_RNCP_EXPORT SHARED_DIR SOURCE_DIR [RUNS]
#
# Run by ctest (label "fault"); prints one line per run and a summary table.
set -euo pipefail
BIN="$1" GEN="$2" SHARED="$3" SOURCE="$4" RUNS="${5:-${PASSERELLE_FAULT_RUNS:-20}}"
TMP="$(mktemp -d)"
MOUNTED=""
cleanup() {
  [ -n "$MOUNTED" ] && umount "$MOUNTED" 2>/dev/null || true
  rm -rf "$TMP"
}
trap cleanup EXIT
failures=0
declare -A tried held

fail() { echo "ÉCHEC : $*" >&2; failures=$((failures + 1)); }
# What the dossier index holds, for a failure's diagnosis.
show_index() {
  { ls -la "$1/index"; cat "$1/index/XAPIANDB"; "$BIN" --workspace "$1" dossier list --json; } >&2 2>&1 || true
}
count() { tried[$1]=$(( ${tried[$1]:-0} + 1 )); [ "$2" = ok ] && held[$1]=$(( ${held[$1]:-0} + 1 )); return 0; }

# Runs `passerelle ARGS...` and kills it with SIGKILL after a random delay
# in [MIN_MS, MAX_MS] milliseconds (it may finish first).
kill_after_random() {
  local min_ms="$1" max_ms="$2"; shift 2
  local delay=$(( min_ms + (RANDOM * 32768 + RANDOM) % (max_ms - min_ms + 1) ))
  "$BIN" "$@" >/dev/null 2>&1 &
  local pid=$!
  sleep "$(printf '%d.%03d' $((delay / 1000)) $((delay % 1000)))"
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$delay"
}

elapsed_ms() { local start="$1"; echo $(( ($(date +%s%N) - start) / 1000000 )); }

# The lock is free (a kill never leaves it held).
lock_free() { [ ! -e "$1/lock" ] || flock -n "$1/lock" true; }

# What a reader sees of the certifications: a digest of `certifications
# --json`, "none" for a workspace that does not exist yet.
cert_state() {
  local out
  if ! out="$("$BIN" --workspace "$1" certifications --json 2>"$TMP/err")"; then
    grep -q "introuvable" "$TMP/err" && { echo none; return; }
    echo "error:$(head -c 200 "$TMP/err")"; return
  fi
  local listed files
  listed="$(printf '%s' "$out" | grep -c '"id":' || true)"
  files="$(find "$1/certifications" -name '*.xml' 2>/dev/null | wc -l)"
  # The catalog and the files agree.
  [ "$listed" = "$files" ] || { echo "mismatch:$listed/$files"; return; }
  [ "$listed" = 0 ] && { echo none; return; }  # an empty workspace: no state yet
  printf '%s' "$out" | sha256sum | cut -c1-16
}

# ---- import: kill -9 during a national-size import ----

# National size by default; PASSERELLE_FAULT_FICHES makes it smaller (a
# loaded development machine).
FICHES="${PASSERELLE_FAULT_FICHES:-25600}"
SIZE=(--fiches "$FICHES" --megabytes $(( FICHES * 560 / 25600 )))
echo "== export synthétique de $FICHES fiches"
"$GEN" "$TMP/a.xml" "${SIZE[@]}" >/dev/null
"$GEN" "$TMP/b.xml" "${SIZE[@]}" --drop-every 100 --retitle-every 50 >/dev/null
ls -l "$TMP/a.xml" "$TMP/b.xml" | awk '{print $5, $9}'
REF="$TMP/ref"
start=$(date +%s%N)
"$BIN" --workspace "$REF" import "$TMP/a.xml" >/dev/null
fresh_ms=$(elapsed_ms "$start")
state_a="$(cert_state "$REF")"
start=$(date +%s%N)
"$BIN" --workspace "$REF" import "$TMP/b.xml" >/dev/null
again_ms=$(elapsed_ms "$start")
state_b="$(cert_state "$REF")"
rm -rf "$REF"
echo "import complet : ${fresh_ms} ms ; réimport de l'export plus récent : ${again_ms} ms"

WS="$TMP/ws-import"
current=none
for run in $(seq 1 "$RUNS"); do
  if [ $((run % 2)) = 1 ]; then
    # A fresh workspace: old state "none", new state A.
    rm -rf "$WS"; current=none; target=a; expected_new="$state_a"; max=$fresh_ms
  else
    # Over the state the previous run left (none, A): import B, or A.
    if [ "$current" = "$state_a" ]; then target=b; expected_new="$state_b"; else target=a; expected_new="$state_a"; fi
    max=$again_ms
    [ "$current" = none ] && max=$fresh_ms
  fi
  # Half of the runs aim at the last third, where the commit, the
  # catalog and the content index are written.
  min=0
  [ $((run % 4)) = 0 ] || [ $((run % 4)) = 3 ] && min=$(( max * 2 / 3 ))
  delay=$(kill_after_random "$min" "$max" --workspace "$WS" import "$TMP/$target.xml")
  seen="$(cert_state "$WS")"
  verdict=ok
  lock_free "$WS" || { fail "import run $run : verrou resté pris"; verdict=ko; }
  if [ "$seen" != "$current" ] && [ "$seen" != "$expected_new" ]; then
    fail "import run $run (tué à ${delay} ms) : état ni ancien ni nouveau ($seen)"; verdict=ko
  fi
  echo "import run $run : tué à ${delay} ms — $([ "$seen" = "$current" ] && echo ancien || echo nouveau) état, $verdict"
  count import "$verdict"
  current="$seen"
done
# The next writer leaves no orphan.
"$BIN" --workspace "$WS" import "$TMP/a.xml" >/dev/null
if [ -n "$(ls -A "$WS/staging" 2>/dev/null)" ]; then fail "import : staging/ non vide après un import complet"; fi
[ "$(cert_state "$WS")" = "$state_a" ] || fail "import : état final différent de l'import propre"
rm -rf "$WS" "$TMP/a.xml" "$TMP/b.xml"

# ---- dossier add / remove ----

WS="$TMP/ws-dossiers"
D1="$SHARED/dossiers/v1_decolleteur.txt"
D2="$SHARED/dossiers/v2_fraiseur_moules.txt"
"$BIN" --workspace "$WS" dossier add "$D2" --candidate durand >/dev/null

# dupont's dossier as readers see it: its file name, "absent", or an error.
dossier_of() {
  local out
  out="$("$BIN" --workspace "$WS" dossier list --json 2>&1)" || { echo "error"; return; }
  "$BIN" --workspace "$WS" search "pièce OR outil OR usinage" --json >/dev/null 2>&1 || { echo "search-error"; return; }
  printf '%s' "$out" | grep -q '"durand"' || { echo "durand-lost"; return; }
  printf '%s' "$out" | tr -d '\n ' | grep -o '"candidate":"dupont","dossier":"[^"]*"' |
    sed 's/.*"dossier":"//; s/"$//' | grep . || echo absent
}
# After a writer: XAPIANDB and one generation, nothing else.
index_clean() { [ "$(ls -A "$WS/index" | wc -l)" = 2 ] && [ -f "$WS/index/XAPIANDB" ]; }

start=$(date +%s%N)
"$BIN" --workspace "$WS" dossier add "$D1" --candidate dupont >/dev/null
add_ms=$(( $(elapsed_ms "$start") * 2 ))
for run in $(seq 1 "$RUNS"); do
  before="$(dossier_of)"
  file="$([ $((run % 2)) = 1 ] && echo "$D2" || echo "$D1")"
  delay=$(kill_after_random 0 "$add_ms" --workspace "$WS" dossier add "$file" --candidate dupont)
  seen="$(dossier_of)"
  verdict=ok
  lock_free "$WS" || { fail "dossier add run $run : verrou resté pris"; verdict=ko; }
  if [ "$seen" != "$before" ] && [ "$seen" != "$(basename "$file")" ]; then
    fail "dossier add run $run (tué à ${delay} ms) : $seen (avant : $before)"; verdict=ko
    show_index "$WS"
  fi
  "$BIN" --workspace "$WS" dossier add "$file" --candidate dupont >/dev/null || { fail "dossier add run $run : ajout suivant refusé"; verdict=ko; }
  index_clean || { fail "dossier add run $run : orphelins dans index/ : $(ls "$WS/index" | tr '\n' ' ')"; verdict=ko; }
  echo "dossier add run $run : tué à ${delay} ms — $([ "$seen" = "$before" ] && echo ancien || echo nouveau) état, $verdict"
  count "dossier add" "$verdict"
done

start=$(date +%s%N)
"$BIN" --workspace "$WS" dossier remove --candidate dupont >/dev/null
remove_ms=$(( $(elapsed_ms "$start") * 2 ))
# "décolleteur" is only in dupont's dossier: its term must leave the disk.
for run in $(seq 1 "$RUNS"); do
  "$BIN" --workspace "$WS" dossier add "$D1" --candidate dupont >/dev/null
  delay=$(kill_after_random 0 "$remove_ms" --workspace "$WS" dossier remove --candidate dupont)
  seen="$(dossier_of)"
  verdict=ok
  lock_free "$WS" || { fail "dossier remove run $run : verrou resté pris"; verdict=ko; }
  if [ "$seen" != "absent" ] && [ "$seen" != "$(basename "$D1")" ]; then
    fail "dossier remove run $run (tué à ${delay} ms) : $seen"; verdict=ko
    show_index "$WS"
  fi
  [ "$seen" = absent ] || "$BIN" --workspace "$WS" dossier remove --candidate dupont >/dev/null
  "$BIN" --workspace "$WS" dossier add "$D2" --candidate durand >/dev/null  # a writer after the kill
  index_clean || { fail "dossier remove run $run : orphelins dans index/"; verdict=ko; }
  if grep -rqa "decollet" "$WS/index"; then
    fail "dossier remove run $run : le texte supprimé est encore sur le disque"; verdict=ko
  fi
  echo "dossier remove run $run : tué à ${delay} ms — $([ "$seen" = absent ] && echo nouveau || echo ancien) état, $verdict"
  count "dossier remove" "$verdict"
done

# ---- disk full ----

FULL="$TMP/full"
mkdir -p "$FULL"
if mount -t tmpfs -o size=8m tmpfs "$FULL" 2>/dev/null; then
  MOUNTED="$FULL"
  snapshot() { find "$1" -type f ! -name lock -exec sha256sum {} + 2>/dev/null | sort | sha256sum; }
  fill() {  # leaves about $1 KB free
    rm -f "$FULL/filler"
    local free_kb; free_kb=$(df -k --output=avail "$FULL" | tail -1)
    [ "$free_kb" -gt "$1" ] && dd if=/dev/zero of="$FULL/filler" bs=1K count=$((free_kb - $1)) 2>/dev/null || true
  }
  W="$FULL/ws"
  "$BIN" --workspace "$W" import "$SOURCE/referentiels/RNCP420.xml" >/dev/null
  "$BIN" --workspace "$W" dossier add "$D2" --candidate durand >/dev/null
  "$BIN" --workspace "$W" dossier add "$D1" --candidate dupont >/dev/null
  for writer in "import $SOURCE/referentiels/TP-00211.xml $SOURCE/referentiels/RNCP35697.xml" \
                "dossier add $SHARED/dossiers/v3_cuisinier.txt --candidate martin" \
                "dossier add $D2 --candidate dupont" "dossier remove --candidate dupont"; do
    for free in 4 64 256; do
      before="$(snapshot "$W")"
      fill "$free"
      verdict=ok
      # shellcheck disable=SC2086
      if "$BIN" --workspace "$W" $writer >/dev/null 2>"$TMP/err"; then
        : # it fitted: fine, nothing to check but readability below
      elif ! grep -q "passerelle : " "$TMP/err" || grep -qi "terminate\|abort" "$TMP/err"; then
        fail "disque plein ($writer, $free Ko) : $(head -c 300 "$TMP/err")"; verdict=ko
      else
        after="$(snapshot "$W")"
        case "$writer" in
          # A removal commits the deletion before compacting: it may stay done.
          "dossier remove"*) ;;
          *) [ "$before" = "$after" ] || { fail "disque plein ($writer, $free Ko) : espace de travail modifié"; verdict=ko; } ;;
        esac
      fi
      rm -f "$FULL/filler"
      "$BIN" --workspace "$W" certifications --json >/dev/null 2>&1 || { fail "disque plein ($writer) : certifications illisibles"; verdict=ko; }
      "$BIN" --workspace "$W" dossier list --json >/dev/null 2>&1 || { fail "disque plein ($writer) : index illisible"; verdict=ko; }
      lock_free "$W" || { fail "disque plein ($writer) : verrou resté pris"; verdict=ko; }
      echo "disque plein, $writer, $free Ko libres : $verdict"
      count "disque plein" "$verdict"
    done
  done
else
  echo "disque plein : montage d'un tmpfs impossible ici ; couvert par MemoryFileSystem (workspace_test)"
fi

echo
echo "| faute | essais | tenus |"
echo "| --- | --- | --- |"
for k in import "dossier add" "dossier remove" "disque plein"; do
  [ -n "${tried[$k]:-}" ] && echo "| $k | ${tried[$k]} | ${held[$k]:-0} |"
done
[ "$failures" = 0 ] || { echo "$failures échec(s)" >&2; exit 1; }
