#include "intents/knowledge/bm25_index.hpp"

#include <algorithm>
#include <cmath>
#include <unordered_set>

namespace rubdown::intents::knowledge {

void Bm25Index::add(std::string label, std::vector<std::string> terms) {
    Document document{std::move(label), {}, terms.size()};
    for (auto& term : terms) ++document.term_counts[std::move(term)];
    for (const auto& [term, count] : document.term_counts) ++document_frequency_[term];
    total_length_ += document.length;
    documents_.push_back(std::move(document));
}

double Bm25Index::idf(const std::string& term) const {
    const auto it = document_frequency_.find(term);
    const double df = it == document_frequency_.end() ? 0.0 : it->second;
    const double n = static_cast<double>(documents_.size());
    // The "+1" form never goes negative, so a word found everywhere still counts a little.
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

std::vector<ScoredLabel> Bm25Index::rank(const std::vector<std::string>& query_terms) const {
    std::vector<ScoredLabel> ranked;
    if (documents_.empty()) return ranked;
    const double average_length =
        std::max(1.0, static_cast<double>(total_length_) / static_cast<double>(documents_.size()));
    // A repeated query word counts once: "pain pain pain" is not three times the evidence.
    const std::unordered_set<std::string> unique_terms(query_terms.begin(), query_terms.end());

    std::unordered_map<std::string, double> best_by_label;
    for (const auto& document : documents_) {
        double score = 0.0;
        for (const auto& term : unique_terms) {
            const auto it = document.term_counts.find(term);
            if (it == document.term_counts.end()) continue;
            const double tf = it->second;
            const double norm =
                parameters_.k1 *
                (1.0 - parameters_.b +
                 parameters_.b * static_cast<double>(document.length) / average_length);
            const auto weight = weights_.find(term);
            const double w = weight == weights_.end() ? 1.0 : weight->second;
            score += w * idf(term) * tf * (parameters_.k1 + 1.0) / (tf + norm);
        }
        if (score <= 0.0) continue;
        auto& best = best_by_label[document.label];
        best = std::max(best, score);
    }
    for (auto& [label, score] : best_by_label) ranked.push_back({label, score});
    std::sort(ranked.begin(), ranked.end(), [](const ScoredLabel& a, const ScoredLabel& b) {
        return a.score != b.score ? a.score > b.score : a.label < b.label;
    });
    return ranked;
}

}  // namespace rubdown::intents::knowledge
