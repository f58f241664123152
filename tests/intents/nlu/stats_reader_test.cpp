#include <catch2/catch.hpp>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/stats_reader.hpp"
#include "intents/nlu/text_normalizer.hpp"

using namespace rubdown::intents::nlu;

namespace {

const date::year_month_day kToday{date::year{2026} / 11 / 23};  // a Monday

StatsQuestion read(const std::string& text) {
    return read_stats_question(lex(normalize_text(text)), kToday);
}

bool races(const std::string& text) {
    return asks_about_races(lex(normalize_text(text)));
}

}  // namespace

TEST_CASE("stats questions: the figure asked for", "[nlu][stats]") {
    CHECK(read("how far did i run this week?").stat == "distance");
    CHECK(read("how many runs this month").stat == "runs");
    CHECK(read("how much did I run yesterday").stat == "distance");
    CHECK(read("did i run on wednesday?").stat == "runs");
    CHECK(read("whats my average pace this week").stat == "pace");
    CHECK(read("longest run this month?").stat == "longest");
    CHECK(read("what's my streak").stat == "streak");
    CHECK(read("when was my last run").stat == "last_run");
    CHECK(read("my stats").stat == "summary");
    const auto pb = read("whats my half marathon PB");
    CHECK(pb.stat == "records");
    CHECK(pb.race_distance_km == Approx(21.0975));
}

TEST_CASE("stats questions: the period, compared or not, and the unit", "[nlu][stats]") {
    CHECK(read("mileage this wk?").period == "this_week");
    CHECK(read("distance last wk").period == "last_week");
    CHECK(read("how far did i go this morning").period == "today");
    CHECK(read("how far was tuesday's run").period == "2026-11-17");
    CHECK(read("how many miles did I run in august").period == "2026-08");
    CHECK(read("what runs did i do in october").period == "last_month");
    CHECK(read("how far have I run in the last 30 days").period == "2026-10-25..2026-11-23");
    CHECK(read("how much did i run the week of Nov 9").period == "2026-11-09..2026-11-15");
    CHECK(read("how many km between Nov 1 and Nov 15?").period == "2026-11-01..2026-11-15");
    CHECK(read("how far have i run in total").period == "all");
    CHECK_FALSE(read("show me my runs").period);
    const auto versus = read("this week's mileage vs last week");
    CHECK(versus.period == "this_week");
    CHECK(versus.compare);
    const auto more = read("am I running more than last month?");
    CHECK(more.period == "this_month");
    CHECK(more.compare);
    CHECK(read("how many miles this week").unit == "mi");
    CHECK_FALSE(read("how far this week").unit);
}

TEST_CASE("questions about one's races, not advice or a race told", "[nlu][stats]") {
    CHECK(races("when is my race"));
    CHECK(races("how many weeks until my 10k"));
    CHECK(races("what races do I have coming up"));
    CHECK(races("how long till race day"));
    CHECK_FALSE(races("race day is Dec 5, it's a 10k"));
    CHECK_FALSE(races("how soon after a marathon should I get a massage?"));
    CHECK_FALSE(races("how many days before a marathon should I stop running long?"));
    CHECK(read("when is my race").stat == "races");
}

TEST_CASE("a race called off, not moved", "[nlu][stats]") {
    CHECK(cancels_a_race(lex(normalize_text("cancel my race"))));
    CHECK(cancels_a_race(lex(normalize_text("not running the marathon anymore, injured"))));
    CHECK_FALSE(cancels_a_race(
        lex(normalize_text("not running the half on sunday anymore, they moved it to dec 6"))));
}
