#!/usr/bin/env bash
# Installs the Debian packages Passerelle needs, only those missing.
# Idempotent and quiet when everything is there.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config
  libicu-dev libxapian-dev libpugixml-dev libhpdf-dev libboost-test-dev
  libpoppler-cpp-dev nlohmann-json3-dev libzip-dev libsqlite3-dev
  fonts-dejavu-core poppler-utils
  clang libclang-rt-14-dev
)

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installation des paquets manquants : ${missing[*]}"
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
