#pragma once
/// The three Slack endpoints as pure functions: verify the signature, parse, and say what to
/// answer. The server in bot/ calls one per path and records `message` (if any) in the inbox BEFORE
/// it sends `response`; when recording fails it answers 500 instead, so Slack delivers again.

#include <optional>
#include <string>

#include "adapters/http/http_message.hpp"
#include "adapters/slack/slack_events.hpp"
#include "adapters/slack/slack_identity.hpp"
#include "adapters/slack/slack_signature.hpp"
#include "intents/message.hpp"
#include "storage/records.hpp"

namespace rubdown::slack {

/// Configuration of the inbound side, built once at start-up.
struct InboundSettings {
    std::string signing_secret;  ///< SLACK_SIGNING_SECRET
    InboundOptions options;      ///< bot identity (from auth.test) and channel policy
    std::int64_t max_clock_skew_seconds = kMaxClockSkewSeconds;
};

/// What one request amounts to.
struct SlackInbound {
    http::HttpResponse response;                      ///< to send once `message` is recorded
    std::optional<intents::IncomingMessage> message;  ///< to record in the inbox (dedup_key set)
    SignatureCheck signature = SignatureCheck::valid;
    RetryInfo retry;   ///< Slack's redelivery headers, for the log
    std::string note;  ///< why no message came out, for the log; empty when one did
};

/// POST /slack/events. 401 on a bad signature; 400 with X-Slack-No-Retry on a body that will never
/// parse; the challenge as text/plain for url_verification; otherwise 200 with an empty body.
SlackInbound receive_event(const http::HttpRequest& request, const InboundSettings& settings,
                           storage::UnixSeconds now);

/// POST /slack/commands. 200 with an empty body acknowledges; the answer goes to response_url.
SlackInbound receive_command(const http::HttpRequest& request, const InboundSettings& settings,
                             storage::UnixSeconds now);

/// POST /slack/interactivity. 200 with an empty body acknowledges every interaction, including
/// link-button clicks and types the bot does not handle.
SlackInbound receive_interaction(const http::HttpRequest& request, const InboundSettings& settings,
                                 storage::UnixSeconds now);

}  // namespace rubdown::slack
