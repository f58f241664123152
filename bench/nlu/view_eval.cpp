// Scores the NLU on the runner's-view sets: where runners are (places, offsets, abbreviations),
// their units and settings, reminders, and what they ask about their running and races.
// Usage: view_eval FILE [--now ISO] [--verbose]
// FILE: one `kind<TAB>text<TAB>{"items": [{"intent": .., "entities": {..}}, ..]}` a line ('#'
// comments), labelled per tests/intents/nlu/view_labelling.md. A message is right when it has as
// many parts as labelled, each with the labelled intent and the labelled values of the keys that
// guide scores for that intent (other keys are not scored). Two zones are the same when their
// clocks agree from 2026 to 2028; the labelled choices must all be offered (more may be).

#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>

#include <date/date.h>
#include <nlohmann/json.hpp>

#include "bench/nlu/labelled_file.hpp"
#include "intents/nlu/nlu.hpp"
#include "intents/places/zone_clock.hpp"

namespace nlu = rubdown::intents::nlu;
namespace places = rubdown::intents::places;
using nlohmann::json;

namespace {

const std::set<std::string>& scored_keys(const std::string& intent) {
    static const std::map<std::string, std::set<std::string>> keys{
        {"settings", {"zone", "zone_choices", "unit"}},
        {"run_stats", {"stat", "period", "compare", "unit", "race_distance_km"}},
        {"reminders", {"action", "pause_days", "quiet_from", "quiet_until", "days"}},
        {"set_race", {"race_date", "race_distance_km", "action"}},
    };
    static const std::set<std::string> none;
    const auto it = keys.find(intent);
    return it == keys.end() ? none : it->second;
}

bool same_zone(const json& a, const json& b) {
    if (!a.is_string() || !b.is_string()) return false;
    const auto x = a.get<std::string>();
    const auto y = b.get<std::string>();
    return x == y || places::same_clock(x, y);
}

bool same_value(const std::string& key, const json& want, const json& got) {
    if (key == "zone") return same_zone(want, got);
    if (key == "zone_choices") {
        if (!want.is_array() || !got.is_array()) return false;
        for (const auto& zone : want) {
            bool offered = false;
            for (const auto& choice : got) offered = offered || same_zone(zone, choice);
            if (!offered) return false;
        }
        return true;
    }
    if (key.find("distance_km") != std::string::npos) {
        return want.is_number() && got.is_number() &&
               std::abs(want.get<double>() - got.get<double>()) <= 0.01;
    }
    return want == got;
}

bool same_part(const json& want, const json& got) {
    const auto intent = want["intent"].get<std::string>();
    if (got["intent"] != want["intent"]) return false;
    for (const auto& key : scored_keys(intent)) {
        const bool wanted = want["entities"].contains(key);
        const bool given = got["entities"].contains(key);
        if (wanted != given) return false;
        if (wanted && !same_value(key, want["entities"][key], got["entities"][key])) return false;
    }
    return true;
}

json parts_of(const nlu::Parse& parse) {
    const json line = nlu::to_json(parse);
    if (line.contains("items")) return line["items"];
    return json::array({{{"intent", line["intent"]}, {"entities", line["entities"]}}});
}

}  // namespace

int main(int argc, char** argv) {
    const auto options = read_eval_options(argc, argv, "view_eval");
    if (!options) return 2;
    const auto now = options->now;
    const bool verbose = options->verbose;
    const nlu::Nlu model;
    std::map<std::string, std::pair<int, int>> per_kind;  // kind -> (right, total)
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
        for (std::size_t i = 0; right && i < expected.size(); ++i) {
            right = same_part(expected[i], got[i]);
        }
        auto& score = per_kind[kind];
        score.first += right;
        ++score.second;
        if (!right && verbose) {
            std::printf("MISS %-12s line %d: %s\n  want %s\n  got  %s\n", kind.c_str(), line.line,
                        text.c_str(), expected.dump().c_str(), got.dump().c_str());
        }
    }
    int right = 0, total = 0;
    for (const auto& [kind, score] : per_kind) {
        std::printf("%-12s right %4d / %4d = %5.1f%%\n", kind.c_str(), score.first, score.second,
                    100.0 * score.first / score.second);
        right += score.first;
        total += score.second;
    }
    std::printf("%-12s right %4d / %4d = %5.1f%%\n", "all", right, total, 100.0 * right / total);
    return 0;
}
