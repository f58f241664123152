#pragma once
/// The labelled utterances the intent classifier learns from, compiled into the binary.

#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::nlu {

struct LabelledUtterance {
    std::string label;  ///< one of kIntents
    std::string text;
};

/// The raw data (intents/nlu/training/*.tsv, embedded at build time): one `label<TAB>text` a line;
/// blank lines and lines starting with '#' are ignored.
std::string_view training_data_text();

/// The parsed data, in file order.
std::vector<LabelledUtterance> training_utterances();

}  // namespace rubdown::intents::nlu
