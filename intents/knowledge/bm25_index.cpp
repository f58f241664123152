#include "intents/knowledge/bm25_index.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_set>

namespace rubdown::intents::knowledge {

void Bm25Index::add(std::string label, std::vector<std::string> terms) {
    const std::size_t index = documents_.size();
    std::unordered_map<std::string, int> term_counts;
    auto& label_terms = label_terms_[label];
    for (const auto& term : terms) label_terms.insert(term);
    for (auto& term : terms) ++term_counts[std::move(term)];
    for (auto& [term, count] : term_counts) postings_[term].push_back({index, count});
    total_length_ += terms.size();
    documents_.push_back({std::move(label), terms.size()});
}

double Bm25Index::idf(std::size_t document_frequency) const {
    const double df = static_cast<double>(document_frequency);
    const double n = static_cast<double>(documents_.size());
    // The "+1" form never goes negative, so a word found everywhere still counts a little.
    return std::log(1.0 + (n - df + 0.5) / (df + 0.5));
}

double Bm25Index::coverage(const std::vector<std::string>& query_terms,
                           const std::string& label) const {
    const std::unordered_set<std::string> unique_terms(query_terms.begin(), query_terms.end());
    const auto held = label_terms_.find(label);
    double found = 0.0;
    double total = 0.0;
    for (const auto& term : unique_terms) {
        const auto postings = postings_.find(term);
        const auto weight = weights_.find(term);
        const double w = weight == weights_.end() ? 1.0 : weight->second;
        const double mass = w * idf(postings == postings_.end() ? 0 : postings->second.size());
        total += mass;
        if (held != label_terms_.end() && held->second.contains(term)) found += mass;
    }
    return total > 0.0 ? found / total : 0.0;
}

std::vector<ScoredLabel> Bm25Index::rank(const std::vector<std::string>& query_terms) const {
    std::vector<ScoredLabel> ranked;
    if (documents_.empty()) return ranked;
    const double average_length =
        std::max(1.0, static_cast<double>(total_length_) / static_cast<double>(documents_.size()));
    // A repeated query word counts once: "pain pain pain" is not three times the evidence.
    const std::unordered_set<std::string> unique_terms(query_terms.begin(), query_terms.end());

    std::vector<double> scores(documents_.size(), 0.0);
    for (const auto& term : unique_terms) {
        const auto found = postings_.find(term);
        if (found == postings_.end()) continue;
        const auto& postings = found->second;
        const auto weight = weights_.find(term);
        const double w = weight == weights_.end() ? 1.0 : weight->second;
        const double term_idf = idf(postings.size());
        for (const auto& posting : postings) {
            const double tf = posting.count;
            const double norm =
                parameters_.k1 *
                (1.0 - parameters_.b +
                 parameters_.b * static_cast<double>(documents_[posting.document].length) /
                     average_length);
            scores[posting.document] += w * term_idf * tf * (parameters_.k1 + 1.0) / (tf + norm);
        }
    }

    std::unordered_map<std::string_view, double> best_by_label;
    for (std::size_t index = 0; index < documents_.size(); ++index) {
        if (scores[index] <= 0.0) continue;
        auto& best = best_by_label[documents_[index].label];
        best = std::max(best, scores[index]);
    }
    ranked.reserve(best_by_label.size());
    for (const auto& [label, score] : best_by_label) ranked.push_back({std::string{label}, score});
    std::sort(ranked.begin(), ranked.end(), [](const ScoredLabel& a, const ScoredLabel& b) {
        return a.score != b.score ? a.score > b.score : a.label < b.label;
    });
    return ranked;
}

std::vector<std::string> Bm25Index::terms() const {
    std::vector<std::string> out;
    out.reserve(postings_.size());
    for (const auto& [term, postings] : postings_) out.push_back(term);
    return out;
}

}  // namespace rubdown::intents::knowledge
