#!/usr/bin/env bash
# Installs the Debian packages the tests need (Chromium for browser tests, CJK fonts so
# Chinese renders, PostgreSQL 15 with PostGIS for the second database) when run as root;
# otherwise says exactly what to install. Safe to run again: installs only what is missing.
set -euo pipefail
PACKAGES=(chromium fonts-noto-cjk postgresql-15 postgresql-15-postgis-3)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null; then
  echo "Tongxing's tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install -y --no-install-recommends ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} (apt, once)…"
apt-get update -qq
# One package at a time: a failure then names the package that failed.
for p in "${missing[@]}"; do
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$p" >/dev/null
done
