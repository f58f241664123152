#include "intents/handlers/text_match.hpp"

#include <catch2/catch.hpp>

using rubdown::intents::handlers::has_any_phrase;
using rubdown::intents::handlers::has_phrase;
using rubdown::intents::handlers::padded_words;

TEST_CASE("text is reduced to lower-case words between single spaces") {
    CHECK(padded_words("Delete my LAST run!!") == " delete my last run ");
    CHECK(padded_words("don't, log   it") == " dont log it ");
    CHECK(padded_words("") == " ");
}

TEST_CASE("a phrase matches whole words in a row, never part of a word") {
    const auto padded = padded_words("Nothing to see; please cancel that.");
    CHECK(has_phrase(padded, "cancel"));
    CHECK(has_phrase(padded, "nothing to see"));
    CHECK(has_phrase(padded, "please cancel that"));
    CHECK_FALSE(has_phrase(padded, "no"));         // the start of "nothing"
    CHECK_FALSE(has_phrase(padded, "thing"));      // the end of "nothing"
    CHECK_FALSE(has_phrase(padded, "cancel to"));  // words not in a row
    CHECK_FALSE(has_phrase(padded, "that please"));
    // A later occurrence counts when an earlier one sits inside a word.
    CHECK(has_phrase(padded_words("snowy no"), "no"));
}

TEST_CASE("a phrase written with capitals or punctuation is reduced the same way") {
    const auto padded = padded_words("I said: never mind");
    CHECK(has_phrase(padded, "Never Mind"));
    CHECK(has_phrase(padded, "said, never"));
    CHECK(has_phrase(padded_words("dont log it"), "don't log"));
    CHECK_FALSE(has_phrase(padded, "  "));
    CHECK_FALSE(has_phrase(padded, ""));
}

TEST_CASE("any of several phrases") {
    const auto padded = padded_words("yes please");
    CHECK(has_any_phrase(padded, {"nope", "yes"}));
    CHECK_FALSE(has_any_phrase(padded, {"nope", "ye", "please yes"}));
}
