#include "intents/nlu/reminder_reader.hpp"

#include <array>
#include <cstdio>

#include "intents/nlu/message_analysis.hpp"
#include "intents/nlu/message_parts.hpp"
#include "intents/nlu/part_cues.hpp"

namespace rubdown::intents::nlu {
namespace {

const PhraseList& quiet_off_cues() {
    static const PhraseList list{
        "quiet hours off",        "no quiet hours",           "disable quiet hours",
        "turn off quiet hours",   "remove quiet hours",       "cancel quiet hours",
        "clear quiet hours",      "delete quiet hours",       "stop quiet hours",
        "get rid of quiet hours", "any time of day",          "anytime",
        "remove the quiet hours", "turn off the quiet hours", "no more quiet hours",
        "delete the quiet hours", "clear the quiet hours",    "cancel the quiet hours",
        "remove my quiet hours",  "delete my quiet hours",    "clear my quiet hours",
        "cancel my quiet hours",  "disable my quiet hours",   "turn off my quiet hours",
        "drop my quiet hours",    "drop the quiet hours",     "get rid of my quiet hours",
        "any time is ok",         "any time is fine",         "anytime is fine"};
    return list;
}

const PhraseList& range_joiners() {
    static const PhraseList list{"-", "to", "until", "till", "til", "and", "through"};
    return list;
}

const PhraseList& later_than_cues() {
    static const PhraseList list{"after", "past", "later than", "from"};
    return list;
}

const PhraseList& earlier_than_cues() {
    static const PhraseList list{"before", "earlier than", "until", "till", "til"};
    return list;
}

const PhraseList& pause_cues() {
    static const PhraseList list{"pause", "paused",  "hold off", "hold",   "mute",
                                 "break", "silence", "on hold",  "freeze", "pause them"};
    return list;
}

const PhraseList& resume_cues() {
    static const PhraseList list{
        "resume",       "unpause",          "un pause",        "start again",  "again",
        "turn on",      "back on",          "start reminding", "enable",       "restart",
        "turn them on", "switch on",        "reactivate",      "unmute",       "un mute",
        "start the",    "start my",         "start sending",   "turn back on", "switch back on",
        "bring back",   "i want reminders", "send reminders"};
    return list;
}

const PhraseList& stop_cues() {
    static const PhraseList list{
        "stop",      "dont remind",  "do not remind",  "no more",     "unsubscribe", "turn off",
        "disable",   "no reminders", "leave me alone", "quit",        "switch off",  "enough",
        "no nudges", "cancel",       "dont want",      "do not want", "kill",        "opt out"};
    return list;
}

const PhraseList& snooze_cues() {
    static const PhraseList list{"snooze",    "later",      "tomorrow",     "not now",
                                 "remind me", "in an hour", "another time", "next week"};
    return list;
}

const PhraseList& status_cues() {
    static const PhraseList list{"status",       "are my",    "are reminders",
                                 "am i getting", "are they",  "is it on",
                                 "are the",      "do i have", "what reminders"};
    return list;
}

const PhraseList& without_cues() {
    static const PhraseList list{"no",   "not", "dont",   "do not", "never", "skip",    "without",
                                 "free", "off", "except", "stop",   "none",  "nothing", "leave"};
    return list;
}

const PhraseList& only_cues() {
    static const PhraseList list{"only", "just"};
    return list;
}

/// "9pm", "21:00", "10.30 pm", "noon": minutes after midnight, and the token after it.
std::optional<std::pair<int, std::size_t>> read_clock(const Tokens& tokens, std::size_t i) {
    const auto& first = token_at(tokens, static_cast<std::ptrdiff_t>(i));
    if (first.is("noon") || first.is("midday")) return std::pair{12 * 60, i + 1};
    if (first.is("midnight")) return std::pair{0, i + 1};
    if (!first.is_number() || first.value < 0 || first.value > 24 ||
        first.value != static_cast<int>(first.value)) {
        return std::nullopt;
    }
    int hour = static_cast<int>(first.value);
    int minute = 0;
    std::size_t next = i + 1;
    const auto& separator = token_at(tokens, static_cast<std::ptrdiff_t>(next));
    const auto& minutes = token_at(tokens, static_cast<std::ptrdiff_t>(next + 1));
    if ((separator.is_symbol(':') || separator.is_symbol('.')) && minutes.is_number() &&
        minutes.value >= 0 && minutes.value < 60) {
        minute = static_cast<int>(minutes.value);
        next += 2;
    }
    const auto& meridiem = token_at(tokens, static_cast<std::ptrdiff_t>(next));
    if (is_any(meridiem, {"am", "pm", "a", "p"})) {
        if (hour < 1 || hour > 12) return std::nullopt;
        hour = hour % 12 + (meridiem.is("pm") || meridiem.is("p") ? 12 : 0);
        ++next;
        // "a.m.": the letters come as separate tokens.
        if (token_at(tokens, static_cast<std::ptrdiff_t>(next)).is_symbol('.')) ++next;
        if (token_at(tokens, static_cast<std::ptrdiff_t>(next)).is("m")) ++next;
    } else if (is_any(meridiem, {"hours", "h", "oclock"})) {
        ++next;
    }
    return std::pair{(hour % 24) * 60 + minute, next};
}

std::string clock_text(int minute_of_day) {
    char buffer[8];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute_of_day / 60 % 24, minute_of_day % 60);
    return buffer;
}

/// "quiet hours 22-7", "between 10pm and 7am", "from 22:30 to 6:45".
bool read_range(const Tokens& tokens, ReminderRequest& request) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto start = read_clock(tokens, i);
        if (!start) continue;
        const auto joiner = range_joiners().longest_at(tokens, start->second, tokens.size());
        if (joiner == 0) continue;
        const auto end = read_clock(tokens, start->second + joiner);
        if (!end) continue;
        request.quiet_from = clock_text(start->first);
        request.quiet_until = clock_text(end->first);
        return true;
    }
    return false;
}

