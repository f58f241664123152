#pragma once
/// /forget: deletes everything stored about the runner, only after they press the confirmation
/// button ("forget:confirm"); "forget:cancel" keeps it all.

#include <string_view>
#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

inline constexpr std::string_view kForgetConfirmAction = "forget:confirm";
inline constexpr std::string_view kForgetCancelAction = "forget:cancel";

/// Asks for confirmation, with the two buttons.
std::vector<Reply> handle_forget_request(HandlerContext& context);

/// Deletes the runner. Afterwards context.user.id is 0: the dispatcher must not save the user
/// (that would bring part of them back).
std::vector<Reply> handle_forget_confirmed(HandlerContext& context);

std::vector<Reply> handle_forget_cancelled(HandlerContext& context);

}  // namespace rubdown::intents::handlers
