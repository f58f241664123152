#include "intents/handlers/reminders_handler.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/settings_handler.hpp"
#include "intents/nlu/reminder_reader.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

/// "21:00" -> 1260.
std::optional<int> minute_of(const std::optional<std::string>& clock) {
    int hours = 0;
    int minutes = 0;
    if (!clock || std::sscanf(clock->c_str(), "%d:%d", &hours, &minutes) != 2 || hours < 0 ||
        hours > 23 || minutes < 0 || minutes > 59) {
        return std::nullopt;
    }
    return hours * 60 + minutes;
}

std::vector<Reply> set_quiet_hours(HandlerContext& context, const nlu::Entities& entities) {
    auto& user = context.user;
    const auto from = minute_of(entities.quiet_from);
    const auto until = minute_of(entities.quiet_until);
    if (!from && !until) {
        return {
            Reply{"Tell me the quiet hours like \"quiet hours 22-7\" or \"no reminders after "
                  "9pm\"."}};
    }
    // One end said ("no reminders after 9pm"): the other stays as it was.
    if (from) user.quiet_start_minute = *from;
    if (until) user.quiet_end_minute = *until;
    if (user.quiet_start_minute == user.quiet_end_minute) {
        return {Reply{"Quiet hours off: reminders can come at any time of day."}};
    }
    return {Reply{"Quiet hours set: " + clock_text(user.quiet_start_minute) + "-" +
                  clock_text(user.quiet_end_minute) + " your time. No reminders then."}};
}

std::vector<Reply> set_quiet_days(HandlerContext& context, const nlu::Entities& entities) {
    int days = 0;
    const auto& keys = nlu::week_day_keys();
    for (const auto& key : entities.days) {
        const auto at = std::find(keys.begin(), keys.end(), key);
        if (at != keys.end()) days |= 1 << (at - keys.begin());
    }
    if (days == 0) return {Reply{"Which days should be free of reminders?"}};
    if (days == 0x7F) {
        return {Reply{"That is every day. To have no reminders at all, say \"stop reminders\"."}};
    }
    context.user.quiet_days = days;
    return {Reply{"No reminders on " + day_names(days) +
                  " from now on; one due then waits for the next day. Say \"resume reminders\" "
                  "to have them any day again."}};
}

}  // namespace

std::string stop_nudges(HandlerContext& context) {
    context.user.nudges_stopped = true;
    nudges::apply_nudges_stopped(context.repos, context.user);
    return "Reminders stopped. I won't nudge you again; say \"resume reminders\" any time to turn "
           "them back on.";
}

std::string snooze_nudges(HandlerContext& context, const nudges::NudgePolicy& policy) {
    switch (nudges::apply_snooze(context.repos, context.user, context.now, policy)) {
        case nudges::SnoozeOutcome::planned:
            break;
        case nudges::SnoozeOutcome::reminders_off:
            return "Your reminders are off, so I won't send one. Say \"resume reminders\" to turn "
                   "them back on.";
        case nudges::SnoozeOutcome::reminder_coming:
            return "You have a race reminder coming within a day anyway, so I won't add another.";
        case nudges::SnoozeOutcome::race_too_close:
            return "Your race is too close now for deep tissue work (it can leave you sore for a "
                   "day or two), so I won't remind you before it. A gentle recovery massage after "
                   "the race is a good idea.";
    }
    return "I'll remind you tomorrow.";
}

std::vector<Reply> handle_reminders(HandlerContext& context, const nlu::Parse& parse,
                                    const nudges::NudgePolicy& policy) {
    const auto& entities = parse.entities;
    const auto action = entities.action.value_or("status");
    auto& user = context.user;
    if (action == "quiet_hours_off") {
        user.quiet_end_minute = user.quiet_start_minute;
        return {Reply{"Quiet hours off: reminders can come at any time of day."}};
    }
    if (action == "quiet_hours") return set_quiet_hours(context, entities);
    if (action == "quiet_days") return set_quiet_days(context, entities);
    if (action == "pause") {
        const int days = std::clamp(entities.pause_days.value_or(7), 1, 365);
        user.nudges_paused_until = nudges::to_unix(context.now + std::chrono::days{days});
        const auto zone = nudges::zone_or_utc(user.time_zone);
        const auto until = nudges::local_date(zone, context.now + std::chrono::days{days});
        return {Reply{"Reminders paused for " + std::to_string(days) +
                      (days == 1 ? " day" : " days") + ", until " +
                      short_day(until, local_today(user, context.now)) +
                      ". Say \"resume reminders\" to turn them back on sooner."}};
    }
    if (action == "resume") {
        const bool was_stopped = user.nudges_stopped;
        const bool had_quiet_days = user.quiet_days != 0;
        user.nudges_stopped = false;
        user.nudges_paused_until = 0;
        user.quiet_days = 0;
        // Stopping cancelled the race nudges; plan them again for the races still ahead.
        if (was_stopped) {
            const auto today = local_today(user, context.now);
            for (const auto& race : context.repos.races.upcoming(user.id, iso(today))) {
                nudges::apply_race_changed(context.repos, user, race, context.now, policy);
            }
        }
        return {Reply{std::string{"Reminders are back on"} +
                      (had_quiet_days ? ", any day of the week" : "") +
                      ". I'll nudge you after hard sessions and before your races."}};
    }
    if (action == "stop") return {Reply{stop_nudges(context)}};
    if (action == "snooze") return {Reply{"OK. " + snooze_nudges(context, policy)}};
    return {Reply{settings_summary(user, context.now)}};
}

}  // namespace rubdown::intents::handlers
