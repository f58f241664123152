#include "intents/nudges/local_time.hpp"

#include <catch2/catch.hpp>

#include "nudge_test_support.hpp"

using namespace rubdown::intents::nudges;
using namespace rubdown::intents::nudges::testing;
using rubdown::intents::Seconds;
using std::chrono::hours;
using std::chrono::minutes;

namespace {

date::local_days day(int y, unsigned m, unsigned d) {
    return date::local_days{date::year{y} / m / d};
}

}  // namespace

TEST_CASE("parse_iso_date accepts exactly valid YYYY-MM-DD dates") {
    CHECK(parse_iso_date("2026-10-25") == day(2026, 10, 25));
    CHECK(parse_iso_date("2028-02-29") == day(2028, 2, 29));
    CHECK_FALSE(parse_iso_date("2026-02-29"));
    CHECK_FALSE(parse_iso_date("2026-13-01"));
    CHECK_FALSE(parse_iso_date("2026-1-015"));
    CHECK_FALSE(parse_iso_date("2026/10/25"));
    CHECK_FALSE(parse_iso_date(" 2026-10-2"));
    CHECK_FALSE(parse_iso_date(""));
    CHECK(format_iso_date(day(2026, 3, 9)) == "2026-03-09");
}

TEST_CASE("dates are formatted as the date library formats %F, every day of two centuries") {
    const auto first = day(1900, 1, 1);
    const auto last = day(2100, 12, 31);
    int mismatches = 0;
    for (auto d = first; d <= last; d += date::days{1}) {
        if (format_iso_date(d) != date::format("%F", d)) ++mismatches;
    }
    CHECK(mismatches == 0);
    CHECK(format_iso_date(day(999, 12, 31)) == "0999-12-31");
    CHECK(format_iso_date(day(12026, 1, 2)) == date::format("%F", day(12026, 1, 2)));
}

TEST_CASE("an unknown or empty zone is UTC") {
    const auto* utc_zone = zone_or_utc("UTC");
    CHECK(zone_or_utc("Mars/Olympus_Mons") == utc_zone);
    CHECK(zone_or_utc("") == utc_zone);
    CHECK(zone_or_utc("Europe/Berlin") != utc_zone);
    CHECK(local_instant(zone_or_utc("Nowhere/City"), day(2026, 12, 9), hours{9}) ==
          utc(2026, 12, 9, 9));
}

TEST_CASE("local clock times become UTC instants with the offset of that day") {
    struct Case {
        const char* zone;
        date::local_days day;
        minutes clock_time;
        Seconds expected;
    };
    const Case cases[] = {
        // Berlin leaves summer time on Sunday 2026-10-25 (CEST +2 -> CET +1).
        {"Europe/Berlin", day(2026, 10, 24), hours{9}, utc(2026, 10, 24, 7)},
        {"Europe/Berlin", day(2026, 10, 25), hours{9}, utc(2026, 10, 25, 8)},
        {"Europe/Berlin", day(2026, 10, 25), hours{0}, utc(2026, 10, 24, 22)},
        // The clocks show 02:30 twice that night: the earlier one is taken.
        {"Europe/Berlin", day(2026, 10, 25), hours{2} + minutes{30}, utc(2026, 10, 25, 0, 30)},
        // Berlin enters summer time on 2026-03-29; 02:30 does not exist and maps to the change.
        {"Europe/Berlin", day(2026, 3, 29), hours{2} + minutes{30}, utc(2026, 3, 29, 1)},
        {"Europe/Berlin", day(2026, 3, 29), hours{9}, utc(2026, 3, 29, 7)},
        // New York leaves daylight time on Sunday 2026-11-01 (EDT -4 -> EST -5).
        {"America/New_York", day(2026, 10, 31), hours{9}, utc(2026, 10, 31, 13)},
        {"America/New_York", day(2026, 11, 1), hours{9}, utc(2026, 11, 1, 14)},
        {"Asia/Kolkata", day(2026, 6, 1), hours{9}, utc(2026, 6, 1, 3, 30)},
    };
    for (const auto& c : cases) {
        INFO(c.zone << " " << format_iso_date(c.day) << " +" << c.clock_time.count() << "min");
        CHECK(local_instant(zone_or_utc(c.zone), c.day, c.clock_time) == c.expected);
    }
}

TEST_CASE("local date and minute of day follow the zone's offset at that instant") {
    const auto* new_york = zone_or_utc("America/New_York");
    // 01:30 happens twice in New York on 2026-11-01: at 05:30 UTC (EDT) and 06:30 UTC (EST).
    CHECK(local_minute_of_day(new_york, utc(2026, 11, 1, 5, 30)) == 90);
    CHECK(local_minute_of_day(new_york, utc(2026, 11, 1, 6, 30)) == 90);
    CHECK(local_date(new_york, utc(2026, 11, 1, 3)) == day(2026, 10, 31));
    CHECK(local_date(new_york, utc(2026, 11, 1, 5)) == day(2026, 11, 1));
    CHECK(local_date(zone_or_utc("Pacific/Auckland"), utc(2026, 6, 1, 13)) == day(2026, 6, 2));
}

