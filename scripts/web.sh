#!/usr/bin/env bash
# The web client's npm packages (src/LiveCasino.Server/package.json: the SignalR browser client).
#
#   scripts/web.sh     # installs Node.js/npm from Debian if missing, runs npm ci when node_modules
#                      # is missing or older than package-lock.json, copies the browser client into
#                      # src/LiveCasino.Server/wwwroot/lib/signalr/ (not committed)
#
# The server's build does the same (npm ci when missing, then the copy); this script is for a shell
# (test.sh runs it before building, so an install failure is reported as such).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/apt.sh
. "$root/scripts/lib/apt.sh"
client="$root/src/LiveCasino.Server"

log() { printf 'web.sh: %s\n' "$*" >&2; }

if ! command -v npm >/dev/null 2>&1; then
    lc_apt_install web.sh nodejs npm || exit 1
fi

installed="$client/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$client/package-lock.json" -nt "$installed" ]; then
    log "npm ci in src/LiveCasino.Server"
    (cd "$client" && npm ci --no-audit --no-fund >&2)
fi

dist="$client/node_modules/@microsoft/signalr/dist/browser"
[ -f "$dist/signalr.min.js" ] || { log "npm ci did not install @microsoft/signalr"; exit 1; }
mkdir -p "$client/wwwroot/lib/signalr"
cp -p "$dist/signalr.min.js" "$dist/signalr.min.js.map" "$client/wwwroot/lib/signalr/"
printf 'signalr client: %s\n' "$client/wwwroot/lib/signalr/signalr.min.js"
