#!/usr/bin/env bash
# Adds an EF migration to BOTH migrations sets, SQLite's (Twin.Data/Migrations) and PostgreSQL's
# (Twin.Data.Postgres/Migrations): EF migrations are provider-specific, so each engine keeps its
# own chain and model snapshot, and a model change needs one migration in each, under one name.
#   scripts/add-migration.sh <Name>
# Raw SQL in a migration (triggers, FTS) is not translated: write the PostgreSQL form by hand in
# the Postgres migration (see the append-only triggers in its InitialSchema).
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ $# -ne 1 ]]; then
    echo "usage: scripts/add-migration.sh <Name>" >&2
    exit 2
fi

dotnet tool restore >/dev/null
dotnet ef migrations add "$1" --project Twin.Data
dotnet ef migrations add "$1" --project Twin.Data.Postgres --startup-project Twin.Data.Postgres --output-dir Migrations
