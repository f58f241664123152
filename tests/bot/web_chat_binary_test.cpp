// The web chat through the real `rubdown serve` on loopback: a browser's requests as a browser
// sends them (the session cookie, Origin, JSON posts, an event stream read as raw bytes), the
// bot's real answers, and what is refused.

#include <catch2/catch.hpp>

#include <csignal>
#include <regex>
#include <string>
#include <vector>

#include "bot/web_chat_fixture.hpp"

using namespace rubdown::testing;
using namespace rubdown::testing::web_chat;
using Json = nlohmann::json;

TEST_CASE("web chat: the page comes with a session cookie and a strict content policy") {
    WebServer server;
    RawHttpClient client(server.port);
    const auto page = client.request("GET", "/");
    REQUIRE(page);
    CHECK(page->result_int() == 200);
    CHECK_THAT(std::string((*page)[boost::beast::http::field::content_type]),
               Catch::StartsWith("text/html"));
    CHECK_THAT(page->body(), Catch::Contains("/chat/app.js"));
    CHECK_THAT(page->body(), !Catch::Contains("<script>"));  // no inline script
    const std::string policy(page->at("Content-Security-Policy"));
    CHECK_THAT(policy, Catch::Contains("script-src 'self'"));
    const std::string cookie((*page)[boost::beast::http::field::set_cookie]);
    CHECK_THAT(cookie, Catch::Contains("HttpOnly"));
    CHECK_THAT(cookie, Catch::Contains("SameSite=Lax"));
    // A browser that has its session keeps it: the same token, its year renewed.
    const auto session = cookie.substr(0, cookie.find(';'));
    const auto again = client.request("GET", "/", "", "Cookie: " + session + "\r\n");
    REQUIRE(again);
    CHECK_THAT(std::string((*again)[boost::beast::http::field::set_cookie]),
               Catch::StartsWith(session + ";"));
    for (const char* asset : {"/chat/app.js", "/chat/app.css"}) {
        const auto file = client.request("GET", asset);
        REQUIRE(file);
        CHECK(file->result_int() == 200);
        CHECK(file->body().size() > 500);
    }
    // The server says where to open it.
    CHECK_THAT(server.process->err(),
               Catch::Contains("http://127.0.0.1:" + std::to_string(server.port) + "/"));
}

TEST_CASE("web chat: a run posted comes back as the bot's reply on the event stream") {
    WebServer server;
    const auto cookie = open_page(server);
    EventStream stream(server, cookie);
    CHECK_THAT(stream.until("retry:"), Catch::Contains("text/event-stream"));
    CHECK(post(server, cookie, message("m1", "ran 10k easy this morning")) == 202);
    const auto received = stream.until("Logged");
    CHECK_THAT(received, Catch::Contains("event: reply"));
    CHECK_THAT(received, Catch::Contains("10 km"));
    REQUIRE_FALSE(reply_ids(received).empty());
    CHECK_THAT(received, Catch::Contains("id: " + std::to_string(reply_ids(received).front())));
    // The page's view of the conversation has both sides.
    const auto shown = conversation(server, cookie);
    REQUIRE(shown["lines"].size() >= 2);
    CHECK(shown["lines"][0]["from"] == "runner");
    CHECK(shown["lines"][0]["text"] == "ran 10k easy this morning");
    CHECK(shown["lines"][1]["from"] == "bot");
    CHECK(shown["after"].get<long>() >= reply_ids(received).front());
}

TEST_CASE("web chat: a stream reconnecting with Last-Event-ID gets exactly what it missed") {
    WebServer server;
    const auto cookie = open_page(server);
    long last_seen = 0;
    {
        EventStream stream(server, cookie);
        stream.until("retry:");
        REQUIRE(post(server, cookie, message("m1", "ran 10k easy this morning")) == 202);
        const auto ids = reply_ids(stream.until("time zone"));
        REQUIRE(ids.size() == 2);  // the log and the question of the runner's zone
        last_seen = ids.back();
    }  // the tab goes away
    REQUIRE(post(server, cookie, message("m2", "I'm in Berlin")) == 202);
    REQUIRE(post(server, cookie, message("m3", "what is a sports massage?")) == 202);
    EventStream back(server, cookie, "Last-Event-ID: " + std::to_string(last_seen) + "\r\n");
    const auto received = back.until("massage goes");
    const auto ids = reply_ids(received);
    REQUIRE(ids.size() >= 2);
    CHECK(ids.front() == last_seen + 1);  // nothing it had, nothing skipped
    for (std::size_t i = 1; i < ids.size(); ++i) CHECK(ids[i] == ids[i - 1] + 1);
    CHECK_THAT(received, Catch::Contains("Berlin"));
    // The page's own 'after' is overruled by Last-Event-ID, which the browser sends on reconnect.
    EventStream both(server, cookie, "Last-Event-ID: " + std::to_string(ids.back()) + "\r\n",
                     "/chat/events?after=0");
    CHECK(post(server, cookie, message("m4", "thanks")) == 202);
    const auto later = reply_ids(both.until("data: "));
    REQUIRE_FALSE(later.empty());
    CHECK(later.front() == ids.back() + 1);
}

