#!/usr/bin/env bash
# Latency against offered load for POST /telegram/webhook, open loop, loopback only: for each
# rate, first the ceiling (ceiling_server, the machine's floor at that moment), then a fresh
# database, a stand-in Bot API (a second ceiling_server) and `rubdown serve` in webhook mode;
# telegram_open_loop offers the rate for SECONDS_PER_RATE seconds over 64 connections to each and
# reports p50/p90/p99 measured from each request's due instant. Writes a data file and, with
# gnuplot, the PNG next to it.
#
# Usage: bench/telegram/latency_vs_load.sh [RATE...]    (default 250 500 1000 1500 2000 3000 4000)
# Environment (defaults): BUILD=build-release SECONDS_PER_RATE=10 CONNECTIONS=64 BASE_PORT=18180
#   OUT=bench/telegram/latency_vs_load.dat
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
BUILD=${BUILD:-$ROOT/build-release}
SECONDS_PER_RATE=${SECONDS_PER_RATE:-10}
CONNECTIONS=${CONNECTIONS:-64}
BASE_PORT=${BASE_PORT:-18180}
OUT=${OUT:-$ROOT/bench/telegram/latency_vs_load.dat}
RATES=("$@")
((${#RATES[@]} > 0)) || RATES=(250 500 1000 1500 2000 3000 4000)
BOT_PORT=$BASE_PORT
STUB_PORT=$((BASE_PORT + 1))
CEILING_PORT=$((BASE_PORT + 2))
export TELEGRAM_WEBHOOK_SECRET=bench-secret

WORK=$(mktemp -d /tmp/rubdown-latency.XXXXXX)
STARTED=()
stop_pid() {
    kill -TERM "$1" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$1" 2>/dev/null || true
    wait "$1" 2>/dev/null || true
}
cleanup() {
    for pid in "${STARTED[@]}"; do stop_pid "$pid"; done
    rm -rf "$WORK"
}
trap cleanup EXIT
wait_http() {
    for _ in $(seq 100); do curl -s -o /dev/null --max-time 1 "$1" && return 0; sleep 0.1; done
    echo "no answer from $1" >&2
    return 1
}
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

{
    echo "# POST /telegram/webhook, open loop (telegram_open_loop), $CONNECTIONS connections," \
        "${SECONDS_PER_RATE} s per rate (first second not counted), Release build"
    echo "# $(date -u +%FT%TZ) $(nproc) cores; load1 = 1-minute load average at the start of each rate"
    echo "# offered_rps | rubdown: achieved_rps p50_ms p90_ms p99_ms max_ms non2xx |" \
        "ceiling: achieved_rps p50_ms p90_ms p99_ms | load1"
} >"$WORK/data"

for rate in "${RATES[@]}"; do
    load=$(cut -d' ' -f1 /proc/loadavg)
    "$BUILD/bench/ceiling/ceiling_server" "$CEILING_PORT" 2 &
    ceiling=$!
    STARTED+=("$ceiling")
    wait_http "http://127.0.0.1:$CEILING_PORT/"
    floor=$("$BUILD/bench/telegram/telegram_open_loop" "$CEILING_PORT" "$rate" "$SECONDS_PER_RATE" \
        "$CONNECTIONS")
    echo "ceiling $floor"
    stop_pid "$ceiling"

    "$BUILD/bench/ceiling/ceiling_server" "$STUB_PORT" 1 &
    stub=$!
    STARTED+=("$stub")
    wait_http "http://127.0.0.1:$STUB_PORT/"
    env -i PATH="$PATH" RUBDOWN_DB="$WORK/bot.db" RUBDOWN_LISTEN="127.0.0.1:$BOT_PORT" \
        RUBDOWN_LOG_LEVEL=warn TELEGRAM_BOT_TOKEN=123456:bench-token \
        TELEGRAM_API_URL="http://127.0.0.1:$STUB_PORT" \
        TELEGRAM_WEBHOOK_URL=https://127.0.0.1/telegram/webhook \
        TELEGRAM_WEBHOOK_SECRET="$TELEGRAM_WEBHOOK_SECRET" "$BUILD/rubdown" serve 2>"$WORK/bot.log" &
    bot=$!
    STARTED+=("$bot")
    wait_http "http://127.0.0.1:$BOT_PORT/healthz"
    result=$("$BUILD/bench/telegram/telegram_open_loop" "$BOT_PORT" "$rate" "$SECONDS_PER_RATE" \
        "$CONNECTIONS")
    echo "rubdown $result"
    stop_pid "$bot"
    stop_pid "$stub"
    rm -f "$WORK"/bot.db*
    echo "$(field offered "$result") $(field achieved "$result") $(field p50_ms "$result")" \
        "$(field p90_ms "$result") $(field p99_ms "$result") $(field max_ms "$result")" \
        "$(field non2xx "$result") $(field achieved "$floor") $(field p50_ms "$floor")" \
        "$(field p90_ms "$floor") $(field p99_ms "$floor") $load" >>"$WORK/data"
done

cp "$WORK/data" "$OUT"
echo "data: $OUT"
if command -v gnuplot >/dev/null; then
    gnuplot -e "data='$OUT'; out='${OUT%.dat}.png'" "$ROOT/bench/telegram/latency_vs_load.gp"
    echo "plot: ${OUT%.dat}.png"
fi
