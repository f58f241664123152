#include <catch2/catch.hpp>

#include "adapters/telegram/bot_api_transport.hpp"
#include "fixtures.hpp"
#include "support/multipart_reader.hpp"

#include <nlohmann/json.hpp>

using namespace rubdown;
using namespace rubdown::telegram;
using rubdown::telegram::test::fixture;
using namespace std::chrono_literals;

TEST_CASE("an API call becomes a client request", "[telegram][transport]") {
    const auto request =
        to_client_request(send_message("42", "hi"), "https://api.telegram.org", "123:ABC");
    CHECK(request.method == "POST");
    CHECK(request.url == "https://api.telegram.org/bot123:ABC/sendMessage");
    CHECK(request.content_type == "application/json");
    CHECK(request.body == send_message("42", "hi").body);
    CHECK(request.timeout == 30s);
    CHECK_FALSE(request.idempotent);  // a message must never be sent twice behind our back
}

TEST_CASE("which calls may be repeated", "[telegram][transport]") {
    struct Case {
        ApiCall call;
        bool idempotent;
    };
    const std::vector<Case> cases = {
        {send_message("1", "x"), false},
        {edit_message_text("1", 2, "x"), false},
        {edit_message_reply_markup("1", 2), false},
        {answer_callback_query("q"), true},
        {get_me(), true},
        {get_updates(5), true},
        {set_webhook({"https://x", "t"}), true},
        {delete_webhook(), true},
        {set_my_commands(), true},
        {get_webhook_info(), true},
    };
    for (const auto& c : cases) {
        INFO(c.call.method);
        CHECK(to_client_request(c.call, "http://127.0.0.1:1", "t").idempotent == c.idempotent);
    }
}

TEST_CASE("long polling outlasts its own timeout", "[telegram][transport]") {
    const auto poll = to_client_request(get_updates(1, 50s), "http://127.0.0.1:1", "t", 30s);
    CHECK(poll.timeout == 50s + long_poll_grace);
    const auto short_poll = to_client_request(get_updates(1, 0s), "http://127.0.0.1:1", "t", 30s);
    CHECK(short_poll.timeout == 30s);
}

TEST_CASE("answers and missing answers become results", "[telegram][transport]") {
    http::ClientResponse response;
    response.status = 429;
    response.body = fixture("error_429_retry_after.json");
    const auto flood = to_api_result(response);
    CHECK(flood.outcome == ApiOutcome::retry_after);
    CHECK(flood.retry_after == 17s);

    CHECK(to_api_result(http::ClientErrc::timed_out, "timed out").outcome == ApiOutcome::transient);
    CHECK(to_api_result(http::ClientErrc::connect_failed, "refused").outcome ==
          ApiOutcome::transient);
    const auto tls = to_api_result(http::ClientErrc::tls_failed, "certificate");
    CHECK(tls.outcome == ApiOutcome::permanent);
    CHECK(tls.description == "certificate");
}

TEST_CASE("a photo goes up as a form, the call's fields beside the file", "[telegram][transport]") {
    const std::string png("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16);
    const auto call = send_photo("-100123", png, "Distance by week",
                                 {{"Chart by month", "chart:months", ""}}, 77);
    const auto request = to_client_request(call, "https://api.telegram.org", "123:ABC");
    CHECK(request.url == "https://api.telegram.org/bot123:ABC/sendPhoto");
    CHECK_FALSE(request.idempotent);
    const auto form = rubdown::testing::read_multipart(request.content_type, request.body);
    REQUIRE(form);
    CHECK(form->at("chat_id").value == "-100123");
    CHECK(form->at("caption").value == "Distance by week");
    CHECK(form->at("photo").value == png);
    CHECK(form->at("photo").content_type == "image/png");
    // Objects travel as JSON text in their field.
    const auto keyboard = nlohmann::json::parse(form->at("reply_markup").value);
    CHECK(keyboard["inline_keyboard"][0][0]["callback_data"] == "chart:months");
    CHECK(nlohmann::json::parse(form->at("reply_parameters").value)["message_id"] == 77);
}
