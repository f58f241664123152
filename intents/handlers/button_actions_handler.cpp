#include "intents/handlers/button_actions_handler.hpp"

#include "intents/button_owner.hpp"
#include "intents/handlers/book_massage_handler.hpp"
#include "intents/handlers/correction_handler.hpp"
#include "intents/handlers/follow_up.hpp"
#include "intents/handlers/forget_handler.hpp"
#include "intents/handlers/log_run_handler.hpp"
#include "intents/handlers/mileage_chart.hpp"
#include "intents/handlers/reminders_handler.hpp"
#include "intents/handlers/set_race_handler.hpp"
#include "intents/handlers/settings_handler.hpp"
#include "intents/nudges/nudge_message.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

Reply edit(std::string text) {
    Reply reply{std::move(text)};
    reply.edit_original = true;
    return reply;
}

}  // namespace

std::vector<Reply> handle_button_action(HandlerContext& context,
                                        const nudges::NudgePolicy& policy) {
    const auto pressed = read_pressed_button(context.message.action, context.message.user_key);
    if (pressed.for_someone_else) {
        return {
            Reply{"That button was for the runner it was shown to, so I left it alone. Type "
                  "/help to see what I can do for you."}};
    }
    const std::string_view action = pressed.action;
    if (action == nudges::kBookedAction) {
        record_booking(context, std::nullopt);
        return {edit("Booked ✓ Enjoy the massage. I'll hold off the reminders.")};
    }
    if (action == nudges::kSnoozeAction) {
        return {edit("Snoozed ✓ " + snooze_nudges(context, policy))};
    }
    if (action == nudges::kStopAction) return {edit("Stopped ✓ " + stop_nudges(context))};
    if (action == kForgetConfirmAction) return handle_forget_confirmed(context);
    if (action.starts_with(kFixRunAction)) {
        const auto id = action.substr(kFixRunAction.size());
        std::int64_t run_id = 0;
        for (char c : id) {
            if (c < '0' || c > '9' || run_id > 1'000'000'000'000)
                return {edit("That button is broken.")};
            run_id = run_id * 10 + (c - '0');
        }
        return handle_correction_choice(context, policy, run_id);
    }
    if (action == kForgetCancelAction) return handle_forget_cancelled(context);
    if (action.starts_with(kZoneAction)) return handle_zone_button(context, action, policy);
    if (action.starts_with(kCancelRaceAction) || action.starts_with(kMoveRaceAction)) {
        return handle_race_button(context, action, policy);
    }
    if (action == kRanItAction || action == kPlannedItAction) {
        const auto pending = load_follow_up(context.repos.conversations, context.user.id);
        if (!pending || pending->kind != FollowUp::Kind::run_or_plan) {
            return {
                edit("That question isn't waiting any more. Tell me the run again, like "
                     "\"10k easy on sunday\".")};
        }
        auto replies = answer_run_or_plan(context, *pending, action == kRanItAction, policy);
        for (auto& reply : replies) reply.edit_original = true;
        return replies;
    }
    if (action == kChartWeeksAction || action == kChartMonthsAction) {
        return {mileage_chart(context, action == kChartMonthsAction, units_of(context.user))};
    }
    if (action.ends_with(kNonTextSuffix)) {
        return {
            Reply{"I can only read text messages. Tell me about your run in words, like "
                  "\"10k easy this morning\"."}};
    }
    return {Reply{"That button isn't active any more. Type /help to see what I can do."}};
}

}  // namespace rubdown::intents::handlers
