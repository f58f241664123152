#include "intents/handlers/reminders_handler.hpp"

#include <chrono>
#include <cstdio>
#include <regex>

#include "intents/handlers/local_calendar.hpp"
#include "intents/handlers/text_match.hpp"
#include "intents/handlers/time_zone_names.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"

namespace rubdown::intents::handlers {
namespace {

std::string clock_text(int minute_of_day) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute_of_day / 60, minute_of_day % 60);
    return buffer;
}

std::string lower(const std::string& text) {
    std::string out;
    for (const char c : text)
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    return out;
}

/// Hour (0-23) from "10", "10pm", "12am".
std::optional<int> hour_of(int hour, const std::string& meridiem) {
    if (meridiem.empty()) return hour <= 24 ? std::optional<int>{hour % 24} : std::nullopt;
    if (hour < 1 || hour > 12) return std::nullopt;
    if (meridiem == "am") return hour % 12;
    return hour % 12 + 12;
}

std::optional<int> number_word(const std::string& word) {
    static const char* const kWords[] = {"zero", "one",   "two",   "three", "four", "five",
                                         "six",  "seven", "eight", "nine",  "ten"};
    if (word == "a" || word == "an") return 1;
    for (int i = 0; i <= 10; ++i) {
        if (word == kWords[i]) return i;
    }
    if (!word.empty() && std::isdigit(static_cast<unsigned char>(word.front()))) {
        return std::stoi(word);
    }
    return std::nullopt;
}

std::string status(const storage::User& user, Seconds now) {
    std::string text = "Your reminders: ";
    if (user.nudges_stopped) {
        text += "off.";
    } else if (user.nudges_paused_until > nudges::to_unix(now)) {
        const auto zone = nudges::zone_or_utc(user.time_zone);
        const auto until = nudges::local_date(zone, nudges::from_unix(user.nudges_paused_until));
        text += "paused until " + short_day(until, local_today(user, now)) + ".";
    } else {
        text += "on.";
    }
    if (user.quiet_start_minute != user.quiet_end_minute) {
        text += " Quiet hours " + clock_text(user.quiet_start_minute) + "-" +
                clock_text(user.quiet_end_minute) + ".";
    }
    text += " Time zone: " + user.time_zone + (user.time_zone_known ? "." : " (not set yet).");
    text +=
        "\nYou can say: \"stop reminders\", \"pause reminders for 7 days\", \"resume "
        "reminders\", \"remind me tomorrow\", \"quiet hours 22-7\", \"my time zone is "
        "Europe/Berlin\".";
    return text;
}

}  // namespace

std::optional<QuietHours> parse_quiet_hours(const std::string& text) {
    const auto lowered = lower(text);
    const auto padded = padded_words(lowered);
    if (has_any_phrase(padded, {"quiet hours off", "no quiet hours", "disable quiet hours",
                                "turn off quiet hours", "remove quiet hours"})) {
        return QuietHours{0, 0};
    }
    static const std::regex kRange{
        R"((\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?\s*(?:-|–|to|until|till|and)\s*(\d{1,2})(?:[:.h](\d{2}))?\s*(am|pm)?)"};
    std::smatch match;
    if (!std::regex_search(lowered, match, kRange)) return std::nullopt;
    const auto start_hour = hour_of(std::stoi(match[1]), match[3]);
    const auto end_hour = hour_of(std::stoi(match[4]), match[6]);
    const int start_minutes = match[2].matched ? std::stoi(match[2]) : 0;
    const int end_minutes = match[5].matched ? std::stoi(match[5]) : 0;
    if (!start_hour || !end_hour || start_minutes > 59 || end_minutes > 59) return std::nullopt;
    return QuietHours{*start_hour * 60 + start_minutes, *end_hour * 60 + end_minutes};
}

std::optional<int> parse_pause_days(const std::string& text) {
    static const std::regex kSpan{
        R"(\b(\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s*(day|days|week|weeks|month|months)\b)"};
    const auto lowered = lower(text);
    std::smatch match;
    if (!std::regex_search(lowered, match, kSpan)) {
        if (has_phrase(padded_words(lowered), "fortnight")) return 14;
        return std::nullopt;
    }
    const auto count = number_word(match[1]);
    if (!count || *count <= 0) return std::nullopt;
    const auto unit = match[2].str();
    const int per_unit = unit.starts_with("week") ? 7 : unit.starts_with("month") ? 30 : 1;
    return std::min(*count * per_unit, 365);
}

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

