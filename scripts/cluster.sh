#!/usr/bin/env bash
# A LiveCasino cluster on this machine, for trying it and for the multi-node tests: a throwaway
# PostgreSQL, N node processes on loopback ports, and HAProxy in front of them (installed from Debian
# if missing). Nothing listens beyond 127.0.0.1.
#
#   scripts/cluster.sh start [N]     # N nodes (default 3); players and operators use http://127.0.0.1:5080
#   scripts/cluster.sh status        # each node: pid, ports, /health/ready
#   scripts/cluster.sh env           # LIVECASINO_CLUSTER_URL, the operator's password, the database
#   scripts/cluster.sh node-start I  # starts node I (a new one joins the running cluster)
#   scripts/cluster.sh node-stop I   # SIGTERM: the node leaves, hands its shards off and exits
#   scripts/cluster.sh node-kill I   # SIGKILL: the node dies; the others down it and take its shards
#   scripts/cluster.sh stop          # stops the nodes, HAProxy and PostgreSQL, removes the directory
#
# Node I (1-based) serves HTTP on PORT+I and remoting on REMOTING_PORT+I; nodes 1-3 are the seeds.
# Node 1 runs the demo studio (tables, simulated dealers and players); the others only serve.
# Settings (environment):
#   LIVECASINO_CLUSTER_DIR            state: logs, pids, data directories (default /tmp/livecasino-cluster)
#   LIVECASINO_CLUSTER_PORT           HAProxy's port (default 5080)
#   LIVECASINO_CLUSTER_REMOTING_PORT  base of the remoting ports (default 4050)
#   LIVECASINO_CLUSTER_DEMO           1 (default): node 1 runs the demo; 0: no demo anywhere
#   LIVECASINO_CLUSTER_NO_BUILD       1: use the Release build as it is (the tests build first)
#   LIVECASINO_PG                     an existing PostgreSQL instead of a throwaway one
#   LIVECASINO_CLUSTER_KEEP           1: stop keeps the logs and data directories (for reading a failure)
#   LIVECASINO_CLUSTER_ARGS           more settings for every node ("--LiveCasino:Section:Key=value ..."),
#                                     given to start; node-start reuses them
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
# shellcheck source=lib/apt.sh
. "$root/scripts/lib/apt.sh"

dir="${LIVECASINO_CLUSTER_DIR:-/tmp/livecasino-cluster}"
lb_port="${LIVECASINO_CLUSTER_PORT:-5080}"
remoting_port="${LIVECASINO_CLUSTER_REMOTING_PORT:-4050}"
demo="${LIVECASINO_CLUSTER_DEMO:-1}"
nodes_max=32
seeds_count=3
server_dll="$root/src/LiveCasino.Server/bin/Release/net10.0/LiveCasino.Server.dll"

say() { printf 'cluster.sh: %s\n' "$*" >&2; }
die() { say "$*"; exit 1; }

node_http_port() { printf '%s' $((lb_port + $1)); }
node_remoting_port() { printf '%s' $((remoting_port + $1)); }
node_pid_file() { printf '%s/node-%s.pid' "$dir" "$1"; }

check_index() {
    [[ "${1:-}" =~ ^[0-9]+$ ]] && [ "$1" -ge 1 ] && [ "$1" -le "$nodes_max" ] ||
        die "node index must be 1..$nodes_max, got '${1:-}'"
}

alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

ready() { curl -fsS -o /dev/null --max-time 2 "http://127.0.0.1:$1/health/ready" 2>/dev/null; }

ensure_haproxy() {
    command -v haproxy >/dev/null 2>&1 || lc_apt_install cluster.sh haproxy || return 1
    command -v haproxy >/dev/null 2>&1 || die "haproxy is not on PATH after installing it"
}

ensure_postgres() {
    if [ -n "${LIVECASINO_PG:-}" ]; then
        printf '%s' "$LIVECASINO_PG" >"$dir/pg"
        return 0
    fi
    local line
    line="$(LIVECASINO_PG_DIR="$dir/postgres" bash "$root/scripts/postgres.sh" start | grep '^LIVECASINO_PG=' | tail -1)"
    [ -n "$line" ] || die "PostgreSQL did not start (see $dir/postgres)"
    printf '%s' "${line#LIVECASINO_PG=}" >"$dir/pg"
    : >"$dir/pg.owned"
}

ensure_build() {
    if [ "${LIVECASINO_CLUSTER_NO_BUILD:-0}" = 1 ]; then
        [ -f "$server_dll" ] || die "no Release build at $server_dll (unset LIVECASINO_CLUSTER_NO_BUILD)"
        return 0
    fi
    say "building the node (Release)"
    dotnet build "$root/src/LiveCasino.Server/LiveCasino.Server.csproj" -c Release -nologo -clp:ErrorsOnly >&2
}

seed_list() {
    local i args=""
    for i in $(seq 1 $seeds_count); do
        args="$args --LiveCasino:Cluster:SeedNodes:$((i - 1))=127.0.0.1:$(node_remoting_port "$i")"
    done
    printf '%s' "$args"
}

