// Scores the NLU's parts of a message on a labelled file: corrections, several things in one
// message, plans, and the ordinary reports beside them that must still read as before.
// Usage: parts_eval FILE [--now ISO] [--verbose]
// FILE: one `kind<TAB>text<TAB>{"items": [{"intent": .., "entities": {..}}, ..]}` a line ('#'
// comments); kind is correction, multi, plan or near_miss. A message is right when every part is:
// the same number of parts, and each with the same intent and exactly the expected entities.
// A run told with a weekday and no word of tense ("20 miler on sunday") is asked about: the bot
// offers both readings, so either label (the run on the day gone, the plan on the coming day)
// is right for it; how many messages were asked about is printed.

#include <cmath>
#include <cstdio>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "bench/nlu/labelled_file.hpp"
#include "intents/nlu/nlu.hpp"

namespace nlu = rubdown::intents::nlu;
using nlohmann::json;

namespace {

bool same_value(const std::string& key, const json& a, const json& b) {
    if (key.find("distance_km") != std::string::npos) {
        return a.is_number() && b.is_number() &&
               std::abs(a.get<double>() - b.get<double>()) <= 0.01;
    }
    return a == b;
}

bool same_entities(const json& expected, const json& got) {
    for (const auto& [key, value] : expected.items()) {
        if (!got.contains(key) || !same_value(key, value, got[key])) return false;
    }
    for (const auto& [key, value] : got.items()) {
        if (!expected.contains(key)) return false;
    }
    return true;
}

/// The same run read as the plan the bot also offers: the planned day and amount.
json plan_reading(const nlu::Entities& run) {
    nlu::Entities plan;
    plan.distance_km = run.distance_km;
    plan.duration_s = run.duration_s;
    plan.date = run.or_planned_for;
    return {{"intent", nlu::kPlanIntent}, {"entities", nlu::entities_json(plan)}};
}

/// The parts as the NLU gives them: `items` when several, else the message itself. A part the
/// bot asks about carries its other reading as "or".
json parts_of(const nlu::Parse& parse) {
    const json line = nlu::to_json(parse);
    if (line.contains("items")) return line["items"];
    json part = {{"intent", line["intent"]}, {"entities", line["entities"]}};
    if (parse.intent == "log_run" && parse.entities.or_planned_for) {
        part["or"] = plan_reading(parse.entities);
    }
    return json::array({part});
}

bool same_part(const json& expected, const json& got) {
    if (got["intent"] != expected["intent"]) return false;
    // These sets label what reminders, settings and stats parts ask with no entities: what
    // they ask is scored by view_eval on the runner's-view sets.
    if (expected["intent"] == "reminders" || expected["intent"] == "settings" ||
        expected["intent"] == "run_stats") {
        return true;
    }
    // A race called off carries "action": "cancel" besides its day, which these sets predate.
    auto entities = got["entities"];
    if (expected["intent"] == "set_race" && !expected["entities"].contains("action")) {
        entities.erase("action");
    }
    return same_entities(expected["entities"], entities);
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = read_eval_options(argc, argv, "parts_eval");
    if (!options) return 2;
    const auto now = options->now;
    const bool verbose = options->verbose;
    const nlu::Nlu model;
    std::map<std::string, std::pair<int, int>> per_kind;  // kind -> (right, total)
    int parts_right = 0, parts_total = 0, asked = 0;
    for (const auto& line : read_labelled_file(options->file)) {
        if (line.columns.size() < 3) {
            std::fprintf(stderr, "line %d: no expected parts\n", line.line);
            return 2;
        }
        const auto& kind = line.columns[0];
        const auto& text = line.columns[1];
        const json expected = json::parse(line.columns[2])["items"];
        const json got = parts_of(model.parse(text, now, "UTC"));
        bool right = got.size() == expected.size();
        for (std::size_t i = 0; i < expected.size(); ++i) {
            ++parts_total;
            const bool part_right =
                i < got.size() && (same_part(expected[i], got[i]) ||
                                   (got[i].contains("or") && same_part(expected[i], got[i]["or"])));
            asked += i < got.size() && got[i].contains("or");
            parts_right += part_right && got.size() == expected.size();
            right = right && part_right;
        }
        auto& score = per_kind[kind];
        score.first += right;
        ++score.second;
        if (!right && verbose) {
            std::printf("MISS %-10s line %d: %s\n  want %s\n  got  %s\n", kind.c_str(), line.line,
                        text.c_str(), expected.dump().c_str(), got.dump().c_str());
        }
    }
    int right = 0, total = 0;
    for (const auto& [kind, score] : per_kind) {
        std::printf("%-12s every part right %4d / %4d = %5.1f%%\n", kind.c_str(), score.first,
                    score.second, 100.0 * score.first / score.second);
        right += score.first;
        total += score.second;
    }
    std::printf("%-12s every part right %4d / %4d = %5.1f%%\n", "all", right, total,
                100.0 * right / total);
    std::printf("parts right (in messages split right): %d / %d\n", parts_right, parts_total);
    std::printf("asked whether done or planned: %d\n", asked);
    return 0;
}
