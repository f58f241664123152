#pragma once
/// What the Slack adapter needs to answer a message in place. Travels as JSON through
/// IncomingMessage::reply_context -> inbox -> OutboxMessage::reply_context, opaque to everyone
/// else.

#include <string>
#include <string_view>

namespace rubdown::slack {

/// Where a message came from; decides how the answer is delivered.
enum class ReplySource {
    none,     ///< no context (a nudge): chat.postMessage to the outbox chat_id
    event,    ///< Events API message or mention: chat.postMessage to `channel`, in its thread
    command,  ///< slash command: POST to response_url (ephemeral)
    action,   ///< button press: chat.update of `message_ts`, or a new message
};

struct ReplyContext {
    ReplySource source = ReplySource::none;
    std::string team_id;
    std::string channel;       ///< the conversation the message was typed in
    std::string thread_ts;     ///< answer in this thread when set
    std::string message_ts;    ///< the message whose button was pressed (action)
    std::string response_url;  ///< command and action: answer without a channel membership
    bool ephemeral = false;    ///< the pressed button was on an ephemeral message
    /// Set by the dispatcher when the reply should replace the message whose button was pressed.
    bool edit_original = false;

    bool operator==(const ReplyContext&) const = default;
};

std::string to_json(const ReplyContext& context);
/// Tolerant: unknown keys are ignored, a malformed or empty string gives source == none.
ReplyContext reply_context_from_json(std::string_view json);

/// Returns `reply_context` with "edit_original": true added (an object is created when empty).
/// The dispatcher calls it for a Reply with edit_original, since OutboxMessage has no such field.
std::string with_edit_original(std::string_view reply_context);

}  // namespace rubdown::slack
