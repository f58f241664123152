#!/usr/bin/env bash
# Runs the webhook benchmarks end to end, loopback only: for Telegram (`POST /telegram/webhook`)
# and Slack (`POST /slack/events`), PAIRS interleaved pairs of runs (ceiling, bot, ceiling, bot...)
# with wrk at CONNECTIONS connections. Each bot run starts a fresh database, a stand-in platform
# API (a second ceiling_server) and `rubdown serve`; after wrk it waits for the background
# processing to drain, reads the bot's peak RSS (VmHWM), stops everything it started and checks
# the database: inbox rows against the requests answered, processed rows, outbox rows and sent rows.
#
# Before and after: with BASELINE set to another build directory, each pair also runs that build's
# bot (target "baseline") right after the ceiling, so both are measured in the same minutes.
# With SEED_DB set, every bot run starts on a copy of that database instead of an empty one (e.g.
# old inbox and outbox rows for retention to prune while wrk runs: bench/retention/make_seed_db.sh);
# the column aged_left counts the inbox rows older than a day still there when the run ends.
#
# Usage: bench/run_webhooks.sh [telegram|slack|both]      (default both)
# Environment (defaults): BUILD=build-release DURATION=20s CONNECTIONS=64 WRK_THREADS=2 PAIRS=3
#   IO_THREADS=2 BASE_PORT=18080 (bot; +1 the stand-in API, +2 the ceiling) KEEP=0 (keep the files)
#   BASELINE= SEED_DB=
# Needs: wrk, sqlite3, curl; the targets rubdown and ceiling_server built in $BUILD (and rubdown
# in $BASELINE).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-$ROOT/build-release}
DURATION=${DURATION:-20s}
CONNECTIONS=${CONNECTIONS:-64}
WRK_THREADS=${WRK_THREADS:-2}
PAIRS=${PAIRS:-3}
IO_THREADS=${IO_THREADS:-2}
BASE_PORT=${BASE_PORT:-18080}
BOT_PORT=$BASE_PORT
STUB_PORT=$((BASE_PORT + 1))
CEILING_PORT=$((BASE_PORT + 2))
WHICH=${1:-both}

RUBDOWN=$BUILD/rubdown
CEILING=$BUILD/bench/ceiling/ceiling_server
BASELINE_RUBDOWN=${BASELINE:+$BASELINE/rubdown}
SEED_DB=${SEED_DB:-}
for tool in wrk sqlite3 curl; do
    command -v "$tool" >/dev/null || { echo "needs $tool" >&2; exit 2; }
done
for binary in "$RUBDOWN" "$CEILING" ${BASELINE_RUBDOWN:+"$BASELINE_RUBDOWN"}; do
    [[ -x $binary ]] || { echo "missing $binary (build the Release targets first)" >&2; exit 2; }
done
[[ -z $SEED_DB || -f $SEED_DB ]] || { echo "missing SEED_DB $SEED_DB" >&2; exit 2; }

WORK=$(mktemp -d /tmp/rubdown-webhooks.XXXXXX)
RESULTS=$WORK/results.tsv
printf 'bench\ttarget\tpair\trps\tp50_ms\tp99_ms\tmax_ms\trequests\tnon2xx\tsocket_errors\tpeak_rss_kb\tinbox\tprocessed\toutbox\tsent\tdrain_s\tload1\taged_left\n' >"$RESULTS"

# Only processes started here are ever stopped, by their own pid.
STARTED=()
stop_pid() {
    local pid=$1
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}
cleanup() {
    for pid in "${STARTED[@]}"; do stop_pid "$pid"; done
    if [[ ${KEEP:-0} == 1 ]]; then echo "files kept in $WORK"; else rm -rf "$WORK"; fi
}
trap cleanup EXIT

wait_http() {  # url: until it answers (10 s at most)
    for _ in $(seq 100); do
        curl -s -o /dev/null --max-time 1 "$1" && return 0
        sleep 0.1
    done
    echo "no answer from $1" >&2
    return 1
}

load1() { cut -d' ' -f1 /proc/loadavg; }
field() { sed -n "s/.*\b$1=\([^ ]*\).*/\1/p" <<<"$2"; }

run_wrk() {  # script url -> the RESULT line
    wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$1" "$2" >"$WORK/wrk.out"
    grep '^RESULT' "$WORK/wrk.out"
}

