#pragma once
/// Small builders shared by the nudge tests: UTC instants and runners in a given zone.

#include <chrono>
#include <string>

#include <date/date.h>

#include "intents/clock.hpp"
#include "storage/records.hpp"

namespace rubdown::intents::nudges::testing {

/// The UTC instant y-m-d h:min.
inline Seconds utc(int year, unsigned month, unsigned day, int hour, int minute = 0) {
    return Seconds{date::sys_days{date::year{year} / month / day}} + std::chrono::hours{hour} +
           std::chrono::minutes{minute};
}

inline storage::UnixSeconds unix_utc(int year, unsigned month, unsigned day, int hour,
                                     int minute = 0) {
    return utc(year, month, day, hour, minute).time_since_epoch().count();
}

/// An active runner in `zone` with the default quiet hours (21:00-08:00).
inline storage::User runner_in(const std::string& zone) {
    storage::User user;
    user.id = 7;
    user.key = "console:ana";
    user.channel = "console";
    user.chat_id = "ana";
    user.display_name = "Ana";
    user.time_zone = zone;
    user.time_zone_known = true;
    return user;
}

}  // namespace rubdown::intents::nudges::testing
