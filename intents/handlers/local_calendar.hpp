#pragma once
/// Dates as the runner sees them: their local "today" and friendly day names for replies.

#include <string>

#include <date/date.h>

#include "intents/clock.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::handlers {

/// The runner's local date at `now`, in their time zone (UTC while it is unknown).
date::local_days local_today(const storage::User& user, Seconds now);

std::string iso(date::local_days day);
/// The day of an ISO date, or `fallback` when the text is not a valid date.
date::local_days day_of(const std::string& iso_date, date::local_days fallback);

/// "today", "yesterday", "tomorrow", or "Sun 22 Nov" (with the year when it is not this year's).
std::string friendly_day(date::local_days day, date::local_days today);

/// "07:05": a local time of day given in minutes after midnight.
std::string clock_text(int minute_of_day);

/// "Sun 22 Nov", always without "today".
std::string short_day(date::local_days day, date::local_days today);

}  // namespace rubdown::intents::handlers
