#include <catch2/catch.hpp>

#include "conversation_fixture.hpp"
#include "intents/handlers/run_stats_handler.hpp"

using rubdown::testing::at;
using rubdown::testing::Conversation;
namespace handlers = rubdown::intents::handlers;
namespace storage = rubdown::storage;

namespace {

bool contains(const std::string& text, const std::string& part) {
    return text.find(part) != std::string::npos;
}

storage::Run timed_run(const std::string& day, double km, std::int64_t seconds) {
    storage::Run run;
    run.date = day;
    run.distance_km = km;
    run.duration_s = seconds;
    return run;
}

}  // namespace

TEST_CASE("stats after several runs: week, month, last and longest", "[run_stats]") {
    Conversation chat(at(2026, 11, 25));            // Wednesday
    chat.say("ran 10k on Nov 2 in 55:00");          // this month, earlier week
    chat.say("21k long run on Nov 15 in 2:00:00");  // this month, the longest
    chat.say("ran 5k easy on Monday");              // this week (23 Nov)
    chat.say("8k in 40 min yesterday");             // this week (24 Nov)
    REQUIRE(chat.repos().runs.list(chat.user_id()).size() == 4);

    const auto week = chat.say_text("how far did I run this week?");
    CHECK(contains(week, "13 km in 2 runs"));

    const auto summary = chat.say_text("/stats");
    CHECK(contains(summary, "This week: 13 km in 2 runs"));
    CHECK(contains(summary, "This month: 44 km in 4 runs"));
    CHECK(contains(summary, "Last run: 8 km"));
    CHECK(contains(summary, "Longest run: 21 km"));

    CHECK(contains(chat.say_text("what was my longest run"), "21 km"));
    const auto recent = chat.say_text("show my recent runs");
    CHECK(contains(recent, "8 km"));
    CHECK(contains(recent, "5 km"));
}

TEST_CASE("stats with no runs explain how to log one", "[run_stats]") {
    Conversation chat;
    CHECK(contains(chat.say_text("how far did I run this week?"), "haven't logged"));
}

TEST_CASE("the week is counted in the runner's time zone", "[run_stats]") {
    // Sunday 29 Nov 23:30 UTC is already Monday 30 Nov in Berlin: a new week there.
    Conversation chat(at(2026, 11, 29, 23, 30));
    storage::Run sunday = timed_run("2026-11-29", 10.0, 3000);
    sunday.user_id = chat.user_id();
    chat.repos().runs.add(sunday);
    CHECK(contains(chat.say_text("how far did I run this week?"), "no runs yet"));
}

TEST_CASE("weeks start on Monday", "[run_stats]") {
    const date::local_days wednesday{date::year{2026} / 11 / 25};
    const date::local_days monday{date::year{2026} / 11 / 23};
    CHECK(handlers::week_start(wednesday) == monday);
    CHECK(handlers::week_start(monday) == monday);
    CHECK(handlers::week_start(monday + date::days{6}) == monday);
}

TEST_CASE("pace trend compares the older and the newer timed runs", "[run_stats]") {
    std::vector<storage::Run> faster{
        timed_run("2026-11-01", 10, 3600), timed_run("2026-11-03", 10, 3600),
        timed_run("2026-11-05", 10, 3000), timed_run("2026-11-07", 10, 3000)};
    const auto trend = handlers::pace_trend(faster, handlers::Units::km);
    CHECK(contains(trend, "6:00 min/km → 5:00 min/km"));
    CHECK(contains(trend, "faster"));
    CHECK(handlers::pace_trend({faster.begin(), faster.begin() + 3}, handlers::Units::km).empty());
}

TEST_CASE("a week question on Monday names last week's run as the last one", "[run_stats]") {
    Conversation chat(at(2026, 11, 23));  // Monday
    chat.say("ran 10k in 52:30 yesterday, felt hard");
    const auto week = chat.say_text("how did I do this week?");
    CHECK(contains(week, "This week: no runs yet"));
    CHECK(contains(week, "Last run: 10 km"));
}

