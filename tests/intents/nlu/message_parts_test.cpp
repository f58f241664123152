#include <catch2/catch.hpp>

#include <set>
#include <string>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "intents/nlu/correction_reader.hpp"
#include "intents/nlu/message_parts.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/nlu/part_cues.hpp"
#include "intents/nlu/text_normalizer.hpp"

using namespace rubdown::intents::nlu;
using rubdown::intents::Seconds;

namespace {

// Monday 2026-11-23.
const date::year_month_day kToday{date::year{2026} / 11 / 23};
const Seconds kNow = date::sys_days{kToday} + std::chrono::hours{10};

Tokens tokens_of(const std::string& text) {
    return lex(normalize_text(text));
}

std::vector<std::string> parts_text(const std::string& text) {
    const auto tokens = tokens_of(text);
    std::vector<std::string> out;
    for (const auto span : split_parts(tokens)) out.push_back(text_of(slice(tokens, span)));
    return out;
}

const Nlu& shared_nlu() {
    static const Nlu nlu;
    return nlu;
}

}  // namespace

TEST_CASE("the phrase lists are lower-case words without apostrophes, none repeated",
          "[nlu][parts]") {
    for (const auto* list : {&clause_joiners(),
                             &clause_continuations(),
                             &session_pieces(),
                             &change_cues(),
                             &delete_cues(),
                             &plan_cues(),
                             &past_plan_cues(),
                             &told_done_cues(),
                             &training_session_words(),
                             &own_figure_cues(),
                             &run_done_verbs(),
                             &invitation_cues(),
                             &no_race_idioms(),
                             &device_reading_cues(),
                             &goal_words(),
                             &run_words(),
                             &massage_words(),
                             &correction_pivots(),
                             &change_verbs(),
                             &logged_value_cues(),
                             &set_aside_markers(),
                             &correction_continuations(),
                             &race_words(),
                             &intention_cues(),
                             &aside_cues(),
                             &change_idioms(),
                             &late_log_cues(),
                             &reminder_words(),
                             &stats_words(),
                             &settings_view_cues(),
                             &pivot_change_cues(),
                             &time_idioms(),
                             &other_sport_words(),
                             &done_words(),
                             &run_report_words()}) {
        std::set<std::string_view> seen;
        for (const auto phrase : *list) {
            INFO(phrase);
            CHECK(!phrase.empty());
            CHECK(phrase.front() != ' ');
            CHECK(phrase.back() != ' ');
            CHECK(phrase.find("  ") == std::string_view::npos);
            for (char c : phrase) CHECK(!(c >= 'A' && c <= 'Z'));
            CHECK(seen.insert(phrase).second);
        }
    }
}

TEST_CASE("a phrase matches whole words, with or without the apostrophe", "[nlu][parts]") {
    const PhraseList list{"didnt run", "make that"};
    CHECK(has_phrase(tokens_of("I didn't run on Sunday"), list));
    CHECK(has_phrase(tokens_of("i didnt run sunday"), list));
    CHECK_FALSE(has_phrase(tokens_of("I didn't running"), list));
    CHECK(has_phrase(tokens_of("oh make that 12k"), list));
    CHECK_FALSE(has_phrase(tokens_of("make 12k of that"), list));
}

TEST_CASE("a message splits into the things it says", "[nlu][parts]") {
    CHECK(parts_text("8k easy yesterday and 10k steady today") ==
          std::vector<std::string>{"8k easy yesterday", "10k steady today"});
    CHECK(
        parts_text("did 20 miles today, legs are wrecked, would a massage help?") ==
        std::vector<std::string>{"did 20 miles today, legs are wrecked", "would a massage help?"});
    CHECK(parts_text("half on Dec 14 and a 10k on Dec 28").size() == 2);
}

TEST_CASE("words about the same run stay with it", "[nlu][parts]") {
    CHECK(parts_text("ran 10k and felt great").size() == 1);
    CHECK(parts_text("ran 8k, took 45 min").size() == 1);
    CHECK(parts_text("10k with a 2k warm up and 2k cool down").size() == 1);
    CHECK(parts_text("it was 12k, not 15k").size() == 1);
    CHECK(parts_text("hi! ran 5k this morning").size() == 1);
}

