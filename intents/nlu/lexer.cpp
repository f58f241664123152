#include "intents/nlu/lexer.hpp"

#include <array>
#include <utility>

namespace rubdown::intents::nlu {
namespace {

bool is_letter(char c) {
    return c >= 'a' && c <= 'z';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}

}  // namespace

Tokens lex(std::string_view s) {
    Tokens tokens;
    bool spaced = true;
    std::size_t i = 0;
    while (i < s.size()) {
        const char c = s[i];
        if (c == ' ') {
            spaced = true;
            ++i;
            continue;
        }
        Token token;
        token.spaced = spaced;
        spaced = false;
        if (is_letter(c)) {
            std::size_t j = i;
            while (j < s.size() && (is_letter(s[j]) || (s[j] == '\'' && j + 1 < s.size() &&
                                                        is_letter(s[j + 1]) && j > i))) {
                ++j;
            }
            token.kind = Token::Kind::word;
            token.text = std::string(s.substr(i, j - i));
            i = j;
        } else if (is_digit(c)) {
            std::size_t j = i;
            double value = 0.0;
            std::size_t digits = 0;
            while (j < s.size() && is_digit(s[j])) {
                // Past 12 digits the exact value no longer matters: every parser rejects it.
                if (digits++ < 12) value = value * 10.0 + (s[j] - '0');
                ++j;
            }
            if (j + 1 < s.size() && s[j] == '.' && is_digit(s[j + 1])) {
                ++j;
                double scale = 0.1;
                while (j < s.size() && is_digit(s[j])) {
                    value += scale * (s[j] - '0');
                    scale /= 10.0;
                    ++j;
                }
            }
            token.kind = Token::Kind::number;
            token.text = std::string(s.substr(i, j - i));
            token.value = value;
            i = j;
        } else {
            token.kind = Token::Kind::symbol;
            token.text = std::string(1, c);
            ++i;
        }
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::optional<double> number_value(const Token& token) {
    if (token.is_number()) return token.value;
    if (!token.is_word()) return std::nullopt;
    static const std::array<std::pair<std::string_view, double>, 27> kWords{{
        {"a", 1},         {"an", 1},       {"one", 1},      {"two", 2},        {"three", 3},
        {"four", 4},      {"five", 5},     {"six", 6},      {"seven", 7},      {"eight", 8},
        {"nine", 9},      {"ten", 10},     {"eleven", 11},  {"twelve", 12},    {"thirteen", 13},
        {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
        {"nineteen", 19}, {"twenty", 20},  {"thirty", 30},  {"forty", 40},     {"fifty", 50},
        {"sixty", 60},    {"couple", 2},
    }};
    for (const auto& [word, value] : kWords) {
        if (token.text == word) return value;
    }
    return std::nullopt;
}

std::optional<Quantity> read_quantity(const Tokens& tokens, std::size_t i) {
    if (i >= tokens.size()) return std::nullopt;
    const auto first = number_value(tokens[i]);
    if (!first) return std::nullopt;
    Quantity quantity{*first, i + 1};
    const auto at = [&](std::size_t k) -> const Token& {
        return token_at(tokens, static_cast<std::ptrdiff_t>(k));
    };
    if (tokens[i].is("couple") && at(quantity.end).is("of")) ++quantity.end;  // "couple of days"
    // "twenty five", "twenty-five"
    if (tokens[i].is_word() && *first >= 20 && static_cast<int>(*first) % 10 == 0) {
        std::size_t k = quantity.end;
        if (at(k).is_symbol('-')) ++k;
        if (at(k).is_word()) {
            if (const auto unit = number_value(at(k));
                unit && *unit >= 1 && *unit <= 9 && !at(k).is("a") && !at(k).is("an")) {
                quantity.value += *unit;
                quantity.end = k + 1;
            }
        }
    }
    // "two and a half", "an hour and a half" is handled by the duration parser.
    if (at(quantity.end).is("and") && at(quantity.end + 1).is("a") &&
        at(quantity.end + 2).is("half")) {
        quantity.value += 0.5;
        quantity.end += 3;
    }
    return quantity;
}

const Token& token_at(const Tokens& tokens, std::ptrdiff_t i) {
    static const Token kNone{};
    if (i < 0 || i >= static_cast<std::ptrdiff_t>(tokens.size())) return kNone;
    return tokens[static_cast<std::size_t>(i)];
}

}  // namespace rubdown::intents::nlu
