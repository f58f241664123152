#pragma once
/// Splits normalised text into words, numbers and symbols for the entity parsers.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::nlu {

struct Token {
    enum class Kind { word, number, symbol };
    Kind kind = Kind::word;
    std::string text;    ///< lower-case; a symbol is one character
    double value = 0.0;  ///< the value of a number token
    bool spaced = true;  ///< whitespace separates it from the previous token ("10 k" vs "10k")

    bool is(std::string_view word) const { return text == word; }
    bool is_number() const { return kind == Kind::number; }
    bool is_word() const { return kind == Kind::word; }
    bool is_symbol(char c) const {
        return kind == Kind::symbol && text.size() == 1 && text[0] == c;
    }
};

using Tokens = std::vector<Token>;

/// Letters (and apostrophes inside words) make words, digits with an optional decimal part make
/// numbers ("5.2"), every other printable character is a symbol. Expects normalize_text output.
Tokens lex(std::string_view normalized);

/// The value of a number token or a number word ("one" .. "sixty", "a", "an", "couple"); nothing
/// for other tokens.
std::optional<double> number_value(const Token& token);

/// A quantity read from the tokens: its value and the index of the first token after it.
struct Quantity {
    double value = 0.0;
    std::size_t end = 0;
};

/// Reads a quantity at `i`: "5", "5.5", "twenty five", "twenty-five", "two and a half", "1 1/2" is
/// not supported. Nothing when the token at `i` is not a number or a number word.
std::optional<Quantity> read_quantity(const Tokens& tokens, std::size_t i);

/// Token at `i`, or an empty word when `i` is out of range, so look-ahead needs no bounds checks.
const Token& token_at(const Tokens& tokens, std::ptrdiff_t i);

}  // namespace rubdown::intents::nlu
