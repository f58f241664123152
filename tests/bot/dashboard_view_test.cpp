#include <catch2/catch.hpp>

#include "bot/admin/dashboard_view.hpp"
#include "intents/html_escape.hpp"

using namespace rubdown;
using namespace rubdown::bot;
using rubdown::intents::html_escape;

TEST_CASE("operator pages: every value is escaped") {
    CHECK(html_escape("<a href=\"x\">Tom & 'Jerry'</a>") ==
          "&lt;a href=&quot;x&quot;&gt;Tom &amp; &#39;Jerry&#39;&lt;/a&gt;");
    DashboardData data;
    data.now = 1796679483;
    data.channels = {"web"};
    storage::RunnerSummary runner;
    runner.user.id = 7;
    runner.user.key = "web:abc";
    runner.user.channel = "web";
    runner.user.display_name = "<script>alert(1)</script>";
    data.runners.push_back(runner);
    data.not_understood.push_back({1, "web", "<img src=x onerror=alert(1)>", data.now});
    const auto page = dashboard_page(data);
    CHECK_THAT(page, !Catch::Contains("<script>"));
    CHECK_THAT(page, !Catch::Contains("<img"));
    CHECK_THAT(page, Catch::Contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    CHECK_THAT(page, Catch::Contains("href=\"/admin/runner?id=7\""));
}

TEST_CASE("operator pages: the dashboard shows the figures it is given") {
    DashboardData data;
    data.now = 1796679483;
    data.channels = {"telegram", "web"};
    data.runners_total = 42;
    data.active_week = {{"telegram", 5}, {"web", 3}};
    data.activity = {{"2026-12-07", "web", "log_run", 9},
                     {"2026-12-07", "telegram", "log_run", 1},
                     {"2026-12-06", "web", "not_understood", 2}};
    data.nudges.sent = 10;
    data.nudges.booked = 4;
    data.outbox = {{"telegram", 1, 2, 0, 3, 50}};
    const auto page = dashboard_page(data);
    CHECK_THAT(page, Catch::Contains(">42<"));
    CHECK_THAT(page, Catch::Contains(">8<"));                // active this week, all channels
    CHECK_THAT(page, Catch::Contains("telegram 5, web 3"));  // by channel
    // What runners ask, in words, over all channels.
    CHECK_THAT(page, Catch::Contains("logging a run</td><td class=\"num\">10</td>"));
    CHECK_THAT(page, Catch::Contains("40 % of sent"));    // booked / sent
    CHECK_THAT(page, Catch::Contains("retrying sends"));  // the channel's state
    CHECK_THAT(page, Catch::Contains("<svg"));            // the club's mileage
    CHECK_THAT(page, Catch::Contains("2026-12-07"));
}

TEST_CASE("operator pages: a runner's page has their log, their state and the pause controls") {
    RunnerPageData data;
    data.now = 1796679483;
    data.unit = "mi";
    data.runner.user.id = 3;
    data.runner.user.display_name = "Ana";
    data.runner.user.nudges_paused_until = data.now + 3600;
    storage::Run run;
    run.date = "2026-12-06";
    run.distance_km = 32.186;
    run.text = "20 miler on sunday";
    data.runs.push_back(run);
    data.weeks = {{"Dec 07", "2026-12-07", 20}};
    const auto page = runner_page(data);
    CHECK_THAT(page, Catch::Contains("<h1>Ana</h1>"));
    CHECK_THAT(page, Catch::Contains("Paused until"));
    CHECK_THAT(page, Catch::Contains("20 mi"));  // the run in the runner's unit
    CHECK_THAT(page, Catch::Contains("20 miler on sunday"));
    CHECK_THAT(page, Catch::Contains("action=\"/admin/runner/pause\""));
    CHECK_THAT(page, Catch::Contains("name=\"days\" value=\"0\""));  // resume
    CHECK_THAT(page, Catch::Contains("name=\"id\" value=\"3\""));
}

TEST_CASE("operator pages: instants read in UTC, to the minute") {
    CHECK(format_instant(0) == "never");
    CHECK(format_instant(1796679483) == "2026-12-07 21:38 UTC");
}

TEST_CASE("operator pages: a web chat runner without a name is called by the start of their key") {
    DashboardData data;
    data.now = 1796679483;
    data.channels = {"web", "telegram"};
    storage::RunnerSummary web_runner;
    web_runner.user.id = 3;
    web_runner.user.key = "web:8878ae22ba739c2eabbfe4a4cb63c892";
    web_runner.user.channel = "web";
    storage::RunnerSummary telegram_runner;
    telegram_runner.user.id = 4;
    telegram_runner.user.key = "telegram:42";
    telegram_runner.user.channel = "telegram";
    data.runners = {web_runner, telegram_runner};
    const auto page = dashboard_page(data);
    CHECK_THAT(page, Catch::Contains(">Web runner 8878ae<"));
    CHECK_THAT(page, Catch::Contains(">telegram:42<"));  // other channels' keys say who they are
}
