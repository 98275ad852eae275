#!/usr/bin/env bash
# The project's one test command: builds the solution in Release, runs every test project, and
# ends with a plain "N passed, N failed, N skipped" line totalled over all of them.
set -euo pipefail
cd "$(dirname "$0")"
started=$SECONDS

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

results=artifacts/test-results
# Stale result files would be counted again; stale screenshots and app logs would mislead.
rm -rf "$results" artifacts/screenshots artifacts/logs
mkdir -p "$results"

summary() {
    local line="$1 passed, $2 failed"
    if (("$3" > 0)); then line+=", $3 skipped"; fi
    echo "$line"
}

echo "== build (Release)"
if ! dotnet build CityOps.Twin.sln -c Release -tl:off; then
    echo "build failed"
    summary 0 0 0
    exit 1
fi

echo "== test"
# A hung test (e.g. a browser wait that never ends) is killed well inside CI's time budget.
set +e
# -m:1 runs the test projects one after another: run side by side on 2 cores, the app tests'
# dozens of simulated twins starved the browser tests' app and made page loads time out.
dotnet test CityOps.Twin.sln -c Release --no-build -tl:off -m:1 \
    --logger trx --results-directory "$results" \
    --blame-hang-timeout 10min --blame-hang-dump-type none
status=$?
set -e

# Every test project writes one .trx; its <Counters> element holds that project's totals
# (a skipped test is counted in total but not in executed; errors, timeouts and aborts count as failures).
passed=0 failed=0 skipped=0
for trx in "$results"/*.trx; do
    [[ -e "$trx" ]] || continue
    counters=$(grep -o '<Counters [^>]*>' "$trx" || true)
    count() { sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p" <<<"$counters"; }
    passed=$((passed + $(count passed)))
    failed=$((failed + $(count failed) + $(count error) + $(count timeout) + $(count aborted)))
    skipped=$((skipped + $(count total) - $(count executed)))
done

if ((status != 0 && failed == 0)); then
    echo "dotnet test exited with $status but no test failed: a test host crashed or hung (see above)"
fi
echo "== build and tests took $((SECONDS - started)) s"
summary "$passed" "$failed" "$skipped"
if ((failed > 0)); then exit 1; fi
exit "$status"
