#!/usr/bin/env bash
# The browser for the browser tests: Debian's Chromium (Playwright's own browser downloads are not
# used: these machines reach Debian's packages, not Playwright's download site).
#
#   scripts/browser.sh          # installs chromium if missing, prints LIVECASINO_CHROMIUM=/path
#   source scripts/browser.sh   # same, and exports LIVECASINO_CHROMIUM into this shell
#
# Idempotent: with Chromium present it only prints the path. LIVECASINO_CHROMIUM, when already set
# to an executable, is kept as it is (a browser installed elsewhere).

# shellcheck source=lib/apt.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib/apt.sh"

_lcbr_log() { printf 'browser.sh: %s\n' "$*" >&2; }

# The first Chromium-like executable on this machine.
_lcbr_find() {
    local candidate
    if [ -n "${LIVECASINO_CHROMIUM:-}" ] && [ -x "${LIVECASINO_CHROMIUM}" ]; then
        printf '%s' "$LIVECASINO_CHROMIUM"
        return 0
    fi
    for candidate in chromium chromium-browser google-chrome-stable google-chrome; do
        if command -v "$candidate" >/dev/null 2>&1; then
            command -v "$candidate"
            return 0
        fi
    done
    for candidate in /usr/bin/chromium /usr/lib/chromium/chromium; do
        [ -x "$candidate" ] && { printf '%s' "$candidate"; return 0; }
    done
    return 1
}

_lcbr_install() { lc_apt_install browser.sh chromium; }

_lcbr_main() {
    local path
    if ! path="$(_lcbr_find)"; then
        _lcbr_install || return 1
        path="$(_lcbr_find)" || { _lcbr_log "chromium not found after install"; return 1; }
    fi
    # A browser that cannot start is as good as none: say so here, not in the middle of a test.
    if ! "$path" --headless --no-sandbox --version >/dev/null 2>&1; then
        _lcbr_log "$path does not run: $("$path" --version 2>&1 | head -1)"
        return 1
    fi
    printf 'LIVECASINO_CHROMIUM=%s\n' "$path"
    export LIVECASINO_CHROMIUM="$path"
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    _lcbr_main
else
    _lcbr_main
    exit $?
fi
