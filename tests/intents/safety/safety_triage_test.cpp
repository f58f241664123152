#include "intents/safety/safety_triage.hpp"

#include "intents/safety/rule_matcher.hpp"

#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

using namespace rubdown::intents::safety;

namespace {

Level level_of(const std::string& text) {
    return triage(text).level;
}

/// The rules' level alone, for tests of the matcher itself (the learned model may add to it).
Level rules_level(const std::string& text) {
    return read_rules(text, false).level;
}

struct Scores {
    int urgent = 0, urgent_found = 0, medical = 0, medical_found = 0, none = 0, false_alarms = 0;
};

/// The evaluation set's figures, as bench/nlu/safety_eval prints them.
Scores score_file(const std::string& path, Level (*classify)(const std::string&)) {
    std::ifstream in(path);
    REQUIRE(in);
    Scores scores;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        const auto tab = line.find('\t');
        REQUIRE(tab != std::string::npos);
        const auto label = line.substr(0, tab);
        const auto found = classify(line.substr(tab + 1));
        if (label == "urgent") {
            ++scores.urgent;
            scores.urgent_found += found == Level::urgent ? 1 : 0;
        } else if (label == "medical") {
            ++scores.medical;
            scores.medical_found += found != Level::none ? 1 : 0;
        } else {
            REQUIRE(label == "none");
            ++scores.none;
            scores.false_alarms += found != Level::none ? 1 : 0;
        }
    }
    return scores;
}

using TextAndTopic = std::pair<const char*, const char*>;

/// Each text triaged at `level`, naming its topic.
void check_verdicts(const std::vector<TextAndTopic>& cases, Level level) {
    for (const auto& [text, topic] : cases) {
        INFO(text);
        const auto verdict = triage(text);
        CHECK(verdict.level == level);
        CHECK(verdict.topic == topic);
    }
}

}  // namespace

TEST_CASE("the rules' data is consistent", "[safety]") {
    std::set<std::string_view> used;
    for (const auto& rule : rules()) {
        INFO("rule of topic " << rule.topic);
        CHECK_FALSE(rule.groups.empty());
        for (const auto& group : rule.groups) CHECK_FALSE(group.empty());
        CHECK(rule.window >= 1);
        used.insert(rule.topic);
        bool known = false;
        for (const auto& topic : topics()) known = known || topic.id == rule.topic;
        CHECK(known);
    }
    for (const auto& topic : topics()) {
        INFO("topic " << topic.id);
        // Every topic has its rules, but the two the learned model says when no rule names the
        // problem.
        const bool general = topic.id == "urgent_other" || topic.id == "medical_other";
        CHECK(used.contains(topic.id) != general);
        CHECK(topic.level != Level::none);
        CHECK(topic.reply.size() > 40);
    }
}

TEST_CASE("the reported red flags are caught at their level", "[safety]") {
    CHECK(level_of("I had chest pain on my run this morning") == Level::urgent);
    CHECK(level_of("ran 8k with chest pain and felt faint at the end") == Level::urgent);
    CHECK(level_of("can I get a massage with a blood clot in my leg?") == Level::medical);
    CHECK(level_of("my shin hurts in one spot even when I walk, should I get it massaged?") ==
          Level::medical);
    CHECK(level_of("heart racing and I'm dizzy") == Level::urgent);
    CHECK(level_of("my friend collapsed after the race in the heat, she's confused") ==
          Level::urgent);
    CHECK(level_of("I'm on warfarin, is deep tissue ok?") == Level::medical);
    CHECK(level_of("20 weeks pregnant, can I book a sports massage?") == Level::medical);
    CHECK(level_of("my toes go numb and tingly on long runs") == Level::medical);
}

TEST_CASE("allergy, stroke, a head injury gone wrong, a seizure and coughing blood are urgent",
          "[safety]") {
    const std::vector<TextAndTopic> cases{
        {"stung by a wasp on the trail, my throat feels tight and my lips are swelling",
         "allergic_reaction"},
        {"hives all over after the gel and i'm wheezing", "allergic_reaction"},
        {"halfway round my left arm went weak and my face feels like it's drooping", "stroke"},
        {"slipped on ice and hit my head, now i feel sick and keep forgetting things",
         "head_injury_serious"},
        {"a runner next to me is having a seizure at the finish", "seizure"},
        {"coughing up blood after the intervals, bright red", "coughing_blood"},
        {"wheeze is way worse than usual and two puffs of my inhaler did nothing", "breathing"},
    };
    check_verdicts(cases, Level::urgent);
    CHECK(triage("blood in my pee after the ultra").topic == "urine");
    for (const char* text :
         {"my race photo makes me look like I'm having a stroke lol",
          "sore throat and swollen glands, skipping the long run", "swollen with pride today",
          "do you use long strokes in a sports massage?", "what are the signs of a stroke?"}) {
        INFO(text);
        CHECK(rules_level(text) != Level::urgent);
    }
}

