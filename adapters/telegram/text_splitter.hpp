#pragma once
/// Splits a reply too long for one Telegram message into several, at the most natural boundary.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rubdown::telegram {

/// sendMessage's text limit. Telegram measures text in UTF-16 code units (as its entity offsets
/// do), so that is what is counted here: an emoji outside the BMP counts twice. This can only
/// split a little earlier than needed, never too late.
inline constexpr std::size_t max_message_length = 4096;

/// UTF-16 code units of valid UTF-8 text.
std::size_t utf16_length(std::string_view utf8);

/// Replaces every byte that is not part of a valid UTF-8 sequence with U+FFFD, because Telegram
/// rejects a request whose text is not valid UTF-8 and the JSON writer would throw on it.
std::string sanitize_utf8(std::string_view text);

/// Parts of at most `limit` UTF-16 units each, cut at the last paragraph break ("\n\n") in the
/// second half of the allowance, else the last sentence end or line break there, else the last
/// space, else at a code point boundary (never inside a UTF-8 sequence). Whitespace at the cuts
/// is dropped. Text that fits comes back as one part, unchanged except for sanitising; blank text
/// gives no part.
std::vector<std::string> split_message_text(std::string_view text,
                                            std::size_t limit = max_message_length);

}  // namespace rubdown::telegram