TEST_CASE("a plan not kept and a device's reading are left out", "[nlu][parts]") {
    CHECK(parts_text("planned 15k but only did 9k") == std::vector<std::string>{"only did 9k"});
    CHECK(parts_text("I ran 12k, my watch said 11.8") == std::vector<std::string>{"i ran 12k"});
}

TEST_CASE("a part's own words make it a correction or a plan", "[nlu][parts]") {
    CHECK(part_kind(tokens_of("sorry, it was 12k not 15k")) == PartKind::correction);
    CHECK(part_kind(tokens_of("delete Sunday's run")) == PartKind::correction);
    CHECK(part_kind(tokens_of("I didn't run on Sunday")) == PartKind::correction);
    CHECK(part_kind(tokens_of("training for a 100 mile ultra")) == PartKind::plan);
    CHECK(part_kind(tokens_of("6 hour run tomorrow")) == PartKind::plan);
    // Near misses: ordinary reports.
    CHECK(part_kind(tokens_of("10k, not bad at all")) == PartKind::other);
    CHECK(part_kind(tokens_of("ran 10k, rest day tomorrow")) == PartKind::other);
    CHECK(part_kind(tokens_of("should I run 20k tomorrow?")) == PartKind::other);
    CHECK(part_kind(tokens_of("I want to book a massage tomorrow")) == PartKind::other);
}

TEST_CASE("a correction names the run meant and what changes", "[nlu][parts]") {
    auto e = correction_entities(tokens_of("it was 12k not 15k"), kToday);
    CHECK(e.action == "change");
    CHECK(e.distance_km == Approx(12.0));
    CHECK(e.target_distance_km == Approx(15.0));

    e = correction_entities(tokens_of("make that 1:01 not 1:10"), kToday);
    CHECK(e.duration_s == 3660);
    CHECK(e.target_duration_s == 4200);
    CHECK_FALSE(e.distance_km);

    e = correction_entities(tokens_of("change Sunday's run to 14k"), kToday);
    CHECK(e.target_date == "2026-11-22");
    CHECK(e.distance_km == Approx(14.0));
    CHECK_FALSE(e.date);

    e = correction_entities(tokens_of("the long run was yesterday, not today"), kToday);
    CHECK(e.target_date == "2026-11-23");
    CHECK(e.date == "2026-11-22");

    e = correction_entities(tokens_of("I logged 8k on Sunday by mistake"), kToday);
    CHECK(e.action == "delete");
    CHECK(e.target_date == "2026-11-22");
    CHECK(e.target_distance_km == Approx(8.0));

    e = correction_entities(tokens_of("scrap the last one"), kToday);
    CHECK(e.action == "delete");
    CHECK_FALSE(e.target_date);
    CHECK_FALSE(e.target_distance_km);
}

TEST_CASE("a correction's words are read by their role: the run meant, the new value, the old",
          "[nlu][parts]") {
    // The subject before "was" names the run meant; a day after it is the new day.
    auto e = correction_entities(tokens_of("the 25k was saturday, not yesterday"), kToday);
    CHECK(e.target_distance_km == Approx(25.0));
    CHECK(e.target_date == "2026-11-22");
    CHECK(e.date == "2026-11-21");
    CHECK_FALSE(e.distance_km);
    // What the runner typed before is the old value.
    e = correction_entities(tokens_of("oh no I entered 1:05 for the 10k, should be 50:05"), kToday);
    CHECK(e.duration_s == 3005);
    CHECK(e.target_duration_s == 3900);
    CHECK(e.target_distance_km == Approx(10.0));
    e = correction_entities(tokens_of("i put 5km but it was 5 miles"), kToday);
    CHECK(e.distance_km == Approx(8.0467));
    CHECK(e.target_distance_km == Approx(5.0));
    // A bare number takes the unit of the value beside it.
    e = correction_entities(tokens_of("actually it was 40 mins, not 50"), kToday);
    CHECK(e.duration_s == 2400);
    CHECK(e.target_duration_s == 3000);
    e = correction_entities(tokens_of("that 20k on sat was actually 22"), kToday);
    CHECK(e.distance_km == Approx(22.0));
    CHECK(e.target_distance_km == Approx(20.0));
    // An RPE is an effort, not a distance.
    e = correction_entities(tokens_of("correction: yesterday's was RPE 8 not 5"), kToday);
    CHECK(e.effort == "hard");
    CHECK_FALSE(e.distance_km);
    CHECK_FALSE(e.target_distance_km);
}

