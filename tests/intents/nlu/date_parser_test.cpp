#include <catch2/catch.hpp>

#include <string>

#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/text_normalizer.hpp"

using namespace rubdown::intents::nlu;
using rubdown::intents::Seconds;

namespace {

// Monday 2026-11-23.
const date::year_month_day kToday{date::year{2026}, date::month{11}, date::day{23}};

std::string run_date(const std::string& text) {
    return iso_date(parse_run_date(lex(normalize_text(text)), kToday));
}

std::string race_date(const std::string& text) {
    const auto day = parse_race_date(lex(normalize_text(text)), kToday);
    return day ? iso_date(*day) : "none";
}

Seconds instant(int y, unsigned m, unsigned d, int hours, int minutes) {
    return date::sys_days{date::year{y} / date::month{m} / date::day{d}} +
           std::chrono::hours{hours} + std::chrono::minutes{minutes};
}

struct DateCase {
    const char* text;
    const char* iso;
};

}  // namespace

TEST_CASE("run dates are in the past", "[nlu][date]") {
    const DateCase cases[] = {
        {"ran 10k", "2026-11-23"},
        {"ran 10k today", "2026-11-23"},
        {"this morning 5k", "2026-11-23"},
        {"this evening 5k", "2026-11-23"},
        {"yesterday 18km", "2026-11-22"},
        {"ran 8k yday", "2026-11-22"},
        {"yesturday 5k", "2026-11-22"},
        {"last night 6k", "2026-11-22"},
        {"the day before yesterday", "2026-11-21"},
        {"on Saturday", "2026-11-21"},
        {"on sunday 30k", "2026-11-22"},
        {"on monday", "2026-11-23"},
        {"on tuesday I ran", "2026-11-17"},
        {"on wed did 10k", "2026-11-18"},
        {"last saturday", "2026-11-21"},
        {"last monday", "2026-11-16"},
        {"saturday's long run", "2026-11-21"},
        {"on wensday", "2026-11-18"},
        {"Nov 20 ran 12k", "2026-11-20"},
        {"november 20th", "2026-11-20"},
        {"20 nov", "2026-11-20"},
        {"the 20th of November", "2026-11-20"},
        {"on 19/11", "2026-11-19"},
        {"ran 8k on 19/11", "2026-11-19"},
        {"Dec 24", "2025-12-24"},
        {"on 25/12", "2025-12-25"},
        {"2026-11-01", "2026-11-01"},
        {"19/11/2026", "2026-11-19"},
        {"3 days ago", "2026-11-20"},
        {"a week ago", "2026-11-16"},
        {"two weeks ago", "2026-11-09"},
        {"a couple of days ago", "2026-11-21"},
        {"on the 20th", "2026-11-20"},
        {"on the 25th", "2026-10-25"},
        {"last weekend", "2026-11-21"},
        {"ran 10k, effort 8/10", "2026-11-23"},
        {"ran 10k tomorrow", "2026-11-23"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(run_date(c.text) == c.iso);
    }
}

TEST_CASE("race dates are in the future", "[nlu][date]") {
    const DateCase cases[] = {
        {"my half is on 14 Dec", "2026-12-14"},
        {"Dec 14", "2026-12-14"},
        {"december 14th", "2026-12-14"},
        {"the 14th of december", "2026-12-14"},
        {"14/12", "2026-12-14"},
        {"14/12/2026", "2026-12-14"},
        {"14/12/26", "2026-12-14"},
        {"2026-12-14", "2026-12-14"},
        {"12/14", "2026-12-14"},
        {"Sept 27", "2027-09-27"},
        {"signed up for the Berlin marathon on Sept 27", "2027-09-27"},
        {"Nov 23", "2026-11-23"},
        {"Nov 20", "2027-11-20"},
        {"next Sunday", "2026-11-29"},
        {"on sunday", "2026-11-29"},
        {"race on saturday", "2026-11-28"},
        {"race on monday", "2026-11-30"},
        {"this sunday", "2026-11-29"},
        {"next monday", "2026-11-30"},
        {"tomorrow", "2026-11-24"},
        {"race tmrw", "2026-11-24"},
        {"in 3 weeks", "2026-12-14"},
        {"in three weeks", "2026-12-14"},
        {"in 10 days", "2026-12-03"},
        {"in a week", "2026-11-30"},
        {"in a fortnight", "2026-12-07"},
        {"in 2 months", "2027-01-23"},
        {"6 weeks away", "2027-01-04"},
        {"3 weeks from now", "2026-12-14"},
        {"moved from Dec 14 to Dec 21", "2026-12-21"},
        {"moved from saturday to sunday", "2026-11-29"},
        {"postponed to 10 January", "2027-01-10"},
        {"now on Dec 13 not Dec 6", "2026-12-13"},
        {"cancel my race on Dec 14", "2026-12-14"},
        {"on the 12th", "2026-12-12"},
        {"on the 30th", "2026-11-30"},
        {"signed up today for a race on april 12", "2027-04-12"},
        {"feb 29", "2028-02-29"},
        {"this weekend", "2026-11-29"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        CHECK(race_date(c.text) == c.iso);
    }
}

TEST_CASE("no race date when none is named or the date is impossible", "[nlu][date]") {
    const char* cases[] = {"",
                           "signed up for the Berlin marathon",
                           "race on 31/11",
                           "race on 32 dec",
                           "dec 0",
                           "my half",
                           "effort 7/10",
                           "1/2 marathon",
                           "a week ago",
                           "yesterday",
                           "race on 2026-13-01",
                           "5:15/km"};
    for (const char* text : cases) {
        INFO(text);
        CHECK(race_date(text) == "none");
    }
}

TEST_CASE("today is the local day of the given time zone", "[nlu][date]") {
    // 2026-11-23T02:30Z is still the 22nd in New York and already the 23rd in Tokyo.
    const auto now = instant(2026, 11, 23, 2, 30);
    CHECK(iso_date(local_today(now, "UTC")) == "2026-11-23");
    CHECK(iso_date(local_today(now, "America/New_York")) == "2026-11-22");
    CHECK(iso_date(local_today(now, "Asia/Tokyo")) == "2026-11-23");
    // 22:30Z is the next day in Auckland (UTC+13 in November).
    CHECK(iso_date(local_today(instant(2026, 11, 23, 22, 30), "Pacific/Auckland")) == "2026-11-24");
    CHECK(iso_date(local_today(instant(2026, 11, 23, 22, 30), "Not/AZone")) == "2026-11-23");
    CHECK(iso_date(local_today(instant(2026, 11, 23, 22, 30), "")) == "2026-11-23");
}

TEST_CASE("numbers too large for a day or a month name no date", "[nlu][date]") {
    // 4294967308 is 12 past 2^32: converted to unsigned without a range check it could come out as
    // month 12 (the conversion is undefined behaviour; found by fuzzing).
    const char* cases[] = {"race on 14/4294967308", "race on 4294967308/14",
                           "race on 2026-4294967308-14", "race on 2026-12-4294967310",
                           "5555555/5555555555"};
    for (const char* text : cases) {
        INFO(text);
        CHECK(race_date(text) == "none");
        CHECK(run_date(text) == "2026-11-23");
    }
}

TEST_CASE("a day/month/year date takes the same years as an ISO date", "[nlu][date]") {
    CHECK(race_date("race on 14/12/2026") == "2026-12-14");
    CHECK(run_date("ran 10k on 19/11/2026") == "2026-11-19");
    // Outside 2000-2100 the year is no year at all, as in "1111-01-19" (found by fuzzing).
    CHECK(race_date("race on 19/1/1111") == "none");
    CHECK(run_date("ran 10k on 19/1/1111") == "2026-11-23");
    CHECK(race_date("race on 19/1/9999") == "none");
}

TEST_CASE("days of the year by name are dates", "[nlu][date]") {
    CHECK(race_date("Christmas Day 5k, signed up!") == "2026-12-25");
    CHECK(race_date("the xmas eve parkrun") == "2026-12-24");
    CHECK(race_date("6 hour run on Boxing Day") == "2026-12-26");
    CHECK(race_date("entered the New Year's Day 10k") == "2027-01-01");
    CHECK(race_date("new years eve 5k") == "2026-12-31");
    // As a run's day, the last one.
    CHECK(run_date("ran 10k on christmas day") == "2025-12-25");
    // "a new year", "christmas shopping": no day.
    CHECK(race_date("a new year of running") == "none");
    CHECK(race_date("christmas shopping after my run") == "none");
}
