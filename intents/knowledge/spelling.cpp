#include "intents/knowledge/spelling.hpp"

#include <algorithm>
#include <cstdlib>

namespace rubdown::intents::knowledge {

int edit_distance(std::string_view a, std::string_view b, int limit) {
    const auto n = a.size();
    const auto m = b.size();
    if (static_cast<int>(n > m ? n - m : m - n) > limit) return limit + 1;
    // Optimal string alignment: Levenshtein plus the swap of two neighbouring letters.
    std::vector<std::vector<int>> d(n + 1, std::vector<int>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = static_cast<int>(i);
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = static_cast<int>(j);
    for (std::size_t i = 1; i <= n; ++i) {
        int row_best = limit + 1;
        for (std::size_t j = 1; j <= m; ++j) {
            const int cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
            row_best = std::min(row_best, d[i][j]);
        }
        if (row_best > limit) return limit + 1;
    }
    return std::min(d[n][m], limit + 1);
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