/// "no reminders after 9pm", "not before 7": one end of the quiet hours.
bool read_bound(const Tokens& tokens, ReminderRequest& request) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        const auto later = later_than_cues().longest_at(tokens, i, tokens.size());
        const auto earlier = earlier_than_cues().longest_at(tokens, i, tokens.size());
        const auto length = std::max(later, earlier);
        if (length == 0) continue;
        const auto clock = read_clock(tokens, i + length);
        if (!clock) continue;
        // "no reminders after 9": an hour said bare after "after" is the evening's.
        bool meridiem = false;
        for (std::size_t k = i + length; k < clock->second; ++k) {
            meridiem = meridiem || is_any(tokens[k], {"am", "pm", "a", "p"});
        }
        int minute = clock->first;
        if (later >= earlier && !meridiem && minute >= 60 && minute < 12 * 60) minute += 12 * 60;
        (later >= earlier ? request.quiet_from : request.quiet_until) = clock_text(minute);
    }
    return request.quiet_from || request.quiet_until;
}

/// The weekday a token names (0 = Monday), or -1.
int weekday_of(const Token& token) {
    static const std::array<std::array<std::string_view, 4>, 7> names{{
        {"monday", "mondays", "mon", "mon"},
        {"tuesday", "tuesdays", "tue", "tues"},
        {"wednesday", "wednesdays", "wed", "weds"},
        {"thursday", "thursdays", "thu", "thurs"},
        {"friday", "fridays", "fri", "fri"},
        {"saturday", "saturdays", "sat", "sat"},
        {"sunday", "sundays", "sun", "sun"},
    }};
    for (int day = 0; day < 7; ++day) {
        for (const auto name : names[static_cast<std::size_t>(day)]) {
            if (token.is(name)) return day;
        }
    }
    return -1;
}

