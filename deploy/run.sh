#!/usr/bin/env bash
# Sets up, builds (Release) and starts the bot on its embedded defaults: a SQLite file in the
# current directory and, with no platform token, the web chat (the address it prints) and
# `rubdown chat` in a terminal.
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DRUBDOWN_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
exec build/rubdown serve "$@"
