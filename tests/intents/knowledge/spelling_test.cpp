#include "intents/knowledge/spelling.hpp"

#include <catch2/catch.hpp>

#include "intents/knowledge/knowledge_base.hpp"

using rubdown::intents::knowledge::edit_distance;
using rubdown::intents::knowledge::KnowledgeBase;
using rubdown::intents::knowledge::SpellingCorrector;

TEST_CASE("edit distance counts inserts, deletes, substitutions and swaps", "[knowledge]") {
    CHECK(edit_distance("massage", "massage", 2) == 0);
    CHECK(edit_distance("msasage", "massage", 2) == 1);  // two neighbours swapped
    CHECK(edit_distance("tisue", "tissue", 2) == 1);     // a letter left out
    CHECK(edit_distance("massagee", "massage", 2) == 1);
    CHECK(edit_distance("flexibilty", "flexible", 2) == 3);  // stops at limit + 1
    CHECK(edit_distance("run", "marathon", 2) == 3);
}

TEST_CASE("the corrector repairs one slip, leaves short, unknown and ambiguous words",
          "[knowledge]") {
    const SpellingCorrector corrector(
        {"massage", "tissue", "stretch", "sore", "soreness", "tight", "light"});
    CHECK(corrector.correct("msasage") == "massage");
    CHECK(corrector.correct("tisue") == "tissue");
    CHECK(corrector.correct("strech") == "stretch");
    CHECK(corrector.correct("sorenes") == "soreness");
    CHECK(corrector.correct("foam") == "foam");        // short: never guessed
    CHECK(corrector.correct("battery") == "battery");  // nothing close
    CHECK(corrector.correct("fight") == "fight");      // tight or light: a coin toss, kept
}

TEST_CASE("a typo in a question still finds its answer", "[knowledge]") {
    const KnowledgeBase knowledge;
    CHECK(knowledge.answer("whats the diffrence between deep tisue and a relaxing massage").id ==
          "what_is");
    CHECK(knowledge.answer("does deep tisue masage hurt").id == "does_it_hurt");
}
