#!/usr/bin/env bash
# `npm run demo`: installs what is missing (npm packages, Chromium, code-server), packages the
# extension, installs the .vsix into a real VS Code (code-server) and serves it on
# http://127.0.0.1:${PORT:-8080}/ until Ctrl+C. State (settings, storage) is kept between runs in
# ~/.cache/cross-tenant-explorer/demo; DEMO_FRESH=1 starts from scratch.
#   npm run demo -- --sandbox-url http://127.0.0.1:8787   use an external HTTP sandbox (npm run sandbox)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
[[ -d node_modules ]] || npm ci --no-audit --no-fund
CODE_SERVER_VERSIONS="${CODE_SERVER_VERSION:-4.139.1}" bash harness/setup.sh
npm run -s package >/dev/null
exec node harness/demo.mjs "$(ls -t ./*.vsix | head -1)" "$@"
