#pragma once
/// Small talk (thanks, "ok", "lol", emoji, "how are you", "good night", ...): a short reply that
/// fits, never the list of what the bot can do. What counts as small talk is the NLU's
/// (nlu/small_talk.hpp); what the bot says back is here.

#include <string_view>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nlu/small_talk.hpp"

namespace rubdown::intents::handlers {

/// The reply to one kind of small talk.
Reply small_talk_reply(nlu::SmallTalk kind);

/// The reply to a message the NLU labelled small talk.
std::vector<Reply> handle_small_talk(std::string_view text);

}  // namespace rubdown::intents::handlers