/// "no reminders on weekends", "only on weekdays", "not on sundays": the days without them.
bool read_days(const Tokens& tokens, ReminderRequest& request) {
    std::array<bool, 7> named{};
    bool any = false;
    for (const auto& token : tokens) {
        if (is_any(token, {"weekend", "weekends"})) {
            named[5] = named[6] = any = true;
        } else if (is_any(token, {"weekday", "weekdays", "workdays", "work"})) {
            if (token.is("work")) continue;
            for (int day = 0; day < 5; ++day) named[static_cast<std::size_t>(day)] = true;
            any = true;
        } else if (const int day = weekday_of(token); day >= 0) {
            named[static_cast<std::size_t>(day)] = any = true;
        }
    }
    if (!any) return false;
    // "no reminders on weekends", "not on sundays": the days named are without them; "only on
    // weekdays", "set a reminder for tuesdays": the days named are the days with them.
    const bool without = has_phrase(tokens, without_cues()) && !has_phrase(tokens, only_cues());
    for (std::size_t day = 0; day < 7; ++day) {
        if (named[day] == without) request.days.push_back(week_day_keys()[day]);
    }
    return !request.days.empty();
}

/// "for 3 days", "for two weeks", "a fortnight".
std::optional<int> read_span_days(const Tokens& tokens) {
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (tokens[i].is("fortnight")) return 14;
        const auto quantity = read_quantity(tokens, i);
        if (!quantity || quantity->value <= 0) continue;
        const auto& unit = token_at(tokens, static_cast<std::ptrdiff_t>(quantity->end));
        int per_unit = 0;
        if (is_any(unit, {"day", "days", "d"})) per_unit = 1;
        if (is_any(unit, {"week", "weeks", "wk", "wks", "w"})) per_unit = 7;
        if (is_any(unit, {"month", "months"})) per_unit = 30;
        if (per_unit == 0) continue;
        return std::min(static_cast<int>(quantity->value * per_unit + 0.5), 365);
    }
    return std::nullopt;
}

}  // namespace

const std::vector<std::string>& week_day_keys() {
    static const std::vector<std::string> keys{"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
    return keys;
}

std::optional<ReminderRequest> read_reminder_request(const Tokens& tokens) {
    ReminderRequest request;
    if (has_phrase(tokens, quiet_off_cues())) {
        request.action = "quiet_hours_off";
        return request;
    }
    if (read_range(tokens, request) || read_bound(tokens, request)) {
        request.action = "quiet_hours";
        return request;
    }
    // "are reminders paused?", "is it on?": how they stand, whatever words they use.
    if (is_question(tokens) && !tokens.empty() &&
        is_any(tokens.front(), {"are", "is", "am", "do", "does", "have", "has", "arent", "isnt"})) {
        request.action = "status";
        return request;
    }
    const bool pause = has_phrase(tokens, pause_cues());
    const auto span = read_span_days(tokens);
    // "no reminders for 2 weeks" pauses; "stop reminders" stops.
    if (pause || (span && has_phrase(tokens, stop_cues()))) {
        request.action = "pause";
        request.pause_days = span;
        return request;
    }
    if (read_days(tokens, request)) {
        request.action = "quiet_days";
        return request;
    }
    // "ask me again later": later is a snooze, whatever else is said.
    if (has_phrase(tokens, {"later", "not now", "another time"})) {
        request.action = "snooze";
        return request;
    }
    if (has_phrase(tokens, resume_cues()) && !has_phrase(tokens, {"dont", "do not", "never"})) {
        request.action = "resume";
        return request;
    }
    if (has_phrase(tokens, stop_cues())) {
        request.action = "stop";
        return request;
    }
    if (has_phrase(tokens, snooze_cues())) {
        request.action = "snooze";
        return request;
    }
    if (is_question(tokens) || has_phrase(tokens, status_cues())) {
        request.action = "status";
        return request;
    }
    return std::nullopt;
}

}  // namespace rubdown::intents::nlu
