#pragma once
/// Slash commands (POST /slack/commands, form-encoded): "/rubdown <text>".

#include <optional>
#include <string>
#include <string_view>

#include "adapters/slack/slack_identity.hpp"
#include "intents/message.hpp"

namespace rubdown::slack {

struct CommandParse {
    std::optional<intents::IncomingMessage> message;
    std::string command;  ///< as typed, e.g. "/rubdown"
    std::string reason;   ///< why there is no message
};

/// Parses a (signature-checked) slash command body.
///
/// IncomingMessage: user_key "slack:<team_id>:<user_id>"; chat_id the user id (the command may come
/// from any conversation, including a DM between two people where the bot cannot post);
/// display_name user_name; text the command's text, "help" when empty; dedup_key
/// "slack:command:<trigger_id>"; reply_context a ReplyContext with source command and response_url.
CommandParse parse_command_body(std::string_view body);

}  // namespace rubdown::slack
