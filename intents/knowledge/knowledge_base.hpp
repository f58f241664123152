#pragma once
/// What Rubdown knows about deep tissue / sports massage for runners: a handful of short answers,
/// each found through several ways of asking for it (BM25 over paraphrased questions). Medical
/// questions are recognised first and referred to a professional; weak matches get a fallback.

#include <string>
#include <string_view>
#include <vector>

#include "intents/knowledge/bm25_index.hpp"

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
};

/// One answer and the questions it answers.
struct KnowledgeEntry {
    std::string id;
    std::string answer;
    std::vector<std::string> questions;
};

/// The built-in entries (ids: what_is, why_runners, benefits, blood_flow, pain_relief,
/// flexibility, does_it_hurt, when_to_book, before_race, how_often, performance).
const std::vector<KnowledgeEntry>& massage_knowledge();

class KnowledgeBase {
  public:
    /// Indexes `entries` (their questions and their answer text).
    explicit KnowledgeBase(const std::vector<KnowledgeEntry>& entries = massage_knowledge());

    /// The best answer for a question; a referral for medical topics; a fallback below the
    /// score threshold. Pure and const: safe to share between threads.
    Answer answer(std::string_view question) const;

    /// A best score below this means the question is not about anything the knowledge covers.
    static constexpr double kMinimumScore = 2.0;

  private:
    std::vector<KnowledgeEntry> entries_;
    Bm25Index index_;
};

}  // namespace rubdown::intents::knowledge
