#!/usr/bin/env bash
# Two CityOps Twin nodes on one PostgreSQL database, on loopback, for a person to try failover
# (docs/two-nodes.md). Starts the throw-away PostgreSQL cluster of scripts/start-postgres.sh and,
# when redis-server is installed, Redis (scripts/start-redis.sh) for the hub's backplane; builds the app once, starts node A
# and, once A is the writer, node B; prints the URLs. Kill either node (the PIDs are printed) and
# watch the other take over. Ctrl-C stops both nodes and the servers this script started.
#   TWIN_NODE_A_PORT / TWIN_NODE_B_PORT   default 5081 / 5082
#   TWIN_NODES_DB                         the database's name (default cityops_twin_nodes)
set -euo pipefail
cd "$(dirname "$0")/.."

port_a=${TWIN_NODE_A_PORT:-5081}
port_b=${TWIN_NODE_B_PORT:-5082}
database=${TWIN_NODES_DB:-cityops_twin_nodes}
logs=$(mktemp -d /tmp/cityops-two-nodes.XXXXXX)
pids=()
started_pg=false
redis_settings=()

stop_all() {
    local status=$?
    trap - INT TERM EXIT
    echo
    echo "Stopping the nodes…"
    for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
    wait 2>/dev/null || true
    if [[ -n "${stop_redis:-}" ]]; then eval "$stop_redis" || true; fi
    if $started_pg; then
        pg_dir=${TWIN_PG_DIR:-/tmp/cityops-twin-pg}
        if [[ $(id -u) -eq 0 ]]; then su postgres -s /bin/bash -c "$pg_bin/pg_ctl -D $pg_dir stop -m fast" >/dev/null || true
        else "$pg_bin/pg_ctl" -D "$pg_dir" stop -m fast >/dev/null || true; fi
    fi
    echo "Stopped. Logs: $logs"
    # Called for Ctrl-C too: without an exit the script would go on where the signal interrupted it.
    exit "$status"
}
trap stop_all INT TERM EXIT

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -x "$pg_bin/pg_isready" ]] && ! "$pg_bin/pg_isready" -h 127.0.0.1 -p "${TWIN_PG_PORT:-55432}" -q; then started_pg=true; fi
server=$(scripts/start-postgres.sh)
conn="${server/Database=cityops_twin/Database=$database}"
# The nodes read their shared keys from the database before they migrate it: it must exist first.
pg_port=${TWIN_PG_PORT:-55432}
if ! "$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -d postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$database'" | grep -q 1; then
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres "$database"
fi

# Redis for SignalR's backplane when it is installed: a send from either node's hub reaches screens on both.
if command -v redis-server >/dev/null; then
    redis_port=${TWIN_REDIS_PORT:-56379}
    if [[ $(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null) != PONG ]]; then
        stop_redis="redis-cli -h 127.0.0.1 -p $redis_port shutdown nosave >/dev/null 2>&1"
    fi
    redis=$(scripts/start-redis.sh)
    redis_settings=("--Twin:Scale:Redis=$redis")
else
    echo "redis-server is not installed: the nodes run without the backplane (apt-get install redis-server)."
fi

# Quiet but slow (minutes on a busy machine): say so, or the script looks stuck.
echo "Building the app (log: $logs/build.log)…"
if ! dotnet build CommandCenter -c Release -tl:off -v q >"$logs/build.log" 2>&1; then
    echo "The build failed; see $logs/build.log" >&2
    exit 1
fi

# The app itself (not `dotnet run`, whose child would outlive a kill of its PID), in Development
# so that it serves its static files from the build folder and opens a local ingestion key.
app_dir=$PWD/CommandCenter/bin/Release/net10.0
start_node() { # name port
    (cd "$app_dir" && exec dotnet CommandCenter.dll \
        --environment Development --urls "http://127.0.0.1:$2" \
        --Twin:Storage:Provider=Postgres "--Twin:Storage:ConnectionString=$conn" \
        "--Twin:Storage:DatabasePath=$logs/node-$1/cityops-twin.db" "${redis_settings[@]}" \
        >"$logs/node-$1.log" 2>&1) &
    pids+=($!)
    echo "node $1: pid $! · http://127.0.0.1:$2 · log $logs/node-$1.log"
}

wait_healthy() { # name port pid: until the node answers; gives up when it exits or after 10 minutes
    local waited=0
    until curl -fsS "http://127.0.0.1:$2/healthz" >/dev/null 2>&1; do
        if ! kill -0 "$3" 2>/dev/null; then
            echo "node $1 exited during its start; its log:" >&2
            tail -20 "$logs/node-$1.log" >&2
            exit 1
        fi
        if (( waited >= 600 )); then
            echo "node $1 did not answer /healthz within 10 minutes; see $logs/node-$1.log" >&2
            exit 1
        fi
        sleep 2
        waited=$((waited + 2))
    done
    echo "  $(curl -fsS "http://127.0.0.1:$2/healthz" | grep -o '"Twin [^"]*"' || true)"
}

echo "Database: $conn"
start_node a "$port_a"
echo "  waiting for node a (a first run writes a month of simulated history first: a minute or two)…"
wait_healthy a "$port_a" "${pids[0]}"
start_node b "$port_b"
wait_healthy b "$port_b" "${pids[1]}"
cat <<TEXT

Two nodes are running:
  wall     http://127.0.0.1:$port_a/wall      http://127.0.0.1:$port_b/wall
  console  http://127.0.0.1:$port_a/console   http://127.0.0.1:$port_b/console
  health   http://127.0.0.1:$port_a/healthz   http://127.0.0.1:$port_b/healthz  (says which node writes)
Try: kill -9 ${pids[0]}   (node a, the writer) and watch node b take over.
Ctrl-C stops everything.
TEXT
wait
