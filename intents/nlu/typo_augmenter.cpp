#include "intents/nlu/typo_augmenter.hpp"

#include <vector>

namespace rubdown::intents::nlu {

std::string with_typo(std::string_view text, std::size_t seed) {
    // Start offsets of words of four letters or more.
    std::vector<std::size_t> starts;
    std::size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !(text[i] >= 'a' && text[i] <= 'z')) ++i;
        const std::size_t start = i;
        while (i < text.size() && text[i] >= 'a' && text[i] <= 'z') ++i;
        if (i - start >= 4) starts.push_back(start);
    }
    std::string out(text);
    if (starts.empty()) return out;
    // A cheap mix so neighbouring seeds pick different words and edits.
    std::size_t mix = seed * 2654435761u + 97;
    const std::size_t start = starts[mix % starts.size()];
    std::size_t end = start;
    while (end < out.size() && out[end] >= 'a' && out[end] <= 'z') ++end;
    const std::size_t length = end - start;
    mix /= 7;
    // Never touch the first letter: people rarely mistype it.
    const std::size_t at = start + 1 + mix % (length - 2);
    switch ((mix / 13) % 3) {
        case 0:
            out.erase(at, 1);
            break;
        case 1:
            out.insert(at, 1, out[at]);
            break;
        default:
            std::swap(out[at], out[at + 1]);
            break;
    }
    return out;
}

}  // namespace rubdown::intents::nlu
