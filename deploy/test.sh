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
ctest --preset asan -j"$jobs"

cmake --preset tsan >/dev/null
cmake --build --preset tsan -j"$jobs"
ctest --preset tsan -j"$jobs"

# A short fuzzing pass over every parser and the HTTP request path (about a minute of fuzzing plus
# the clang build); skips itself when clang is missing.
tests/fuzz/run.sh "${RUBDOWN_FUZZ_SECONDS:-8}"
