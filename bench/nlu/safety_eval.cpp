// Scores the safety triage on a labelled file (`urgent|medical|none<TAB>text`): recall at the
// urgent level (urgent found as urgent), recall at the medical level (medical found as medical or
// urgent), and false alarms (near misses flagged at any level).
// Usage: safety_eval FILE [--verbose] [--rules]   (--verbose prints every miss and false alarm;
// --rules scores the rules alone, without the learned model)

#include <cstdio>
#include <cstring>
#include <map>
#include <string>

#include "bench/nlu/labelled_file.hpp"
#include "intents/safety/rule_matcher.hpp"
#include "intents/safety/safety_triage.hpp"

namespace safety = rubdown::intents::safety;

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: safety_eval FILE [--verbose] [--rules]\n");
        return 2;
    }
    bool verbose = false, rules_alone = false;
    for (int i = 2; i < argc; ++i) {
        verbose = verbose || std::strcmp(argv[i], "--verbose") == 0;
        rules_alone = rules_alone || std::strcmp(argv[i], "--rules") == 0;
    }
    std::map<std::string, std::map<std::string, int>> confusion;  // label -> found -> count
    int urgent = 0, urgent_found = 0, medical = 0, medical_found = 0, none = 0, false_alarms = 0;
    try {
        for (const auto& line : read_labelled_file(argv[1])) {
            const auto& label = line.columns[0];
            const auto& text = line.columns[1];
            auto verdict = safety::triage(text);
            if (rules_alone) {
                auto reading = safety::read_rules(text, false);
                verdict = {reading.level, std::move(reading.topic)};
            }
            std::string found{safety::level_name(verdict.level)};
            if (found.empty()) found = "none";
            ++confusion[label][found];
            bool wrong = false;
            if (label == "urgent") {
                ++urgent;
                wrong = verdict.level != safety::Level::urgent;
                urgent_found += wrong ? 0 : 1;
            } else if (label == "medical") {
                ++medical;
                wrong = verdict.level == safety::Level::none;
                medical_found += wrong ? 0 : 1;
            } else if (label == "none") {
                ++none;
                wrong = verdict.level != safety::Level::none;
                false_alarms += wrong ? 1 : 0;
            } else {
                std::fprintf(stderr, "%s:%d: unknown label '%s'\n", argv[1], line.line,
                             label.c_str());
                return 2;
            }
            if (verbose && (wrong || label != found)) {
                std::printf("%s %-7s -> %-7s %-16s %s\n", wrong ? "MISS" : "ok~ ", label.c_str(),
                            found.c_str(), verdict.topic.c_str(), text.c_str());
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 2;
    }
    const auto percent = [](int part, int whole) { return whole ? 100.0 * part / whole : 0.0; };
    std::printf("label    -> urgent  medical  none\n");
    for (const char* label : {"urgent", "medical", "none"}) {
        auto& row = confusion[label];
        std::printf("%-8s    %6d  %7d  %4d\n", label, row["urgent"], row["medical"], row["none"]);
    }
    std::printf("urgent recall (found as urgent):            %d / %d = %.1f%%\n", urgent_found,
                urgent, percent(urgent_found, urgent));
    std::printf("medical recall (found as medical or urgent): %d / %d = %.1f%%\n", medical_found,
                medical, percent(medical_found, medical));
    std::printf("false alarms on near misses:                 %d / %d = %.1f%%\n", false_alarms,
                none, percent(false_alarms, none));
    return 0;
}
