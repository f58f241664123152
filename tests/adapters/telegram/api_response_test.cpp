#include <catch2/catch.hpp>

#include "adapters/telegram/api_response.hpp"
#include "fixtures.hpp"

using namespace rubdown::telegram;
using rubdown::telegram::test::fixture;

TEST_CASE("Bot API answers are classified", "[telegram][response]") {
    struct Case {
        std::string name;
        int status;
        std::string body;
        ApiOutcome outcome;
        int error_code;
    };
    const std::vector<Case> cases = {
        {"sent", 200, fixture("send_message_ok.json"), ApiOutcome::ok, 0},
        {"flood control", 429, fixture("error_429_retry_after.json"), ApiOutcome::retry_after, 429},
        {"blocked by the user", 403, fixture("error_403_blocked.json"), ApiOutcome::blocked, 403},
        {"chat not found", 400, fixture("error_400_chat_not_found.json"), ApiOutcome::permanent,
         400},
        {"bad token", 401, fixture("error_401_unauthorized.json"), ApiOutcome::unauthorized, 401},
        {"webhook conflict", 409, fixture("error_409_conflict.json"), ApiOutcome::permanent, 409},
        {"edit to the same content", 400, fixture("error_400_not_modified.json"), ApiOutcome::ok,
         400},
        {"proxy error page", 502, fixture("error_502_bad_gateway.html"), ApiOutcome::transient,
         502},
        {"server error with envelope", 500,
         R"({"ok":false,"error_code":500,"description":"Internal Server Error"})",
         ApiOutcome::transient, 500},
        {"empty 200", 200, "", ApiOutcome::transient, 200},
        {"truncated 200", 200, R"({"ok":true,"res)", ApiOutcome::transient, 200},
        {"ok true with an error status", 500, R"({"ok":true,"result":true})", ApiOutcome::transient,
         500},
        {"error code from the body wins", 200,
         R"({"ok":false,"error_code":403,"description":"Forbidden: user is deactivated"})",
         ApiOutcome::blocked, 403},
        {"plain 404", 404, "Not Found", ApiOutcome::permanent, 404},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        const auto api = classify_response(c.status, c.body);
        CHECK(api.outcome == c.outcome);
        CHECK(api.error_code == c.error_code);
    }
}

TEST_CASE("flood control carries its wait", "[telegram][response]") {
    const auto api = classify_response(429, fixture("error_429_retry_after.json"));
    CHECK(api.retry_after == std::chrono::seconds{17});
    CHECK(api.description == "Too Many Requests: retry after 17");

    const auto bare = classify_response(429, R"({"ok":false,"error_code":429})");
    CHECK(bare.outcome == ApiOutcome::retry_after);
    CHECK(bare.retry_after == default_retry_after);
}

TEST_CASE("a migrated group names its new chat", "[telegram][response]") {
    const auto api = classify_response(400, fixture("error_400_migrated.json"));
    CHECK(api.outcome == ApiOutcome::permanent);
    CHECK(api.migrate_to_chat_id == -1001234567890);
}

TEST_CASE("results are readable", "[telegram][response]") {
    const auto sent = classify_response(200, fixture("send_message_ok.json"));
    CHECK(sent_message_id(sent) == 1311);
    CHECK(sent.result["chat"]["id"] == 123456789);
    CHECK_FALSE(sent_message_id(classify_response(403, fixture("error_403_blocked.json"))));

    const auto me = classify_response(200, fixture("get_me_ok.json"));
    CHECK(bot_username(me) == "RubdownBot");
    CHECK_FALSE(bot_username(classify_response(401, fixture("error_401_unauthorized.json"))));
}

TEST_CASE("network failures are transient", "[telegram][response]") {
    const auto api = network_failure("connect: connection refused");
    CHECK(api.outcome == ApiOutcome::transient);
    CHECK(api.error_code == 0);
    CHECK(api.description == "connect: connection refused");
    CHECK(to_string(ApiOutcome::retry_after) == "retry_after");
}
