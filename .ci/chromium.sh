#!/usr/bin/env bash
# Install Debian's chromium when it is missing, for the headless-browser test of the HTML report
# (tests/reports/test_browser.py). Needs root, as CI runners have; prints the version either way.
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "chromium is missing and installing it needs root: sudo $0" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq && apt-get install -y -qq chromium
fi

chromium --version
