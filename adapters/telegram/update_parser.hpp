#pragma once
/// Turns Telegram Update objects (webhook bodies, getUpdates results) into platform-neutral
/// IncomingMessages. Pure: no I/O, no clock.
///
/// Choices worth knowing:
/// - `message` and `edited_message` both become a typed message with `source_id` naming the
///   chat and message; an edit carries `edit_version` = its edit_date, so that the bot changes
///   what the original made instead of making it again. Each is deduplicated by its own update_id.
/// - `callback_query` (a button press) becomes a message with empty text and action = the
///   button's callback data; reply_context carries the query id, which must be answered.
/// - A message without text (sticker, photo, voice, location...) becomes a message with empty
///   text and action = `non_text_action`, so the bot can answer something friendly instead of
///   staying silent. A photo or document with a caption is read as its caption.
/// - Other update types (channel_post, my_chat_member, ...), messages from bots, and commands
///   addressed to another bot are `ignored`: acknowledged, never processed.
/// - Invalid JSON, a missing update_id, or a message without chat.id is a ParseError (answer 400).

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "intents/message.hpp"

namespace rubdown::telegram {

/// IncomingMessage::action for a message the bot cannot read (sticker, photo, voice...).
inline constexpr std::string_view non_text_action = "telegram:non_text";

struct ParseOptions {
    /// The bot's username without '@' (from getMe). When known, "/cmd@OtherBot" is ignored and a
    /// leading "@ThisBot" mention is stripped; when empty, any "/cmd@Name" becomes "/cmd".
    std::string bot_username;
};

struct ParsedUpdate {
    enum class Kind { message, ignored };
    Kind kind = Kind::ignored;
    std::int64_t update_id = 0;
    std::string update_type;           ///< "message", "edited_message", "callback_query", ...
    intents::IncomingMessage message;  ///< filled when kind == message
    std::string ignore_reason;         ///< for the log, when kind == ignored
};

struct ParseError {
    std::string reason;
};

using ParseResult = std::variant<ParsedUpdate, ParseError>;

/// One webhook body (a JSON-serialised Update).
ParseResult parse_update(std::string_view body, const ParseOptions& options = {});
/// The same, for an Update already parsed (one element of a getUpdates result).
ParseResult parse_update_object(const nlohmann::json& update, const ParseOptions& options = {});

/// "/log@RubdownBot 10k easy" -> "/log 10k easy". nullopt when the command names another bot
/// (only decidable when bot_username is known). Text that is no such command comes back as is.
std::optional<std::string> strip_command_mention(std::string_view text,
                                                 std::string_view bot_username);

/// The updates of one getUpdates answer, for long polling.
struct PollBatch {
    std::vector<ParsedUpdate> updates;  ///< every update with an id, ignored ones included
    std::vector<ParseError> malformed;  ///< entries without a usable update_id (logged, skipped)
    /// The offset for the next getUpdates: highest update_id + 1, never below the current one.
    /// Passing it confirms (and makes Telegram forget) everything up to it, so call getUpdates
    /// with it only once the batch's messages are durably recorded.
    std::int64_t next_offset = 0;
};

/// `result` is the "result" array of a successful getUpdates answer (see classify_response).
std::variant<PollBatch, ParseError> parse_get_updates_result(const nlohmann::json& result,
                                                             std::int64_t current_offset,
                                                             const ParseOptions& options = {});
/// The whole body {"ok":true,"result":[...]}; an {"ok":false,...} body is a ParseError.
std::variant<PollBatch, ParseError> parse_get_updates_response(std::string_view body,
                                                               std::int64_t current_offset,
                                                               const ParseOptions& options = {});

}  // namespace rubdown::telegram
