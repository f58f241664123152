#pragma once
/// A thank-you or a plain "ok" after an answer: a short reply, not the "outside what I can help
/// with" list. The NLU has no label for these (the contract files them under out_of_scope, and a
/// bare "thank you" reads as a weak greeting), so the engine asks here before it routes.

#include <optional>
#include <string_view>
#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

/// The reply when the whole message is thanks or an acknowledgement ("thanks a lot!", "ok cool",
/// "got it"); nothing when it says anything else ("thanks, I ran 5k today").
std::optional<std::vector<Reply>> answer_small_talk(std::string_view text);

}  // namespace rubdown::intents::handlers
