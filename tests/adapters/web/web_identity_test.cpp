#include <catch2/catch.hpp>

#include <set>

#include "adapters/http/cookies.hpp"
#include "adapters/web/web_identity.hpp"

using namespace rubdown::web;

TEST_CASE("web identity: a new token is 64 hex digits, different every time, and valid") {
    std::set<std::string> seen;
    for (int i = 0; i < 100; ++i) {
        const auto token = new_token();
        CHECK(token.size() == 64);
        CHECK(valid_token(token) == token);
        seen.insert(token);
    }
    CHECK(seen.size() == 100);
}

TEST_CASE("web identity: only the shape new_token makes is a token") {
    const std::string good(64, 'a');
    CHECK(valid_token(good));
    CHECK_FALSE(valid_token(std::string(63, 'a')));
    CHECK_FALSE(valid_token(std::string(65, 'a')));
    CHECK_FALSE(valid_token(std::string(64, 'A')));  // upper case is not what we hand out
    CHECK_FALSE(valid_token(std::string(63, 'a') + "g"));
    CHECK_FALSE(valid_token(std::string(63, 'a') + ";"));
    CHECK_FALSE(valid_token(""));
}

TEST_CASE("web identity: the session cookie is read among others, quoted or spaced") {
    const std::string token(64, 'b');
    CHECK(token_from_cookies("rubdown_chat=" + token) == token);
    CHECK(token_from_cookies("theme=dark; rubdown_chat=" + token + "; lang=en") == token);
    CHECK(token_from_cookies("theme=dark;rubdown_chat=\"" + token + "\"") == token);
    CHECK(token_from_cookies("  rubdown_chat = " + token + " ") == token);
    CHECK_FALSE(token_from_cookies("other_rubdown_chat=" + token));
    CHECK_FALSE(token_from_cookies("rubdown_chat=" + token.substr(1)));
    CHECK_FALSE(token_from_cookies("rubdown_chat"));
    CHECK_FALSE(token_from_cookies(""));
    CHECK(rubdown::http::cookie_value("a=1; b=2", "b") == "2");
    CHECK(rubdown::http::cookie_value("a=1; b=", "b") == "");
    CHECK_FALSE(rubdown::http::cookie_value("a=1; bb=2", "b"));
}

TEST_CASE("web identity: the cookie is HttpOnly and SameSite=Lax, Secure only over HTTPS") {
    const auto plain = session_cookie(std::string(64, 'c'), false);
    CHECK_THAT(plain, Catch::StartsWith("rubdown_chat=" + std::string(64, 'c') + ";"));
    CHECK_THAT(plain, Catch::Contains("HttpOnly"));
    // Lax: a runner arriving by a link from another site keeps their session.
    CHECK_THAT(plain, Catch::Contains("SameSite=Lax"));
    CHECK_THAT(plain, Catch::Contains("Path=/"));
    CHECK_THAT(plain, !Catch::Contains("Secure"));
    CHECK_THAT(session_cookie(std::string(64, 'c'), true), Catch::EndsWith("; Secure"));
}

TEST_CASE("web identity: the runner is a digest of the token, never the token itself") {
    const auto token = new_token();
    const auto runner = runner_id(token);
    CHECK(runner.size() == 32);
    CHECK(runner == runner_id(token));
    CHECK(runner != runner_id(new_token()));
    CHECK(token.find(runner) == std::string::npos);
    CHECK(user_key_for(runner) == "web:" + runner);
    // SHA-256("") begins e3b0c442...: a known answer, so the digest is the one documented.
    CHECK(runner_id("") == "e3b0c44298fc1c149afbf4c8996fb924");
}
