#pragma once
/// Local-time arithmetic for nudges, always through the IANA zone database so that daylight saving
/// changes are honoured: local dates and clock times are turned into UTC instants per zone, never
/// with a fixed offset.

#include <chrono>
#include <optional>
#include <string>

#include <date/tz.h>

#include "intents/clock.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::nudges {

/// The zone named `name`, or UTC when the name is unknown or empty.
const date::time_zone* zone_or_utc(const std::string& name);

/// Parses an ISO local date ("2026-10-25"); nullopt when it is not a valid date.
std::optional<date::local_days> parse_iso_date(const std::string& text);
std::string format_iso_date(date::local_days day);

/// The UTC instant at which the clocks in `zone` show `minute_of_day` on `day`. A clock time that
/// does not exist (skipped by a spring-forward change) maps to the instant of the change; one that
/// happens twice (autumn) maps to the earlier one.
Seconds local_instant(const date::time_zone* zone, date::local_days day,
                      std::chrono::minutes minute_of_day);

/// Local midnight at the start of `day` in `zone`, as a UTC instant.
Seconds start_of_local_day(const date::time_zone* zone, date::local_days day);

/// The local date in `zone` at `instant`.
date::local_days local_date(const date::time_zone* zone, Seconds instant);

/// Minutes after local midnight shown by the clocks in `zone` at `instant`.
int local_minute_of_day(const date::time_zone* zone, Seconds instant);

/// Whether `instant` lies within the runner's quiet hours (local, may wrap midnight; equal start
/// and end means no quiet hours) or on one of their days without nudges.
bool in_quiet_hours(const storage::User& user, Seconds instant);

/// `instant` itself, or the first instant after it out of the quiet hours and off the days
/// without nudges (the next allowed day's morning, at the end of its quiet hours).
Seconds out_of_quiet_hours(const storage::User& user, Seconds instant);

inline Seconds from_unix(storage::UnixSeconds value) {
    return Seconds{std::chrono::seconds{value}};
}
inline storage::UnixSeconds to_unix(Seconds instant) {
    return instant.time_since_epoch().count();
}

}  // namespace rubdown::intents::nudges
