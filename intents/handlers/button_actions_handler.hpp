#pragma once
/// Button presses (IncomingMessage::action): the nudge buttons (booked, snooze, stop), the
/// /forget confirmation, and the channels' notice that a non-text message arrived.

#include <string_view>
#include <vector>

#include "intents/engine.hpp"
#include "intents/nudges/nudge_policy.hpp"

namespace rubdown::intents::handlers {

/// Ends with this for a sticker, photo, voice note...: "telegram:non_text", "slack:non_text".
inline constexpr std::string_view kNonTextSuffix = "non_text";

/// Handles a pressed button. A button shown to another runner (intents/button_owner.hpp) changes
/// nothing and says so.
std::vector<Reply> handle_button_action(HandlerContext& context, const nudges::NudgePolicy& policy);

}  // namespace rubdown::intents::handlers
