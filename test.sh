#!/usr/bin/env bash
# The project's one test command: builds the solution in Release, lints, type-checks and unit-tests
# the browser modules, runs every test project, and ends with a plain "N passed, N failed, N skipped"
# line totalled over all of them.
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

echo "== JavaScript: lint, type check and unit tests of wwwroot-assets/js"
# The build's npm ci has installed the tools (CommandCenter/package.json). Lint and the type check
# count as one test each; the unit tests' TAP summary gives their counts.
js_passed=0 js_failed=0
set +e
for check in lint typecheck; do
    if npm --prefix CommandCenter run --silent "$check"; then
        js_passed=$((js_passed + 1))
    else
        echo "JavaScript $check failed"
        js_failed=$((js_failed + 1))
    fi
done
js_tap=$(npm --prefix CommandCenter run --silent test:js 2>&1)
js_status=$?
set -e
js_count() { sed -n "s/^# $1 \([0-9]*\)$/\1/p" <<<"$js_tap" | tail -n 1; }
js_unit_passed=$(js_count pass) js_unit_failed=$(js_count fail) js_cancelled=$(js_count cancelled)
js_unit_failed=$((${js_unit_failed:-0} + ${js_cancelled:-0}))
if ((js_status != 0 && js_unit_failed == 0)); then
    # The runner itself failed (e.g. a test file that does not load): count it, show why.
    js_unit_failed=1
fi
if ((js_unit_failed > 0)); then echo "$js_tap"; fi
echo "JavaScript unit tests: ${js_unit_passed:-0} passed, $js_unit_failed failed"
js_passed=$((js_passed + ${js_unit_passed:-0}))
js_failed=$((js_failed + js_unit_failed))

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
passed=$js_passed failed=$js_failed skipped=0
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