start_node() {
    local i="$1" pid_file http_port node_demo
    check_index "$i"
    pid_file="$(node_pid_file "$i")"
    if alive "$pid_file"; then
        say "node $i already runs (pid $(cat "$pid_file"))"
        return 0
    fi
    [ -f "$dir/pg" ] || die "the cluster is not started: scripts/cluster.sh start"
    http_port="$(node_http_port "$i")"
    node_demo=false
    if [ "$demo" = 1 ] && [ "$i" = 1 ]; then node_demo=true; fi
    mkdir -p "$dir/node-$i"
    # shellcheck disable=SC2046,SC2086
    (
        cd "$dir/node-$i"
        # setsid: a node has its own process group, so a signal to this script never reaches it.
        LiveCasino__Store__PostgresConnectionString="$(cat "$dir/pg")" \
        LiveCasino__Security__BootstrapOperator__Password="$(cat "$dir/operator-password")" \
        exec setsid dotnet "$server_dll" --contentRoot "$root/src/LiveCasino.Server" \
            --LiveCasino:Node:DataDirectory="$dir/node-$i/data" \
            --LiveCasino:Store:Provider=Postgres \
            --LiveCasino:Cluster:Hostname=127.0.0.1 \
            --LiveCasino:Cluster:Port="$(node_remoting_port "$i")" \
            $(seed_list) \
            --LiveCasino:Http:Host=127.0.0.1 \
            --LiveCasino:Http:Port="$http_port" \
            --LiveCasino:Http:AllowedOrigins:0="http://127.0.0.1:$lb_port" \
            --LiveCasino:Http:AllowedOrigins:1="http://localhost:$lb_port" \
            --LiveCasino:Http:TrustedProxies:0=127.0.0.1 \
            --LiveCasino:Demo:Enabled="$node_demo" \
            $(cat "$dir/args") \
            >>"$dir/node-$i.log" 2>&1
    ) &
    echo $! >"$pid_file"
    say "node $i: pid $!, http 127.0.0.1:$http_port, remoting 127.0.0.1:$(node_remoting_port "$i"), log $dir/node-$i.log"
}

wait_ready() {
    local i="$1" http_port deadline
    http_port="$(node_http_port "$i")"
    deadline=$((SECONDS + 180))
    until ready "$http_port"; do
        alive "$(node_pid_file "$i")" || { tail -30 "$dir/node-$i.log" >&2; die "node $i exited while starting (log $dir/node-$i.log)"; }
        [ $SECONDS -lt $deadline ] || die "node $i is not ready after 180 s (log $dir/node-$i.log)"
        sleep 0.5
    done
}

write_haproxy_config() {
    local n="$1" i fds maxconn
    # Each proxied connection holds two descriptors: stay under this shell's limit.
    fds="$(ulimit -n)"
    [ "$fds" = unlimited ] && fds=65536
    maxconn=$(((fds - 200) / 2))
    [ "$maxconn" -gt 20000 ] && maxconn=20000
    {
        cat <<EOF
# Written by scripts/cluster.sh. Round robin over the nodes that say they are ready; a SignalR
# client stays on the node that answered its negotiate (cookie lcnode), so the connection token and
# the WebSocket meet on one node. A node that stops being ready takes no new connections; its
# clients reconnect through here to another node.
global
    maxconn $maxconn
    pidfile $dir/haproxy.pid
defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s
    timeout tunnel 1h
    timeout client-fin 5s
    option http-server-close
    option forwardfor
    option redispatch
    retries 2
frontend players
    bind 127.0.0.1:$lb_port
    default_backend nodes
backend nodes
    balance roundrobin
    cookie lcnode insert indirect nocache httponly
    option httpchk GET /health/ready
    http-check expect status 200
    default-server inter 1s fall 2 rise 2 on-marked-down shutdown-sessions
EOF
        for i in $(seq 1 "$n"); do
            printf '    server node-%s 127.0.0.1:%s check cookie node-%s\n' "$i" "$(node_http_port "$i")" "$i"
        done
    } >"$dir/haproxy.cfg"
}

start_haproxy() {
    local n="$1"
    write_haproxy_config "$n"
    haproxy -c -q -f "$dir/haproxy.cfg" || die "HAProxy refused $dir/haproxy.cfg"
    if alive "$dir/haproxy.pid"; then
        # Reload with the new server list; the old process finishes its connections.
        haproxy -D -f "$dir/haproxy.cfg" -sf "$(cat "$dir/haproxy.pid")"
    else
        haproxy -D -f "$dir/haproxy.cfg"
    fi
}

nodes_known() {
    local f n=0
    for f in "$dir"/node-*.pid; do
        [ -e "$f" ] || continue
        f="${f##*/node-}"
        f="${f%.pid}"
        [ "$f" -gt "$n" ] && n="$f"
    done
    printf '%s' "$n"
}