TEST_CASE("a correction in several clauses stays one part", "[nlu][parts]") {
    CHECK(parts_text("i put 5km but it was 5 miles").size() == 1);
    CHECK(parts_text("hold on, friday's run was 14k, i typed 4k").size() == 1);
    CHECK(parts_text("not 6k, 8k").size() == 1);
    CHECK(parts_text("the run on the 19th never happened, delete it").size() == 1);
    CHECK(part_kind(tokens_of("not 6k, 8k")) == PartKind::correction);
}

TEST_CASE("change words in idioms and runs that went long are no corrections", "[nlu][parts]") {
    CHECK(part_kind(tokens_of("ran the lake loop the wrong way round for a change, 12k")) ==
          PartKind::other);
    CHECK(part_kind(tokens_of("got my running fix, 5k before work")) == PartKind::other);
    CHECK(part_kind(tokens_of("got lost in the woods, 17k instead of 10k lol")) == PartKind::other);
    // Asked as a request, a change is still a correction.
    CHECK(part_kind(tokens_of("can u change sundays run to 14k pls")) == PartKind::correction);
}

TEST_CASE("a plan needs a word of the future and a run in the same clause", "[nlu][parts]") {
    CHECK(part_kind(tokens_of("ran 7k. tomorrow i'll probably be sore")) == PartKind::other);
    CHECK(part_kind(tokens_of("remind me tomorrow to log my run")) == PartKind::other);
    CHECK(part_kind(tokens_of("goal: break 40 min for 10k")) == PartKind::plan);
}

TEST_CASE("a plan carries its distance, goal time and day", "[nlu][parts]") {
    auto e = plan_entities(tokens_of("want to run a sub-50 10k"), kToday);
    CHECK(e.distance_km == Approx(10.0));
    CHECK(e.duration_s == 3000);
    e = plan_entities(tokens_of("aiming for sub 3 at the marathon"), kToday);
    CHECK(e.duration_s == 3 * 3600);
    e = plan_entities(tokens_of("20k tomorrow"), kToday);
    CHECK(e.date == "2026-11-24");
}

TEST_CASE("a race told with its finishing time was already run", "[nlu][parts]") {
    CHECK(is_race_result(tokens_of("half marathon in 1:45 on the 8th")));
    CHECK_FALSE(is_race_result(tokens_of("my half is on Dec 14")));
    CHECK_FALSE(is_race_result(tokens_of("aiming for 1:45 at the half on Dec 14")));
}

TEST_CASE("the NLU lists every part when a message holds several", "[nlu][parts]") {
    const auto parse = shared_nlu().parse("8k easy yesterday and 10k steady today", kNow, "UTC");
    REQUIRE(parse.items.size() == 2);
    CHECK(parse.items[0].intent == "log_run");
    CHECK(parse.items[0].entities.date == "2026-11-22");
    CHECK(parse.items[1].entities.date == "2026-11-23");
    CHECK(parse.intent == "log_run");
    const auto line = to_json(parse);
    REQUIRE(line.contains("items"));
    CHECK(line["items"][1]["entities"]["distance_km"] == 10.0);

    const auto single = shared_nlu().parse("ran 10k and felt great", kNow, "UTC");
    CHECK(single.items.empty());
    CHECK_FALSE(to_json(single).contains("items"));
}

TEST_CASE("a run report with a massage question keeps the question at the top level",
          "[nlu][parts]") {
    const auto parse = shared_nlu().parse(
        "did 20 miles today, legs are wrecked, would a massage help?", kNow, "UTC");
    CHECK(parse.intent == "massage_question");
    REQUIRE(parse.items.size() == 2);
    CHECK(parse.items[0].intent == "log_run");
    CHECK(parse.items[1].intent == "massage_question");
}

TEST_CASE("runs told one after another are runs, and dated plans of runs are plans",
          "[nlu][parts]") {
    const auto runs =
        shared_nlu().parse("ran 8k on friday, 10k on saturday and 18k yesterday", kNow, "UTC");
    REQUIRE(runs.items.size() == 3);
    for (const auto& part : runs.items) CHECK(part.intent == "log_run");
    CHECK(runs.items[1].entities.date == "2026-11-21");
    const auto plan = shared_nlu().parse("planning 25k on sunday", kNow, "UTC");
    CHECK(plan.intent == "plan");
    CHECK(plan.entities.date == "2026-11-29");
    // A race stays a race.
    CHECK(shared_nlu().parse("i have a half next sunday", kNow, "UTC").intent == "set_race");
}

