#!/usr/bin/env bash
# Sets up, builds (Release) and starts the bot on its embedded defaults: a SQLite file in the
# repository's folder and, with no platform token, the web chat (the address it prints) and
# `rubdown chat` in a terminal. Without RUBDOWN_ADMIN_TOKEN it makes one for the operator's
# dashboard and keeps it in rubdown-admin-token (readable by you alone).
set -euo pipefail
cd "$(dirname "$0")/.."
deploy/setup.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DRUBDOWN_BUILD_TESTS=OFF >/dev/null
cmake --build build -j"$(nproc)"
if [[ -z "${RUBDOWN_ADMIN_TOKEN:-}" ]]; then
    if [[ ! -s rubdown-admin-token ]]; then
        (umask 077 && od -An -tx1 -N24 /dev/urandom | tr -d ' \n' > rubdown-admin-token)
    fi
    RUBDOWN_ADMIN_TOKEN=$(cat rubdown-admin-token)
    export RUBDOWN_ADMIN_TOKEN
    echo "run: the dashboard's token is in $(pwd)/rubdown-admin-token"
fi
exec build/rubdown serve "$@"
