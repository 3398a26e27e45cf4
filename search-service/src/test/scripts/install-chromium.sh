#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium and its driver for the browser test (SearchPageIT), if missing.
# Called by the test itself; needs root (CI runs as root) or passwordless sudo.
set -euo pipefail
if [ -x /usr/bin/chromedriver ] && { [ -x /usr/bin/chromium ] || [ -x /usr/bin/chromium-browser ]; }; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo -n"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver fonts-dejavu-core >/dev/null
test -x /usr/bin/chromedriver
