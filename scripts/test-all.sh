#!/usr/bin/env bash
# `npm test`: every tier, one totals line at the end.
#   static       lint (incl. the src/core boundary) and type-check
#   unit         mocha in plain Node over src/core and src/sandbox (test/unit)
#   bench smoke  each benchmark once on a small size (BENCH_SMOKE=1), times not checked
#   fault        faults injected against the HTTP sandbox and the CLI (test/fault); prints what was lost (must be 0)
#   integration  the mocha suite inside the extension host of real VS Code 1.110 and 1.139 (code-server)
#   sign-in      its Microsoft-account tests, with VS Code's provider replaced by a stand-in and its
#                sign-in prompts shown and accepted (harness/run-sign-in.mjs)
#   e2e          the packaged .vsix installed in code-server, driven by Chromium, with screenshots
#   contract     after each tier above but static, every request our Graph client sent to the sandbox
#                (recorded with SANDBOX_RECORD_FILE) and the sandbox's answer, checked against
#                Microsoft's v1.0 metadata (test/contract); one pass/fail step per tier
# Each tier still runs when an earlier one failed, so one run shows everything that is broken.
# Env: CODE_SERVER_VERSIONS (default "4.110.0 4.139.1"), SKIP_VSCODE=1 (static + unit only).
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
ROOT=$PWD
[[ -d node_modules ]] || npm ci --no-audit --no-fund
VERSIONS="${CODE_SERVER_VERSIONS:-4.110.0 4.139.1}"
SUM=$(mktemp -d)
trap 'rm -rf "$SUM"' EXIT
passed=0; failed=0
tally() {  # tally <label> <summary-json or empty> <exit code>
  local p=0 f=0
  if [[ -s "$2" ]]; then
    p=$(node -p "JSON.parse(require('fs').readFileSync('$2','utf8')).passed")
    f=$(node -p "JSON.parse(require('fs').readFileSync('$2','utf8')).failed")
  fi
  # A tier that failed without reporting a failure (crash, no tests run) still counts as one failure.
  if [[ "$3" != 0 && "$f" == 0 ]]; then f=1; fi
  passed=$((passed + p)); failed=$((failed + f))
  echo "== $1: $p passed, $f failed"
}
contract() {  # contract <tier> <recording>: that tier's requests against the v1.0 metadata
  step "contract ($1)" npx tsx test/contract/checkLog.ts "$2" --tier "$1"
  rm -f "$2"  # an e2e recording is ~180 MB; the step printed what it found
}
step() {  # step <label> <command...>: a pass/fail step counted as one test
  local label=$1; shift
  echo "== $label"
  if "$@"; then echo '{"passed":1,"failed":0}' > "$SUM/step.json"; tally "$label" "$SUM/step.json" 0
  else echo '{"passed":0,"failed":1}' > "$SUM/step.json"; tally "$label" "$SUM/step.json" 1; fi
}

step "lint" npm run -s lint
step "type-check" npm run -s typecheck
step "v1.0 metadata extract up to date" node scripts/extract-graph-metadata.mjs --check

echo "== unit tests"
SANDBOX_RECORD_FILE="$SUM/unit.jsonl" TEST_SUMMARY_FILE="$SUM/unit.json" npx mocha; tally "unit" "$SUM/unit.json" $?
contract unit "$SUM/unit.jsonl"

# Each benchmark once on a small size: they keep running; their times are not checked here.
step "bench smoke" env BENCH_SMOKE=1 bash -c 'for b in bench/*.bench.ts; do npx tsx "$b" > /dev/null || { echo "$b failed"; exit 1; }; done'

echo "== fault tier"
SANDBOX_RECORD_FILE="$SUM/fault.jsonl" TEST_SUMMARY_FILE="$SUM/fault.json" npx mocha --config .mocharc.fault.json; tally "fault" "$SUM/fault.json" $?
contract fault "$SUM/fault.jsonl"

if [[ "${SKIP_VSCODE:-}" != 1 ]]; then
  CODE_SERVER_VERSIONS="$VERSIONS" bash harness/setup.sh || { echo "harness setup failed"; failed=$((failed + 1)); }
  step "build and package the .vsix" bash -c 'npm run -s package && npm run -s compile-tests'
  vsix=$(ls -t "$ROOT"/*.vsix 2>/dev/null | head -1)
  step "bench smoke: activation" env BENCH_SMOKE=1 node bench/activation.bench.mjs
  for v in $VERSIONS; do
    echo "== integration tests in VS Code (code-server $v)"
    CODE_SERVER_VERSION=$v SANDBOX_RECORD_FILE="$SUM/int-$v.jsonl" SUMMARY_FILE="$SUM/int-$v.json" node harness/run-integration.mjs; tally "integration $v" "$SUM/int-$v.json" $?
    contract "integration $v" "$SUM/int-$v.jsonl"
    echo "== sign-in with a Microsoft account in VS Code (code-server $v, stand-in provider)"
    CODE_SERVER_VERSION=$v SANDBOX_RECORD_FILE="$SUM/sign-in-$v.jsonl" SUMMARY_FILE="$SUM/sign-in-$v.json" node harness/run-sign-in.mjs; tally "sign-in $v" "$SUM/sign-in-$v.json" $?
    contract "sign-in $v" "$SUM/sign-in-$v.jsonl"
    echo "== e2e in Chromium (code-server $v, installed .vsix)"
    CODE_SERVER_VERSION=$v VSIX="$vsix" SANDBOX_RECORD_FILE="$SUM/e2e-$v.jsonl" SUMMARY_FILE="$SUM/e2e-$v.json" node test/e2e/run-e2e.mjs; tally "e2e $v" "$SUM/e2e-$v.json" $?
    contract "e2e $v" "$SUM/e2e-$v.jsonl"
  done
fi

echo
echo "$passed passed, $failed failed"
[[ $failed == 0 ]]
