-- wrk script: POST /slack/events with a direct-message event_callback that has a unique event_id
-- on every request, signed like Slack signs it (v0= HMAC-SHA256 of "v0:{timestamp}:{body}" with
-- the signing secret). HMAC comes from the system's libcrypto through LuaJIT's FFI.
--
-- Environment: SLACK_SIGNING_SECRET (required), BENCH_TEXT (the message, default a run to log).
-- Prints one machine-readable line at the end: "RESULT requests=... rps=... p50_ms=... ...".

local ffi = require("ffi")
ffi.cdef [[
typedef struct evp_md_st EVP_MD;
const EVP_MD *EVP_sha256(void);
unsigned char *HMAC(const EVP_MD *evp_md, const void *key, int key_len,
                    const unsigned char *data, size_t data_len,
                    unsigned char *md, unsigned int *md_len);
]]
local crypto = ffi.load("crypto")

local secret = os.getenv("SLACK_SIGNING_SECRET") or error("set SLACK_SIGNING_SECRET")
local text = os.getenv("BENCH_TEXT") or "easy 5k this morning, felt good"
local digest = ffi.new("unsigned char[32]")
local digest_len = ffi.new("unsigned int[1]")

local function hex_hmac(message)
    crypto.HMAC(crypto.EVP_sha256(), secret, #secret, message, #message, digest, digest_len)
    local out = {}
    for i = 0, 31 do out[#out + 1] = string.format("%02x", digest[i]) end
    return table.concat(out)
end

-- Every wrk thread gets its own id prefix, so event_ids never repeat across threads or runs.
local thread_counter = 0
function setup(thread)
    thread_counter = thread_counter + 1
    thread:set("prefix", string.format("%d%04d", os.time(), thread_counter))
end

local sequence = 0
function request()
    sequence = sequence + 1
    local id = prefix .. "x" .. sequence
    -- One runner per 64 events, so users repeat as in a real workspace.
    local user = "UBENCH" .. (sequence % 64)
    local body = string.format(
        '{"type":"event_callback","team_id":"TBENCH","event_id":"Ev%s","event_time":%d,' ..
        '"event":{"type":"message","channel_type":"im","channel":"D%s","user":"%s",' ..
        '"text":"%s","ts":"%d.%06d","event_ts":"%d.%06d"}}',
        id, os.time(), user, user, text, os.time(), sequence % 1000000, os.time(),
        sequence % 1000000)
    local stamp = tostring(os.time())
    local headers = {
        ["Content-Type"] = "application/json",
        ["X-Slack-Request-Timestamp"] = stamp,
        ["X-Slack-Signature"] = "v0=" .. hex_hmac("v0:" .. stamp .. ":" .. body),
    }
    return wrk.format("POST", "/slack/events", headers, body)
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
