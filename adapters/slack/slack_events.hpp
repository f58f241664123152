#pragma once
/// Events API deliveries (POST /slack/events, JSON): url_verification and event_callback with
/// `message` and `app_mention` events, turned into platform-neutral IncomingMessages.

#include <optional>
#include <string>
#include <string_view>

#include "adapters/http/http_message.hpp"
#include "adapters/slack/slack_identity.hpp"
#include "intents/message.hpp"

namespace rubdown::slack {

/// Slack's redelivery headers: X-Slack-Retry-Num and X-Slack-Retry-Reason. Number 0 = first try.
struct RetryInfo {
    int number = 0;
    std::string reason;  ///< "http_timeout", "http_error", ... empty on a first delivery
};

RetryInfo read_retry_info(const http::HttpRequest& request);

struct EventParse {
    enum class Kind {
        url_verification,  ///< answer with `challenge`
        message,           ///< `message` holds what the runner said
        ignored,           ///< acknowledge and do nothing; `reason` says why
        malformed,         ///< not JSON, or not an Events API envelope; `reason` says why
    };
    Kind kind = Kind::ignored;
    std::string challenge;
    std::optional<intents::IncomingMessage> message;
    std::string event_id;
    std::string reason;
};

/// Parses a (signature-checked) Events API body.
///
/// IncomingMessage fields: channel "slack"; user_key "slack:<team>:<user>"; chat_id the DM channel
/// for a direct message, otherwise the user id (chat.postMessage to a user id lands in the bot's
/// DM, so nudges never go to a shared channel); dedup_key "slack:event:<event_id>"; reply_context a
/// ReplyContext (source event, channel, thread_ts) so the answer goes where the message was typed.
EventParse parse_event_body(std::string_view body, const InboundOptions& options);

}  // namespace rubdown::slack
