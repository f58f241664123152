#pragma once
/// A second opinion on which built-in entry answers a question, or that none does: a softmax
/// classifier over the words, word pairs and letter n-grams of the question, trained at start-up on
/// the entries' own paraphrases and on labelled runner questions (intents/knowledge/examples/),
/// out-of-article ones labelled `abstain`. BM25 (bm25_index.hpp) finds entries by shared words;
/// this learns the wordings that share none ("legs like concrete after long runs, would a rubdown
/// sort that?") and the near misses that share many ("do massage guns help blood flow?").

#include <string>
#include <string_view>
#include <vector>

#include "intents/learning/softmax_classifier.hpp"

namespace rubdown::intents::knowledge {

struct KnowledgeEntry;

struct LabelledQuestion {
    std::string label;  ///< an entry id, or QuestionModel::kAbstain
    std::string question;
};

class QuestionModel {
  public:
    static constexpr std::string_view kAbstain = "abstain";

    explicit QuestionModel(const std::vector<LabelledQuestion>& examples, int epochs = 40);

    struct Guess {
        std::string label;  ///< an entry id or kAbstain
        float probability = 0.0f;
    };
    Guess best(std::string_view question) const;

  private:
    std::vector<std::string> labels_;
    learning::SoftmaxClassifier classifier_;
};

/// Parses `expected<TAB>question` lines ('#' comments): an entry id, ids joined by '|' (one example
/// per id), or `abstain`.
std::vector<LabelledQuestion> parse_labelled_questions(std::string_view data);

/// The labelled question sets (intents/knowledge/examples/*.tsv), embedded at build time.
std::string_view knowledge_examples();

/// What the built-in model learns from: the entries' paraphrases and the embedded sets.
std::vector<LabelledQuestion> built_in_question_examples(
    const std::vector<KnowledgeEntry>& entries);

/// The model of the built-in entries, trained once on first use.
const QuestionModel& built_in_question_model();

}  // namespace rubdown::intents::knowledge
