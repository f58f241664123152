#pragma once
/// Dates in a message: the day of a past run, or the day of a coming race.

#include <optional>
#include <string>
#include <vector>

#include <date/date.h>

#include "intents/clock.hpp"
#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

/// The calendar day `now` falls on in the IANA zone `time_zone`; UTC when the zone is unknown.
date::year_month_day local_today(Seconds now, const std::string& time_zone);

/// "2026-11-22".
std::string iso_date(date::year_month_day day);
/// The day an `iso_date` names; nothing for any other text.
std::optional<date::year_month_day> from_iso_date(const std::string& text);

/// The day of a run, always in the past: "yesterday", "last night", "this morning", "on Saturday"
/// (the most recent Saturday on or before today), "last Saturday" (before today), "Nov 20", "19/11"
/// (day/month, the most recent on or before today), "2026-11-19", "3 days ago", "a week ago".
/// Today when the text names no day.
date::year_month_day parse_run_date(const Tokens& tokens, date::year_month_day today);

/// A day named for a run, where the words name it, and whether they set it aside ("not today",
/// "instead of Sunday", "from Sunday").
struct NamedDay {
    date::year_month_day day;
    bool set_aside = false;
    std::size_t at = 0;  ///< index of its first token
};
/// Every day the tokens name that reads as a past day (see parse_run_date), in order.
std::vector<NamedDay> past_days_named(const Tokens& tokens, date::year_month_day today);
/// The month (1-12) a token names, typos forgiven as in dates ("septmber"); nothing otherwise.
std::optional<unsigned> month_named(const Token& token);
/// Whether a token is a month's name as written ("dec", "December"), without the typos that
/// parsing a date forgives.
bool is_month_name(const Token& token);
/// Whether the tokens name any day at all: "today", "tomorrow", "Sunday", "Dec 14", "in 3 weeks".
bool names_a_day(const Tokens& tokens);
/// The day of a race, in the future: "Dec 14", "14/12", "2026-12-14", "next Sunday" and a bare
/// weekday (the coming one), "tomorrow", "in 3 weeks" (today + 21 days), "in 2 months". A date
/// without a year is the next such date on or after today. "moved from X to Y" takes Y. Nothing
/// when the text names no day.
std::optional<date::year_month_day> parse_race_date(const Tokens& tokens,
                                                    date::year_month_day today);

}  // namespace rubdown::intents::nlu
