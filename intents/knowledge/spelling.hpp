#pragma once
/// Typo repair for knowledge questions: a word the knowledge base has never seen is replaced by a
/// word it has that is one slip away ("msasage" -> "massage", "tisue" -> "tissue"). Runners type
/// on phones; without this a typo counts as a word no entry covers and the bot abstains.

#include <string>
#include <string_view>
#include <vector>

namespace rubdown::intents::knowledge {

/// Edits (insert, delete, substitute, swap two neighbours) between two words, stopping early once
/// `limit` is exceeded (then returns limit + 1).
int edit_distance(std::string_view a, std::string_view b, int limit);

class SpellingCorrector {
  public:
    SpellingCorrector() = default;
    /// `vocabulary`: the words that count as correctly spelled.
    explicit SpellingCorrector(std::vector<std::string> vocabulary);

    /// The word itself when known or too short to judge (under five letters: "cost" must not
    /// become "post"); else the one known word within one edit (two from eight letters on);
    /// else the word itself. Ties keep the word as it is: a guess between two would be a coin toss.
    std::string correct(const std::string& word) const;

  private:
    std::vector<std::string> vocabulary_;
};

}  // namespace rubdown::intents::knowledge