std::vector<Reply> set_time_zone(HandlerContext& context, const std::string& zone,
                                 const nudges::NudgePolicy& policy) {
    context.user.time_zone = zone;
    context.user.time_zone_known = true;
    context.user.time_zone_asked = true;
    // Race nudges are planned at local hours: plan them again in the new zone.
    const auto today = local_today(context.user, context.now);
    for (const auto& race : context.repos.races.upcoming(context.user.id, iso(today))) {
        nudges::apply_race_changed(context.repos, context.user, race, context.now, policy);
    }
    return {
        Reply{"Time zone set to " + zone + ". Dates and reminders now follow your local time."}};
}

std::vector<Reply> handle_reminders(HandlerContext& context, const nlu::Parse& parse,
                                    const nudges::NudgePolicy& policy) {
    const auto& text = parse.text;
    const auto padded = padded_words(text);
    auto& user = context.user;

    if (const auto zone = time_zone_statement(text)) return set_time_zone(context, *zone, policy);
    if (has_any_phrase(padded, {"time zone", "timezone", "tz"})) {
        return {
            Reply{"I didn't recognise that time zone. Try a city (\"I'm in New York\") or a "
                  "zone name (\"my time zone is Europe/Berlin\")."}};
    }
    if (has_any_phrase(
            padded, {"quiet", "quiet hours", "do not disturb", "dnd", "not before", "not after"})) {
        const auto hours = parse_quiet_hours(text);
        if (!hours) {
            return {
                Reply{"Tell me the quiet hours like \"quiet hours 22-7\" or \"quiet hours "
                      "10pm to 7am\"."}};
        }
        user.quiet_start_minute = hours->start_minute;
        user.quiet_end_minute = hours->end_minute;
        if (hours->start_minute == hours->end_minute) {
            return {Reply{"Quiet hours off: reminders can come at any time of day."}};
        }
        return {Reply{"Quiet hours set: " + clock_text(hours->start_minute) + "-" +
                      clock_text(hours->end_minute) + " your time. No reminders then."}};
    }
    const auto pause_days = parse_pause_days(text);
    const bool says_pause = has_any_phrase(padded, {"pause", "hold", "mute", "break", "silence"});
    if (says_pause || (pause_days && has_any_phrase(padded, {"stop", "no reminders", "off"}))) {
        const int days = pause_days.value_or(7);
        user.nudges_paused_until = nudges::to_unix(context.now + std::chrono::days{days});
        const auto zone = nudges::zone_or_utc(user.time_zone);
        const auto until = nudges::local_date(zone, context.now + std::chrono::days{days});
        return {Reply{"Reminders paused for " + std::to_string(days) +
                      (days == 1 ? " day" : " days") + ", until " +
                      short_day(until, local_today(user, context.now)) +
                      ". Say \"resume reminders\" to turn them back on sooner."}};
    }
    if (has_any_phrase(padded,
                       {"resume", "unpause", "start again", "turn on", "back on", "remind me again",
                        "start reminding", "enable", "restart", "turn them on", "switch on"})) {
        const bool was_stopped = user.nudges_stopped;
        user.nudges_stopped = false;
        user.nudges_paused_until = 0;
        // Stopping cancelled the race nudges; plan them again for the races still ahead.
        if (was_stopped) {
            const auto today = local_today(user, context.now);
            for (const auto& race : context.repos.races.upcoming(user.id, iso(today))) {
                nudges::apply_race_changed(context.repos, user, race, context.now, policy);
            }
        }
        return {
            Reply{"Reminders are back on. I'll nudge you after hard sessions and before "
                  "your races."}};
    }
    if (has_any_phrase(padded, {"stop", "dont remind", "do not remind", "no more", "unsubscribe",
                                "turn off", "disable", "no reminders", "leave me alone", "quit",
                                "switch off", "enough"})) {
        return {Reply{stop_nudges(context)}};
    }
    if (has_any_phrase(padded, {"snooze", "later", "tomorrow", "not now", "remind me"})) {
        return {Reply{"OK. " + snooze_nudges(context, policy)}};
    }
    return {Reply{status(user, context.now)}};
}

}  // namespace rubdown::intents::handlers
