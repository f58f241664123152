#!/usr/bin/env bash
# Sets up, then runs everything CI runs: the whole suite under AddressSanitizer and
# UndefinedBehaviorSanitizer, the threaded parts (store, server, dispatcher, senders, scheduler)
# under ThreadSanitizer, and a short fuzzing pass. The presets are in CMakePresets.json.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup.sh --with-test-tools
jobs=$(nproc)

cmake --preset asan >/dev/null
cmake --build --preset asan -j"$jobs"
# The end-to-end tests' Node packages come from the npm registry (pinned in each folder's
# package-lock.json): the Telegram emulator, and puppeteer-core, which drives Debian's chromium.
# Bounded; when one cannot be installed its test is skipped, saying why.
for e2e in telegram browser; do
    if ! command -v npm >/dev/null 2>&1; then
        echo "test: npm is not installed; the tests in tests/e2e/$e2e will be skipped"
    elif ! (cd "tests/e2e/$e2e" && timeout 300 npm ci --no-audit --no-fund --loglevel=error); then
        echo "test: npm ci failed in tests/e2e/$e2e; its test will be skipped"
    fi
done
ctest --preset asan -j"$jobs"

cmake --preset tsan >/dev/null
cmake --build --preset tsan -j"$jobs"
ctest --preset tsan -j"$jobs"

# A short fuzzing pass over every parser and the HTTP request path (about a minute of fuzzing plus
# the clang build); skips itself when clang is missing.
tests/fuzz/run.sh "${RUBDOWN_FUZZ_SECONDS:-8}"
