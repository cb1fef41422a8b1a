#!/usr/bin/env bash
# Static figure export (kaleido) needs Chrome or Chromium. Find one, or install Debian's chromium.
set -euo pipefail
for b in "${BROWSER_PATH:-}" "$(command -v chromium || true)" "$(command -v chromium-browser || true)" \
         "$(command -v google-chrome || true)" /usr/bin/chromium; do
  if [ -n "$b" ] && [ -x "$b" ]; then exit 0; fi
done
echo "No Chrome/Chromium found: installing Debian's chromium for static figure export (kaleido)." >&2
if command -v apt-get >/dev/null 2>&1; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium >/dev/null
  echo "Installed $(chromium --version)." >&2
else
  echo "Install Chrome or Chromium, or set BROWSER_PATH to one (or run: .venv/bin/plotly_get_chrome)." >&2
  exit 1
fi