TEST_CASE("corrections and plans get their own labels", "[nlu][parts]") {
    CHECK(shared_nlu().parse("sorry, it was 12k not 15k", kNow, "UTC").intent == "correction");
    CHECK(shared_nlu().parse("training for a 100 mile ultra", kNow, "UTC").intent == "plan");
    const auto result = shared_nlu().parse("half marathon in 1:45 on the 8th", kNow, "UTC");
    CHECK(result.intent == "log_run");
    CHECK(result.entities.date == "2026-11-08");
    CHECK(shared_nlu().parse("my half is in 6 weeks", kNow, "UTC").intent == "set_race");
}

TEST_CASE("short weekday names are days next to a run's figures, not in the sun", "[nlu][parts]") {
    const auto week = shared_nlu().parse("10k fri, 8k sat, 21k sun", kNow, "UTC");
    REQUIRE(week.items.size() == 3);
    CHECK(week.items[0].entities.date == "2026-11-20");
    CHECK(week.items[1].entities.date == "2026-11-21");
    CHECK(week.items[2].entities.date == "2026-11-22");
    CHECK(shared_nlu().parse("sat: 5k parkrun in 22:10", kNow, "UTC").entities.date ==
          "2026-11-21");
    CHECK(shared_nlu().parse("ran 10k in the sun", kNow, "UTC").entities.date == "2026-11-23");
    CHECK(shared_nlu().parse("ran 10k, sun was out", kNow, "UTC").entities.date == "2026-11-23");
}

TEST_CASE("what was logged, said before what it should be, makes a correction", "[nlu][parts]") {
    const auto parse = shared_nlu().parse("you logged 10km but i ran 10 miles", kNow, "UTC");
    CHECK(parse.items.empty());
    CHECK(parse.intent == "correction");
    CHECK(parse.entities.target_distance_km == Approx(10.0));
    CHECK(parse.entities.distance_km == Approx(16.0934));
    const auto rpe = shared_nlu().parse("that was RPE 4 not 7", kNow, "UTC");
    CHECK(rpe.intent == "correction");
    CHECK(rpe.entities.effort == "easy");
}

TEST_CASE("a run told with a number and a day takes the unit of the run before it",
          "[nlu][parts]") {
    CHECK(elliptic_run(tokens_of("4 on thursday")) == 4.0);
    // A date, a clock time, a day of the month: no run.
    CHECK_FALSE(elliptic_run(tokens_of("7 march")).has_value());
    CHECK_FALSE(elliptic_run(tokens_of("remind me at 7 tomorrow")).has_value());
    CHECK_FALSE(elliptic_run(tokens_of("on the 19th")).has_value());
    const auto parse = shared_nlu().parse("3 miles on wednesday and 4 on thursday", kNow, "UTC");
    REQUIRE(parse.items.size() == 2);
    CHECK(parse.items[1].intent == "log_run");
    CHECK(parse.items[1].entities.date == "2026-11-19");
    CHECK(parse.items[1].entities.distance_km == Approx(4 * 1.609344));
    const auto km = shared_nlu().parse("5k on saturday and 6 on sunday", kNow, "UTC");
    REQUIRE(km.items.size() == 2);
    CHECK(km.items[1].entities.distance_km == Approx(6.0));
}

TEST_CASE("the distance run, not the one planned, when a plan was not kept", "[nlu][parts]") {
    CHECK(distance_despite_plan(tokens_of("ran 10k, not 12k like i planned")) == 10.0);
    CHECK(distance_despite_plan(tokens_of("did 10k (planned 12k, but the rain)")) == 10.0);
    CHECK_FALSE(distance_despite_plan(tokens_of("ran 10k, felt great")).has_value());
    CHECK(shared_nlu()
              .parse("ran 5k, not the 10k I wanted but it's something", kNow, "UTC")
              .entities.distance_km == 5.0);
}

