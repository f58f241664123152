// Scores the NLU on a labelled file: intent accuracy per intent, and entity precision/recall.
// Usage: nlu_eval FILE [--now ISO] [--tz ZONE] [--verbose]
// FILE: one `label<TAB>text<TAB>entities-json` a line ('#' comments); the JSON holds the expected
// entities of log_run and set_race lines with the contract's keys, "{}" or nothing for the others.

#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "bench/nlu/labelled_file.hpp"
#include "intents/nlu/date_parser.hpp"
#include "intents/nlu/entity_extractor.hpp"
#include "intents/nlu/lexer.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/nlu/text_normalizer.hpp"

namespace nlu = rubdown::intents::nlu;
using nlohmann::json;

namespace {

struct Case {
    std::string label;
    std::string text;
    json expected = json::object();
    int line = 0;
};

std::vector<Case> read_cases(const std::string& path) {
    std::vector<Case> cases;
    for (const auto& line : read_labelled_file(path)) {
        const auto& columns = line.columns;
        Case c{columns[0], columns[1], json::object(), line.line};
        if (columns.size() >= 3 && !columns[2].empty()) c.expected = json::parse(columns[2]);
        cases.push_back(std::move(c));
    }
    return cases;
}

const char* kEntityKeys[] = {"distance_km", "duration_s", "effort",
                             "date",        "race_date",  "race_distance_km"};

bool same_value(const std::string& key, const json& a, const json& b) {
    if (key == "distance_km" || key == "race_distance_km") {
        return a.is_number() && b.is_number() &&
               std::abs(a.get<double>() - b.get<double>()) <= 0.01;
    }
    return a == b;
}

bool same_entities(const json& expected, const json& got) {
    for (const char* key : kEntityKeys) {
        const bool in_expected = expected.contains(key);
        const bool in_got = got.contains(key);
        if (in_expected != in_got) return false;
        if (in_expected && !same_value(key, expected[key], got[key])) return false;
    }
    return true;
}

struct KeyScore {
    int true_positive = 0, false_positive = 0, false_negative = 0;
};

void score_keys(const json& expected, const json& got, std::map<std::string, KeyScore>& scores) {
    for (const char* key : kEntityKeys) {
        auto& s = scores[key];
        const bool in_expected = expected.contains(key);
        const bool in_got = got.contains(key);
        if (in_got && in_expected && same_value(key, expected[key], got[key])) {
            ++s.true_positive;
            continue;
        }
        if (in_got) ++s.false_positive;
        if (in_expected) ++s.false_negative;
    }
}

double ratio(int a, int b) {
    return b == 0 ? 1.0 : static_cast<double>(a) / b;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: nlu_eval FILE [--now ISO] [--tz ZONE] [--verbose]\n");
        return 2;
    }
    std::string path = argv[1];
    std::string now_text = "2026-11-23T10:00:00Z";
    std::string tz = "UTC";
    bool verbose = false;
    for (int i = 2; i < argc; ++i) {
        const std::string arg = argv[i];
        if (arg == "--now" && i + 1 < argc)
            now_text = argv[++i];
        else if (arg == "--tz" && i + 1 < argc)
            tz = argv[++i];
        else if (arg == "--verbose" || arg == "-v")
            verbose = true;
        else {
            std::fprintf(stderr, "unknown argument: %s\n", arg.c_str());
            return 2;
        }
    }
    rubdown::intents::Seconds now;
    {
        std::istringstream in(now_text);
        in >> date::parse("%FT%TZ", now);
        if (in.fail()) {
            std::fprintf(stderr, "bad --now: %s\n", now_text.c_str());
            return 2;
        }
    }
    const auto cases = read_cases(path);
    const nlu::Nlu model;
    const auto today = nlu::local_today(now, tz);

    std::map<std::string, std::pair<int, int>> per_intent;  // gold label -> (correct, total)
    std::map<std::string, int> predicted_count;
    int correct = 0;
    int entity_cases = 0, entity_exact = 0, entity_exact_given_intent = 0;
    std::map<std::string, KeyScore> key_scores;
    for (const auto& c : cases) {
        const auto parse = model.parse(c.text, now, tz);
        const bool right = parse.intent == c.label;
        correct += right;
        auto& counts = per_intent[c.label];
        counts.first += right;
        ++counts.second;
        ++predicted_count[parse.intent];
        if (!right && verbose) {
            std::printf("INTENT line %d: want %s got %s (%.2f): %s\n", c.line, c.label.c_str(),
                        parse.intent.c_str(), parse.confidence, c.text.c_str());
        }
        if (c.label != "log_run" && c.label != "set_race") continue;
        ++entity_cases;
        const json got = nlu::to_json(parse)["entities"];
        const bool exact = same_entities(c.expected, got);
        entity_exact += exact;
        if (!exact && right && verbose) {
            std::printf("PARSE line %d: want %s got %s: %s\n", c.line, c.expected.dump().c_str(),
                        got.dump().c_str(), c.text.c_str());
        }
        score_keys(c.expected, got, key_scores);
        // The parsers alone, as if the intent had been right.
        const auto given =
            nlu::extract_entities(nlu::lex(nlu::normalize_text(c.text)), c.label, today);
        nlu::Parse given_parse;
        given_parse.entities = given;
        const json given_json = nlu::to_json(given_parse)["entities"];
        const bool exact_given = same_entities(c.expected, given_json);
        entity_exact_given_intent += exact_given;
        if (!exact_given && verbose) {
            std::printf("ENTITY line %d: want %s got %s: %s\n", c.line, c.expected.dump().c_str(),
                        given_json.dump().c_str(), c.text.c_str());
        }
    }

    const int total = static_cast<int>(cases.size());
    std::printf("file: %s (%d utterances, now %s, tz %s)\n\n", path.c_str(), total,
                now_text.c_str(), tz.c_str());
    std::printf("| intent | utterances | correct | accuracy (recall) | precision |\n");
    std::printf("| --- | ---: | ---: | ---: | ---: |\n");
    std::vector<const char*> labels(std::begin(nlu::kIntents), std::end(nlu::kIntents));
    labels.push_back(nlu::kSmallTalkIntent);
    for (const char* label : labels) {
        const auto [right, count] = per_intent[label];
        const int predicted = predicted_count[label];
        std::printf("| %s | %d | %d | %.1f%% | %.1f%% |\n", label, count, right,
                    100.0 * ratio(right, count), 100.0 * ratio(right, predicted));
    }
    std::printf("| **all** | %d | %d | **%.1f%%** | |\n\n", total, correct,
                100.0 * ratio(correct, total));
    std::printf(
        "log_run + set_race entities exactly right: %d / %d = %.1f%% end to end; "
        "%d / %d = %.1f%% given the right intent\n\n",
        entity_exact, entity_cases, 100.0 * ratio(entity_exact, entity_cases),
        entity_exact_given_intent, entity_cases,
        100.0 * ratio(entity_exact_given_intent, entity_cases));
    std::printf(
        "| entity | precision | recall | tp | fp | fn |\n| --- | ---: | ---: | ---: | ---: | ---: "
        "|\n");
    for (const char* key : kEntityKeys) {
        const auto& s = key_scores[key];
        std::printf("| %s | %.1f%% | %.1f%% | %d | %d | %d |\n", key,
                    100.0 * ratio(s.true_positive, s.true_positive + s.false_positive),
                    100.0 * ratio(s.true_positive, s.true_positive + s.false_negative),
                    s.true_positive, s.false_positive, s.false_negative);
    }
    return 0;
}
