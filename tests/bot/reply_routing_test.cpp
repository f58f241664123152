#include <catch2/catch.hpp>

#include "bot/inbox/reply_routing.hpp"

using namespace rubdown;
using bot::Conversation;
using bot::route_replies;

namespace {
intents::Reply own_log(const std::string& text) {
    intents::Reply reply{text};
    reply.private_data = true;
    return reply;
}
}  // namespace

TEST_CASE("in a private chat every reply answers in place, the runner's log too") {
    const auto routed = route_replies({intents::Reply{"hello"}, own_log("date,km\n2026-12-01,10")},
                                      Conversation{false, "7", "Ana"});
    REQUIRE(routed.size() == 2);
    CHECK(routed[0].reply.text == "hello");
    CHECK(routed[1].reply.text == "date,km\n2026-12-01,10");
    CHECK(routed[0].private_chat.empty());
    CHECK(routed[1].private_chat.empty());
}

TEST_CASE("in a group the runner's log goes to their private chat, with one note in the group") {
    auto edit = own_log("week: 32 km");
    edit.edit_original = true;
    const auto routed = route_replies({intents::Reply{"logged"}, own_log("part 1"),
                                       own_log("part 2"), edit, intents::Reply{"bye"}},
                                      Conversation{true, "7", "Ana"});
    REQUIRE(routed.size() == 6);
    CHECK(routed[0].reply.text == "logged");
    CHECK(routed[0].private_chat.empty());
    // The note stands where the log would have.
    CHECK(routed[1].private_chat.empty());
    CHECK_THAT(routed[1].reply.text, Catch::StartsWith("Ana, ") && Catch::Contains("private"));
    CHECK(routed[2].reply.text == "part 1");
    CHECK(routed[3].reply.text == "part 2");
    CHECK(routed[2].private_chat == "7");
    CHECK(routed[3].private_chat == "7");
    // The message to edit is in the group: in the private chat the answer is a new message.
    CHECK(routed[4].reply.text == "week: 32 km");
    CHECK(routed[4].private_chat == "7");
    CHECK_FALSE(routed[4].reply.edit_original);
    CHECK(routed[5].reply.text == "bye");
    CHECK(routed[5].private_chat.empty());
}

TEST_CASE("in a group, with no private chat known, the log is not sent and the note says how") {
    const auto routed =
        route_replies({own_log("date,km\n2026-12-01,10")}, Conversation{true, "", ""});
    REQUIRE(routed.size() == 1);
    CHECK(routed[0].private_chat.empty());
    CHECK_THAT(routed[0].reply.text, Catch::Contains("ask again"));
    CHECK(routed[0].reply.text.find("2026-12-01") == std::string::npos);
    CHECK_THAT(routed[0].reply.text, Catch::StartsWith("That's your own log"));
}
