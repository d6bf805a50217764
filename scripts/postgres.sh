#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and benchmarks: loopback only, trust auth, data in a temp dir.
#
#   scripts/postgres.sh start     # installs PostgreSQL if missing, starts it, prints LIVECASINO_PG=...
#   scripts/postgres.sh env       # prints LIVECASINO_PG=... of the running server
#   scripts/postgres.sh stop      # stops the server and removes its directory
#   source scripts/postgres.sh start   # same as start, and exports LIVECASINO_PG into this shell
#
# Idempotent: start on a running server only prints its connection string; stop on nothing is fine.
# LIVECASINO_PG_DIR chooses the directory (default /tmp/livecasino-pg); one server per directory.
# PostgreSQL refuses to run as root, so as root the server runs as the 'postgres' OS user.

_lcpg_dir() { printf '%s' "${LIVECASINO_PG_DIR:-/tmp/livecasino-pg}"; }

_lcpg_log() { printf 'postgres.sh: %s\n' "$*" >&2; }

# Newest installed server binaries (Debian keeps them in /usr/lib/postgresql/<major>/bin).
_lcpg_find_bin() {
    local d best=""
    for d in /usr/lib/postgresql/*/bin; do
        [ -x "$d/initdb" ] && [ -x "$d/pg_ctl" ] && best="$d"
    done
    if [ -z "$best" ] && command -v pg_config >/dev/null 2>&1; then
        d="$(pg_config --bindir)"
        [ -x "$d/initdb" ] && best="$d"
    fi
    if [ -z "$best" ] && command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
        best="$(dirname "$(command -v initdb)")"
    fi
    printf '%s' "$best"
}

_lcpg_install() {
    if [ "$(id -u)" -ne 0 ]; then
        _lcpg_log "PostgreSQL is not installed and installing needs root: apt-get install -y postgresql"
        return 1
    fi
    _lcpg_log "installing PostgreSQL (apt-get)"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2 &&
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
}

# Runs a command as the server's OS user: 'postgres' when we are root, ourselves otherwise.
_lcpg_as_owner() {
    if [ "$(id -u)" -eq 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

_lcpg_owner_name() {
    if [ "$(id -u)" -eq 0 ]; then printf 'postgres'; else id -un; fi
}

# A loopback port nobody listens on (a refused connection means free).
_lcpg_free_port() {
    local port tries=0
    while [ $tries -lt 200 ]; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            printf '%s' "$port"
            return 0
        fi
        tries=$((tries + 1))
    done
    _lcpg_log "no free loopback port found"
    return 1
}

_lcpg_running() {
    local dir bin
    dir="$(_lcpg_dir)"
    bin="$(_lcpg_find_bin)"
    [ -n "$bin" ] && [ -f "$dir/env" ] && [ -d "$dir/data" ] &&
        _lcpg_as_owner "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1
}

_lcpg_start() {
    local dir bin port user db="livecasino"
    dir="$(_lcpg_dir)"
    if _lcpg_running; then
        cat "$dir/env"
        return 0
    fi

    bin="$(_lcpg_find_bin)"
    if [ -z "$bin" ]; then
        _lcpg_install || return 1
        bin="$(_lcpg_find_bin)"
        [ -n "$bin" ] || { _lcpg_log "PostgreSQL binaries not found after install"; return 1; }
    fi

    # A stale directory from a crashed run: remove it and start clean.
    rm -rf "$dir"
    mkdir -p "$dir/data" "$dir/sock" || return 1
    user="$(_lcpg_owner_name)"
    if [ "$(id -u)" -eq 0 ]; then
        id postgres >/dev/null 2>&1 || { _lcpg_log "OS user 'postgres' is missing (the package creates it)"; return 1; }
        chown -R postgres: "$dir" || return 1
    fi
    chmod 700 "$dir/data"

    _lcpg_as_owner "$bin/initdb" -D "$dir/data" -U "$user" --auth-local=trust --auth-host=trust \
        -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 ||
        { _lcpg_log "initdb failed, see $dir/initdb.log"; cat "$dir/initdb.log" >&2; return 1; }

    # The port can be taken between the probe and the bind: retry a few times.
    local attempt ok=""
    for attempt in 1 2 3 4 5; do
        port="$(_lcpg_free_port)" || return 1
        if _lcpg_as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
            -o "-c listen_addresses=127.0.0.1 -p $port -k $dir/sock -c max_connections=200" start >/dev/null 2>&1; then
            ok=1
            break
        fi
        _lcpg_log "start on port $port failed (attempt $attempt)"
    done
    [ -n "$ok" ] || { _lcpg_log "server did not start, see $dir/server.log"; tail -20 "$dir/server.log" >&2; return 1; }

    _lcpg_as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U "$user" "$db" ||
        { _lcpg_log "createdb failed"; return 1; }

    printf 'LIVECASINO_PG=Host=127.0.0.1;Port=%s;Username=%s;Database=%s\n' "$port" "$user" "$db" >"$dir/env.tmp"
    chmod 644 "$dir/env.tmp" && mv "$dir/env.tmp" "$dir/env"
    cat "$dir/env"
}

_lcpg_stop() {
    local dir bin
    dir="$(_lcpg_dir)"
    bin="$(_lcpg_find_bin)"
    if [ -n "$bin" ] && [ -d "$dir/data" ]; then
        _lcpg_as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$dir"
}

_lcpg_main() {
    local cmd="${1:-start}" line
    case "$cmd" in
        start)
            line="$(_lcpg_start)" || return 1
            printf '%s\n' "$line"
            export "${line?}"
            ;;
        env)
            _lcpg_running || { _lcpg_log "not running; use: scripts/postgres.sh start"; return 1; }
            line="$(cat "$(_lcpg_dir)/env")"
            printf '%s\n' "$line"
            export "${line?}"
            ;;
        stop)
            _lcpg_stop
            unset LIVECASINO_PG
            ;;
        *)
            _lcpg_log "usage: postgres.sh start|env|stop"
            return 2
            ;;
    esac
}

if [ "${BASH_SOURCE[0]}" != "$0" ]; then
    # Sourced: run the subcommand (if any) in this shell so LIVECASINO_PG stays exported.
    if [ $# -gt 0 ]; then _lcpg_main "$@"; fi
else
    _lcpg_main "$@"
    exit $?
fi
