#pragma once
/// out_of_scope: a polite "not my thing" in one line; and when the NLU is not sure, one line
/// with one example that fits what the runner seemed to want. Never the whole list of what the
/// bot does: /help gives that.

#include <string_view>
#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_out_of_scope(HandlerContext& context);

/// When the NLU is not confident: say so, with an example for `likely_intent`, the intent the
/// NLU leaned towards (empty when there is nothing to go on).
std::vector<Reply> handle_not_understood(HandlerContext& context,
                                         std::string_view likely_intent = {});

/// The example line for an intent: "To log a run, give me the distance or the time, ...".
std::string_view example_for(std::string_view intent);

}  // namespace rubdown::intents::handlers
