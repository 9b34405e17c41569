#!/usr/bin/env bash
# The browser tests (test/e2e/*.browser.e2e-spec.ts) drive Debian's chromium through playwright-core: install it from
# Debian's packages when it is missing (never `npx playwright install`, which downloads a browser build of its own).
set -euo pipefail
as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ! -x /usr/bin/chromium ]; then
  echo "Installation de chromium (paquet Debian) pour les tests dans le navigateur…"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
/usr/bin/chromium --headless --no-sandbox --disable-gpu --version >/dev/null 2>&1 \
  || { echo "chromium est installé mais ne démarre pas (/usr/bin/chromium)" >&2; exit 1; }
