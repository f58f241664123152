#include <catch2/catch.hpp>

#include "intents/nlu/lexer.hpp"
#include "intents/nlu/text_normalizer.hpp"
#include "intents/nlu/unit_reader.hpp"

using namespace rubdown::intents::nlu;

namespace {

std::optional<std::string> choice(const std::string& text) {
    return read_unit_choice(lex(normalize_text(text)));
}

std::optional<std::string> told(const std::string& text) {
    return distance_unit_told(lex(normalize_text(text)));
}

}  // namespace

TEST_CASE("a unit asked for", "[nlu][units]") {
    CHECK(choice("use miles") == "mi");
    CHECK(choice("metric please") == "km");
    CHECK(choice("I think in miles, not km") == "mi");
    CHECK(choice("could you use km instead of miles") == "km");
    CHECK(choice("can you show paces in min/mi") == "mi");
    CHECK(choice("miles") == "mi");
    CHECK(choice("kilometres from now on") == "km");
}

TEST_CASE("a unit named, not asked for", "[nlu][units]") {
    CHECK_FALSE(choice("ran 5 miles today"));
    CHECK_FALSE(choice("how many miles did I run this week?"));
    CHECK_FALSE(choice("am i on miles or km?"));
    CHECK_FALSE(choice("help, how do i log a run in miles"));
    CHECK_FALSE(choice("the 7k last tuesday was 7 miles, wrong units"));
}

TEST_CASE("the unit a run is told in", "[nlu][units]") {
    CHECK(told("ran 6 miles easy") == "mi");
    CHECK(told("10k tempo") == "km");
    CHECK(told("12 km in 1:01:00") == "km");
    CHECK(told("a 20 miler on sunday") == "mi");
    CHECK_FALSE(told("half marathon in 1:45"));
}
