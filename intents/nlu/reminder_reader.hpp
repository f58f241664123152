#pragma once
/// Reads what a runner asks of the reminders (the nudges): stop, pause (for how long), resume,
/// snooze, quiet hours (from, until, off), days without reminders, or how they stand. Pure, over
/// the lexer's tokens; the words are data lists in reminder_reader.cpp.

#include <optional>
#include <string>
#include <vector>

#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

struct ReminderRequest {
    /// "stop", "pause", "resume", "snooze", "quiet_hours", "quiet_hours_off", "quiet_days",
    /// "status".
    std::string action;
    std::optional<int> pause_days;
    std::optional<std::string> quiet_from;   ///< "21:00"
    std::optional<std::string> quiet_until;  ///< "07:00"
    std::vector<std::string> days;           ///< "mon" .. "sun", in week order
};

/// The request, when the words make one about reminders; "status" when they only name them.
std::optional<ReminderRequest> read_reminder_request(const Tokens& tokens);

/// The days of the week in order, as `days` writes them.
const std::vector<std::string>& week_day_keys();

}  // namespace rubdown::intents::nlu
