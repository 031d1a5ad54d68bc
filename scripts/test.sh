#!/usr/bin/env bash
# Runs the whole test suite: every database test on SQLite and PostgreSQL, browser tests in Chromium.
# Starts a throwaway PostgreSQL when VERMILION_TEST_POSTGRES is not already set.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${VERMILION_TEST_POSTGRES:-}" ]; then
  eval "$(scripts/postgres.sh start)"
  export VERMILION_TEST_POSTGRES
fi
export VERMILION_CHROMIUM="${VERMILION_CHROMIUM:-/usr/bin/chromium}"

results=$(mktemp -d)
status=0
dotnet test Vermilion.slnx --logger "trx" --results-directory "$results" "$@" || status=$?

# One plain closing line over every test project.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  n=$(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${n:-0}))
done
rm -rf "$results"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$passed" -eq 0 ] && [ "$status" -eq 0 ]; then status=1; fi
exit "$status"
