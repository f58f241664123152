#include <catch2/catch.hpp>

#include <string>
#include <utility>
#include <vector>

#include "adapters/http/browser_page.hpp"
#include "adapters/http/same_origin.hpp"

using namespace rubdown::http;

namespace {

HttpRequest request_with(std::vector<std::pair<std::string, std::string>> headers) {
    HttpRequest request;
    request.method = "POST";
    request.target = request.path = "/chat/messages";
    request.headers = std::move(headers);
    return request;
}

}  // namespace

TEST_CASE("same origin: the Origin names the Host the request was sent to") {
    CHECK(same_origin(
        request_with({{"Host", "127.0.0.1:8080"}, {"Origin", "http://127.0.0.1:8080"}}), true));
    // Behind a TLS proxy the scheme differs; the host and port are what matter.
    CHECK(same_origin(
        request_with({{"Host", "chat.club.example"}, {"Origin", "https://chat.club.example"}}),
        true));
    CHECK(same_origin(
        request_with({{"host", "Chat.Club.example"}, {"origin", "https://chat.club.example"}}),
        true));
    CHECK_FALSE(same_origin(
        request_with({{"Host", "127.0.0.1:8080"}, {"Origin", "http://evil.example"}}), true));
    CHECK_FALSE(same_origin(
        request_with({{"Host", "127.0.0.1:8080"}, {"Origin", "http://127.0.0.1:9090"}}), true));
    CHECK_FALSE(same_origin(request_with({{"Host", "127.0.0.1:8080"}, {"Origin", "null"}}), true));
    CHECK_FALSE(same_origin(request_with({{"Origin", "http://127.0.0.1:8080"}}), true));
    // Without an Origin: refused where one is required (a POST), allowed for a plain GET.
    CHECK_FALSE(same_origin(request_with({{"Host", "127.0.0.1:8080"}}), true));
    CHECK(same_origin(request_with({{"Host", "127.0.0.1:8080"}}), false));
    // A browser's own word on where the request came from is heeded.
    CHECK_FALSE(
        same_origin(request_with({{"Host", "h"}, {"Sec-Fetch-Site", "cross-site"}}), false));
    CHECK(same_origin(request_with({{"Host", "h"}, {"Sec-Fetch-Site", "same-origin"}}), false));
}

TEST_CASE("browser pages: their policy, and no sniffing, framing or referrer to other sites") {
    HttpResponse response;
    add_page_headers(response, "default-src 'none'");
    const auto header = [&](const std::string& name) {
        for (const auto& [key, value] : response.headers)
            if (key == name) return value;
        return std::string{};
    };
    CHECK(header("Content-Security-Policy") == "default-src 'none'");
    CHECK(header("X-Content-Type-Options") == "nosniff");
    CHECK(header("X-Frame-Options") == "DENY");
    // same-origin, not no-referrer: with no-referrer a browser posts forms with "Origin: null".
    CHECK(header("Referrer-Policy") == "same-origin");
}
