#pragma once
/// Text as Slack sees it: its escaping of &, < and >, its length limits, and splitting long replies
/// at paragraph or sentence boundaries without ever cutting a UTF-8 sequence.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rubdown::slack {

/// Length the way Slack's limits are counted, erring high: UTF-16 code units (a code point above
/// U+FFFF counts two). A malformed byte counts one.
std::size_t slack_length(std::string_view utf8);

/// Escapes the three characters Slack reserves for its markup: & < >.
std::string escape_mrkdwn(std::string_view text);

/// Undoes Slack's escaping of incoming message text (&amp; &lt; &gt;).
std::string unescape_slack_text(std::string_view text);

/// Removes a leading user mention ("<@U123>" or "<@U123|name>") and the blanks after it. Only the
/// bot's own mention when `bot_user_id` is given, any user mention when it is empty.
std::string strip_leading_mention(std::string_view text, std::string_view bot_user_id);

/// Splits `text` into parts whose escaped slack_length is at most `limit`, breaking at the last
/// paragraph break that fits, else a line break, else a sentence end, else a space, else between
/// two code points. Parts are trimmed of surrounding blanks; blank parts are dropped.
std::vector<std::string> split_text(std::string_view text, std::size_t limit);

/// At most `limit` (slack_length, unescaped) with "…" at the end when shortened.
std::string truncate_text(std::string_view text, std::size_t limit);

}  // namespace rubdown::slack