TEST_CASE("a lump, discoloured urine, varicose veins and a knee giving way are medical",
          "[safety]") {
    const std::vector<TextAndTopic> cases{
        {"found a new lump on my calf, it's hard, can massage break it up?", "lump"},
        {"urine was dark brown after the ultra", "urine"},
        {"peed blood after my long run", "urine"},
        {"my knee gave way twice on the way home", "acute_injury"},
        {"pee was pinkish after the marathon, is that a thing?", "urine"},
        {"I've got varicose veins on both calves, can you massage there?", "varicose"},
        {"hammy pinged on the last rep, gutted", "acute_injury"},
        {"just had a stent put in a month ago, can I run?", "surgery"},
        {"random heart racing episodes sitting on the sofa", "heart_irregular"},
    };
    check_verdicts(cases, Level::medical);
    CHECK(triage("whacked my head on a branch, now seeing double").level == Level::urgent);
    for (const char* text :
         {"lump in my throat crossing the line", "beetroot juice turned my pee pink",
          "faint praise from the coach today", "put my medal in the chest of drawers",
          "heart attack hill lived up to its name", "my coach collapsed laughing at my splits",
          "broke my garmin, the screen cracked", "nearly fainted at the race entry fee",
          "my garmin blacked out mid-run, battery died at 18k",
          "the finish arch collapsed in the wind before the start",
          "my grandad is on warfarin, nothing to do with me, just curious",
          "chest-deep in mud at the cross country, best fun ever",
          "my coach said he'd have a heart attack if he saw my splits lol",
          "blood orange gel at 20k, coughing a bit from the cold air"}) {
        INFO(text);
        CHECK(rules_level(text) == Level::none);
    }
}

TEST_CASE("the most urgent flag wins and names its topic", "[safety]") {
    const auto verdict = triage("I'm pregnant and had chest pressure on my jog");
    CHECK(verdict.level == Level::urgent);
    CHECK(verdict.topic == "chest_pain");
    CHECK(safety_reply(verdict).find("emergency services") != std::string::npos);
    CHECK(triage("calf is red and swollen after the flight").topic == "blood_clot");
    CHECK(safety_reply(Verdict{}).empty());
}

TEST_CASE("ordinary running talk is not a red flag", "[safety]") {
    for (const char* text :
         {"legs are toast after that long run", "tight calves, can I book a massage?",
          "heart rate 165 on the hills", "hill repeats are a pain in the neck",
          "my stress fracture from two years ago is fully healed",
          "sore quads after the marathon, DOMS is real", "ran 10k in 52:30, felt hard",
          "out of breath on the last rep but fine after a minute", "I broke 20 minutes at parkrun!",
          "shed a tear at the finish line", "fingers numb from the cold this morning",
          "tingling with excitement for Sunday", "my pace completely collapsed in the last 5k",
          "what is a sports massage?"}) {
        INFO(text);
        CHECK(level_of(text) == Level::none);
    }
}

TEST_CASE("negation only reaches its own clause", "[safety]") {
    CHECK(level_of("no chest pain, just tired legs") == Level::none);
    CHECK(level_of("didn't feel dizzy at all this time") == Level::none);
    CHECK(level_of("no chest pain but my calf is swollen and red") == Level::medical);
    CHECK(level_of("no idea why, but my chest feels tight") == Level::urgent);
}

TEST_CASE("negation reaches four words back but not across 'and'", "[safety]") {
    CHECK(rules_level("no pain in my chest, just knackered") == Level::none);
    CHECK(rules_level("heart beating fast and not regular and head is spinning") == Level::urgent);
    CHECK(rules_level("didn't eat and then felt dizzy on the run") == Level::medical);
}

