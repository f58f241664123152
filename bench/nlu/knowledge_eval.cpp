// Scores the knowledge base on a labelled file (`expected<TAB>question`): expected is an entry id,
// several joined by '|', or `abstain`. An in-article question is right when the answer is one of
// its ids; an out-of-article one when the bot abstains (says it does not know).
// Usage: knowledge_eval FILE [--verbose] [--sweep]
// --sweep prints both figures for a range of coverage thresholds (see KnowledgeBase).

#include <cstdio>
#include <cstring>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "bench/nlu/labelled_file.hpp"
#include "intents/knowledge/knowledge_base.hpp"
#include "intents/knowledge/question_model.hpp"
#include "intents/knowledge/question_subject.hpp"
#include "intents/knowledge/text_normalizer.hpp"

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
    bool sweeping = false;
    for (int i = 2; i < argc; ++i) {
        verbose = verbose || std::strcmp(argv[i], "--verbose") == 0;
        sweeping = sweeping || std::strcmp(argv[i], "--sweep") == 0;
    }
    const knowledge::KnowledgeBase base;
    int in_article = 0, right_entry = 0, in_abstained = 0, out_article = 0, abstained = 0;
    std::map<std::string, std::pair<int, int>> per_entry;  // id -> (right, of)
    // For --sweep: what each question's first-ranked entry would score.
    struct Ranked {
        bool out_of_article;
        bool right_entry;
        double score;
        double coverage;
        bool about_massage;
    };
    std::vector<Ranked> sweep;
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
            const auto match = base.best_match(question);
            if (match && answer.kind != knowledge::AnswerKind::referral) {
                sweep.push_back({expected == "abstain", among(expected, match->id), match->score,
                                 match->coverage, knowledge::refers_to_massage(question)});
            } else {
                sweep.push_back({expected == "abstain", false, 0.0, 0.0, false});
            }
            if (verbose && !right) {
                std::string terms;
                for (const auto& term : knowledge::search_terms(question)) terms += term + " ";
                const auto guess = knowledge::built_in_question_model().best(question);
                std::printf("MISS %-26s -> %-14s (BM25 %s %5.2f %4.2f, model %s %4.2f)  %s  [%s]\n",
                            expected.c_str(), answer.id.c_str(), match ? match->id.c_str() : "-",
                            match ? match->score : 0.0, match ? match->coverage : 0.0,
                            guess.label.c_str(), static_cast<double>(guess.probability),
                            question.c_str(), terms.c_str());
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
    if (sweeping) {
        // Both figures for each coverage threshold (at the built-in minimum score): where the
        // abstention threshold comes from.
        std::printf("coverage  in-article right  out-of-article abstained\n");
        for (double threshold = 0.30; threshold <= 0.851; threshold += 0.05) {
            int right = 0, abstain = 0;
            for (const auto& r : sweep) {
                const bool answers = r.score >= knowledge::KnowledgeBase::kMinimumScore &&
                                     r.coverage >= threshold && r.about_massage;
                if (r.out_of_article)
                    abstain += answers ? 0 : 1;
                else
                    right += answers && r.right_entry ? 1 : 0;
            }
            std::printf("  %.2f    %5.1f%%            %5.1f%%\n", threshold,
                        percent(right, in_article), percent(abstain, out_article));
        }
    }
    return 0;
}
