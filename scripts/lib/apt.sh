# Sourced by the install scripts: installs Debian packages as root, or through passwordless sudo.
#
#   lc_apt_install <who> <package>...   # <who> prefixes the messages, e.g. "web.sh"
#
# Returns 1 with the command to run by hand when neither root nor sudo is available.
lc_apt_install() {
    local who="$1"
    shift
    local sudo=""
    if [ "$(id -u)" -ne 0 ]; then
        if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
            sudo="sudo"
        else
            printf '%s: %s is not installed and installing needs root: sudo apt-get install -y %s\n' "$who" "$*" "$*" >&2
            return 1
        fi
    fi
    printf '%s: installing %s (apt-get)\n' "$who" "$*" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}
