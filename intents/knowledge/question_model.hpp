#pragma once
/// A second opinion on which built-in entry answers a question, or that none does: a softmax
/// classifier over the words, word pairs and letter n-grams of the question, trained at build time
/// (intents/trainer) on the entries' own paraphrases and on labelled runner questions
/// (intents/knowledge/examples/), out-of-article ones labelled `abstain`. BM25 (bm25_index.hpp)
/// finds entries by shared words; this learns the wordings that share none ("legs like concrete
/// after long runs, would a rubdown sort that?") and the near misses that share many ("do massage
/// guns help blood flow?").

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
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

    static constexpr int kEpochs = 40;

    explicit QuestionModel(const std::vector<LabelledQuestion>& examples, int epochs = kEpochs);

    struct Guess {
        std::string label;  ///< an entry id or kAbstain
        float probability = 0.0f;
    };
    Guess best(std::string_view question) const;

    /// The model as bytes, marked with `trained_on` (built_in_question_fingerprint for the
    /// built-in one).
    std::string save(std::uint64_t trained_on) const;
    /// A model `save` wrote from data with the fingerprint `trained_on`; nothing when `bytes` is
    /// empty or was trained on other data. Throws learning::ModelFormatError on damaged bytes.
    static std::optional<QuestionModel> load(std::string_view bytes, std::uint64_t trained_on);

  private:
    QuestionModel(std::vector<std::string> labels, learning::SoftmaxClassifier classifier)
        : labels_(std::move(labels)), classifier_(std::move(classifier)) {}

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

/// What the built-in model learns from, as a fingerprint: the built-in examples and passes.
std::uint64_t built_in_question_fingerprint();

/// The built-in model as the build's trainer (intents/trainer) wrote it, embedded in the binary.
/// Defined only in rubdown_knowledge, which the trainer itself does not link.
std::string_view trained_question_model();

/// The model of the built-in entries: the trained one the binary holds, or, should it be missing
/// or trained on other data, one trained on first use.
const QuestionModel& built_in_question_model();

}  // namespace rubdown::intents::knowledge
