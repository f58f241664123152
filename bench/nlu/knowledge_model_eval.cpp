// Chooses how far the knowledge base trusts its question model, on a validation set the model was
// not trained on: trains the model on the entries' paraphrases and the TRAIN files, then scores
// VALIDATION (`expected<TAB>question`) with BM25 alone and with the model over a grid of
// thresholds.
// Usage: knowledge_model_eval VALIDATION TRAIN... [--verbose]
// --verbose lists the validation set's misses at the default trust instead of the grid.

#include <cstdio>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "bench/nlu/labelled_file.hpp"
#include "intents/knowledge/knowledge_base.hpp"
#include "intents/knowledge/question_model.hpp"

namespace knowledge = rubdown::intents::knowledge;

namespace {

bool among(const std::string& ids, const std::string& id) {
    std::stringstream stream(ids);
    for (std::string one; std::getline(stream, one, '|');) {
        if (one == id) return true;
    }
    return false;
}

void score(const char* name, const knowledge::KnowledgeBase& base,
           const std::vector<LabelledLine>& lines, const knowledge::ModelTrust& trust,
           const knowledge::QuestionModel* model = nullptr) {
    int in = 0, right = 0, out = 0, abstained = 0;
    for (const auto& line : lines) {
        const auto& expected = line.columns[0];
        const auto answer = base.answer(line.columns[1], knowledge::Subject::asked, trust);
        const bool fell_back = answer.kind != knowledge::AnswerKind::answer;
        if (expected == "abstain") {
            ++out;
            abstained += fell_back ? 1 : 0;
        } else {
            ++in;
            right += !fell_back && among(expected, answer.id) ? 1 : 0;
        }
        const bool wrong =
            expected == "abstain" ? !fell_back : fell_back || !among(expected, answer.id);
        if (model != nullptr && wrong) {
            const auto match = base.best_match(line.columns[1]);
            const auto guess = model->best(line.columns[1]);
            std::printf("MISS %-14s -> %-14s (BM25 %s %5.2f %4.2f, model %s %4.2f)  %s\n",
                        expected.c_str(), answer.id.c_str(), match ? match->id.c_str() : "-",
                        match ? match->score : 0.0, match ? match->coverage : 0.0,
                        guess.label.c_str(), static_cast<double>(guess.probability),
                        line.columns[1].c_str());
        }
    }
    std::printf("%-40s right entry %3d/%3d (%5.1f%%)  abstained %3d/%3d (%5.1f%%)\n", name, right,
                in, in ? 100.0 * right / in : 0.0, abstained, out,
                out ? 100.0 * abstained / out : 0.0);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::fprintf(stderr, "usage: knowledge_model_eval VALIDATION TRAIN...\n");
        return 2;
    }
    try {
        const auto validation = read_labelled_file(argv[1]);
        std::string training;
        bool verbose = false;
        for (int i = 2; i < argc; ++i) {
            if (std::string_view(argv[i]) == "--verbose") {
                verbose = true;
                continue;
            }
            training += read_text_file(argv[i]) + "\n";
        }
        auto examples = knowledge::built_in_question_examples(knowledge::massage_knowledge());
        // Only the TRAIN files, not the embedded sets: the built-in examples are the entries'
        // paraphrases followed by the embedded sets, so keep the paraphrases alone.
        std::size_t paraphrases = 0;
        for (const auto& entry : knowledge::massage_knowledge())
            paraphrases += entry.questions.size();
        examples.resize(paraphrases);
        auto extra = knowledge::parse_labelled_questions(training);
        examples.insert(examples.end(), extra.begin(), extra.end());
        const knowledge::QuestionModel model{examples};
        std::printf("trained on %zu questions, validated on %zu\n", examples.size(),
                    validation.size());
        score("BM25 alone", knowledge::KnowledgeBase{knowledge::massage_knowledge(), nullptr},
              validation, {});
        const knowledge::KnowledgeBase base{knowledge::massage_knowledge(), &model};
        if (verbose) {
            score("misses at the default trust", base, validation, {}, &model);
            return 0;
        }
        // Answering without massage named when BM25 and the model agree on an entry.
        for (const float agreed : {2.0f, 0.97f, 0.9f, 0.8f}) {
            for (const double coverage : {0.3, 0.5, 0.8}) {
                knowledge::ModelTrust trust;
                trust.agreed = agreed;
                trust.agreed_coverage = coverage;
                char name[64];
                std::snprintf(name, sizeof name, "agreed>=%.2f coverage>=%.1f", agreed, coverage);
                score(name, base, validation, trust);
            }
        }
        for (const float overrule : {0.3f, 0.5f, 0.7f, 0.9f, 2.0f}) {
            for (const float answer : {0.3f, 0.4f, 0.5f, 0.6f}) {
                for (const float abstain : {0.3f, 0.4f, 0.5f, 0.6f}) {
                    char name[64];
                    std::snprintf(name, sizeof name, "answer>=%.1f abstain>=%.1f over>=%.1f",
                                  answer, abstain, overrule);
                    score(name, base, validation, {answer, abstain, overrule});
                }
            }
        }
    } catch (const std::exception& error) {
        std::fprintf(stderr, "%s\n", error.what());
        return 2;
    }
    return 0;
}
