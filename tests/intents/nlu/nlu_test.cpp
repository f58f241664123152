#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "intents/nlu/nlu.hpp"
#include "intents/nlu/nlu_stream.hpp"
#include "intents/nlu/text_normalizer.hpp"
#include "intents/nlu/training_data.hpp"

using namespace rubdown::intents::nlu;
using rubdown::intents::Seconds;

namespace {

/// Training takes a moment; every test shares one model, as the server does.
const Nlu& shared_nlu() {
    static const Nlu nlu;
    return nlu;
}

// Monday 2026-11-23T10:00:00Z, the contract's example instant.
const Seconds kNow = date::sys_days{date::year{2026} / 11 / 23} + std::chrono::hours{10};

Parse parse(const std::string& text, const std::string& tz = "UTC") {
    return shared_nlu().parse(text, kNow, tz);
}

struct IntentCase {
    const char* text;
    const char* intent;
};

/// Sentences written for this test, none of them in the training data (checked below).
const IntentCase kUnseen[] = {
    {"is a deep tissue rub going to leave me achy tomorrow?", "massage_question"},
    {"why do distance runners swear by sports massage", "massage_question"},
    {"how many days out from my marathon should the last massage be", "massage_question"},
    {"can a massage sort out the knots in my calf", "massage_question"},
    {"did 18k on sunday and my quads are fried, would a sports massage help?", "massage_question"},
    {"what's the actual difference between a spa massage and a sports one", "massage_question"},
    {"knocked out 11km before breakfast, 58 minutes", "log_run"},
    {"yesterday's trail loop was 14 km, took me 1h32", "log_run"},
    {"easy 7 miler with the club last night", "log_run"},
    {"did my intervals session, 10k all in", "log_run"},
    {"5k parkrun done in 26:12 this morning", "log_run"},
    {"<@U024BE7LH> ran 9.5k in 49 mins, felt steady", "log_run"},
    {"I'm running the Amsterdam half on 18 October", "set_race"},
    {"just got my bib for a 10k on the 6th of december", "set_race"},
    {"my marathon has moved to 3 May", "set_race"},
    {"race day for my first half is 2027-03-14", "set_race"},
    {"can you fit me in for a deep tissue session on thursday", "book_massage"},
    {"i'd love to get a massage booked this week", "book_massage"},
    {"my hamstring is super tight, can I get an appointment?", "book_massage"},
    {"need to move my massage to saturday", "book_massage"},
    {"how many kilometres have I logged since monday", "run_stats"},
    {"what was the distance of my previous run", "run_stats"},
    {"is my average pace getting better", "run_stats"},
    {"give me a rundown of this month's running", "run_stats"},
    {"please stop pinging me about massages", "reminders"},
    {"could you hold off the nudges for 10 days", "reminders"},
    {"switch the reminders back on please", "reminders"},
    {"remind me about it later this week", "reminders"},
    {"well hi there 👋", "greeting"},
    {"good evening rubdown", "greeting"},
    {"hiya!", "greeting"},
    {"what sort of things can you help with", "help"},
    {"how am I supposed to use this thing", "help"},
    {"what should I type to record a run?", "help"},
    {"what's the forecast for sunday", "out_of_scope"},
    {"best pasta recipe for carb loading", "out_of_scope"},
    {"my watch won't sync with strava again", "out_of_scope"},
    {"remind me to buy milk on the way home", "out_of_scope"},
    {"write me a 16 week marathon training plan", "out_of_scope"},
    {"should I take beetroot supplements", "out_of_scope"},
    {"hi! how far did I run last week?", "run_stats"},
    {"hello, can I book a massage?", "book_massage"},
};

}  // namespace

TEST_CASE("intents of sentences the classifier never saw", "[nlu][intent]") {
    int correct = 0;
    for (const auto& c : kUnseen) {
        const auto result = parse(c.text);
        INFO(c.text << " -> " << result.intent << " " << result.confidence);
        CHECK(result.intent == c.intent);
        correct += result.intent == c.intent;
    }
}

