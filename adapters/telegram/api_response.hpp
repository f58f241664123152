#pragma once
/// Reads a Bot API answer: {"ok":true,"result":...} or
/// {"ok":false,"error_code":N,"description":"...","parameters":{"retry_after":S}}, and says what
/// the sender should do about it.

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace rubdown::telegram {

enum class ApiOutcome {
    ok,            ///< done; `result` holds the answer
    retry_after,   ///< 429 flood control: wait `retry_after`, then send again
    transient,     ///< 5xx, network failure, unreadable answer: back off and retry
    blocked,       ///< 403: the runner blocked the bot (or it left the group): stop, mark inactive
    permanent,     ///< 400, 404, 409...: this request will never succeed; do not retry it
    unauthorized,  ///< 401: the bot token is wrong or revoked; nothing will succeed
};

std::string_view to_string(ApiOutcome outcome);

struct ApiResult {
    ApiOutcome outcome = ApiOutcome::transient;
    nlohmann::json result;  ///< the "result" field when ok (null otherwise)
    int error_code = 0;     ///< Telegram's error_code, else the HTTP status; 0 for network errors
    std::string description;
    std::chrono::seconds retry_after{0};  ///< for retry_after
    /// 400 "group chat was upgraded to a supergroup chat": where to send from now on.
    std::optional<std::int64_t> migrate_to_chat_id;
};

/// Flood control without a retry_after (not seen in practice) waits this long.
inline constexpr std::chrono::seconds default_retry_after{5};

/// `http_status` as received; `body` the raw answer. Never throws.
/// An edit whose content is already what was asked ("message is not modified") counts as ok:
/// the runner sees the intended message, and retrying could never change that.
ApiResult classify_response(int http_status, std::string_view body);

/// For a request that got no HTTP answer at all (connect/TLS/read failure or time-out).
ApiResult network_failure(std::string description);

/// message_id of the message a successful sendMessage/editMessageText created or changed.
std::optional<std::int64_t> sent_message_id(const ApiResult& result);

/// The bot's username from a successful getMe (to recognise "/cmd@ThisBot" in groups).
std::optional<std::string> bot_username(const ApiResult& get_me_result);

}  // namespace rubdown::telegram
