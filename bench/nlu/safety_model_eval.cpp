// Chooses the safety triage's model thresholds on a validation set the model was not trained on:
// trains the learned half on the TRAIN files (and the ordinary messages it always learns from),
// then scores VALIDATION with the rules alone and with the rules and the model over a grid of
// thresholds. Usage: safety_model_eval VALIDATION TRAIN... [--veto V | --verbose URGENT FLAGGED
// [VETO]]
// Or cross-validated: safety_model_eval --cv FILE... [--epochs N] [--misses] scores each file with
// a model trained on all the others, and prints the totals over a grid of the clearing thresholds
// (and, with --misses, every line the default thresholds get wrong).

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "bench/nlu/labelled_file.hpp"
#include "intents/safety/safety_model.hpp"
#include "intents/safety/safety_triage.hpp"

namespace safety = rubdown::intents::safety;

namespace {

std::vector<safety::LabelledText> read_file(const std::string& path) {
    return safety::parse_labelled_texts(read_text_file(path), path);
}

struct Figures {
    int urgent = 0, urgent_found = 0, medical = 0, medical_found = 0, none = 0, alarms = 0;
    void add(safety::Level label, safety::Level found) {
        if (label == safety::Level::urgent) {
            ++urgent;
            urgent_found += found == safety::Level::urgent ? 1 : 0;
        } else if (label == safety::Level::medical) {
            ++medical;
            medical_found += found != safety::Level::none ? 1 : 0;
        } else {
            ++none;
            alarms += found != safety::Level::none ? 1 : 0;
        }
    }
    void print(const char* name) const {
        std::printf("%-34s urgent %3d/%3d  medical %3d/%3d  false alarms %3d/%3d (%.1f%%)\n", name,
                    urgent_found, urgent, medical_found, medical, alarms, none,
                    none ? 100.0 * alarms / none : 0.0);
    }
};

/// A file that cannot be read or parsed: said on stderr, exit status 2.
int report(const std::exception& error) {
    std::fprintf(stderr, "%s\n", error.what());
    return 2;
}

/// Each file scored by a model that did not learn from it; totals over the clearing thresholds.
int cross_validate(const std::vector<std::string>& paths, int epochs, bool misses) {
    std::vector<std::vector<safety::LabelledText>> folds;
    for (const auto& path : paths) folds.push_back(read_file(path));
    struct Scored {
        safety::Level label;
        std::string text;
        safety::RuleReading reading;
        safety::LevelProbabilities probabilities;
    };
    std::vector<Scored> scored;
    Figures rules;
    for (std::size_t held = 0; held < folds.size(); ++held) {
        auto training = safety::ordinary_examples(safety::ordinary_messages());
        for (std::size_t f = 0; f < folds.size(); ++f) {
            if (f != held) training.insert(training.end(), folds[f].begin(), folds[f].end());
        }
        const safety::SafetyModel model{training, epochs};
        for (const auto& line : folds[held]) {
            auto reading = safety::read_rules(line.text, true);
            const auto p = model.probabilities(reading);
            rules.add(line.label, reading.level);
            scored.push_back({line.label, line.text, std::move(reading), p});
        }
    }
    std::printf("%zu files, %d epochs, each scored by a model trained on the others\n",
                folds.size(), epochs);
    rules.print("rules alone");
    if (misses) {
        // Every line the default thresholds get wrong, and per topic how often the model's veto
        // cleared a rule's medical flag rightly and wrongly.
        std::map<std::string, std::pair<int, int>> vetoes;
        for (const auto& s : scored) {
            const auto found = safety::combined_level(s.reading, s.probabilities, {});
            if (s.reading.level == safety::Level::medical && found == safety::Level::none) {
                auto& [right, wrong] = vetoes[s.reading.topic];
                ++(s.label == safety::Level::none ? right : wrong);
            }
            const bool missed =
                s.label == safety::Level::urgent
                    ? found != safety::Level::urgent
                    : (found == safety::Level::none) != (s.label == safety::Level::none);
            if (!missed) continue;
            std::printf("MISS %-7s -> %-7s %-16s (%.2f %.2f %.2f)  %s\n",
                        std::string{safety::level_name(s.label)}.c_str(),
                        std::string{safety::level_name(found)}.c_str(), s.reading.topic.c_str(),
                        s.probabilities[0], s.probabilities[1], s.probabilities[2], s.text.c_str());
        }
        for (const auto& [topic, counts] : vetoes)
            std::printf("VETO %-16s right %3d wrong %3d\n", topic.c_str(), counts.first,
                        counts.second);
    }
    // The default thresholds, then each one varied alone.
    const auto print = [&](const safety::ModelThresholds& t) {
        Figures combined;
        for (const auto& s : scored)
            combined.add(s.label, safety::combined_level(s.reading, s.probabilities, t));
        char name[96];
        std::snprintf(name, sizeof name, "u>%.1f f>%.1f veto>%.2f clear>%.2f uex>%.1f fex>%.1f",
                      t.urgent, t.flagged, t.veto, t.clear_urgent, t.urgent_excepted,
                      t.flagged_excepted);
        combined.print(name);
    };
    const safety::ModelThresholds defaults;
    print(defaults);
    const auto vary = [&](float safety::ModelThresholds::*field,
                          std::initializer_list<float> values) {
        for (const float value : values) {
            auto t = defaults;
            t.*field = value;
            if (t.*field != defaults.*field) print(t);
        }
    };
    vary(&safety::ModelThresholds::urgent, {0.1f, 0.3f, 0.5f});
    vary(&safety::ModelThresholds::flagged, {0.4f, 0.5f, 0.7f});
    vary(&safety::ModelThresholds::veto, {0.7f, 0.8f, 0.9f, 0.95f, 2.0f});
    vary(&safety::ModelThresholds::clear_urgent, {0.95f, 0.98f});
    vary(&safety::ModelThresholds::urgent_excepted, {0.3f, 0.5f, 0.7f});
    vary(&safety::ModelThresholds::flagged_excepted, {0.6f, 0.7f, 0.9f});
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc > 2 && std::strcmp(argv[1], "--cv") == 0) {
        std::vector<std::string> paths;
        int epochs = safety::SafetyModel::kEpochs;
        bool misses = false;
        for (int i = 2; i < argc; ++i) {
            if (std::strcmp(argv[i], "--epochs") == 0 && i + 1 < argc) {
                epochs = std::atoi(argv[++i]);
            } else if (std::strcmp(argv[i], "--misses") == 0) {
                misses = true;
            } else {
                paths.emplace_back(argv[i]);
            }
        }
        try {
            return cross_validate(paths, epochs, misses);
        } catch (const std::exception& error) {
            return report(error);
        }
    }
    if (argc < 3) {
        std::fprintf(
            stderr,
            "usage: safety_model_eval VALIDATION TRAIN... [--verbose U F [V] | --veto V]\n");
        return 2;
    }
    try {
        const auto validation = read_file(argv[1]);
        // Ordinary talk is always part of training, as in the bot.
        auto training = safety::ordinary_examples(safety::ordinary_messages());
        int i = 2;
        for (; i < argc && argv[i][0] != '-'; ++i) {
            auto more = read_file(argv[i]);
            training.insert(training.end(), more.begin(), more.end());
        }
        const bool verbose = i + 2 < argc && std::strcmp(argv[i], "--verbose") == 0;
        const safety::SafetyModel model{training};
        std::vector<safety::RuleReading> readings;
        std::vector<safety::LevelProbabilities> probabilities;
        Figures rules;
        for (const auto& line : validation) {
            readings.push_back(safety::read_rules(line.text, true));
            probabilities.push_back(model.probabilities(readings.back()));
            rules.add(line.label, readings.back().level);
        }
        std::printf("trained on %zu messages, validated on %zu\n", training.size(),
                    validation.size());
        rules.print("rules alone");
        if (verbose) {
            const safety::ModelThresholds t{
                std::strtof(argv[i + 1], nullptr), std::strtof(argv[i + 2], nullptr),
                i + 3 < argc ? std::strtof(argv[i + 3], nullptr) : safety::ModelThresholds{}.veto};
            for (std::size_t n = 0; n < validation.size(); ++n) {
                const auto found = safety::combined_level(readings[n], probabilities[n], t);
                if (found == readings[n].level) continue;
                const auto& p = probabilities[n];
                std::printf("%s -> %s  (%.2f %.2f %.2f)  %s\n",
                            validation[n].label == safety::Level::none ? "none" : "flag",
                            found == safety::Level::urgent ? "urgent" : "medical", p[0], p[1], p[2],
                            validation[n].text.c_str());
            }
            return 0;
        }
        const float veto = i + 1 < argc && std::strcmp(argv[i], "--veto") == 0
                               ? std::strtof(argv[i + 1], nullptr)
                               : safety::ModelThresholds{}.veto;
        for (const float urgent : {0.3f, 0.5f, 0.7f}) {
            for (const float flagged : {0.3f, 0.4f, 0.5f, 0.6f}) {
                Figures combined;
                for (std::size_t n = 0; n < validation.size(); ++n) {
                    combined.add(validation[n].label,
                                 safety::combined_level(readings[n], probabilities[n],
                                                        {urgent, flagged, veto}));
                }
                char name[64];
                std::snprintf(name, sizeof name, "urgent>%.1f flag>%.1f", urgent, flagged);
                combined.print(name);
            }
        }
    } catch (const std::exception& error) {
        return report(error);
    }
    return 0;
}
