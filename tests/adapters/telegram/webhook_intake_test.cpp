#include <catch2/catch.hpp>

#include "adapters/telegram/webhook_intake.hpp"
#include "fixtures.hpp"

using namespace rubdown;
using namespace rubdown::telegram;
using rubdown::telegram::test::fixture;

namespace {
http::HttpRequest post(std::string body, std::string token = "hook-secret") {
    http::HttpRequest request;
    request.method = "POST";
    request.target = request.path = "/telegram/webhook";
    request.headers = {{"Content-Type", "application/json"},
                       {"X-Telegram-Bot-Api-Secret-Token", std::move(token)}};
    request.body = std::move(body);
    return request;
}

int status_of(const std::variant<http::HttpResponse, ParsedUpdate>& outcome) {
    return std::holds_alternative<http::HttpResponse>(outcome)
               ? std::get<http::HttpResponse>(outcome).status
               : 0;
}
}  // namespace

TEST_CASE("webhook intake: verify, then parse", "[telegram][webhook]") {
    struct Case {
        std::string name;
        http::HttpRequest request;
        int status;  // 0: an update to process
    };
    const std::vector<Case> cases = {
        {"message", post(fixture("update_private_message.json")), 0},
        {"unknown type is still an update", post(fixture("update_my_chat_member.json")), 0},
        {"bad JSON", post(fixture("update_bad_json.json")), 400},
        {"missing update_id", post(fixture("update_missing_update_id.json")), 400},
        // A forged delivery is refused before its body is even looked at.
        {"wrong token with bad JSON", post(fixture("update_bad_json.json"), "guess"), 401},
        {"wrong token", post(fixture("update_private_message.json"), "guess"), 401},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK(status_of(accept_webhook(c.request, "hook-secret")) == c.status);
    }
}

TEST_CASE("webhook intake passes the parse options on", "[telegram][webhook]") {
    const auto outcome = accept_webhook(post(fixture("update_group_command_other_bot.json")),
                                        "hook-secret", ParseOptions{"RubdownBot"});
    REQUIRE(std::holds_alternative<ParsedUpdate>(outcome));
    CHECK(std::get<ParsedUpdate>(outcome).kind == ParsedUpdate::Kind::ignored);
    CHECK(acknowledge_update().status == 200);
}
