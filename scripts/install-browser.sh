#!/bin/sh
# Install Debian's headless browser for the end-to-end web test (tests/web, @pytest.mark.browser):
# chromium, its matching chromedriver (/usr/bin/chromedriver) and a small CJK font (fonts-wqy-microhei) so
# that Chinese labels render in screenshots. Idempotent: does nothing when all three are already present.
# Needs root (or sudo) and the Debian package mirror; no other network access.
#
# Usage: scripts/install-browser.sh
set -eu

PACKAGES="chromium chromium-driver fonts-wqy-microhei"

if dpkg -s $PACKAGES >/dev/null 2>&1 && [ -x /usr/bin/chromedriver ]; then
    echo "install-browser: already installed ($(chromium --version 2>/dev/null || echo chromium))"
    exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO="sudo"
    else
        echo "install-browser: need root or sudo to apt-get install $PACKAGES" >&2
        exit 1
    fi
fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends $PACKAGES
echo "install-browser: installed $(chromium --version 2>/dev/null || echo chromium)"