TEST_CASE("a line break or an emoji ends a clause", "[nlu][parts]") {
    const auto lines = shared_nlu().parse("Thu: 7k easy\nFri: 10k steady", kNow, "UTC");
    REQUIRE(lines.items.size() == 2);
    CHECK(lines.items[0].entities.date == "2026-11-19");
    CHECK(lines.items[1].entities.date == "2026-11-20");
    CHECK(lines.items[1].entities.effort == "moderate");
    const auto emoji = shared_nlu().parse(
        "easy 5k today \xF0\x9F\x98\x8A when should i book a massage before a race?", kNow, "UTC");
    REQUIRE(emoji.items.size() == 2);
    CHECK(emoji.items[0].intent == "log_run");
    // A spaced slash or dash between items splits too; a pace's slash does not.
    CHECK(parts_text("today: 5km easy - tomorrow: 8km tempo").size() == 2);
    CHECK(parts_text("10k at 5:30/km").size() == 1);
}

TEST_CASE("a correction's figures: the run meant beside what changes", "[nlu][parts]") {
    // A distance beside a changed time names the run.
    const auto time =
        correction_entities(tokens_of("the run on 11/21 was 38:40 for the 8k, not 48:40"), kToday);
    CHECK(time.target_distance_km == 8.0);
    CHECK_FALSE(time.distance_km.has_value());
    CHECK(time.duration_s == 2320);
    // A day beside a new distance names the run; a day alone is the new day.
    const auto day = correction_entities(tokens_of("it was 16k on the 15th, not 6k"), kToday);
    CHECK(day.target_date == "2026-11-15");
    CHECK_FALSE(day.date.has_value());
    CHECK(correction_entities(tokens_of("it was wednesday"), kToday).date == "2026-11-18");
    // What was typed, bare, is in the unit of the new value.
    CHECK(correction_entities(tokens_of("my run today was 8.4k, i put 4.8"), kToday)
              .target_distance_km == 4.8);
    // Logged "by mistake" and nothing said of what it should be: a delete.
    CHECK(correction_entities(
              tokens_of("I logged 6k on Tuesday by mistake, it was my husband's watch"), kToday)
              .action == "delete");
    CHECK(correction_entities(tokens_of("by mistake, it was 8k"), kToday).action == "change");
}

TEST_CASE("race results carry a hard effort, and a goal beside the time is not the time",
          "[nlu][parts]") {
    const auto race = shared_nlu().parse("50k trail race on Saturday took me 5:42", kNow, "UTC");
    CHECK(race.intent == "log_run");
    CHECK(race.entities.effort == "hard");
    const auto goal =
        shared_nlu().parse("Half in 1:29:59 yesterday, sub 1:30 finally!", kNow, "UTC");
    CHECK(goal.entities.duration_s == 5399);
}

TEST_CASE("a figure logged in the wrong unit is corrected in the unit named", "[nlu][parts]") {
    const auto miles = correction_entities(tokens_of("that 6 was miles not km!"), kToday);
    CHECK(miles.action == "change");
    CHECK(miles.distance_km == Approx(6 * 1.609344));
    CHECK(miles.target_distance_km == Approx(6.0));
    const auto km = correction_entities(tokens_of("the 10 yesterday should be km"), kToday);
    CHECK(km.distance_km == Approx(10.0));
    CHECK(km.target_distance_km == Approx(10 * 1.609344));
    CHECK(reads_as_correction(tokens_of("the 3 from this morning is miles")));
    // A run told now in miles, or a question about units, corrects nothing.
    CHECK_FALSE(reads_as_correction(tokens_of("I ran 5 today, it was in miles")));
    CHECK_FALSE(reads_as_correction(tokens_of("can I log runs in miles?")));
}

TEST_CASE("sessions planned by day are each a plan, with their figures", "[nlu][parts]") {
    const auto week = shared_nlu().parse(
        "plan for the week: tempo tomorrow, hills thursday, "
        "18k saturday",
        kNow, "UTC");
    REQUIRE(week.items.size() == 3);
    CHECK(week.items[1].intent == "plan");
    CHECK(week.items[1].entities.date == "2026-11-26");
    const auto one = shared_nlu().parse("tempo run tomorrow, 40 minutes", kNow, "UTC");
    CHECK(one.items.empty());
    CHECK(one.intent == "plan");
    CHECK(one.entities.duration_s == 2400);
}

