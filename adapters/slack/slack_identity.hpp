#pragma once
/// Who the bot is in the workspace, learnt from auth.test at start-up. Parsing works without it
/// (every bot message is ignored anyway), but mention stripping is exact only when it is known.

#include <string>

namespace rubdown::slack {

struct BotIdentity {
    std::string team_id;
    std::string user_id;  ///< the bot user, "U..."; the id in <@U...> mentions
    std::string bot_id;   ///< "B..."; set on messages the bot posts
};

/// Parsing choices the operator may want to change.
struct InboundOptions {
    BotIdentity bot;
    /// Answer every message in public/private channels the bot was invited to. Off by default:
    /// in channels the bot answers only when mentioned (app_mention), as people expect of a bot.
    bool answer_channel_messages = false;
};

}  // namespace rubdown::slack
