#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "adapters/web/chat_protocol.hpp"

using namespace rubdown;
using namespace rubdown::web;
using Json = nlohmann::json;

namespace {

http::HttpRequest request_with(std::vector<std::pair<std::string, std::string>> headers,
                               std::string target = "/chat/messages") {
    http::HttpRequest request;
    request.method = "POST";
    request.target = target;
    request.path = target.substr(0, target.find('?'));
    request.headers = std::move(headers);
    return request;
}

storage::OutboxMessage row(std::int64_t id, storage::OutboxStatus status) {
    storage::OutboxMessage message;
    message.id = id;
    message.channel = "web";
    message.chat_id = "r1";
    message.text = "reply " + std::to_string(id);
    message.status = status;
    return message;
}

constexpr auto kPending = storage::OutboxStatus::pending;
constexpr auto kSending = storage::OutboxStatus::sending;
constexpr auto kSent = storage::OutboxStatus::sent;
constexpr auto kFailed = storage::OutboxStatus::failed;

/// The ids in `bytes`' "id:" lines and the reply ids in its data lines, in order.
std::vector<std::string> lines_of(const std::string& bytes) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < bytes.size()) {
        const auto end = bytes.find('\n', start);
        const auto line = bytes.substr(start, end - start);
        if (line.rfind("id: ", 0) == 0) lines.push_back(line);
        if (line.rfind("data: ", 0) == 0)
            lines.push_back("reply " +
                            std::to_string(Json::parse(line.substr(6))["id"].get<int>()));
        start = end + 1;
    }
    return lines;
}

}  // namespace

TEST_CASE("web protocol: a typed message becomes the runner's inbox message") {
    const auto read = read_post(R"({"id":"a1-b_2","text":"  ran 10k easy \n"})", "r1");
    REQUIRE(std::holds_alternative<intents::IncomingMessage>(read));
    const auto& message = std::get<intents::IncomingMessage>(read);
    CHECK(message.channel == "web");
    CHECK(message.user_key == "web:r1");
    CHECK(message.chat_id == "r1");
    CHECK(message.text == "ran 10k easy");
    CHECK(message.action.empty());
    CHECK(message.dedup_key == "web:r1:a1-b_2");
    CHECK(message.reply_context == answer_context("a1-b_2"));
}

TEST_CASE("web protocol: a pressed button carries its action and shows its label") {
    const auto read = read_post(R"({"id":"x","action":"nudge:booked:7","label":"Booked ✓"})", "r1");
    REQUIRE(std::holds_alternative<intents::IncomingMessage>(read));
    const auto& message = std::get<intents::IncomingMessage>(read);
    CHECK(message.action == "nudge:booked:7");
    CHECK(message.text == "Booked ✓");
}

TEST_CASE("web protocol: the same message id from another runner is another message") {
    const auto a = std::get<intents::IncomingMessage>(read_post(R"({"id":"1","text":"hi"})", "r1"));
    const auto b = std::get<intents::IncomingMessage>(read_post(R"({"id":"1","text":"hi"})", "r2"));
    CHECK(a.dedup_key != b.dedup_key);
}

TEST_CASE("web protocol: what a browser may not post is refused with a reason") {
    const std::vector<std::string> bad = {
        "",
        "not json",
        "[1,2]",
        R"({"text":"no id"})",
        R"({"id":"","text":"empty id"})",
        R"({"id":"has space","text":"x"})",
        R"({"id":")" + std::string(65, 'a') + R"(","text":"x"})",
        R"({"id":1,"text":"x"})",
        R"({"id":"a","text":5})",
        R"({"id":"a"})",
        R"({"id":"a","text":"   "})",
        R"({"id":"a","text":"x","action":"y"})",
        R"({"id":"a","text":")" + std::string(kMaxTextBytes + 1, 'x') + R"("})",
        R"({"id":"a","action":")" + std::string(kMaxActionBytes + 1, 'x') + R"(","label":"l"})",
        "{\"id\":\"a\",\"text\":\"\xff\xfe\"}",  // not UTF-8
    };
    for (const auto& body : bad) {
        INFO(body.substr(0, 80));
        const auto read = read_post(body, "r1");
        REQUIRE(std::holds_alternative<PostError>(read));
        CHECK(std::get<PostError>(read).status == 400);
        CHECK_FALSE(std::get<PostError>(read).message.empty());
    }
}

TEST_CASE("web protocol: a stream starts at Last-Event-ID, else at the page's 'after'") {
    CHECK(stream_start(request_with({}, "/chat/events")) == 0);
    CHECK(stream_start(request_with({}, "/chat/events?after=42")) == 42);
    CHECK(stream_start(request_with({{"Last-Event-ID", "57"}}, "/chat/events?after=42")) == 57);
    CHECK(stream_start(request_with({}, "/chat/events?after=-3")) == 0);
    CHECK(stream_start(request_with({}, "/chat/events?after=abc")) == 0);
    CHECK(stream_start(request_with({{"Last-Event-ID", "x"}}, "/chat/events")) == 0);
}

TEST_CASE("web protocol: a reply event is one data line with its id, text and buttons") {
    auto reply = row(7, kSent);
    reply.text = "Booked?\nSay so";
    reply.buttons_json = intents::buttons_to_json(
        {{"Booked ✓", "nudge:booked:3", ""}, {"Book now", "", "https://clinic.example/book"}});
    const auto event = reply_event(reply, true);
    CHECK_THAT(event, Catch::StartsWith("id: 7\nevent: reply\ndata: {"));
    CHECK_THAT(event, Catch::EndsWith("}\n\n"));
    CHECK(std::count(event.begin(), event.end(), '\n') == 4);
    const auto data = Json::parse(event.substr(event.find("data: ") + 6));
    CHECK(data["id"] == 7);
    CHECK(data["text"] == "Booked?\nSay so");
    CHECK(data["buttons"][0]["action"] == "nudge:booked:3");
    CHECK(data["buttons"][1]["url"] == "https://clinic.example/book");
    CHECK_FALSE(data["buttons"][1].contains("action"));
    CHECK_THAT(reply_event(reply, false), Catch::StartsWith("event: reply\n"));
    // Text that is not UTF-8 is shown with U+FFFD instead of failing the stream.
    reply.text = "bad \xff byte";
    const auto mended = Json::parse(reply_event(reply, true).substr(event.find("data: ") + 6));
    CHECK(mended["text"] == "bad \xEF\xBF\xBD byte");
}

