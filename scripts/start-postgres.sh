#!/usr/bin/env bash
# Starts a throw-away PostgreSQL 15 cluster (with PostGIS and pg_trgm available) on loopback for
# the tests and for trying the twin on PostgreSQL; prints the connection string to use.
# Run it as root (CI) or as any user that can run the server: under root the cluster belongs to
# the postgres user, as PostgreSQL refuses to run as root. Idempotent: a running cluster is kept.
#   TWIN_PG_DIR   where the cluster lives   (default /tmp/cityops-twin-pg)
#   TWIN_PG_PORT  the port on 127.0.0.1      (default 55432)
set -euo pipefail

dir=${TWIN_PG_DIR:-/tmp/cityops-twin-pg}
port=${TWIN_PG_PORT:-55432}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)
if [[ -z "$bin" || ! -x "$bin/initdb" ]]; then
    echo "PostgreSQL server binaries not found: apt-get install postgresql postgresql-15-postgis-3" >&2
    exit 1
fi

as_owner() {
    if [[ $(id -u) -eq 0 ]]; then
        su postgres -s /bin/bash -c "$(printf '%q ' "$@")"
    else
        "$@"
    fi
}

if [[ ! -f "$dir/PG_VERSION" ]]; then
    mkdir -p "$dir"
    [[ $(id -u) -eq 0 ]] && chown postgres:postgres "$dir"
    # Trust on loopback only: a throw-away cluster for tests and trials, never a deployment.
    as_owner "$bin/initdb" -D "$dir" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
fi

if ! as_owner "$bin/pg_ctl" -D "$dir" status >/dev/null 2>&1; then
    # fsync stays on: the tests check that an acknowledged batch is committed, as in production.
    as_owner "$bin/pg_ctl" -D "$dir" -l "$dir/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$dir -c max_connections=300" >/dev/null
fi

"$bin/pg_isready" -h 127.0.0.1 -p "$port" -t 30 >/dev/null
echo "Host=127.0.0.1;Port=$port;Username=postgres;Database=cityops_twin"
