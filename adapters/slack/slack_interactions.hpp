#pragma once
/// Interactivity (POST /slack/interactivity): a form body whose single `payload` field holds JSON.
/// Only block_actions from buttons the bot posted become messages.

#include <optional>
#include <string>
#include <string_view>

#include "intents/message.hpp"

namespace rubdown::slack {

/// action_id prefix of link buttons. Slack still reports their clicks; they carry no action.
inline constexpr std::string_view kLinkActionPrefix = "link:";

struct InteractionParse {
    std::optional<intents::IncomingMessage> message;
    std::string type;    ///< payload type: "block_actions", "view_submission", ...
    std::string reason;  ///< why there is no message
    bool malformed = false;
};

/// Parses a (signature-checked) interactivity body.
///
/// IncomingMessage: action = the pressed button's value (its action_id when there is no value);
/// user_key "slack:<team>:<user>"; chat_id the user id; dedup_key
/// "slack:action:<team>:<user>:<action_ts>"; reply_context a ReplyContext with source action, the
/// channel, the pressed message's ts (for chat.update), its thread, ephemeral flag and
/// response_url.
InteractionParse parse_interaction_body(std::string_view body);

}  // namespace rubdown::slack
