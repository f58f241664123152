-- wrk script: POST /telegram/webhook with Telegram Updates as the Bot API delivers them: a private
-- chat text message from one of 256 runners, a unique update_id on every request (per wrk thread
-- and per run), and the X-Telegram-Bot-Api-Secret-Token header the bot checks.
--
-- Environment: TELEGRAM_WEBHOOK_SECRET (required, the bot's secret).
-- Prints one machine-readable line at the end: "RESULT requests=... rps=... p50_ms=... ...".

local secret = os.getenv("TELEGRAM_WEBHOOK_SECRET") or error("set TELEGRAM_WEBHOOK_SECRET")

-- What runners send: runs to log and questions about massage, in plain words.
local texts = {
    "easy 5k this morning, felt good",
    "ran 10k in 52:30 yesterday, felt hard",
    "why do runners get deep tissue massage?",
    "12k tempo in 58:10, legs were heavy",
    "does deep tissue massage hurt?",
    "long run today, 21k in 1:58",
    "should I get a sports massage before my race?",
    "8 miles easy with the club",
}

-- update_id = <run second mod 1e9><thread, 2 digits><sequence, 7 digits>: unique per thread and
-- per run (runs start at least a second apart), and below 2^63 as the Bot API's integers are.
local thread_counter = 0
function setup(thread)
    thread_counter = thread_counter + 1
    thread:set("prefix", string.format("%d%02d", os.time() % 1000000000, thread_counter))
    thread:set("thread_number", thread_counter)
end

local sequence = 0
function request()
    sequence = sequence + 1
    local user = 100000 + thread_number * 1000 + sequence % 256
    local body = string.format(
        '{"update_id":%s%07d,"message":{"message_id":%d,' ..
        '"from":{"id":%d,"is_bot":false,"first_name":"Runner","language_code":"en"},' ..
        '"chat":{"id":%d,"first_name":"Runner","type":"private"},"date":%d,"text":"%s"}}',
        prefix, sequence % 10000000, sequence, user, user, os.time(),
        texts[sequence % #texts + 1])
    local headers = {
        ["Content-Type"] = "application/json",
        ["X-Telegram-Bot-Api-Secret-Token"] = secret,
    }
    return wrk.format("POST", "/telegram/webhook", headers, body)
end

function done(summary, latency, requests)
    local seconds = summary.duration / 1e6
    io.write(string.format(
        "RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f max_ms=%.2f " ..
        "errors_connect=%d errors_read=%d errors_write=%d non2xx=%d timeouts=%d\n",
        summary.requests, summary.requests / seconds, latency:percentile(50) / 1000,
        latency:percentile(99) / 1000, latency.max / 1000, summary.errors.connect,
        summary.errors.read, summary.errors.write, summary.errors.status,
        summary.errors.timeout))
end