TEST_CASE("word patterns: prefixes, any-word gaps and typographic apostrophes", "[safety]") {
    CHECK(rules_level("my feet get tingly") == Level::medical);                    // tingl*
    CHECK(rules_level("it hurts in one tiny spot on my shin") == Level::medical);  // one ? spot
    CHECK(rules_level("I can’t breathe properly") == Level::urgent);        // can’t -> cant
    CHECK(rules_level("temp of 38.5 since last night") == Level::medical);  // 38.5 stays 38
}

TEST_CASE("accented letters are matched as their plain letters, in any language", "[safety]") {
    // The data spells "poitrine", "ohnmacht*" and "desmay*" without accents; runners do not.
    CHECK(rules_level("j'ai une douleur à la poitrine après ma course") == Level::urgent);
    CHECK(rules_level("mein Vater ist ohnmächtig geworden") == Level::urgent);
    CHECK(rules_level("mi amigo se desmayó en la meta") == Level::urgent);
    CHECK(rules_level("tengo dolor en el pecho") == Level::urgent);
    // A letter outside the folded range still ends a word rather than joining two.
    CHECK(rules_level("chest×pain") == Level::urgent);
    CHECK(rules_level("café con leche después de correr") == Level::none);
}

TEST_CASE("a base form in the data matches the word's other forms, not the reverse", "[safety]") {
    // "tilt" is in the data: "tilted" and "tilting" are its forms.
    CHECK(level_of("felt my heart race and the ground tilted") == Level::urgent);
    // "collapse" is in the data: "collapses" (with the e of the base dropped) too.
    CHECK(level_of("she collapses at the end of every hot race") == Level::urgent);
    // "blacked" (out) is in the data; "black" (a toenail) is not one of its forms.
    CHECK(level_of("my toenail went black after the marathon") == Level::none);
    CHECK(level_of("blacked out at the finish") == Level::urgent);
}

TEST_CASE("the rules alone meet the safety targets on the sets they were tuned on", "[safety]") {
    // Urgent recall 100 %, medical recall at least 97 %, false alarms at most 3 % of near misses,
    // on development sets 1 to 7: what was learnt into the rules stays learnt.
    for (const char* name :
         {"dev.tsv", "dev2.tsv", "dev3.tsv", "dev4.tsv", "dev5.tsv", "dev6.tsv", "dev7.tsv"}) {
        INFO(name);
        const auto scores = score_file(
            std::string{RUBDOWN_SOURCE_DIR} + "/intents/safety/examples/" + name, rules_level);
        CHECK(scores.urgent >= 30);
        CHECK(scores.urgent_found == scores.urgent);
        CHECK(scores.medical_found * 100 >= scores.medical * 97);
        CHECK(scores.false_alarms * 100 <= scores.none * 3);
    }
}

TEST_CASE("the whole triage keeps every development set's red flags", "[safety]") {
    // Rules and model together, on every set the model learns from: no urgent flag missed, medical
    // recall at least 97 %. False alarms at most 4 % of near misses is a guard against a change
    // that fits the sets worse (at 2026-12-05, with 30 training epochs: 0 to 4 a set, at most 4
    // of 166 = 2.4 %, set 8);
    // the honest figures are those of the held-out sets in bench/nlu/README.md.
    for (const char* name :
         {"dev.tsv",   "dev2.tsv",  "dev3.tsv",  "dev4.tsv",  "dev5.tsv",  "dev6.tsv",  "dev7.tsv",
          "dev8.tsv",  "dev9.tsv",  "dev10.tsv", "dev11.tsv", "dev12.tsv", "dev13.tsv", "dev14.tsv",
          "dev15.tsv", "dev16.tsv", "dev17.tsv", "dev18.tsv", "dev19.tsv", "dev20.tsv", "dev21.tsv",
          "dev22.tsv", "dev23.tsv", "dev24.tsv", "dev25.tsv", "dev26.tsv"}) {
        INFO(name);
        const auto scores = score_file(
            std::string{RUBDOWN_SOURCE_DIR} + "/intents/safety/examples/" + name, level_of);
        CHECK(scores.urgent_found == scores.urgent);
        CHECK(scores.medical_found * 100 >= scores.medical * 97);
        // Set 14 is a few hand-picked near misses for new rules, too small for a rate.
        if (scores.none >= 50) CHECK(scores.false_alarms * 100 <= scores.none * 4);
    }
}