TEST_CASE("the unseen test sentences are not in the training data", "[nlu][intent]") {
    std::set<std::string> trained;
    for (const auto& u : training_utterances()) trained.insert(normalize_text(u.text));
    for (const auto& c : kUnseen) {
        INFO(c.text);
        CHECK(trained.count(normalize_text(c.text)) == 0);
    }
}

TEST_CASE("training data uses exactly the contract's labels, with hundreds of each",
          "[nlu][intent]") {
    const auto utterances = training_utterances();
    for (const char* label : kIntents) {
        const auto count = std::count_if(utterances.begin(), utterances.end(),
                                         [&](const auto& u) { return u.label == label; });
        INFO(label);
        CHECK(count >= 130);
    }
    for (const auto& u : utterances) {
        INFO(u.text);
        CHECK(std::find_if(std::begin(kIntents), std::end(kIntents),
                           [&](const char* l) { return u.label == l; }) != std::end(kIntents));
    }
}

TEST_CASE("slash commands name their intent", "[nlu][intent]") {
    const IntentCase cases[] = {
        {"/log 10k easy", "log_run"},
        {"/race half 14 Dec", "set_race"},
        {"/stats", "run_stats"},
        {"/book", "book_massage"},
        {"/stop", "reminders"},
        {"/export", "run_stats"},
        {"/undo", "run_stats"},
        {"/start", "greeting"},
        {"/help", "help"},
        {"/log@RubdownBot 5k", "log_run"},
        {"/pause", "reminders"},
    };
    for (const auto& c : cases) {
        INFO(c.text);
        const auto result = parse(c.text);
        CHECK(result.intent == c.intent);
        CHECK(result.confidence == 1.0);
    }
    const auto logged = parse("/log 8 miles yesterday hard");
    REQUIRE(logged.entities.distance_km);
    CHECK(*logged.entities.distance_km == Approx(8 * 1.609344));
    CHECK(logged.entities.date == "2026-11-22");
    CHECK(logged.entities.effort == "hard");
}

TEST_CASE("a run report carries its entities", "[nlu][entities]") {
    const auto result = parse("ran 10k yesterday in 50:00, intervals, rpe 8");
    CHECK(result.intent == "log_run");
    REQUIRE(result.entities.distance_km);
    CHECK(*result.entities.distance_km == Approx(10.0));
    CHECK(result.entities.duration_s == 3000);
    CHECK(result.entities.effort == "hard");
    CHECK(result.entities.rpe == 8);
    CHECK(result.entities.date == "2026-11-22");
    CHECK_FALSE(result.entities.race_date);
}

TEST_CASE("a run report without a day is today in the runner's zone", "[nlu][entities]") {
    // 10:00Z on the 23rd is still the 22nd in Honolulu (UTC-10 is 00:00 on the 23rd)...
    CHECK(parse("ran 5k", "Pacific/Honolulu").entities.date == "2026-11-23");
    // ...and already past midnight in Kiritimati (UTC+14).
    CHECK(parse("ran 5k", "Pacific/Kiritimati").entities.date == "2026-11-24");
    CHECK(parse("ran 5k yesterday", "Pacific/Kiritimati").entities.date == "2026-11-23");
    CHECK(parse("ran 5k", "Nowhere/Special").entities.date == "2026-11-23");
}

TEST_CASE("a race carries its date and distance", "[nlu][entities]") {
    const auto result = parse("signed up for the Berlin marathon on Sept 27");
    CHECK(result.intent == "set_race");
    CHECK(result.entities.race_date == "2027-09-27");
    REQUIRE(result.entities.race_distance_km);
    CHECK(*result.entities.race_distance_km == Approx(42.195));
    CHECK_FALSE(result.entities.date);
    CHECK_FALSE(result.entities.distance_km);
}