TEST_CASE("a session to come is a plan even when its day and distance sound like a race",
          "[nlu][parts]") {
    for (const char* text : {"Dec 2: 14k progression", "Thursday: 8x400 on the track",
                             "half marathon distance run on Saturday, not a race"}) {
        INFO(text);
        CHECK(shared_nlu().parse(text, kNow, "UTC").intent == "plan");
    }
    // A race named stays a race.
    CHECK(shared_nlu().parse("10k race with the club on dec 12", kNow, "UTC").intent == "set_race");
}

TEST_CASE("a session told by its repetitions is a run of its own beside other parts",
          "[nlu][parts]") {
    const auto two = shared_nlu().parse("i did 8x400 today and 12k on saturday", kNow, "UTC");
    REQUIRE(two.items.size() == 2);
    CHECK(two.items[0].entities.effort == "hard");
    CHECK(two.items[0].entities.date == "2026-11-23");
    // "did" is said of both runs: Saturday's is the one gone.
    CHECK(two.items[1].intent == "log_run");
    CHECK(two.items[1].entities.date == "2026-11-21");
    const auto with_reminder = shared_nlu().parse(
        "5x1k intervals done, also pls set a weekly reminder for sunday mornings", kNow, "UTC");
    REQUIRE(with_reminder.items.size() == 2);
    CHECK(with_reminder.items[0].intent == "log_run");
    CHECK(with_reminder.items[1].intent == "reminders");
}

TEST_CASE("more ways of correcting a run: moved, really, not this but that", "[nlu][parts]") {
    const auto moved = shared_nlu().parse("move thursday's 12k to wednesday", kNow, "UTC");
    CHECK(moved.intent == "correction");
    CHECK(moved.entities.target_date == "2026-11-19");
    CHECK(moved.entities.date == "2026-11-18");
    const auto from = shared_nlu().parse("move my 10k from Sunday to Saturday", kNow, "UTC");
    CHECK(from.intent == "correction");
    CHECK(from.entities.date == "2026-11-21");
    // A race moved stays a race.
    CHECK(shared_nlu().parse("move my race from dec 14 to dec 20", kNow, "UTC").intent ==
          "set_race");
    const auto minutes = correction_entities(tokens_of("thursday wasnt 45 min it was 54"), kToday);
    CHECK(minutes.duration_s == 3240);
    CHECK(minutes.target_duration_s == 2700);
    CHECK(reads_as_correction(tokens_of("that 9k on tuesday was really 10.3")));
}

TEST_CASE("the runner's own figure overrules a device's reading told before it", "[nlu][parts]") {
    const struct {
        const char* text;
        double km;
    } cases[] = {
        {"Garmin said 10.3 but I'm calling it 10k flat", 10.0},
        {"garmin says 10.21, coros says 10.05, i'm logging 10.1", 10.1},
        {"treadmill said 8.0 km but i know it overestimates, call it 7.6", 7.6},
        {"watch said 6.1 miles, call it 6", 6 * 1.609344},
        {"my watch showed 10.4 km but I ran exactly 10 km on the track", 10.0},
        // The reading after the runner's figure changes nothing.
        {"ran 12k, Strava says 11.8", 12.0},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto parse = shared_nlu().parse(c.text, kNow, "UTC");
        CHECK(parse.items.empty());
        CHECK(parse.intent == "log_run");
        CHECK(parse.entities.distance_km == Approx(c.km));
    }
}

TEST_CASE("a run offered to other runners in a group is no part of the runner's own",
          "[nlu][parts]") {
    for (const char* text : {"@jo are you up for 20k sunday? I did 9k this morning",
                             "anyone up for 15k tomorrow? did 8k easy today"}) {
        INFO(text);
        const auto parse = shared_nlu().parse(text, kNow, "UTC");
        CHECK(parse.items.empty());
        CHECK(parse.intent == "log_run");
        CHECK(parse.entities.date == "2026-11-23");
    }
}

TEST_CASE("one run said twice is one part: a massage told of is no request", "[nlu][parts]") {
    const auto again = shared_nlu().parse(
        "paced my wife through her first 10k today, so 10k for me too", kNow, "UTC");
    CHECK(again.items.empty());
    CHECK(again.intent == "log_run");
    // Two runs told each with its verb stay two.
    CHECK(shared_nlu().parse("ran in 9k and ran home 9k today", kNow, "UTC").items.size() == 2);
    const auto told =
        shared_nlu().parse("massage yesterday worked wonders, 12k today felt fresh", kNow, "UTC");
    CHECK(told.intent == "log_run");
    CHECK(told.entities.distance_km == 12.0);
}

