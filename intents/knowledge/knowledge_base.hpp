#pragma once
/// What Rubdown knows about deep tissue / sports massage for runners: a handful of short answers,
/// each found through several ways of asking for it (BM25 over paraphrased questions). Medical
/// questions are recognised first and referred to a professional; weak matches get a fallback.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "intents/knowledge/bm25_index.hpp"
#include "intents/knowledge/question_model.hpp"
#include "intents/knowledge/spelling.hpp"

namespace rubdown::intents::knowledge {

enum class AnswerKind {
    answer,    ///< a grounded answer from the knowledge
    referral,  ///< a medical topic: see a professional
    fallback,  ///< nothing matched well enough
};

struct Answer {
    std::string id;  ///< the entry's id, or "referral" / "fallback"
    std::string text;
    double score = 0.0;  ///< BM25 score of the best match (0 for referral and fallback)
    AnswerKind kind = AnswerKind::answer;
    double coverage = 0.0;  ///< how much of the question the best entry holds, in [0, 1]
};

/// What the conversation tells of a question's subject. The built-in answers are about massage
/// and answer a question only when it is about massage too.
enum class Subject {
    asked,  ///< a question of its own: it must name massage or point at it ("does it hurt?")
    massage_topic,  ///< right after a massage answer: "what about range of motion?" is about it
    elsewhere,      ///< the NLU found it about something else: only a question naming massage
};

/// The entry that ranks first for a question, and how sure the ranking is of it.
struct Match {
    std::string id;
    double score = 0.0;     ///< BM25
    double coverage = 0.0;  ///< Bm25Index::coverage of the question by this entry
};

/// One answer and the questions it answers.
struct KnowledgeEntry {
    std::string id;
    std::string answer;
    std::vector<std::string> questions;
    /// The built-in answers are about massage and answer only a question about it; an
    /// operator's ("where are you?", "what does it cost?") need not name it.
    bool about_massage = true;
    /// Its answer also explains something about running itself ("why do runners get so many
    /// knots?" is answered by why runners need massage), so it may answer a question that does
    /// not name massage when the ranking and the model agree on it (ModelTrust::agreed).
    bool explains_running = false;
};

/// The built-in entries (ids: what_is, why_runners, benefits, blood_flow, pain_relief,
/// flexibility, does_it_hurt, when_to_book, before_race, how_often, performance).
const std::vector<KnowledgeEntry>& massage_knowledge();

/// How sure the question model (question_model.hpp) must be for its opinion to decide. Chosen on
/// a labelled set it was not trained on (bench/nlu/knowledge_model_eval).
struct ModelTrust {
    float answer = 0.3f;   ///< its entry answers when at least this probable
    float abstain = 0.4f;  ///< its "none of them" stands when at least this probable
    /// its entry replaces another that BM25 found with confidence when at least this probable
    float overrule = 0.5f;
    /// an entry that explains running answers a question that does not name massage ("why do
    /// runners get so many knots?") when at least this probable and BM25 ranks the same entry
    /// first with at least `agreed_coverage` of the question covered (above 1: never)
    float agreed = 0.97f;
    double agreed_coverage = 0.3;
};

class KnowledgeBase {
  public:
    /// Indexes `entries` (their questions and their answer text). `model` gives a second opinion
    /// on the built-in entries (nullptr: BM25 alone); it must outlive the knowledge base.
    explicit KnowledgeBase(const std::vector<KnowledgeEntry>& entries = massage_knowledge(),
                           const QuestionModel* model = &built_in_question_model());

    /// The best answer for a question; a referral for medical topics; a fallback when no entry
    /// answers it with confidence. `subject` says what the conversation already tells of the
    /// question's subject. Pure and const: safe to share between threads.
    Answer answer(std::string_view question, Subject subject = Subject::asked) const {
        return answer(question, subject, ModelTrust{});
    }
    Answer answer(std::string_view question, Subject subject, const ModelTrust& trust) const;

    /// The first-ranked entry, whatever its score (none when no entry shares a word with the
    /// question). answer() decides from it whether to answer.
    std::optional<Match> best_match(std::string_view question) const;

    /// How many entries it answers from (built-in and the operator's).
    std::size_t size() const { return entries_.size(); }

    /// A best score below this means the question is not about anything the knowledge covers.
    static constexpr double kMinimumScore = 2.0;
    /// Below this coverage the best entry leaves most of the question unanswered ("how often
    /// should I foam roll?" matches "how often" and nothing else): the bot says it does not know.
    static constexpr double kMinimumCoverage = 0.4;

  private:
    /// The question's search terms, typos repaired against the index's own words.
    std::vector<std::string> terms_of(std::string_view question) const;
    std::optional<Match> best_match_of(const std::vector<std::string>& terms) const;

    /// The entry of that id, or nullptr.
    const KnowledgeEntry* entry_of(std::string_view id) const;
    /// Whether the question is about massage, as a built-in entry requires (see Subject).
    bool asks_about_massage(const KnowledgeEntry& entry, std::string_view question,
                            const std::vector<std::string>& terms, Subject subject) const;

    std::vector<KnowledgeEntry> entries_;
    const QuestionModel* model_;
    Bm25Index index_;
    SpellingCorrector spelling_;
};

}  // namespace rubdown::intents::knowledge