TEST_CASE("other intents carry no entities", "[nlu][entities]") {
    const auto result = parse("what is deep tissue massage?");
    CHECK(result.intent == "massage_question");
    CHECK(result.entities == Entities{});
}

TEST_CASE("confidence is a probability", "[nlu][intent]") {
    for (const auto& c : kUnseen) {
        const auto result = parse(c.text);
        CHECK(result.confidence >= 0.0);
        CHECK(result.confidence <= 1.0);
    }
    // A clear request is more certain than gibberish.
    CHECK(parse("stop reminding me").confidence > parse("zxq vlorp").confidence);
}

TEST_CASE("hostile input never breaks the parser", "[nlu][robustness]") {
    const std::string inputs[] = {
        "",
        " ",
        "\n",
        std::string(10 * 1024, 'x'),
        std::string(10 * 1024, '9'),
        std::string(5000, ':') + "52:30",
        "\xFF\xFE\xFD",
        "ran 10k \xC3 in \xE2\x80 52:30",
        std::string("ran\0 10k", 8),
        "1:2:3:4:5:6:7:8",
        "99999999999999999999999999 km in 99999999999999:99",
        "/",
        "//log",
        "<@",
        "<@U1",
        "🏃🏃🏃🏃",
    };
    for (const auto& text : inputs) {
        const auto result = parse(text);
        CHECK(is_contract_intent(result.intent));
        CHECK_NOTHROW(to_json(result).dump());
    }
    const std::string long_run = "ran 10k in 52:30 " + std::string(10 * 1024, 'z');
    CHECK(parse(long_run).intent == "log_run");
}

TEST_CASE("absurd values are left out", "[nlu][entities]") {
    const auto result = parse("ran 5000 km in 52:99 yesterday");
    CHECK_FALSE(result.entities.distance_km);
    CHECK_FALSE(result.entities.duration_s);
}

TEST_CASE("to_json writes the contract's shape", "[nlu][json]") {
    Parse p;
    p.text = "ran 10k";
    p.intent = "log_run";
    p.confidence = 0.93456;
    p.entities.distance_km = 10.0;
    p.entities.duration_s = 3000;
    p.entities.effort = "hard";
    p.entities.date = "2026-11-22";
    p.entities.rpe = 8;
    const auto json = to_json(p);
    CHECK(json["text"] == "ran 10k");
    CHECK(json["intent"] == "log_run");
    CHECK(json["confidence"].get<double>() == Approx(0.93));
    CHECK(json["entities"] == nlohmann::json{{"distance_km", 10.0},
                                             {"duration_s", 3000},
                                             {"effort", "hard"},
                                             {"date", "2026-11-22"}});
    Parse empty;
    empty.text = "bad \xFF byte";
    const auto empty_json = to_json(empty);
    CHECK(empty_json["entities"] == nlohmann::json::object());
    CHECK(empty_json["text"] == "bad \xEF\xBF\xBD byte");
    CHECK(empty_json["intent"] == "out_of_scope");
}

TEST_CASE("the stream answers each line in order", "[nlu][stream]") {
    std::istringstream in("my half is on 14 Dec\r\n\nran 10k in 52:30\nhi");
    std::ostringstream out;
    run_nlu_stream(shared_nlu(), in, out, kNow, "UTC");
    std::istringstream lines(out.str());
    std::string line;
    std::vector<nlohmann::json> answers;
    while (std::getline(lines, line)) answers.push_back(nlohmann::json::parse(line));
    REQUIRE(answers.size() == 4);
    CHECK(answers[0]["text"] == "my half is on 14 Dec");
    CHECK(answers[0]["intent"] == "set_race");
    CHECK(answers[0]["entities"]["race_date"] == "2026-12-14");
    CHECK(answers[0]["entities"]["race_distance_km"].get<double>() == Approx(21.0975));
    CHECK(answers[1]["text"] == "");
    CHECK(answers[2]["entities"]["duration_s"] == 3150);
    CHECK(answers[2]["entities"]["date"] == "2026-11-23");
    CHECK(answers[3]["intent"] == "greeting");
}

