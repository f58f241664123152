#pragma once
/// What the Telegram adapter needs, later, to answer a message in place. It travels through the
/// inbox and the outbox as an opaque JSON string (IncomingMessage::reply_context,
/// OutboxMessage::reply_context), so no other layer has to know Telegram's fields.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rubdown::telegram {

struct ReplyContext {
    /// Set for a button press: the query must be answered (answerCallbackQuery) or the runner's
    /// client keeps showing a spinner on the button.
    std::string callback_query_id;
    /// For a button press: the bot's message that carried the button (the one to edit in place).
    /// For typed text: the runner's own message (replied to in group chats, for context).
    std::optional<std::int64_t> message_id;
    std::string chat_type;  ///< "private", "group", "supergroup", "channel"
    /// Set by the dispatcher when the reply should replace the message whose button was pressed
    /// (Reply::edit_original); the outbox carries no other field for it.
    bool edit_original = false;

    bool is_callback() const { return !callback_query_id.empty(); }
    bool is_group() const { return chat_type == "group" || chat_type == "supergroup"; }
    /// Others read the bot's answers there: a group, a supergroup or a channel.
    bool is_shared() const { return is_group() || chat_type == "channel"; }
    bool operator==(const ReplyContext&) const = default;
};

/// Compact JSON, e.g. {"callback_query_id":"4382","message_id":77,"chat_type":"private"}.
std::string to_json(const ReplyContext& context);

/// Lenient: an empty, malformed or foreign string gives an empty context (the reply is then sent
/// as a plain new message), because a reply must never be lost over its decoration.
ReplyContext reply_context_from_json(std::string_view json);

/// Returns `reply_context` with edit_original set: what the dispatcher stores in the outbox for a
/// Reply with edit_original = true.
std::string with_edit_original(std::string_view reply_context);

/// Returns `reply_context` without the button press's query id. Telegram takes one answer per
/// query: when a press gets several replies, only the first carries the id, so the query is
/// answered once and the others are plain messages (an edit of the pressed message still works).
std::string without_callback_query(std::string_view reply_context);

/// Whether the message behind `reply_context` is a button press that must be answered with
/// answerCallbackQuery even when the bot has nothing to say, so the runner's client stops
/// showing a spinner on the button.
bool awaits_callback_answer(std::string_view reply_context);

/// Whether the message behind `reply_context` came from a chat others read (ReplyContext::
/// is_shared), or from the runner's private chat with the bot. Neither, when the context does not
/// say (a button under an inline-mode message).
bool in_shared_chat(std::string_view reply_context);
bool in_private_chat(std::string_view reply_context);

}  // namespace rubdown::telegram