TEST_CASE("corrections said the way runners type them", "[nlu][parts]") {
    for (const char* text :
         {"scratch that last one, it got posted twice", "ignore the 9k I just sent, wrong chat",
          "Can you set the effort on my last run to hard? it was brutal",
          "Changing yesterday to easy pls", "pls chnage yesterdays run to 9km",
          "make the long run on sunday 24k instead of 22"}) {
        INFO(text);
        CHECK(reads_as_correction(tokens_of(text)));
    }
    for (const char* text : {"ignore the pain, ran 10k", "changing shoes helped, 10k today"}) {
        INFO(text);
        CHECK_FALSE(reads_as_correction(tokens_of(text)));
    }
    // What the log says, then what it should be.
    const auto says =
        correction_entities(tokens_of("it says my run on tuesday was 17k, it was 7k"), kToday);
    CHECK(says.target_distance_km == 17.0);
    CHECK(says.distance_km == 7.0);
    CHECK(says.target_date == "2026-11-17");
    // A request to change "it" goes with the run told just before.
    const auto asked =
        shared_nlu().parse("hmm the 10k yesterday was tempo, can you change it", kNow, "UTC");
    CHECK(asked.items.empty());
    CHECK(asked.intent == "correction");
    CHECK(asked.entities.effort == "hard");
    // Not a request about the reminders.
    CHECK(shared_nlu()
              .parse("7 miles this morning. Reminders: can you move them to 6am?", kNow, "UTC")
              .items.size() == 2);
}

TEST_CASE("someone else's race or plan beside the runner's run is no part", "[nlu][parts]") {
    for (const char* text :
         {"Ran 6 miles with my wife, she's doing a half on Sunday!", "ran 5k, mum did 3k with me",
          "ran 8k, my running buddy is doing 30k on Sunday"}) {
        INFO(text);
        const auto parse = shared_nlu().parse(text, kNow, "UTC");
        CHECK(parse.items.empty());
        CHECK(parse.intent == "log_run");
    }
}

TEST_CASE("pieces of one run stay one run", "[nlu][parts]") {
    const struct {
        const char* text;
        double km;
    } cases[] = {
        {"10k: 5k out along the river, 5k back", 10.0},
        {"first 5k slow, second 5k way quicker, 10k in 53:20 overall", 10.0},
        {"ran my first 5 miles since the marathon", 5 * 1.609344},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto parse = shared_nlu().parse(c.text, kNow, "UTC");
        CHECK(parse.items.empty());
        CHECK(parse.entities.distance_km == Approx(c.km));
    }
}

TEST_CASE("corrections said in ways first met on 2026-12-08", "[nlu][parts]") {
    const auto parse = [](const std::string& text) {
        return shared_nlu().parse(text, kNow, "UTC");
    };
    // A cue longer than the idiom it begins with ("was meant to").
    auto said = parse("that last one was meant to say 32 min");
    CHECK(said.intent == "correction");
    CHECK(said.entities.action == "change");
    CHECK(said.entities.duration_s == 1920);
    // Not run as logged, but run: a change, not a delete.
    said = parse("I did NOT run 30 miles on tuesday, it was 3 miles");
    CHECK(said.entities.action == "change");
    CHECK(said.entities.target_date == "2026-11-17");
    CHECK(parse("I didn't run on sunday").entities.action == "delete");
    // A short day name before a run word is the day; before anything else it is a word.
    said = parse("please delete my sat run");
    CHECK(said.intent == "correction");
    CHECK(said.entities.target_date == "2026-11-21");
    CHECK_FALSE(parse("my sat nav died").entities.date.has_value());
    CHECK(parse("did 10k threshold wed").entities.date == "2026-11-18");
    CHECK(parse("kill the most recent entry").entities.action == "delete");
    CHECK(parse("i think the bot doubled my thursday run").entities.action == "delete");
}

TEST_CASE("someone else's run beside the runner's is left out wherever it stands", "[nlu][parts]") {
    const auto parse =
        shared_nlu().parse("the group did 15k but I cut back to 10k on saturday", kNow, "UTC");
    CHECK(parse.intent == "log_run");
    CHECK(parse.items.empty());
    CHECK(parse.entities.distance_km == 10.0);
}

