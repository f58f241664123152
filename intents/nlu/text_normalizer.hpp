#pragma once
/// Turning raw chat text into the plain lower-case ASCII the NLU reads.

#include <string>
#include <string_view>

namespace rubdown::intents::nlu {

/// Longest input the NLU reads; longer messages are cut, so a pasted essay costs bounded time.
inline constexpr std::size_t kMaxUtteranceBytes = 4096;

/// Lower-cases ASCII letters, drops Slack mentions and links (`<@U024BE7LH>`, `<#C1|general>`,
/// `<!here>`), folds typographic quotes and dashes to ASCII, turns emojis, other non-ASCII bytes
/// and control characters into spaces, and collapses runs of spaces. Never fails, whatever the
/// bytes.
std::string normalize_text(std::string_view text);

/// Returns `text` as valid UTF-8: each byte that does not start a well-formed sequence becomes
/// U+FFFD, so the result can always be written as JSON.
std::string to_valid_utf8(std::string_view text);

}  // namespace rubdown::intents::nlu
