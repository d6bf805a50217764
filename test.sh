#!/usr/bin/env bash
# Runs the whole LiveCasino test suite on a fresh machine:
#   1. installs and starts what the tests need if it is missing: PostgreSQL (from Debian, on a free
#      loopback port in a temp dir), Chromium (from Debian) and the web client's npm packages for
#      the browser tests, HAProxy (from Debian) for the cluster tests;
#   2. builds the solution once (Release, warnings are errors);
#   3. runs every test project, one after another;
#   4. stops what it started, and prints "N passed, N failed".
# Set LIVECASINO_PG to use an existing PostgreSQL instead of a throwaway one, LIVECASINO_CHROMIUM
# to use another Chromium executable.
set -euo pipefail
cd "$(dirname "$0")"
root="$(pwd)"

say() { printf '\n== %s\n' "$*"; }

command -v dotnet >/dev/null 2>&1 || { echo "test.sh: the .NET SDK (see global.json) is required" >&2; exit 1; }

started_pg=""
cleanup() {
    if [ -n "$started_pg" ]; then
        LIVECASINO_PG_DIR="$started_pg" bash "$root/scripts/postgres.sh" stop || true
    fi
}
trap cleanup EXIT

if [ -z "${LIVECASINO_PG:-}" ]; then
    say "starting a throwaway PostgreSQL"
    started_pg="$(mktemp -u /tmp/livecasino-test-pg.XXXXXX)"
    line="$(LIVECASINO_PG_DIR="$started_pg" bash "$root/scripts/postgres.sh" start | grep '^LIVECASINO_PG=' | tail -1)"
    [ -n "$line" ] || { echo "test.sh: PostgreSQL did not start" >&2; exit 1; }
    export LIVECASINO_PG="${line#LIVECASINO_PG=}"
fi
echo "PostgreSQL: $LIVECASINO_PG"

say "installing Chromium and the web client's npm packages if missing"
line="$(bash "$root/scripts/browser.sh" | grep "^LIVECASINO_CHROMIUM=" | tail -1 || true)"
[ -n "$line" ] || { echo "test.sh: Chromium is not available for the browser tests" >&2; exit 1; }
export LIVECASINO_CHROMIUM="${line#LIVECASINO_CHROMIUM=}"
echo "Chromium: $LIVECASINO_CHROMIUM"
bash "$root/scripts/web.sh"

say "installing HAProxy if missing (the cluster tests put it in front of their nodes)"
if ! command -v haproxy >/dev/null 2>&1; then
    . "$root/scripts/lib/apt.sh"
    lc_apt_install test.sh haproxy
fi

say "building (Release)"
dotnet build LiveCasino.sln -c Release -nologo -clp:ErrorsOnly

passed=0; failed=0; skipped=0; status=0
digest="$(mktemp)"
for project in $(find tests -name '*.Tests.csproj' | sort); do
    say "testing $(basename "$project" .csproj)"
    log="$(mktemp)"
    if ! dotnet test "$project" -c Release --no-build -nologo 2>&1 | tee "$log"; then
        status=1
    fi
    # dotnet test ends each run with "Passed!  - Failed: X, Passed: Y, Skipped: Z, Total: T ..."
    summary="$(grep -E '(Passed|Failed)! +- +Failed: ' "$log" | tail -1 || true)"
    if [ -z "$summary" ]; then
        echo "test.sh: no test summary from $project" >&2
        status=1
    else
        f="$(sed -E 's/.*Failed: +([0-9]+).*/\1/' <<<"$summary")"
        p="$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")"
        s="$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")"
        passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + s))
    fi
    # Each failure's name and the start of its message, repeated in the summary (a CI log's tail).
    awk '/^  Failed [A-Za-z]/ { n = 12 } n > 0 && !/^  Stack Trace:/ { print; n-- } /^  Stack Trace:/ { n = 0 }' "$log" |
        cut -c1-400 >>"$digest"
    rm -f "$log"
done

say "summary"
if [ -s "$digest" ]; then
    echo "failures (the start of each message; the full text is above):"
    cat "$digest"
fi
rm -f "$digest"
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$failed" -ne 0 ] || [ "$status" -ne 0 ]; then
    exit 1
fi
