#pragma once
/// A small Okapi BM25 index over short documents that are already reduced to search terms. Each
/// document carries a label (the answer it stands for); a query scores every document that shares
/// a term with it, found through an inverted index (term -> the documents holding it), so a query
/// costs one lookup per query term rather than one per term and document.

#include <cstddef>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

namespace rubdown::intents::knowledge {

struct Bm25Parameters {
    double k1 = 1.2;  ///< term-frequency saturation
    double b = 0.5;   ///< length normalisation; documents are all short questions, so mild
};

struct ScoredLabel {
    std::string label;
    double score = 0.0;
};

class Bm25Index {
  public:
    explicit Bm25Index(Bm25Parameters parameters = {}) : parameters_(parameters) {}

    void add(std::string label, std::vector<std::string> terms);

    /// The best score per label, highest first (labels that match nothing are left out).
    std::vector<ScoredLabel> rank(const std::vector<std::string>& query_terms) const;

    /// Scales a term's contribution (default 1). Words every answer shares ("massage") say little
    /// about which answer is wanted, yet still outweigh a truly specific word in a short question.
    void set_term_weight(const std::string& term, double weight) { weights_[term] = weight; }

    /// Whether any document contains the term.
    bool contains(const std::string& term) const { return postings_.contains(term); }

    /// How much of the query the label's documents hold: the weighted IDF of the query terms found
    /// in any of them over that of all query terms, in [0, 1]. A term no document holds counts
    /// at the highest IDF: a word the index has never seen ("foam", "gun") is what the question is
    /// about and the label does not cover it.
    double coverage(const std::vector<std::string>& query_terms, const std::string& label) const;

    std::size_t size() const { return documents_.size(); }

    /// Every term some document holds.
    std::vector<std::string> terms() const;

  private:
    struct Document {
        std::string label;
        std::size_t length = 0;
    };
    struct Posting {
        std::size_t document = 0;  ///< index into documents_
        int count = 0;             ///< how often the term occurs in that document
    };

    double idf(std::size_t document_frequency) const;

    Bm25Parameters parameters_;
    std::vector<Document> documents_;
    /// For each term, the documents holding it; their number is the term's document frequency.
    std::unordered_map<std::string, std::vector<Posting>> postings_;
    std::unordered_map<std::string, double> weights_;
    /// For each label, the terms its documents hold.
    std::unordered_map<std::string, std::unordered_set<std::string>> label_terms_;
    std::size_t total_length_ = 0;
};

}  // namespace rubdown::intents::knowledge
