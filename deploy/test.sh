#!/usr/bin/env bash
# Sets up, builds with AddressSanitizer and UndefinedBehaviorSanitizer, and runs the whole suite.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup.sh --with-test-tools
cmake -S . -B build-test -G Ninja -DCMAKE_BUILD_TYPE=Debug -DRUBDOWN_SANITIZE=ON >/dev/null
cmake --build build-test -j"$(nproc)"
ctest --test-dir build-test --output-on-failure -j"$(nproc)"
# A short fuzzing pass over every parser and the HTTP request path (about a minute of fuzzing plus
# the clang build); skips itself when clang is missing.
tests/fuzz/run.sh "${RUBDOWN_FUZZ_SECONDS:-8}"
