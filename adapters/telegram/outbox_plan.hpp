#pragma once
/// Turns one outbox row into the Bot API calls that deliver it, in order.

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "adapters/telegram/bot_api_requests.hpp"
#include "storage/records.hpp"

namespace rubdown::telegram {

struct PlannedCall {
    ApiCall call;
    /// Made instead when `call` fails permanently: an edit of a message that is gone, too old or
    /// unchanged-able falls back to sending the text as a new message.
    std::optional<ApiCall> fallback;
    /// A failure is logged and the plan goes on. answerCallbackQuery fails once the query is
    /// old or already answered, which must never cost the runner the reply itself.
    bool best_effort = false;
};

struct OutboxPlan {
    std::vector<PlannedCall> calls;
    std::vector<std::string> warnings;  ///< for the log (buttons left out...)
};

/// The calls for `message`:
/// 1. answerCallbackQuery (best effort) when the reply answers a button press;
/// 2. a row with an image: sendPhoto, captioned by the text when it is one part of at most
///    max_caption_length units (the buttons then go under the photo), else followed by the text
///    as in 3; never an edit (fallback: sendMessage with the caption and the image's description);
/// 2'. otherwise, when the reply context asks to edit the original (see with_edit_original) and
/// names the
///    message: editMessageText of that message with the first part (fallback: sendMessage), or
///    editMessageReplyMarkup when the text is blank (buttons only);
/// 3. sendMessage for each (remaining) part of the text, split to fit 4096 UTF-16 units; the
///    buttons go on the last part only; in a group chat the first part quotes the runner's
///    message.
/// A row with blank text that answers a button press plans answerCallbackQuery alone: the
/// dispatcher writes such a row when the press got no reply, since every press must be answered.
/// A part that fails permanently (other than best-effort calls and edits with a fallback) fails
/// the row. The parts are not idempotent: a sender that retries after a partial success should
/// resume from the first call not yet done rather than replan from the start.
OutboxPlan plan_outbox_message(const storage::OutboxMessage& message);

/// Messages the plan puts into the chat (edits included, answerCallbackQuery not): what the
/// outbox sender charges against the chat's flood limits (TelegramDelivery::pacing_charge).
std::size_t chat_message_count(const OutboxPlan& plan);

}  // namespace rubdown::telegram
