#include "intents/nudges/local_time.hpp"

#include <algorithm>
#include <cstdio>
#include <exception>
#include <utility>

namespace rubdown::intents::nudges {

namespace {

constexpr int kMinutesPerDay = 24 * 60;

int clamp_minute(int minute) {
    return std::clamp(minute, 0, kMinutesPerDay - 1);
}

Seconds local_instant_choosing(const date::time_zone* zone, date::local_days day,
                               std::chrono::minutes minute_of_day, date::choose choice) {
    const date::local_seconds local{day + minute_of_day};
    return std::chrono::time_point_cast<std::chrono::seconds>(zone->to_sys(local, choice));
}

}  // namespace

const date::time_zone* zone_or_utc(const std::string& name) {
    static const date::time_zone* const utc = date::locate_zone("UTC");
    if (name.empty()) return utc;
    try {
        return date::locate_zone(name);
    } catch (const std::exception&) {
        // A zone we do not know (typo, or a name from a newer database) is treated as UTC rather
        // than failing the runner's request.
        return utc;
    }
}

std::optional<date::local_days> parse_iso_date(const std::string& text) {
    // Exactly YYYY-MM-DD: the form every stored local date takes.
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    int fields[3] = {0, 0, 0};
    const std::pair<std::size_t, std::size_t> spans[3] = {{0, 4}, {5, 2}, {8, 2}};
    for (int i = 0; i < 3; ++i) {
        for (std::size_t k = 0; k < spans[i].second; ++k) {
            const char c = text[spans[i].first + k];
            if (c < '0' || c > '9') return std::nullopt;
            fields[i] = fields[i] * 10 + (c - '0');
        }
    }
    const date::year_month_day ymd{date::year{fields[0]},
                                   date::month{static_cast<unsigned>(fields[1])},
                                   date::day{static_cast<unsigned>(fields[2])}};
    if (!ymd.ok()) return std::nullopt;
    return date::local_days{ymd};
}

std::string format_iso_date(date::local_days day) {
    // By hand for the years anyone logs a run in: date::format goes through an ostringstream and
    // its locale, which cost more than the rest of a nudge plan that formats a few dates.
    const date::year_month_day ymd{day};
    const int year = static_cast<int>(ymd.year());
    if (year < 0 || year > 9999) return date::format("%F", day);
    char text[16];  // room for what the compiler cannot rule out
    std::snprintf(text, sizeof text, "%04d-%02u-%02u", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()));
    return text;
}

Seconds local_instant(const date::time_zone* zone, date::local_days day,
                      std::chrono::minutes minute_of_day) {
    return local_instant_choosing(zone, day, minute_of_day, date::choose::earliest);
}

Seconds start_of_local_day(const date::time_zone* zone, date::local_days day) {
    return local_instant(zone, day, std::chrono::minutes{0});
}

date::local_days local_date(const date::time_zone* zone, Seconds instant) {
    return date::floor<date::days>(zone->to_local(instant));
}

int local_minute_of_day(const date::time_zone* zone, Seconds instant) {
    const auto local = zone->to_local(instant);
    const auto since_midnight = local - date::floor<date::days>(local);
    return static_cast<int>(date::floor<std::chrono::minutes>(since_midnight).count());
}

namespace {

bool in_quiet_clock_hours(const storage::User& user, Seconds instant) {
    const int start = clamp_minute(user.quiet_start_minute);
    const int end = clamp_minute(user.quiet_end_minute);
    if (start == end) return false;
    const int minute = local_minute_of_day(zone_or_utc(user.time_zone), instant);
    if (start < end) return minute >= start && minute < end;
    return minute >= start || minute < end;  // wraps midnight, e.g. 21:00-08:00
}

bool on_quiet_day(const storage::User& user, Seconds instant) {
    const auto day = local_date(zone_or_utc(user.time_zone), instant);
    const auto weekday = date::weekday{day}.iso_encoding() - 1;  // 0 Monday .. 6 Sunday
    return (user.quiet_days >> weekday & 1) != 0;
}

/// Every day quiet would hold a nudge for ever: the days count only while one is left.
bool quiet_days_apply(const storage::User& user) {
    const int days = user.quiet_days & 0x7F;
    return days != 0 && days != 0x7F;
}

/// The end of the quiet hours `instant` falls in (itself when it falls in none).
Seconds after_quiet_clock_hours(const storage::User& user, Seconds instant) {
    if (!in_quiet_clock_hours(user, instant)) return instant;
    const auto* zone = zone_or_utc(user.time_zone);
    const int start = clamp_minute(user.quiet_start_minute);
    const std::chrono::minutes end{clamp_minute(user.quiet_end_minute)};
    auto day = local_date(zone, instant);
    // Before midnight in wrapping quiet hours, they end tomorrow morning.
    if (start > end.count() && local_minute_of_day(zone, instant) >= start) day += date::days{1};
    // On an autumn night the end's clock time can occur twice; take the first one after `instant`.
    for (const auto choice : {date::choose::earliest, date::choose::latest}) {
        const auto end_instant = local_instant_choosing(zone, day, end, choice);
        if (end_instant > instant) return end_instant;
    }
    return instant;
}

}  // namespace

bool in_quiet_hours(const storage::User& user, Seconds instant) {
    return in_quiet_clock_hours(user, instant) ||
           (quiet_days_apply(user) && on_quiet_day(user, instant));
}

Seconds out_of_quiet_hours(const storage::User& user, Seconds instant) {
    const bool days_apply = quiet_days_apply(user);
    const auto* zone = zone_or_utc(user.time_zone);
    for (int step = 0; step < 8; ++step) {
        instant = after_quiet_clock_hours(user, instant);
        if (!days_apply || !on_quiet_day(user, instant)) return instant;
        // A day without nudges: from the start of the next day, out of its quiet hours.
        const auto next_day = local_date(zone, instant) + date::days{1};
        instant =
            local_instant_choosing(zone, next_day, std::chrono::minutes{0}, date::choose::earliest);
        if (!in_quiet_clock_hours(user, instant)) {
            // Quiet hours that do not cover midnight: the day starts at once; wait for the
            // morning hour nudges usually keep (the end of the quiet hours) all the same.
            instant = local_instant_choosing(
                zone, next_day, std::chrono::minutes{clamp_minute(user.quiet_end_minute)},
                date::choose::earliest);
        }
    }
    return instant;
}

}  // namespace rubdown::intents::nudges
