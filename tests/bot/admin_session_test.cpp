#include <catch2/catch.hpp>

#include "bot/admin/admin_session.hpp"

using namespace rubdown;
using namespace rubdown::bot;

namespace {

http::HttpRequest with_headers(std::vector<std::pair<std::string, std::string>> headers) {
    http::HttpRequest request;
    request.method = "GET";
    request.target = request.path = "/admin/";
    request.headers = std::move(headers);
    return request;
}

}  // namespace

TEST_CASE("admin session: a signed expiry, valid until it passes, only under its token") {
    const std::string token = "a-long-operator-secret";
    const auto value = admin_session_value(token, 1000);
    CHECK_THAT(value, Catch::StartsWith("1000."));
    CHECK(admin_session_valid(value, token, 999));
    CHECK_FALSE(admin_session_valid(value, token, 1000));  // ended
    CHECK_FALSE(admin_session_valid(value, "another-secret", 999));
    CHECK_FALSE(admin_session_valid(value, "", 999));  // no token, no dashboard
    // A later expiry written over the signed one does not carry the signature.
    auto stretched = value;
    stretched.replace(0, 4, "9999");
    CHECK_FALSE(admin_session_valid(stretched, token, 999));
    auto flipped = value;
    flipped.back() = flipped.back() == '0' ? '1' : '0';
    CHECK_FALSE(admin_session_valid(flipped, token, 999));
    for (const char* junk : {"", ".", "1000", "1000.", "x.y", "-5.abc"})
        CHECK_FALSE(admin_session_valid(junk, token, 0));
}

TEST_CASE("admin session: the cookie is HttpOnly, SameSite=Strict and only for /admin") {
    const auto cookie = admin_cookie("v", kAdminSessionSeconds, false);
    CHECK_THAT(cookie, Catch::StartsWith("rubdown_admin=v;"));
    CHECK_THAT(cookie, Catch::Contains("Path=/admin;"));
    CHECK_THAT(cookie, Catch::Contains("HttpOnly"));
    CHECK_THAT(cookie, Catch::Contains("SameSite=Strict"));
    CHECK_THAT(cookie, !Catch::Contains("Secure"));
    CHECK_THAT(admin_cookie("", 0, true), Catch::Contains("Max-Age=0"));
    CHECK_THAT(admin_cookie("", 0, true), Catch::EndsWith("; Secure"));
}

TEST_CASE("admin session: a script's bearer token or a browser's session lets an operator in") {
    const std::string token = "a-long-operator-secret";
    CHECK(operator_authorized(with_headers({{"Authorization", "Bearer " + token}}), token, 0));
    CHECK_FALSE(operator_authorized(with_headers({{"Authorization", "Bearer nope"}}), token, 0));
    const auto session = admin_session_value(token, 5000);
    CHECK(operator_authorized(with_headers({{"Cookie", "x=1; rubdown_admin=" + session}}), token,
                              100));
    CHECK_FALSE(
        operator_authorized(with_headers({{"Cookie", "rubdown_admin=" + session}}), token, 6000));
    CHECK_FALSE(operator_authorized(with_headers({}), token, 0));
    // Without a configured token nobody is let in, whatever they send.
    CHECK_FALSE(operator_authorized(with_headers({{"Authorization", "Bearer "}}), "", 0));
}
