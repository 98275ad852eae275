#!/usr/bin/env bash
# Starts a throw-away Redis on loopback for SignalR's backplane (Twin:Scale:Redis) in the tests and
# for trying two nodes; prints the connection string to use. Nothing is saved to disk: the backplane
# carries messages in flight only. Idempotent: a Redis already answering on the port is kept.
#   TWIN_REDIS_DIR   where its pid and log live   (default /tmp/cityops-twin-redis)
#   TWIN_REDIS_PORT  the port on 127.0.0.1         (default 56379)
set -euo pipefail

dir=${TWIN_REDIS_DIR:-/tmp/cityops-twin-redis}
port=${TWIN_REDIS_PORT:-56379}
if ! command -v redis-server >/dev/null || ! command -v redis-cli >/dev/null; then
    echo "redis-server not found: apt-get install redis-server" >&2
    exit 1
fi

answers() { [[ $(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null) == PONG ]]; }

if ! answers; then
    mkdir -p "$dir"
    # Loopback only and no persistence: a throw-away server for tests and trials, never a deployment.
    redis-server --daemonize yes --bind 127.0.0.1 --port "$port" --dir "$dir" \
        --pidfile "$dir/redis.pid" --logfile "$dir/redis.log" --save '' --appendonly no >/dev/null
    for _ in $(seq 1 50); do
        answers && break
        sleep 0.2
    done
fi

if ! answers; then
    echo "Redis did not answer on 127.0.0.1:$port; see $dir/redis.log" >&2
    exit 1
fi
echo "127.0.0.1:$port"
