#!/usr/bin/env bash
# Sets up and runs every Avnera test: unit, integration (real PostgreSQL started by the test fixture),
# bUnit component tests and Playwright end-to-end tests in Debian's Chromium.
# Prints a final line "N passed, N failed" and exits non-zero on any failure.
#   ./test.sh                      everything
#   ./test.sh --filter <expr>      a subset (dotnet test filter syntax), e.g. --filter "FullyQualifiedName~E2E"
set -euo pipefail
REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$REPO"
. scripts/lib.sh

ensure_dotnet
pg_bindir >/dev/null                          # PostgreSQL server binaries for the test fixture
ensure_packages chromium fonts-dejavu-core    # the browser Playwright drives (never `playwright install`)
[ -x /usr/bin/chromium ] || die "/usr/bin/chromium is missing after installing chromium"

log "building (Release)"
dotnet build Avnera.Blazor.sln -c Release --nologo -v quiet -clp:ErrorsOnly

results="$REPO/TestResults"
rm -rf "$results"
log "running tests"
set +e
dotnet test Avnera.Tests/Avnera.Tests.csproj -c Release --no-build --nologo \
  --logger "trx;LogFileName=avnera.trx" --logger "console;verbosity=normal" --results-directory "$results" "$@"
status=$?
set -e

trx="$results/avnera.trx"
if [ ! -f "$trx" ]; then
  echo "0 passed, 1 failed"
  die "no test results were written (the test run did not start; see above)"
fi
counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
count() { printf '%s' "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
passed=$(count passed); failed=$(count failed); total=$(count total); executed=$(count executed)
errors=$(( total - executed ))
# Tests that did not run (errors in fixtures, aborted runs) count as failures, never as passes.
failed=$(( failed + errors ))
if [ "$status" -ne 0 ] && [ "$failed" -eq 0 ]; then failed=1; fi
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
