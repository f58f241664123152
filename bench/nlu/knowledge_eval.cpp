// Scores the knowledge base on a labelled file (`expected<TAB>question`): expected is an entry id,
// several joined by '|', or `abstain`. An in-article question is right when the answer is one of
// its ids; an out-of-article one when the bot abstains (says it does not know).
// Usage: knowledge_eval FILE [--knowledge FILE.md] [--verbose]

#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>

#include "bench/nlu/labelled_file.hpp"
#include "intents/knowledge/knowledge_base.hpp"

namespace knowledge = rubdown::intents::knowledge;

namespace {

bool among(const std::string& ids, const std::string& id) {
    std::stringstream stream(ids);
    for (std::string one; std::getline(stream, one, '|');) {
        if (one == id) return true;
    }
    return false;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: knowledge_eval FILE [--verbose]\n");
        return 2;
    }
    bool verbose = false;
    for (int i = 2; i < argc; ++i) verbose = verbose || std::strcmp(argv[i], "--verbose") == 0;
    const knowledge::KnowledgeBase base;
    int in_article = 0, right_entry = 0, in_abstained = 0, out_article = 0, abstained = 0;
    std::map<std::string, std::pair<int, int>> per_entry;  // id -> (right, of)
    try {
        for (const auto& line : read_labelled_file(argv[1])) {
            const auto& expected = line.columns[0];
            const auto& question = line.columns[1];
            const auto answer = base.answer(question);
            const bool abstains = answer.kind != knowledge::AnswerKind::answer;
            bool right = false;
            if (expected == "abstain") {
                ++out_article;
                right = abstains;
                abstained += right ? 1 : 0;
            } else {
                ++in_article;
                right = !abstains && among(expected, answer.id);
                right_entry += right ? 1 : 0;
                in_abstained += abstains ? 1 : 0;
                auto& [entry_right, entry_of] = per_entry[expected];
                entry_right += right ? 1 : 0;
                ++entry_of;
            }
            if (verbose && !right) {
                std::printf("MISS %-26s -> %-14s %5.2f  %s\n", expected.c_str(), answer.id.c_str(),
                            answer.score, question.c_str());
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 2;
    }
    const auto percent = [](int part, int whole) { return whole ? 100.0 * part / whole : 0.0; };
    for (const auto& [id, counts] : per_entry) {
        std::printf("  %-26s %3d / %3d\n", id.c_str(), counts.first, counts.second);
    }
    std::printf("in-article questions, right entry:   %d / %d = %.1f%% (abstained on %d)\n",
                right_entry, in_article, percent(right_entry, in_article), in_abstained);
    std::printf("out-of-article questions, abstained: %d / %d = %.1f%%\n", abstained, out_article,
                percent(abstained, out_article));
    return 0;
}
