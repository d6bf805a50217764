#!/usr/bin/env bash
# The load harness's npm packages (bench/load/package.json: ws, socket.io 4.8, Colyseus 0.16).
#
#   scripts/load.sh    # installs Node.js/npm from Debian if missing, installs bench/load's packages
#                      # from package-lock.json when node_modules is missing or older (not committed)
#
# Needed by `dotnet run -c Release --project bench/LiveCasino.Bench -- fanout|betstorm`; the test
# suite does not use it. Colyseus's packages declare peer versions that npm cannot reconcile, hence
# --legacy-peer-deps (the versions in the lock file are the ones that work together). `npm install`,
# not `npm ci`: msgpackr's optional per-platform binaries are missing from the registry copy these
# machines reach, so the lock cannot list them and `npm ci` refuses it; install keeps the lock as is.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/apt.sh
. "$root/scripts/lib/apt.sh"
load="$root/bench/load"

log() { printf 'load.sh: %s\n' "$*" >&2; }

if ! command -v npm >/dev/null 2>&1; then
    lc_apt_install load.sh nodejs npm || exit 1
fi

installed="$load/node_modules/.package-lock.json"
if [ ! -f "$installed" ] || [ "$load/package-lock.json" -nt "$installed" ]; then
    log "npm install in bench/load (from package-lock.json)"
    (cd "$load" && npm install --legacy-peer-deps --no-audit --no-fund >&2)
fi

for module in ws socket.io @colyseus/core @colyseus/ws-transport; do
    [ -d "$load/node_modules/$module" ] || { log "npm install did not install $module"; exit 1; }
done
printf 'load harness: %s\n' "$load"
