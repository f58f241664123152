#include "intents/nlu/small_talk.hpp"

#include <catch2/catch.hpp>
#include <string>
#include <utility>
#include <vector>

using rubdown::intents::nlu::detect_small_talk;
using rubdown::intents::nlu::SmallTalk;

TEST_CASE("small talk is told by kind", "[nlu][smalltalk]") {
    const std::vector<std::pair<std::string, SmallTalk>> cases{
        {"thanks!", SmallTalk::thanks},
        {"Thank you so much 🙏", SmallTalk::thanks},
        {"hey thanks", SmallTalk::thanks},
        {"ok cool", SmallTalk::acknowledgement},
        {"lol ok", SmallTalk::laughter},  // the laugh says more than the ok
        {"👍", SmallTalk::emoji},
        {"😂🔥", SmallTalk::emoji},
        {"how are you?", SmallTalk::how_are_you},
        {"good night!", SmallTalk::good_night},
        {"bye for now", SmallTalk::goodbye},
        {"you're the best", SmallTalk::compliment},
        {"you're a terrible coach lol", SmallTalk::teasing},
        {"are you a robot?", SmallTalk::are_you_a_bot},
        {"thanks, good night", SmallTalk::good_night},
        {"You’re awesome", SmallTalk::compliment},  // typographic apostrophe
        {"coool", SmallTalk::acknowledgement},      // stretched words
        {"niiice", SmallTalk::acknowledgement},
        {"byeee", SmallTalk::goodbye},
    };
    for (const auto& [text, kind] : cases) {
        INFO(text);
        const auto found = detect_small_talk(text);
        REQUIRE(found);
        CHECK(*found == kind);
    }
}

TEST_CASE("anything more than small talk is not small talk", "[nlu][smalltalk]") {
    for (const char* text :
         {"thanks, ran 5k today", "ok book me in for friday", "cool, how far did I run this week?",
          "thanks! does deep tissue hurt?", "tell me a joke", "hi", "hello there", "good morning",
          "hey there, how's it going?", "", "   ", "ok 10k", "night run 8k"}) {
        INFO(text);
        CHECK_FALSE(detect_small_talk(text));
    }
}
