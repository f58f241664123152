#include "intents/knowledge/spelling.hpp"

#include <algorithm>
#include <cstdlib>

namespace rubdown::intents::knowledge {

int edit_distance(std::string_view a, std::string_view b, int limit) {
    const auto n = a.size();
    const auto m = b.size();
    if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
    // Optimal string alignment: Levenshtein plus the swap of two neighbouring letters. Three
    // rows suffice (the swap looks two rows back), so a comparison allocates once.
    std::vector<int> rows(3 * (m + 1));
    const auto row = [&](std::size_t i) {
        return rows.begin() + static_cast<long>((i % 3) * (m + 1));
    };
    for (std::size_t j = 0; j <= m; ++j) row(0)[static_cast<long>(j)] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        const auto current = row(i);
        const auto previous = row(i - 1);
        const auto before = row(i + 1);  // i - 2, modulo 3
        current[0] = static_cast<int>(i);
        int row_best = current[0];
        for (std::size_t j = 1; j <= m; ++j) {
            const auto at = static_cast<long>(j);
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            current[at] =
                std::min({previous[at] + 1, current[at - 1] + 1, previous[at - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                current[at] = std::min(current[at], before[at - 2] + 1);
            row_best = std::min(row_best, current[at]);
        }
        if (row_best > limit) return limit + 1;
    }
    return std::min(row(n)[static_cast<long>(m)], limit + 1);
}

SpellingCorrector::SpellingCorrector(std::vector<std::string> vocabulary)
    : vocabulary_(std::move(vocabulary)) {
    std::sort(vocabulary_.begin(), vocabulary_.end());
    vocabulary_.erase(std::unique(vocabulary_.begin(), vocabulary_.end()), vocabulary_.end());
}

std::string SpellingCorrector::correct(const std::string& word) const {
    if (word.size() < 5 || std::binary_search(vocabulary_.begin(), vocabulary_.end(), word))
        return word;
    const int limit = word.size() >= 8 ? 2 : 1;
    const std::string* best = nullptr;
    int best_distance = limit + 1;
    bool tie = false;
    for (const auto& known : vocabulary_) {
        if (known.size() < 4) continue;
        const int distance = edit_distance(word, known, limit);
        if (distance < best_distance) {
            best = &known;
            best_distance = distance;
            tie = false;
        } else if (distance == best_distance && distance <= limit) {
            tie = true;
        }
    }
    return best != nullptr && !tie ? *best : word;
}

}  // namespace rubdown::intents::knowledge
