#!/usr/bin/env bash
# Builds Release, starts the bot on loopback with its default limits, and runs hostile_bench
# against it: a quiet phase, then the same healthy client while hostile clients attack.
# usage: bench/hostile/run.sh [seconds-per-phase] [idle] [tricklers]
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DRUBDOWN_BUILD_TESTS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target rubdown hostile_bench >/dev/null
work=$(mktemp -d)
trap 'kill "${bot_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=18090
# Every attacker connects from 127.0.0.1: the per-address limit is lifted to measure the global cap.
RUBDOWN_DB="$work/hostile.db" RUBDOWN_LISTEN="127.0.0.1:$port" RUBDOWN_LOG_LEVEL=warn \
    RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS=2048 \
    build-release/rubdown serve 2>"$work/bot.log" &
bot_pid=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
build-release/bench/hostile/hostile_bench "$port" "$bot_pid" "${1:-20}" "${2:-1500}" "${3:-300}"
echo "load: $(uptime)"
