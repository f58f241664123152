#pragma once
/// What an answer from Slack means for the outbox: sent, try again later, or give up.

#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/slack/slack_web_api.hpp"

namespace rubdown::slack {

struct SendOutcome {
    enum class Verdict { sent, retry, give_up };
    Verdict verdict = Verdict::give_up;
    /// Seconds Slack asked us to wait (429 Retry-After); 0 when it did not say.
    std::int64_t retry_after_seconds = 0;
    bool rate_limited = false;
    /// The token is wrong, revoked or lacks a scope: no message will go out until the operator
    /// fixes the configuration. Worth an error log and pausing the whole channel.
    bool configuration_problem = false;
    /// The conversation is gone or closed to the bot (channel_not_found, is_archived, ...).
    bool recipient_unreachable = false;
    std::string error;    ///< Slack's error code, or "http <status>"
    std::string channel;  ///< where the message landed (chat.postMessage, chat.update)
    std::string ts;       ///< its timestamp, the id chat.update needs
};

std::string_view to_string(SendOutcome::Verdict verdict);

/// Reads one answer. `retry_after_header` is the Retry-After header's value, empty when absent.
SendOutcome classify_response(ApiCall::Target target, int http_status,
                              std::string_view retry_after_header, std::string_view body);

/// The request never got an answer (connection refused, TLS failure, time-out): try again.
SendOutcome classify_transport_failure(std::string_view what);

/// Whether a PlannedCall's fallback should be made after `outcome`: the call failed for good, and
/// not because of the token (the fallback would fail the same way).
bool should_fall_back(const SendOutcome& outcome);

/// The verdict for an `ok:false` error code alone (also sets the two flags).
SendOutcome classify_error_code(std::string_view error);

}  // namespace rubdown::slack