TEST_CASE("web protocol: the cursor sends released replies in order and moves past them") {
    ReplyCursor cursor(0);
    CHECK(lines_of(cursor.take({row(1, kSent), row(2, kSending)})) ==
          std::vector<std::string>{"id: 1", "reply 1", "id: 2", "reply 2"});
    CHECK(cursor.position() == 2);
    CHECK(cursor.take({}).empty());
    // Rows at or below the position are never sent again.
    CHECK(cursor.take({row(2, kSent)}).empty());
}

TEST_CASE("web protocol: a held reply keeps the position below it, and later ones go once") {
    ReplyCursor cursor(10);
    // 11 is held (a nudge kept out of quiet hours); 12 and 13 go now, without moving the position.
    CHECK(lines_of(cursor.take({row(11, kPending), row(12, kSent), row(13, kSent)})) ==
          std::vector<std::string>{"reply 12", "reply 13"});
    CHECK(cursor.position() == 10);
    // Read again from the position while 11 is still held: nothing is repeated.
    CHECK(cursor.take({row(11, kPending), row(12, kSent), row(13, kSent)}).empty());
    // 11 goes: it is sent, and the position moves past everything settled.
    CHECK(lines_of(cursor.take({row(11, kSent), row(12, kSent), row(13, kSent), row(14, kSent)})) ==
          std::vector<std::string>{"id: 11", "reply 11", "id: 14", "reply 14"});
    CHECK(cursor.position() == 14);
}

TEST_CASE("web protocol: a failed row is never shown but the position moves past it") {
    ReplyCursor cursor(0);
    CHECK(lines_of(cursor.take({row(1, kSent), row(2, kFailed)})) ==
          std::vector<std::string>{"id: 1", "reply 1", "id: 2"});
    CHECK(cursor.position() == 2);
    // A held row that is then dropped (expired): the replies beyond it were sent already.
    ReplyCursor held(0);
    CHECK(lines_of(held.take({row(1, kPending), row(2, kSent)})) ==
          std::vector<std::string>{"reply 2"});
    CHECK(lines_of(held.take({row(1, kFailed), row(2, kSent)})) ==
          std::vector<std::string>{"id: 2"});
}

TEST_CASE("web protocol: the conversation a page loads, and where its stream starts") {
    // (Where it starts is the reader's: merge_conversation, tests/bot/conversation_reader_test.)
    std::vector<adapters::ConversationLine> lines(3);
    lines[0].from_runner = true;
    lines[0].text = "ran 10k";
    lines[1].reply_id = 4;
    lines[1].text = "Logged";
    lines[2].reply_id = 9;
    lines[2].text = "Which zone?";
    lines[2].buttons_json = intents::buttons_to_json({{"Berlin", "zone:Europe/Berlin", ""}});
    const auto shown = Json::parse(conversation_json(lines, 9));
    CHECK(shown["after"] == 9);
    REQUIRE(shown["lines"].size() == 3);
    CHECK(shown["lines"][0]["from"] == "runner");
    CHECK_FALSE(shown["lines"][0].contains("id"));
    CHECK(shown["lines"][2]["from"] == "bot");
    CHECK(shown["lines"][2]["id"] == 9);
    CHECK(shown["lines"][2]["buttons"][0]["label"] == "Berlin");
}

TEST_CASE("web protocol: the chat's pages carry a strict content security policy") {
    const std::string policy(kChatContentSecurityPolicy);
    CHECK_THAT(policy, Catch::Contains("default-src 'none'"));
    CHECK_THAT(policy, Catch::Contains("script-src 'self'"));
    CHECK_THAT(policy, !Catch::Contains("unsafe-inline"));
    CHECK_THAT(policy, Catch::Contains("frame-ancestors 'none'"));
}

TEST_CASE("web protocol: a chart travels as a PNG data URL with its description") {
    auto reply = row(8, kSent);
    reply.text = "Your distance by week";
    // Bytes whose base64 is known: "Man" -> "TWFu", and a tail that needs padding.
    reply.image_png = std::string("Man\0\xff", 5);
    reply.image_alt = "Bar chart of km per week: Nov 30 12.";
    const auto event = reply_event(reply, true);
    CHECK(std::count(event.begin(), event.end(), '\n') == 4);  // still one data line
    const auto data = Json::parse(event.substr(event.find("data: ") + 6));
    CHECK(data["image"]["src"] == "data:image/png;base64,TWFuAP8=");
    CHECK(data["image"]["alt"] == "Bar chart of km per week: Nov 30 12.");
    // A reply without one has no image field.
    CHECK_FALSE(Json::parse(reply_event(row(9, kSent), true).substr(event.find("data: ") + 6))
                    .contains("image"));

    std::vector<adapters::ConversationLine> lines(1);
    lines[0].reply_id = 8;
    lines[0].image_png = reply.image_png;
    lines[0].image_alt = reply.image_alt;
    const auto shown = Json::parse(conversation_json(lines, 8));
    CHECK(shown["lines"][0]["image"]["src"] == "data:image/png;base64,TWFuAP8=");
}
