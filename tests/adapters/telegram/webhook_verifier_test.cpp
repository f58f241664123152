#include <catch2/catch.hpp>

#include "adapters/telegram/webhook_verifier.hpp"

using namespace rubdown;
using namespace rubdown::telegram;

namespace {
http::HttpRequest delivery(std::string method, std::string header_name, std::string token) {
    http::HttpRequest request;
    request.method = std::move(method);
    request.target = request.path = "/telegram/webhook";
    if (!header_name.empty())
        request.headers.emplace_back(std::move(header_name), std::move(token));
    request.body = R"({"update_id":1})";
    return request;
}
}  // namespace

TEST_CASE("secret token comparison", "[telegram][webhook]") {
    CHECK(secret_token_matches("s3cret-Token_1", "s3cret-Token_1"));
    CHECK_FALSE(secret_token_matches("s3cret-Token_2", "s3cret-Token_1"));
    CHECK_FALSE(secret_token_matches("s3cret-Token_", "s3cret-Token_1"));    // prefix
    CHECK_FALSE(secret_token_matches("s3cret-Token_11", "s3cret-Token_1"));  // longer
    CHECK_FALSE(secret_token_matches("", "s3cret-Token_1"));
    CHECK_FALSE(secret_token_matches("S3CRET-TOKEN_1", "s3cret-Token_1"));  // case matters
    // No configured secret must never let a delivery through, not even an empty header.
    CHECK_FALSE(secret_token_matches("", ""));
    CHECK_FALSE(secret_token_matches("anything", ""));
}

TEST_CASE("setWebhook secret token syntax", "[telegram][webhook]") {
    CHECK(is_valid_secret_token("abc_DEF-123"));
    CHECK(is_valid_secret_token(std::string(256, 'a')));
    CHECK_FALSE(is_valid_secret_token(std::string(257, 'a')));
    CHECK_FALSE(is_valid_secret_token(""));
    CHECK_FALSE(is_valid_secret_token("has space"));
    CHECK_FALSE(is_valid_secret_token("slash/"));
    CHECK_FALSE(is_valid_secret_token("caf\xC3\xA9"));
}

TEST_CASE("webhook requests are verified before parsing", "[telegram][webhook]") {
    const std::string secret = "hook_secret-42";
    struct Case {
        std::string name;
        http::HttpRequest request;
        std::optional<int> status;  // nullopt: accepted
    };
    const std::vector<Case> cases = {
        {"right token", delivery("POST", "X-Telegram-Bot-Api-Secret-Token", secret), std::nullopt},
        {"header name in other case", delivery("POST", "x-telegram-bot-api-secret-token", secret),
         std::nullopt},
        {"wrong token", delivery("POST", "X-Telegram-Bot-Api-Secret-Token", "hook_secret-43"), 401},
        {"missing header", delivery("POST", "", ""), 401},
        {"empty header", delivery("POST", "X-Telegram-Bot-Api-Secret-Token", ""), 401},
        {"GET", delivery("GET", "X-Telegram-Bot-Api-Secret-Token", secret), 405},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto rejection = reject_unverified_webhook(c.request, secret);
        if (!c.status) {
            CHECK_FALSE(rejection.has_value());
        } else {
            REQUIRE(rejection.has_value());
            CHECK(rejection->status == *c.status);
        }
    }
}

TEST_CASE("webhook without a configured secret rejects everything", "[telegram][webhook]") {
    const auto rejection =
        reject_unverified_webhook(delivery("POST", "X-Telegram-Bot-Api-Secret-Token", ""), "");
    REQUIRE(rejection.has_value());
    CHECK(rejection->status == 401);
}