cmd_start() {
    local n="${1:-3}" i
    [[ "$n" =~ ^[0-9]+$ ]] && [ "$n" -ge 1 ] && [ "$n" -le "$nodes_max" ] || die "node count must be 1..$nodes_max, got '$n'"
    command -v dotnet >/dev/null 2>&1 || die "the .NET SDK (see global.json) is required"
    command -v curl >/dev/null 2>&1 || lc_apt_install cluster.sh curl
    if [ -f "$dir/pg" ]; then
        die "a cluster already runs in $dir (scripts/cluster.sh status, or stop)"
    fi
    mkdir -p "$dir"
    ensure_haproxy
    ensure_build
    ensure_postgres
    printf '%s' "${LIVECASINO_CLUSTER_ARGS:-}" >"$dir/args"
    [ -f "$dir/operator-password" ] || head -c 18 /dev/urandom | base64 | tr -d '/+=' >"$dir/operator-password"
    chmod 600 "$dir/operator-password"
    for i in $(seq 1 "$n"); do start_node "$i"; done
    for i in $(seq 1 "$n"); do wait_ready "$i"; done
    start_haproxy "$n"
    say "$n nodes ready behind http://127.0.0.1:$lb_port (operator: 'operator', password in $dir/operator-password)"
    cmd_env
}

cmd_node_start() {
    local i="$1" n
    check_index "$i"
    start_node "$i"
    wait_ready "$i"
    n="$(nodes_known)"
    start_haproxy "$n"
}

signal_node() {
    local i="$1" signal="$2" pid_file pid deadline
    check_index "$i"
    pid_file="$(node_pid_file "$i")"
    alive "$pid_file" || { say "node $i does not run"; return 0; }
    pid="$(cat "$pid_file")"
    kill "-$signal" "$pid"
    deadline=$((SECONDS + 60))
    while kill -0 "$pid" 2>/dev/null; do
        [ $SECONDS -lt $deadline ] || die "node $i (pid $pid) still runs 60 s after SIG$signal"
        sleep 0.2
    done
    say "node $i stopped (SIG$signal)"
}

cmd_status() {
    local n i pid_file state
    [ -f "$dir/pg" ] || { say "no cluster in $dir"; return 1; }
    n="$(nodes_known)"
    for i in $(seq 1 "$n"); do
        pid_file="$(node_pid_file "$i")"
        [ -e "$pid_file" ] || continue
        if ! alive "$pid_file"; then state="stopped"
        elif ready "$(node_http_port "$i")"; then state="ready"
        else state="not ready"
        fi
        printf 'node-%s pid=%s http=127.0.0.1:%s remoting=127.0.0.1:%s %s\n' \
            "$i" "$(cat "$pid_file")" "$(node_http_port "$i")" "$(node_remoting_port "$i")" "$state"
    done
    if alive "$dir/haproxy.pid"; then
        printf 'haproxy pid=%s http://127.0.0.1:%s\n' "$(cat "$dir/haproxy.pid")" "$lb_port"
    fi
}

cmd_env() {
    [ -f "$dir/pg" ] || die "no cluster in $dir"
    printf 'LIVECASINO_CLUSTER_URL=http://127.0.0.1:%s\n' "$lb_port"
    printf 'LIVECASINO_CLUSTER_OPERATOR_PASSWORD=%s\n' "$(cat "$dir/operator-password")"
    printf 'LIVECASINO_PG=%s\n' "$(cat "$dir/pg")"
}

cmd_stop() {
    local f
    for f in "$dir"/node-*.pid; do
        [ -e "$f" ] || continue
        alive "$f" && kill -TERM "$(cat "$f")" 2>/dev/null || true
    done
    local deadline=$((SECONDS + 30))
    for f in "$dir"/node-*.pid; do
        [ -e "$f" ] || continue
        while alive "$f" && [ $SECONDS -lt $deadline ]; do sleep 0.2; done
        alive "$f" && kill -KILL "$(cat "$f")" 2>/dev/null || true
    done
    if alive "$dir/haproxy.pid"; then kill "$(cat "$dir/haproxy.pid")" 2>/dev/null || true; fi
    if [ -f "$dir/pg.owned" ]; then LIVECASINO_PG_DIR="$dir/postgres" bash "$root/scripts/postgres.sh" stop || true; fi
    if [ "${LIVECASINO_CLUSTER_KEEP:-0}" = 1 ]; then
        rm -f "$dir"/*.pid "$dir/pg"
        say "stopped; logs and data kept in $dir"
    else
        rm -rf "$dir"
        say "stopped"
    fi
}

case "${1:-}" in
    start) cmd_start "${2:-3}" ;;
    status) cmd_status ;;
    env) cmd_env ;;
    node-start) cmd_node_start "${2:-}" ;;
    node-stop) signal_node "${2:-}" TERM ;;
    node-kill) signal_node "${2:-}" KILL ;;
    stop) cmd_stop ;;
    *) die "usage: cluster.sh start [N] | status | env | node-start I | node-stop I | node-kill I | stop" ;;
esac
