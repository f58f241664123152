#include "intents/nlu/training_data.hpp"

namespace rubdown::intents::nlu {

std::vector<LabelledUtterance> training_utterances() {
    std::vector<LabelledUtterance> utterances;
    const std::string_view text = training_data_text();
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string_view::npos) end = text.size();
        const std::string_view line = text.substr(start, end - start);
        start = end + 1;
        if (line.empty() || line.front() == '#') continue;
        const std::size_t tab = line.find('\t');
        if (tab == std::string_view::npos || tab + 1 >= line.size()) continue;
        utterances.push_back({std::string(line.substr(0, tab)), std::string(line.substr(tab + 1))});
    }
    return utterances;
}

}  // namespace rubdown::intents::nlu
