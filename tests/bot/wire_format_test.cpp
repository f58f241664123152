#include "bot/http/wire_format.hpp"

#include <catch2/catch.hpp>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

using namespace rubdown;
namespace bhttp = boost::beast::http;

TEST_CASE("wire: an answer has its status line, type, length and body") {
    auto response = http::HttpResponse::text(201, "made\n");
    response.headers.emplace_back("Location", "/x");
    const auto bytes = bot::serialize(std::move(response), 11, true);
    CHECK(bytes ==
          "HTTP/1.1 201 Created\r\nServer: rubdown\r\nContent-Type: text/plain; "
          "charset=utf-8\r\nLocation: /x\r\nContent-Length: 5\r\n\r\nmade\n");
}

TEST_CASE("wire: HEAD keeps the length and sends no body: 204 sends neither") {
    const auto head = bot::serialize(http::HttpResponse::text(200, "hello"), 11, true, true);
    CHECK(head.find("Content-Length: 5\r\n") != std::string::npos);
    CHECK(head.substr(head.size() - 4) == "\r\n\r\n");
    const auto empty = bot::serialize(http::HttpResponse::text(204, "ignored"), 11, true);
    CHECK(empty.find("Content-Length") == std::string::npos);
    CHECK(empty.find("ignored") == std::string::npos);
}

TEST_CASE("wire: the connection header says what differs from the version's default") {
    const auto ok = [](unsigned version, bool keep_alive) {
        return bot::serialize(http::HttpResponse::text(200, ""), version, keep_alive);
    };
    CHECK(ok(11, true).find("Connection:") == std::string::npos);
    CHECK(ok(11, false).find("Connection: close\r\n") != std::string::npos);
    CHECK(ok(10, true).find("Connection: keep-alive\r\n") != std::string::npos);
    CHECK(ok(10, false).find("Connection:") == std::string::npos);
    CHECK(ok(10, false).rfind("HTTP/1.0 200 OK\r\n", 0) == 0);
}

TEST_CASE("wire: a parsed request keeps method, target, path without query, headers and body") {
    bhttp::request<bhttp::string_body> request{bhttp::verb::post, "/slack/events?x=1", 11};
    request.set("X-Slack-Signature", "v0=abc");
    request.body() = "{}";
    const auto neutral = bot::to_neutral(std::move(request), "127.0.0.1");
    CHECK(neutral.method == "POST");
    CHECK(neutral.target == "/slack/events?x=1");
    CHECK(neutral.path == "/slack/events");
    CHECK(neutral.body == "{}");
    CHECK(neutral.remote_address == "127.0.0.1");
    REQUIRE(neutral.headers.size() == 1);
    CHECK(neutral.headers[0].first == "X-Slack-Signature");
    CHECK(neutral.headers[0].second == "v0=abc");
}