record() {  # bench target pair result rss inbox processed outbox sent drain load aged_left
    local result=$4
    local socket_errors=$(($(field errors_connect "$result") + $(field errors_read "$result") +
        $(field errors_write "$result") + $(field timeouts "$result")))
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" \
        "$(field rps "$result")" "$(field p50_ms "$result")" "$(field p99_ms "$result")" \
        "$(field max_ms "$result")" "$(field requests "$result")" "$(field non2xx "$result")" \
        "$socket_errors" "$5" "$6" "$7" "$8" "$9" "${10}" "${11}" "${12:--}" | tee -a "$RESULTS"
}

run_ceiling() {  # bench script path pair
    local load
    load=$(load1)
    "$CEILING" "$CEILING_PORT" "$IO_THREADS" &
    local pid=$!
    STARTED+=("$pid")
    wait_http "http://127.0.0.1:$CEILING_PORT/"
    local result
    result=$(run_wrk "$2" "http://127.0.0.1:$CEILING_PORT$3")
    local rss
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status")
    stop_pid "$pid"
    record "$1" ceiling "$4" "$result" "$rss" - - - - - "$load"
}

count() { sqlite3 "$1" "$2"; }

run_bot() {  # bench script path pair binary target
    local bench=$1 db=$WORK/$1-$4-$6.db load
    load=$(load1)
    [[ -n $SEED_DB ]] && cp "$SEED_DB" "$db"
    "$CEILING" "$STUB_PORT" 1 &
    local stub=$!
    STARTED+=("$stub")
    wait_http "http://127.0.0.1:$STUB_PORT/"

    # Each of the load's 256 runners sends dozens of updates a second: with the flood guard on
    # nearly all would be set aside unprocessed, and the processing figures would no longer compare
    # with runs of builds before it. (An older build ignores the variable.)
    local -a env=(RUBDOWN_DB="$db" RUBDOWN_LISTEN="127.0.0.1:$BOT_PORT" RUBDOWN_LOG_LEVEL=warn
        RUBDOWN_IO_THREADS="$IO_THREADS" RUBDOWN_RUNNER_MESSAGES_PER_MINUTE=0)
    if [[ $bench == telegram ]]; then
        env+=(TELEGRAM_BOT_TOKEN=123456:bench-token TELEGRAM_API_URL="http://127.0.0.1:$STUB_PORT"
            TELEGRAM_WEBHOOK_URL=https://127.0.0.1/telegram/webhook
            TELEGRAM_WEBHOOK_SECRET="$TELEGRAM_WEBHOOK_SECRET")
    else
        env+=(SLACK_BOT_TOKEN=xoxb-bench SLACK_SIGNING_SECRET="$SLACK_SIGNING_SECRET"
            SLACK_API_URL="http://127.0.0.1:$STUB_PORT")
    fi
    local log=$WORK/$bench-$4-$6.log
    env -i PATH="$PATH" "${env[@]}" "$5" serve 2>"$log" &
    local bot=$!
    STARTED+=("$bot")
    wait_http "http://127.0.0.1:$BOT_PORT/healthz"

    local result
    result=$(run_wrk "$2" "http://127.0.0.1:$BOT_PORT$3")

    # The 200s came after the inbox commit; the engine and outbox rows may still be catching up.
    local began=$SECONDS drain
    while (($(count "$db" 'SELECT count(*) FROM inbox WHERE processed = 0') > 0)); do
        ((SECONDS - began < 120)) || break
        sleep 0.5
    done
    drain=$((SECONDS - began))
    local rss
    rss=$(awk '/VmHWM/ {print $2}' "/proc/$bot/status")
    stop_pid "$bot"
    stop_pid "$stub"
    record "$bench" "$6" "$4" "$result" "$rss" \
        "$(count "$db" 'SELECT count(*) FROM inbox')" \
        "$(count "$db" 'SELECT count(*) FROM inbox WHERE processed = 1')" \
        "$(count "$db" 'SELECT count(*) FROM outbox')" \
        "$(count "$db" "SELECT count(*) FROM outbox WHERE status = 'sent'")" "$drain" "$load" \
        "$(count "$db" "SELECT count(*) FROM inbox WHERE received_at < unixepoch() - 86400")"
    if grep -qE 'level=(error|critical)' "$log"; then
        echo "bot log of $bench run $4 ($6) has errors:" >&2
        grep -E 'level=(error|critical)' "$log" | head -5 >&2
    fi
}