TEST_CASE("web chat: two tabs of one runner both get each reply: another runner gets none") {
    WebServer server;
    const auto cookie = open_page(server);
    const auto stranger = open_page(server);
    REQUIRE(cookie != stranger);
    EventStream first(server, cookie), second(server, cookie), other(server, stranger);
    first.until("retry:");
    second.until("retry:");
    other.until("retry:");
    REQUIRE(post(server, cookie, message("m1", "ran 10k easy this morning")) == 202);
    const auto a = reply_ids(first.until("time zone"));
    const auto b = reply_ids(second.until("time zone"));
    CHECK(a == b);
    CHECK(a.size() == 2);
    REQUIRE(post(server, stranger, message("s1", "hello")) == 202);
    const auto theirs = other.until("data: ");
    for (const auto id : reply_ids(theirs)) CHECK(std::find(a.begin(), a.end(), id) == a.end());
    CHECK(conversation(server, stranger)["lines"][0]["text"] == "hello");
}

TEST_CASE("web chat: a post sent twice (a retry after a lost answer) is recorded once") {
    WebServer server;
    const auto cookie = open_page(server);
    CHECK(post(server, cookie, message("same", "ran 10k easy this morning")) == 202);
    CHECK(post(server, cookie, message("same", "ran 10k easy this morning")) == 202);
    EventStream stream(server, cookie);
    stream.until("time zone");
    const auto lines = conversation(server, cookie)["lines"];
    int from_runner = 0;
    for (const auto& line : lines) from_runner += line["from"] == "runner" ? 1 : 0;
    CHECK(from_runner == 1);
}

TEST_CASE("web chat: what is not from the page, not a session or not a message is refused") {
    WebServer server;
    const auto cookie = open_page(server);
    const auto json = "Content-Type: application/json\r\n";
    const auto good = message("m1", "hello");
    // Another site's page, or a request with no Origin at all (not a browser's fetch).
    CHECK(post(server, cookie, good, "Origin: http://evil.example\r\n" + std::string(json)) == 403);
    CHECK(post(server, cookie, good, json) == 403);
    CHECK(post(server, cookie, good,
               "Origin: " + server.origin() + "\r\nSec-Fetch-Site: cross-site\r\n" + json) == 403);
    // No session, or a forged one.
    CHECK(post(server, "", good) == 401);
    CHECK(post(server, "rubdown_chat=" + std::string(64, 'z'), good) == 401);
    // Not JSON, or JSON that is not a message.
    CHECK(post(server, cookie, good,
               "Origin: " + server.origin() + "\r\nContent-Type: text/plain\r\n") == 415);
    CHECK(post(server, cookie, "{not json") == 400);
    CHECK(post(server, cookie, R"({"id":"x"})") == 400);
    CHECK(post(server, cookie, R"({"id":"bad id!","text":"hi"})") == 400);
    // Too large: refused on its declared length, unread.
    CHECK(post(server, cookie, message("big", std::string(40 * 1024, 'a'))) == 413);
    // The stream and the conversation need the session too, and refuse another site.
    RawHttpClient client(server.port);
    const auto no_session = client.request("GET", "/chat/events");
    REQUIRE(no_session);
    CHECK(no_session->result_int() == 401);
    RawHttpClient cross(server.port);
    const auto foreign = cross.request("GET", "/chat/conversation", "",
                                       "Cookie: " + cookie + "\r\nOrigin: http://evil.example\r\n");
    REQUIRE(foreign);
    CHECK(foreign->result_int() == 403);
    // Nothing refused reached the runner's conversation.
    CHECK(conversation(server, cookie)["lines"].empty());
}

TEST_CASE("web chat: a crash loses nothing acknowledged: the page shows it after the restart") {
    WebServer server;
    const auto cookie = open_page(server);
    {
        EventStream stream(server, cookie);
        stream.until("retry:");
        REQUIRE(post(server, cookie, message("m1", "ran 10k easy this morning")) == 202);
        stream.until("time zone");
    }
    server.process->signal(SIGKILL);
    server.process->wait(std::chrono::seconds(10));
    server.start();
    const auto shown = conversation(server, cookie);
    REQUIRE(shown["lines"].size() == 3);
    CHECK(shown["lines"][0]["text"] == "ran 10k easy this morning");
    CHECK_THAT(shown["lines"][1]["text"].get<std::string>(), Catch::Contains("10 km"));
    // The stream after the restart starts where the page says and repeats nothing.
    EventStream stream(server, cookie, "", "/chat/events?after=" + shown["after"].dump());
    REQUIRE(post(server, cookie, message("m2", "thanks")) == 202);
    const auto ids = reply_ids(stream.until("data: "));
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == shown["after"].get<long>() + 1);
}

TEST_CASE("web chat: RUBDOWN_WEB_CHAT=off serves no page and takes no message") {
    WebServer server(std::map<std::string, std::string>{{"RUBDOWN_WEB_CHAT", "off"}});
    RawHttpClient client(server.port);
    const auto page = client.request("GET", "/");
    REQUIRE(page);
    CHECK(page->result_int() == 404);
    CHECK(post(server, "rubdown_chat=" + std::string(64, 'a'), message("m1", "hi")) == 404);
    CHECK_THAT(server.process->err(), !Catch::Contains("Chat with it in a browser"));
}
