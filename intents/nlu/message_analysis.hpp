#pragma once
/// What the intent classifier and its rules read from a normalised message besides its words:
/// tokens and cues (a distance or a duration, a question, a past run verb, a past day). Shared by
/// the NLU and by the build's trainer, which must build the training features exactly as the NLU
/// builds a message's.

#include <initializer_list>
#include <string>
#include <string_view>

#include "intents/nlu/intent_classifier.hpp"
#include "intents/nlu/lexer.hpp"

namespace rubdown::intents::nlu {

struct Analysis {
    std::string normalized;
    Tokens tokens;
    Cues cues;
};

/// Reads a message already normalised (normalize_text).
Analysis analyse(std::string_view normalized);

/// Whether the token is one of `words`.
bool is_any(const Token& token, std::initializer_list<std::string_view> words);

}  // namespace rubdown::intents::nlu