TEST_CASE("stats by period, compared, in the unit asked", "[run_stats]") {
    Conversation chat;                         // Monday 23 Nov 2026
    chat.say("ran 10k in 50:00 on Nov 16");    // last week
    chat.say("ran 12k in 66:00 on Nov 18");    // last week
    chat.say("ran 8k in 40:00 this morning");  // this week
    chat.say("ran 5k in 25:00 on Oct 10");     // October
    const auto compared = chat.say_text("compare this week to last week");
    CHECK(contains(compared, "This week: 8 km in 1 run"));
    CHECK(contains(compared, "Down 14 km on last week (22 km)"));
    CHECK(contains(chat.say_text("how many km in october?"), "Last month: 5 km in 1 run"));
    CHECK(contains(chat.say_text("how many miles last week"), "13.67 mi"));
    CHECK(contains(chat.say_text("avg pace last week"), "5:16 min/km"));  // 116 min / 22 km
    CHECK(contains(chat.say_text("did i run on wednesday?"), "12 km"));
    CHECK(contains(chat.say_text("did i run on tuesday?"), "No run logged"));
    const auto records = chat.say_text("what are my PRs?");
    CHECK(contains(records, "5k: 25:00"));
    CHECK(contains(records, "10k: 50:00"));
}

TEST_CASE("streaks count days in a row up to today or yesterday", "[run_stats]") {
    Conversation chat;  // Monday 23 Nov 2026
    chat.say("5k on Nov 20");
    chat.say("5k on Nov 21");
    chat.say("5k yesterday");
    CHECK(contains(chat.say_text("what's my streak?"), "3 days in a row"));
}

TEST_CASE("a week well above the weeks before is pointed out, as information", "[run_stats]") {
    Conversation chat;  // Monday 23 Nov 2026
    for (const auto* day : {"Oct 26", "Nov 2", "Nov 9", "Nov 16"}) {
        chat.say(std::string{"ran 20k on "} + day);
    }
    chat.say("ran 30k this morning");
    const auto text = chat.say_text("how far did i run this week?");
    CHECK(contains(text, "50% above your average"));
    CHECK(contains(text, "not medical advice"));
}

TEST_CASE("a chart of the weeks: the image, its figures in words, a button for the months",
          "[run_stats][chart]") {
    Conversation chat(at(2026, 11, 25));  // Wednesday; this week began Monday 23 Nov
    chat.say("ran 10k on Nov 1");         // a Sunday: the week of Oct 26
    chat.say("ran 5k on Nov 3");          // the week of Nov 2 (a Monday)
    chat.say("ran 12k on Nov 24");        // this week
    chat.say("ran 7k on Sep 1");          // before the 12 weeks: left out
    const auto replies = chat.say("/stats chart");
    REQUIRE(replies.size() == 1);
    const auto& chart = replies.front();
    INFO(chart.text << "\n" << chart.image.alt);
    CHECK(chart.image.png.substr(0, 4) == "\x89PNG");
    CHECK(contains(chart.text, "by week, the last 12 weeks: 27 km in all"));
    CHECK(contains(chart.text, "the most, 12 km in the week of Nov 23"));
    // The description names every week, oldest first, and what each holds.
    CHECK(contains(chart.image.alt, "Sep 7 0, "));
    CHECK(contains(chart.image.alt, "Oct 26 10, Nov 2 5, "));
    CHECK(contains(chart.image.alt, "Nov 23 12."));
    REQUIRE(chart.buttons.size() == 1);
    CHECK(contains(chart.buttons[0].action, "chart:months"));

    const auto months = chat.press(chart.buttons[0].action);
    REQUIRE(months.size() == 1);
    CHECK(contains(months.front().text, "by month, the last 12 months: 34 km in all"));
    CHECK(contains(months.front().image.alt, "Sep 2026 7, Oct 2026 0, Nov 2026 27."));
    CHECK_FALSE(months.front().image.png.empty());
}

TEST_CASE("a chart in miles for a runner who asks in miles, and none without a run in its span",
          "[run_stats][chart]") {
    Conversation chat(at(2026, 11, 25));
    chat.say("ran 2 miles on Nov 24");
    const auto miles = chat.say("graph my miles please");
    REQUIRE(miles.size() == 1);
    INFO(miles.front().text << "\n" << miles.front().image.alt);
    CHECK(contains(miles.front().text, "2 mi in all"));
    CHECK(contains(miles.front().image.alt, "Bar chart of mi per week"));

    Conversation idle(at(2026, 11, 25));
    idle.say("ran 5k on Jan 3");  // long before the 12 weeks
    const auto empty = idle.say("/stats chart");
    REQUIRE(empty.size() == 1);
    CHECK(empty.front().image.png.empty());
    CHECK(contains(empty.front().text, "nothing to chart"));
}

TEST_CASE("a stats answer offers the chart", "[run_stats][chart]") {
    Conversation chat(at(2026, 11, 25));
    chat.say("ran 10k yesterday");
    const auto replies = chat.say("how am I doing?");
    REQUIRE(replies.size() == 1);
    REQUIRE_FALSE(replies.front().buttons.empty());
    CHECK(contains(replies.front().buttons.back().action, "chart:weeks"));
}
