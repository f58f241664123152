#!/usr/bin/env bash
# Builds Release, starts the bot on loopback with its default limits and the Telegram webhook on
# (a stub answers its Bot API calls), and runs hostile_bench against it: a quiet phase, then the
# same healthy client while hostile clients attack.
# usage: bench/hostile/run.sh [seconds-per-phase] [idle] [tricklers] [posters] [paced]
# BOT=<path to a rubdown binary> measures that binary instead (an older build, for a before and
# after); the bench tools always come from this tree.
set -euo pipefail
cd "$(dirname "$0")/../.."
cmake -S . -B build-release -G Ninja -DCMAKE_BUILD_TYPE=Release -DRUBDOWN_BUILD_TESTS=OFF >/dev/null
cmake --build build-release -j"$(nproc)" --target rubdown hostile_bench ceiling_server >/dev/null
bot=${BOT:-build-release/rubdown}
work=$(mktemp -d)
trap 'kill "${bot_pid:-}" "${stub_pid:-}" 2>/dev/null || true; rm -rf "$work"' EXIT
port=18090
stub_port=18091
build-release/bench/ceiling/ceiling_server "$stub_port" 1 &
stub_pid=$!
for _ in $(seq 50); do
    curl -s -o /dev/null "http://127.0.0.1:$stub_port/" && break
    sleep 0.1
done
# Every attacker connects from 127.0.0.1: the per-address limit is lifted to measure the global cap.
RUBDOWN_DB="$work/hostile.db" RUBDOWN_LISTEN="127.0.0.1:$port" RUBDOWN_LOG_LEVEL=warn \
    RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS=2048 \
    TELEGRAM_BOT_TOKEN=123456:hostile-bench TELEGRAM_API_URL="http://127.0.0.1:$stub_port" \
    TELEGRAM_WEBHOOK_URL=https://127.0.0.1/telegram/webhook \
    TELEGRAM_WEBHOOK_SECRET=hostile-bench-secret-not-sent-by-attackers \
    "$bot" serve 2>"$work/bot.log" &
bot_pid=$!
for _ in $(seq 100); do
    curl -fs "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && break
    sleep 0.1
done
echo "bot: $bot ($("$bot" --version))"
build-release/bench/hostile/hostile_bench "$port" "$bot_pid" "${1:-20}" "${2:-1500}" "${3:-300}" \
    "${4:-300}" ${5:+"$5"}
echo "load: $(uptime)"
