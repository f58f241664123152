#pragma once
/// /export: the runner's runs as CSV, oldest first, split into chat-sized messages.

#include <string>
#include <vector>

#include "intents/engine.hpp"

namespace rubdown::intents::handlers {

std::vector<Reply> handle_export(HandlerContext& context);

/// Splits text at line ends into pieces of at most `limit` bytes (a longer single line is cut).
std::vector<std::string> split_for_chat(const std::string& text, std::size_t limit);

/// Slack sections hold 3000 characters and Telegram messages 4096: stay under both.
inline constexpr std::size_t kChatMessageLimit = 3000;

}  // namespace rubdown::intents::handlers
