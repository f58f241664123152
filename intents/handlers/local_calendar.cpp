#include "intents/handlers/local_calendar.hpp"

#include <array>
#include <cstdio>

#include "intents/nudges/local_time.hpp"

namespace rubdown::intents::handlers {

date::local_days local_today(const storage::User& user, Seconds now) {
    return nudges::local_date(nudges::zone_or_utc(user.time_zone), now);
}

std::string iso(date::local_days day) {
    return nudges::format_iso_date(day);
}

date::local_days day_of(const std::string& iso_date, date::local_days fallback) {
    return nudges::parse_iso_date(iso_date).value_or(fallback);
}

std::string clock_text(int minute_of_day) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d:%02d", minute_of_day / 60 % 24, minute_of_day % 60);
    return buffer;
}

std::string short_day(date::local_days day, date::local_days today) {
    static constexpr std::array<const char*, 7> kWeekdays{"Sun", "Mon", "Tue", "Wed",
                                                          "Thu", "Fri", "Sat"};
    static constexpr std::array<const char*, 12> kMonths{"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                         "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    const date::year_month_day ymd{day};
    const date::weekday weekday{day};
    std::string text = kWeekdays[weekday.c_encoding()];
    text += ' ' + std::to_string(static_cast<unsigned>(ymd.day())) + ' ' +
            kMonths[static_cast<unsigned>(ymd.month()) - 1];
    if (ymd.year() != date::year_month_day{today}.year()) {
        text += ' ' + std::to_string(static_cast<int>(ymd.year()));
    }
    return text;
}

std::string friendly_day(date::local_days day, date::local_days today) {
    if (day == today) return "today";
    if (day == today - date::days{1}) return "yesterday";
    if (day == today + date::days{1}) return "tomorrow";
    return short_day(day, today);
}

}  // namespace rubdown::intents::handlers