export TELEGRAM_WEBHOOK_SECRET=bench-secret
export SLACK_SIGNING_SECRET=bench-signing-secret
BENCHES=()
[[ $WHICH == telegram || $WHICH == both ]] && BENCHES+=(telegram)
[[ $WHICH == slack || $WHICH == both ]] && BENCHES+=(slack)
((${#BENCHES[@]} > 0)) || { echo "usage: $0 [telegram|slack|both]" >&2; exit 2; }

echo "# $(date -u +%FT%TZ) $(nproc) cores, uptime: $(uptime)"
echo "# wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION, $PAIRS interleaved pairs, IO threads $IO_THREADS"
for bench in "${BENCHES[@]}"; do
    if [[ $bench == telegram ]]; then
        script=$ROOT/bench/telegram/updates.lua path=/telegram/webhook
    else
        script=$ROOT/bench/slack/signed_events.lua path=/slack/events
    fi
    for pair in $(seq "$PAIRS"); do
        run_ceiling "$bench" "$script" "$path" "$pair"
        [[ -n $BASELINE_RUBDOWN ]] &&
            run_bot "$bench" "$script" "$path" "$pair" "$BASELINE_RUBDOWN" baseline
        run_bot "$bench" "$script" "$path" "$pair" "$RUBDOWN" rubdown
    done
done

# Medians per bench and target, each bot's ratio to the ceiling of its pair, and to the baseline.
echo
echo "# summary (median of $PAIRS runs)"
for bench in "${BENCHES[@]}"; do
    awk -F'\t' -v bench="$bench" '
        function median(list, n,   sorted, i, j, t) {
            for (i = 1; i <= n; i++) sorted[i] = list[i]
            for (i = 2; i <= n; i++) for (j = i; j > 1 && sorted[j-1] > sorted[j]; j--) {
                t = sorted[j]; sorted[j] = sorted[j-1]; sorted[j-1] = t }
            return n % 2 ? sorted[(n+1)/2] : (sorted[n/2] + sorted[n/2+1]) / 2
        }
        NR > 1 && $1 == bench {
            k = $2; n[k]++
            rps[k, n[k]] = $4; p50[k, n[k]] = $5; p99[k, n[k]] = $6; rss[k, n[k]] = $11
            pair_rps[k, $3] = $4
        }
        END {
            for (k in n) {
                delete a; delete b; delete c; delete d
                for (i = 1; i <= n[k]; i++) {
                    a[i] = rps[k, i]; b[i] = p50[k, i]; c[i] = p99[k, i]; d[i] = rss[k, i] }
                printf "%s %-8s rps %.0f  p50 %.2f ms  p99 %.2f ms  peak RSS %.1f MiB\n", bench, k,
                    median(a, n[k]), median(b, n[k]), median(c, n[k]), median(d, n[k]) / 1024
            }
            for (k in n) {
                if (k == "ceiling") continue
                m = 0; delete r
                for (p = 1; p <= n[k]; p++) if ((k, p) in pair_rps && ("ceiling", p) in pair_rps) {
                    r[++m] = pair_rps[k, p] / pair_rps["ceiling", p]
                    printf "%s %s pair %d ratio %.2f\n", bench, k, p, r[m]
                }
                if (m) printf "%s %s median ratio %.2f\n", bench, k, median(r, m)
            }
            m = 0; delete r
            for (p = 1; p <= n["rubdown"]; p++) if (("baseline", p) in pair_rps) {
                r[++m] = pair_rps["rubdown", p] / pair_rps["baseline", p]
                printf "%s pair %d rubdown/baseline %.2f\n", bench, p, r[m]
            }
            if (m) printf "%s median rubdown/baseline %.2f\n", bench, median(r, m)
        }' "$RESULTS"
done
cp "$RESULTS" "${RESULTS_COPY:-/tmp/rubdown-webhooks-results.tsv}"
echo "# per-run rows: ${RESULTS_COPY:-/tmp/rubdown-webhooks-results.tsv}"
