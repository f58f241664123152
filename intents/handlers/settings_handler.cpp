#include "intents/handlers/settings_handler.hpp"

#include <chrono>
#include <cstdio>
#include <vector>

#include <date/tz.h>

#include "intents/handlers/local_calendar.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"
#include "intents/places/zone_clock.hpp"

namespace rubdown::intents::handlers {
namespace {

/// "19:05" in `zone` at `now`.
std::string local_clock(const date::time_zone* zone, Seconds now) {
    const auto local = zone->to_local(date::sys_seconds{now});
    const auto minutes =
        std::chrono::duration_cast<std::chrono::minutes>(local - date::floor<date::days>(local))
            .count();
    return clock_text(static_cast<int>(minutes));
}

/// "+05:30" -> 330 minutes; nothing for any other text.
std::optional<std::chrono::minutes> offset_of(const std::string& text) {
    int hours = 0;
    int minutes = 0;
    char sign = 0;
    if (std::sscanf(text.c_str(), "%c%d:%d", &sign, &hours, &minutes) != 3 ||
        (sign != '+' && sign != '-')) {
        return std::nullopt;
    }
    const std::chrono::minutes offset{hours * 60 + minutes};
    return sign == '-' ? -offset : offset;
}

std::vector<Reply> ask_which_zone(HandlerContext& context, const nlu::Entities& entities) {
    Reply reply{"That place has more than one time zone. Which one are you in?"};
    for (std::size_t i = 0; i < entities.zone_choices.size(); ++i) {
        const auto& zone = entities.zone_choices[i];
        const auto* found = nudges::zone_or_utc(zone);
        const auto label =
            i < entities.zone_choice_labels.size() ? entities.zone_choice_labels[i] : zone;
        reply.buttons.push_back(Button{label + " (" + local_clock(found, context.now) + ")",
                                       std::string{kZoneAction} + zone, ""});
    }
    return {reply};
}

}  // namespace

std::vector<Reply> set_time_zone(HandlerContext& context, const std::string& zone,
                                 const nudges::NudgePolicy& policy, const std::string& place) {
    context.user.time_zone = zone;
    context.user.time_zone_known = true;
    context.user.time_zone_asked = true;
    // Race nudges are planned at local hours: plan them again in the new zone.
    const auto today = local_today(context.user, context.now);
    for (const auto& race : context.repos.races.upcoming(context.user.id, iso(today))) {
        nudges::apply_race_changed(context.repos, context.user, race, context.now, policy);
    }
    const auto* found = nudges::zone_or_utc(zone);
    return {Reply{"Time zone set to " + zone + (place.empty() ? "" : " (" + place + ")") +
                  ": it's " + local_clock(found, context.now) + " there now, " +
                  short_day(today, today) + ". Dates and reminders follow your local time."}};
}

std::vector<Reply> handle_zone_button(HandlerContext& context, std::string_view action,
                                      const nudges::NudgePolicy& policy) {
    const std::string zone{action.substr(kZoneAction.size())};
    if (!places::canonical_zone(zone)) return {Reply{"That button is broken."}};
    auto replies = set_time_zone(context, zone, policy);
    for (auto& reply : replies) reply.edit_original = true;
    return replies;
}

std::vector<Reply> handle_settings(HandlerContext& context, const nlu::Parse& parse,
                                   const nudges::NudgePolicy& policy) {
    const auto& entities = parse.entities;
    if (entities.unit) {
        context.user.units = *entities.unit;
        context.user.units_chosen = true;
        const bool miles = *entities.unit == "mi";
        return {Reply{std::string{miles ? "Miles" : "Kilometres"} +
                      " from now on: runs, totals and paces (" + (miles ? "min/mi" : "min/km") +
                      "). Your log keeps every run exactly either way."}};
    }
    if (!entities.zone_choices.empty()) return ask_which_zone(context, entities);
    if (entities.zone) {
        if (const auto offset = offset_of(*entities.zone)) {
            const auto zone = places::fixed_offset_zone(*offset);
            if (!zone) {
                return {Reply{"No time zone keeps UTC" + *entities.zone +
                              " all year. Tell me your city instead (\"I'm in Lima\")."}};
            }
            return set_time_zone(context, *zone, policy, "UTC" + *entities.zone);
        }
        if (!places::canonical_zone(*entities.zone)) {
            return {Reply{"I don't know the time zone " + *entities.zone +
                          ". Tell me your city instead (\"I'm in Lima\")."}};
        }
        // A town names the place ("Austin, Texas"); a region's label ("Chicago time") would
        // only repeat the zone.
        auto place = entities.place.value_or("");
        if (place.ends_with(" time")) place.clear();
        return set_time_zone(context, *entities.zone, policy, place);
    }
    return {Reply{settings_summary(context.user, context.now)}};
}

std::string day_names(int days) {
    static const char* const kNames[] = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    std::vector<std::string> names;
    for (int day = 0; day < 7; ++day) {
        if ((days >> day & 1) != 0) names.emplace_back(kNames[day]);
    }
    std::string text;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) text += i + 1 == names.size() ? " and " : ", ";
        text += names[i];
    }
    return text;
}

std::string settings_summary(const storage::User& user, Seconds now) {
    const auto* zone = nudges::zone_or_utc(user.time_zone);
    std::string text = "Your settings:\n• Time zone: " + user.time_zone +
                       (user.time_zone_known ? "" : " (not set yet)") + ", " +
                       local_clock(zone, now) + " there now";
    text += "\n• Units: ";
    text += user.units == "mi" ? "miles (min/mi)" : "km (min/km)";
    if (!user.units.empty()) text += user.units_chosen ? ", as you chose" : ", as you log runs";
    text += "\n• Reminders: ";
    if (user.nudges_stopped) {
        text += "off";
    } else if (user.nudges_paused_until > nudges::to_unix(now)) {
        const auto until = nudges::local_date(zone, nudges::from_unix(user.nudges_paused_until));
        text += "paused until " + short_day(until, local_today(user, now));
    } else {
        text += "on";
    }
    text += "\n• Quiet hours: ";
    text += user.quiet_start_minute == user.quiet_end_minute
                ? std::string{"none"}
                : clock_text(user.quiet_start_minute) + "-" + clock_text(user.quiet_end_minute);
    if ((user.quiet_days & 0x7F) != 0) text += "; no reminders on " + day_names(user.quiet_days);
    text +=
        "\nYou can say: \"I'm in Lisbon\", \"use miles\", \"stop reminders\", \"pause reminders "
        "for 7 days\", \"resume reminders\", \"no reminders after 9pm\", \"not on weekends\".";
    return text;
}

}  // namespace rubdown::intents::handlers
