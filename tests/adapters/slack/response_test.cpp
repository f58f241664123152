#include <catch2/catch.hpp>

#include "adapters/slack/slack_response.hpp"
#include "slack_test_support.hpp"

using namespace rubdown;
using slack::ApiCall;
using Verdict = slack::SendOutcome::Verdict;
using slack::test::read_fixture;

TEST_CASE("a successful chat.postMessage is sent and tells where", "[slack][response]") {
    const auto outcome = slack::classify_response(ApiCall::Target::web_api, 200, "",
                                                  read_fixture("chat_postMessage_ok.json"));
    CHECK(outcome.verdict == Verdict::sent);
    CHECK(outcome.channel == "D0PNCRP9N");
    CHECK(outcome.ts == "1700000800.001100");
    CHECK(outcome.error.empty());
}

TEST_CASE("429 pauses for Retry-After seconds", "[slack][response]") {
    const auto outcome = slack::classify_response(
        ApiCall::Target::web_api, 429, "30", read_fixture("chat_postMessage_ratelimited.json"));
    CHECK(outcome.verdict == Verdict::retry);
    CHECK(outcome.rate_limited);
    CHECK(outcome.retry_after_seconds == 30);

    const auto no_header = slack::classify_response(ApiCall::Target::web_api, 429, "", "");
    CHECK(no_header.verdict == Verdict::retry);
    CHECK(no_header.retry_after_seconds == 0);
    CHECK(slack::classify_response(ApiCall::Target::web_api, 429, "soon", "").retry_after_seconds ==
          0);
}

TEST_CASE("ok:false errors are sorted", "[slack][response]") {
    struct Case {
        const char* error;
        Verdict verdict;
        bool configuration;
        bool unreachable;
    };
    const std::vector<Case> cases = {
        {"ratelimited", Verdict::retry, false, false},
        {"internal_error", Verdict::retry, false, false},
        {"fatal_error", Verdict::retry, false, false},
        {"service_unavailable", Verdict::retry, false, false},
        {"request_timeout", Verdict::retry, false, false},
        {"invalid_auth", Verdict::give_up, true, false},
        {"not_authed", Verdict::give_up, true, false},
        {"token_revoked", Verdict::give_up, true, false},
        {"account_inactive", Verdict::give_up, true, false},
        {"missing_scope", Verdict::give_up, true, false},
        {"channel_not_found", Verdict::give_up, false, true},
        {"not_in_channel", Verdict::give_up, false, true},
        {"is_archived", Verdict::give_up, false, true},
        {"msg_too_long", Verdict::give_up, false, false},
        {"no_text", Verdict::give_up, false, false},
        {"invalid_blocks", Verdict::give_up, false, false},
        {"message_not_found", Verdict::give_up, false, false},
        {"something_new", Verdict::give_up, false, false},
    };
    for (const auto& c : cases) {
        INFO(c.error);
        const auto body = std::string(R"({"ok":false,"error":")") + c.error + "\"}";
        const auto outcome = slack::classify_response(ApiCall::Target::web_api, 200, "", body);
        CHECK(outcome.verdict == c.verdict);
        CHECK(outcome.configuration_problem == c.configuration);
        CHECK(outcome.recipient_unreachable == c.unreachable);
        CHECK(outcome.error == c.error);
    }
}

TEST_CASE("error fixtures", "[slack][response]") {
    const auto auth = slack::classify_response(ApiCall::Target::web_api, 200, "",
                                               read_fixture("chat_postMessage_invalid_auth.json"));
    CHECK(auth.verdict == Verdict::give_up);
    CHECK(auth.configuration_problem);
    const auto missing = slack::classify_response(
        ApiCall::Target::web_api, 200, "", read_fixture("chat_postMessage_channel_not_found.json"));
    CHECK(missing.verdict == Verdict::give_up);
    CHECK(missing.recipient_unreachable);
    const auto blocks = slack::classify_response(
        ApiCall::Target::web_api, 200, "", read_fixture("chat_postMessage_invalid_blocks.json"));
    CHECK(blocks.verdict == Verdict::give_up);
    CHECK(blocks.error == "invalid_blocks");
}

TEST_CASE("HTTP failures", "[slack][response]") {
    CHECK(slack::classify_response(ApiCall::Target::web_api, 500, "", "").verdict ==
          Verdict::retry);
    CHECK(slack::classify_response(ApiCall::Target::web_api, 503, "", "<html>").verdict ==
          Verdict::retry);
    // A 200 that is not Slack JSON (a proxy page): try again later.
    CHECK(slack::classify_response(ApiCall::Target::web_api, 200, "", "<html>").verdict ==
          Verdict::retry);
    const auto forbidden = slack::classify_response(ApiCall::Target::web_api, 403, "", "");
    CHECK(forbidden.verdict == Verdict::give_up);
    CHECK(forbidden.configuration_problem);
    CHECK(slack::classify_transport_failure("connection refused").verdict == Verdict::retry);
}

TEST_CASE("response_url answers", "[slack][response]") {
    CHECK(slack::classify_response(ApiCall::Target::response_url, 200, "", "ok").verdict ==
          Verdict::sent);
    CHECK(slack::classify_response(ApiCall::Target::response_url, 200, "", R"({"ok":true})")
              .verdict == Verdict::sent);
    const auto expired =
        slack::classify_response(ApiCall::Target::response_url, 404, "", "expired_url");
    CHECK(expired.verdict == Verdict::give_up);
    CHECK_FALSE(expired.configuration_problem);
    CHECK(expired.error.find("expired_url") != std::string::npos);
}

TEST_CASE("fallbacks follow permanent failures that are not about the token", "[slack][response]") {
    const auto gone = slack::classify_error_code("message_not_found");
    CHECK(slack::should_fall_back(gone));
    CHECK(slack::should_fall_back(
        slack::classify_response(ApiCall::Target::response_url, 404, "", "used_url")));
    CHECK_FALSE(slack::should_fall_back(slack::classify_error_code("invalid_auth")));
    CHECK_FALSE(slack::should_fall_back(slack::classify_error_code("ratelimited")));
    CHECK_FALSE(slack::should_fall_back(
        slack::classify_response(ApiCall::Target::web_api, 200, "", R"({"ok":true})")));
}