TEST_CASE("the runner's view said in ways first met on 2026-12-08", "[nlu][view]") {
    const auto parse = [](const std::string& text) {
        return shared_nlu().parse(text, kNow, "UTC");
    };
    // Offsets in words, and places the gazetteer holds under another name or not at all.
    CHECK(parse("utc plus 3").entities.zone == "+03:00");
    CHECK(parse("GMT minus 6").entities.zone == "-06:00");
    CHECK_FALSE(parse("ran 5k plus 3 strides").entities.zone.has_value());
    CHECK(parse("moved to Kaohsiung").entities.zone == "Asia/Taipei");
    CHECK(parse("now in st. moritz for altitude").entities.zone == "Europe/Zurich");
    CHECK(parse("Ulan Bator is home now").entities.zone == "Asia/Ulaanbaatar");
    CHECK(parse("im in bankok rn").entities.zone == "Asia/Bangkok");
    CHECK_FALSE(parse("hi! new here. did 10k on saturday").entities.zone.has_value());
    // Settings asked about, reminders asked about, a unit complained of.
    CHECK(parse("do you have me on km?").intent == "settings");
    CHECK(parse("what time zone do you think I'm in right now?").intent == "settings");
    const auto status = parse("did I pause the nudges or are they running?");
    CHECK(status.intent == "reminders");
    CHECK(status.entities.action == "status");
    CHECK(parse("stop showing miles, i want km").entities.unit == "km");
    CHECK(parse("remove my quiet hours, any time is ok now").entities.action == "quiet_hours_off");
    // Stats: a short month, weeks straight, a comparison of two months.
    CHECK(parse("longest run last mo").entities.period == "last_month");
    CHECK(parse("how many weeks straight have i been running").entities.stat == "streak");
    CHECK(parse("did i run more in october than in september").entities.compare == "previous");
}

TEST_CASE("sessions, separators and asides first met on 2026-12-08", "[nlu][parts]") {
    const auto parse = [](const std::string& text) {
        return shared_nlu().parse(text, kNow, "UTC");
    };
    // A session told by its repetitions is a run, hard, whatever the classifier heard.
    auto said = parse("Track session: 12 x 400m, 90s rest");
    CHECK(said.intent == "log_run");
    CHECK(said.entities.effort == "hard");
    // "//" and "|" part runs as a line break does.
    CHECK(parse("sat 21k steady // sun 8k shakeout").items.size() == 2);
    CHECK(parse("Fri 5k tempo | Sun 25k long run").items.size() == 2);
    // A friend's run beside the runner's own ("friend's" is the friend's).
    said = parse("my friend's doing 20k tomorrow, I ran 7k today");
    CHECK(said.intent == "log_run");
    CHECK(said.items.empty());
    CHECK(said.entities.distance_km == 7.0);
    // The runner's coach's plan is the runner's run.
    CHECK(parse("my coach's plan had 14k today, done").intent == "log_run");
    // An intention with no run in it is no plan beside a run; a session planned is one.
    CHECK(parse("ran 12k, want to sleep all afternoon now").items.empty());
    CHECK(parse("plan is 25k on sunday and 10 x 400 on wednesday").items.size() == 2);
    // Still to come today.
    CHECK(parse("I plan to run 15k after work today").intent == "plan");
}

TEST_CASE("figures that are not the run's, and deletes said of a run only", "[nlu][parts]") {
    const auto parse = [](const std::string& text) {
        return shared_nlu().parse(text, kNow, "UTC");
    };
    // A work shift's hours and a ride's kilometres are not the run's.
    auto said = parse("ran 5k at 7am after a 12 hour night shift");
    CHECK(said.entities.distance_km == 5.0);
    CHECK_FALSE(said.entities.duration_s.has_value());
    CHECK(parse("1 hour night run").entities.duration_s == 3600);
    CHECK(parse("6k run straight off a 40k ride this morning").entities.distance_km == 6.0);
    CHECK(parse("first run back!! 3k walk-run, no pain").entities.distance_km == 3.0);
    // "forget the app" deletes nothing; "nuke my run" does.
    said = parse(
        "the 9k I logged for yesterday, it was actually 9 miles, I always forget the app "
        "wants km");
    CHECK(said.intent == "correction");
    CHECK(said.entities.action == "change");
    CHECK(parse("can you nuke my run from this morning").entities.action == "delete");
}
