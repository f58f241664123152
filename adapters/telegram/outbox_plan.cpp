#include "adapters/telegram/outbox_plan.hpp"

#include "adapters/telegram/reply_context.hpp"
#include "adapters/telegram/text_splitter.hpp"
#include "intents/message.hpp"

namespace rubdown::telegram {

namespace {

void take_warnings(OutboxPlan& plan, const ApiCall& call) {
    plan.warnings.insert(plan.warnings.end(), call.warnings.begin(), call.warnings.end());
}

}  // namespace

OutboxPlan plan_outbox_message(const storage::OutboxMessage& message) {
    OutboxPlan plan;
    const auto context = reply_context_from_json(message.reply_context);
    const auto buttons = intents::buttons_from_json(message.buttons_json);
    const auto parts = split_message_text(message.text);
    const std::vector<intents::Button> no_buttons;

    if (context.is_callback())
        plan.calls.push_back(
            {answer_callback_query(context.callback_query_id), std::nullopt, true});

    const bool quote = context.is_group() && !context.is_callback() && context.message_id;
    std::size_t next_part = 0;
    if (!message.image_png.empty()) {
        // A picture is a new message (a text message cannot be edited into a photo), captioned
        // by the text when it fits, the buttons under it; else the text follows it.
        const bool captioned = parts.size() == 1 && utf16_length(parts[0]) <= max_caption_length;
        auto call =
            send_photo(message.chat_id, message.image_png, captioned ? parts[0] : std::string{},
                       captioned || parts.empty() ? buttons : no_buttons,
                       quote ? context.message_id : std::nullopt);
        take_warnings(plan, call);
        // A photo Telegram refuses for good is told in words: the caption, then what it shows.
        const std::string described =
            (captioned ? parts[0] + "\n" : std::string{}) + message.image_alt;
        auto fallback = send_message(message.chat_id, described.substr(0, max_message_length),
                                     captioned || parts.empty() ? buttons : no_buttons,
                                     quote ? context.message_id : std::nullopt);
        plan.calls.push_back({std::move(call), std::move(fallback), false});
        next_part = captioned ? 1 : 0;
    } else if (context.edit_original && context.message_id) {
        if (parts.empty()) {
            auto call = edit_message_reply_markup(message.chat_id, *context.message_id, buttons);
            take_warnings(plan, call);
            plan.calls.push_back({std::move(call), std::nullopt, true});
        } else {
            const bool only_part = parts.size() == 1;
            const auto& part_buttons = only_part ? buttons : no_buttons;
            auto call =
                edit_message_text(message.chat_id, *context.message_id, parts[0], part_buttons);
            take_warnings(plan, call);
            plan.calls.push_back(
                {std::move(call), send_message(message.chat_id, parts[0], part_buttons), false});
            next_part = 1;
        }
    }

    const bool quoted = quote && message.image_png.empty();
    for (std::size_t i = next_part; i < parts.size(); ++i) {
        const bool last = i + 1 == parts.size();
        auto call = send_message(message.chat_id, parts[i], last ? buttons : no_buttons,
                                 quoted && i == 0 ? context.message_id : std::nullopt);
        take_warnings(plan, call);
        plan.calls.push_back({std::move(call), std::nullopt, false});
    }
    // A blank row that answers a button press is the press's acknowledgement alone.
    if (parts.empty() && message.image_png.empty() &&
        !(context.edit_original && context.message_id) && !context.is_callback())
        plan.warnings.push_back("blank text: no message sent");
    return plan;
}

std::size_t chat_message_count(const OutboxPlan& plan) {
    std::size_t count = 0;
    for (const auto& planned : plan.calls)
        if (planned.call.method != "answerCallbackQuery") ++count;
    return count;
}

}  // namespace rubdown::telegram