namespace {

/// Checks one evaluation file: valid labels, JSON entities, no sentence from the training data.
int check_evaluation_file(const std::string& name) {
    std::set<std::string> trained;
    for (const auto& u : training_utterances()) trained.insert(normalize_text(u.text));
    std::ifstream in(std::string(RUBDOWN_SOURCE_DIR) + "/tests/intents/nlu/" + name);
    REQUIRE(in);
    std::string line;
    int rows = 0;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto first_tab = line.find('\t');
        REQUIRE(first_tab != std::string::npos);
        const auto second_tab = line.find('\t', first_tab + 1);
        const std::string label = line.substr(0, first_tab);
        const std::string text = line.substr(first_tab + 1, second_tab - first_tab - 1);
        INFO(name << ": " << text);
        CHECK(trained.count(normalize_text(text)) == 0);
        CHECK(is_contract_intent(label));
        CHECK_NOTHROW(nlohmann::json::parse(line.substr(second_tab + 1)));
        ++rows;
    }
    return rows;
}

}  // namespace

TEST_CASE("the evaluation files share no sentence with the training data", "[nlu][heldout]") {
    CHECK(check_evaluation_file("heldout.tsv") >= 300);
    CHECK(check_evaluation_file("fresh.tsv") >= 100);
}

TEST_CASE("settled cases of the contract", "[nlu][intent]") {
    const IntentCase cases[] = {
        {"good morning! I did 12k yesterday in 1:05", "log_run"},
        {"ran 15k hard this morning, how long should I wait before a deep tissue massage?",
         "massage_question"},
        {"my lower back is killing me, I'd like to book a massage for friday", "book_massage"},
        {"can my massage on thursday be moved to saturday", "book_massage"},
        {"my 10k on 6 Dec is cancelled", "set_race"},
        {"remind me to pick up my race bib", "out_of_scope"},
        {"my garmin stopped syncing", "out_of_scope"},
        {"how many grams of carbs per hour in a marathon", "out_of_scope"},
    };
    for (const auto& c : cases) {
        const auto result = parse(c.text);
        INFO(c.text << " -> " << result.intent << " " << result.confidence);
        CHECK(result.intent == c.intent);
    }
    const auto race = parse("moved my half from 14 Dec to 21 Dec");
    CHECK(race.intent == "set_race");
    CHECK(race.entities.race_date == "2026-12-21");
    const auto reps = parse("6x800m with 2 min rest, 8k total in 42 min");
    CHECK(reps.entities.distance_km == Approx(8.0));
    CHECK(reps.entities.duration_s == 2520);
}

TEST_CASE("a run named by its weekday alone keeps the coming day beside the day gone",
          "[nlu][parts]") {
    // Monday 2026-11-23: "20 miler on sunday" may be yesterday's run or next Sunday's plan.
    const auto untold = parse("20 miler on sunday");
    CHECK(untold.intent == "log_run");
    CHECK(untold.entities.date == std::string("2026-11-22"));
    CHECK(untold.entities.or_planned_for == std::string("2026-11-29"));
    CHECK(parse("90 minutes easy on wednesday").entities.or_planned_for ==
          std::string("2026-11-25"));
    // Told as done, by a verb, a result or a feeling; or several parts: no question.
    for (const char* text :
         {"ran 20 miles on sunday", "sunday 25k trail, 3h12", "fri 10k brutal headwind",
          "20 miler yesterday", "12k on saturday and 5k today", "20k tomorrow"}) {
        INFO(text);
        const auto told = parse(text);
        CHECK_FALSE(told.entities.or_planned_for);
        for (const auto& part : told.items) CHECK_FALSE(part.entities.or_planned_for);
    }
}