TEST_CASE("quiet hours hold back an instant to their end, local to the runner") {
    struct Case {
        const char* what;
        const char* zone;
        int quiet_start;
        int quiet_end;
        Seconds instant;
        bool quiet;
        Seconds moved_to;
    };
    constexpr int kDefaultStart = 21 * 60;
    constexpr int kDefaultEnd = 8 * 60;
    const Case cases[] = {
        {"evening before the autumn change, ends at 08:00 CET", "Europe/Berlin", kDefaultStart,
         kDefaultEnd, utc(2026, 10, 24, 20, 30), true, utc(2026, 10, 25, 7)},
        {"early morning of the change day", "Europe/Berlin", kDefaultStart, kDefaultEnd,
         utc(2026, 10, 25, 5), true, utc(2026, 10, 25, 7)},
        {"afternoon is not quiet", "Europe/Berlin", kDefaultStart, kDefaultEnd,
         utc(2026, 10, 25, 12), false, utc(2026, 10, 25, 12)},
        {"21:00 local is quiet", "Europe/Berlin", kDefaultStart, kDefaultEnd, utc(2026, 10, 25, 20),
         true, utc(2026, 10, 26, 7)},
        {"08:00 local is not quiet", "Europe/Berlin", kDefaultStart, kDefaultEnd,
         utc(2026, 10, 26, 7), false, utc(2026, 10, 26, 7)},
        {"20:59 local is not quiet", "Europe/Berlin", kDefaultStart, kDefaultEnd,
         utc(2026, 10, 25, 19, 59), false, utc(2026, 10, 25, 19, 59)},
        {"New York evening before its change, ends at 08:00 EST", "America/New_York", kDefaultStart,
         kDefaultEnd, utc(2026, 11, 1, 2), true, utc(2026, 11, 1, 13)},
        {"custom wrapping 23:30-06:15 in New York", "America/New_York", 23 * 60 + 30, 6 * 60 + 15,
         utc(2026, 11, 1, 4), true, utc(2026, 11, 1, 11, 15)},
        {"custom wrapping, 23:00 is before it", "America/New_York", 23 * 60 + 30, 6 * 60 + 15,
         utc(2026, 11, 1, 3), false, utc(2026, 11, 1, 3)},
        {"custom daytime 13:00-15:00", "UTC", 13 * 60, 15 * 60, utc(2026, 5, 4, 14), true,
         utc(2026, 5, 4, 15)},
        {"custom daytime, just before", "UTC", 13 * 60, 15 * 60, utc(2026, 5, 4, 12, 59), false,
         utc(2026, 5, 4, 12, 59)},
        {"equal start and end means none", "UTC", 8 * 60, 8 * 60, utc(2026, 5, 4, 3), false,
         utc(2026, 5, 4, 3)},
        // Quiet until 02:30; at 02:10 of the repeated hour, the first 02:30 has already passed.
        {"end clock time repeated by the autumn change", "Europe/Berlin", 0, 2 * 60 + 30,
         utc(2026, 10, 25, 1, 10), true, utc(2026, 10, 25, 1, 30)},
        {"unknown zone is UTC", "Atlantis/Capital", kDefaultStart, kDefaultEnd, utc(2026, 5, 4, 22),
         true, utc(2026, 5, 5, 8)},
    };
    for (const auto& c : cases) {
        INFO(c.what);
        auto user = runner_in(c.zone);
        user.quiet_start_minute = c.quiet_start;
        user.quiet_end_minute = c.quiet_end;
        CHECK(in_quiet_hours(user, c.instant) == c.quiet);
        CHECK(out_of_quiet_hours(user, c.instant) == c.moved_to);
    }
}

TEST_CASE("days without nudges hold an instant to the next allowed morning") {
    // 2026-11-28 is a Saturday. Berlin is UTC+1 in November; quiet hours 21:00-08:00.
    auto user = runner_in("Europe/Berlin");
    user.quiet_days = 0x60;  // Saturday and Sunday
    CHECK(in_quiet_hours(user, utc(2026, 11, 28, 12)));
    // Saturday noon waits for Monday 08:00 local, out of Sunday and the night's quiet hours.
    CHECK(out_of_quiet_hours(user, utc(2026, 11, 28, 12)) == utc(2026, 11, 30, 7));
    // Friday 22:00 local is in quiet hours that end on Saturday morning: Monday again.
    CHECK(out_of_quiet_hours(user, utc(2026, 11, 27, 21)) == utc(2026, 11, 30, 7));
    // A weekday is untouched.
    CHECK_FALSE(in_quiet_hours(user, utc(2026, 11, 26, 12)));
    CHECK(out_of_quiet_hours(user, utc(2026, 11, 26, 12)) == utc(2026, 11, 26, 12));
    // Without quiet hours, the allowed day starts at midnight.
    user.quiet_start_minute = user.quiet_end_minute = 0;
    CHECK(out_of_quiet_hours(user, utc(2026, 11, 29, 12)) == utc(2026, 11, 29, 23));
    // Every day marked holds nothing: the days count only while one is left.
    user.quiet_days = 0x7F;
    CHECK_FALSE(in_quiet_hours(user, utc(2026, 11, 28, 12)));
}
