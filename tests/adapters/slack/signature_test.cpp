#include <catch2/catch.hpp>

#include "adapters/slack/slack_signature.hpp"

using namespace rubdown;
using slack::SignatureCheck;

namespace {

// The worked example on Slack's "Verifying requests from Slack" page.
constexpr const char* kDocSecret = "8f742231b10e8888abcd99yyyzzz85a5";
constexpr const char* kDocTimestamp = "1531420618";
constexpr const char* kDocBody =
    "token=xyzz0WbapA4vBCDEFasx0q6G&team_id=T1DC2JH3J&team_domain=testteamnow&channel_id="
    "G8PSS9T3V&channel_name=foobar&user_id=U2CERLKJA&user_name=roadrunner&command=%2Fwebhook-"
    "collect&text=&response_url=https%3A%2F%2Fhooks.slack.com%2Fcommands%2FT1DC2JH3J%"
    "2F397700885554%2F96rGlfmibIGlgcZRskXaIFfN&trigger_id=398738663015.47445629121."
    "803a0bc887a14d10d2c447fce8b6703c";
constexpr const char* kDocSignature =
    "v0=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503";
constexpr storage::UnixSeconds kDocTime = 1531420618;

http::HttpRequest doc_request() {
    http::HttpRequest request;
    request.method = "POST";
    request.path = "/slack/commands";
    request.headers = {{"x-slack-request-timestamp", kDocTimestamp},
                       {"X-Slack-Signature", kDocSignature}};
    request.body = kDocBody;
    return request;
}

}  // namespace

TEST_CASE("the signature of Slack's documented example is reproduced", "[slack][signature]") {
    CHECK(slack::compute_signature(kDocSecret, kDocTimestamp, kDocBody) == kDocSignature);
}

TEST_CASE("Slack's documented request verifies, header names in any case", "[slack][signature]") {
    CHECK(slack::verify_request(doc_request(), kDocSecret, kDocTime) == SignatureCheck::valid);
    CHECK(slack::verify_request(doc_request(), kDocSecret, kDocTime + 300) ==
          SignatureCheck::valid);
    CHECK(slack::verify_request(doc_request(), kDocSecret, kDocTime - 300) ==
          SignatureCheck::valid);
}

TEST_CASE("requests that must be refused", "[slack][signature]") {
    struct Case {
        const char* name;
        std::string secret;
        std::string timestamp;
        std::string signature;
        std::string body;
        storage::UnixSeconds now;
        SignatureCheck expected;
    };
    const std::string body = kDocBody;
    const std::string sig = kDocSignature;
    const std::vector<Case> cases = {
        {"301 s late", kDocSecret, kDocTimestamp, sig, body, kDocTime + 301,
         SignatureCheck::stale_timestamp},
        {"301 s early", kDocSecret, kDocTimestamp, sig, body, kDocTime - 301,
         SignatureCheck::stale_timestamp},
        {"no timestamp", kDocSecret, "", sig, body, kDocTime, SignatureCheck::missing_timestamp},
        {"timestamp with letters", kDocSecret, "1531420618x", sig, body, kDocTime,
         SignatureCheck::malformed_timestamp},
        {"negative timestamp", kDocSecret, "-1531420618", sig, body, kDocTime,
         SignatureCheck::malformed_timestamp},
        {"timestamp too large", kDocSecret, "99999999999999999999999", sig, body, kDocTime,
         SignatureCheck::malformed_timestamp},
        {"no signature", kDocSecret, kDocTimestamp, "", body, kDocTime,
         SignatureCheck::missing_signature},
        {"signature one digit short", kDocSecret, kDocTimestamp, sig.substr(0, sig.size() - 1),
         body, kDocTime, SignatureCheck::malformed_signature},
        {"signature one digit long", kDocSecret, kDocTimestamp, sig + "0", body, kDocTime,
         SignatureCheck::malformed_signature},
        {"other version", kDocSecret, kDocTimestamp, "v1=" + sig.substr(3), body, kDocTime,
         SignatureCheck::malformed_signature},
        {"non-hex digits", kDocSecret, kDocTimestamp, "v0=" + std::string(64, 'z'), body, kDocTime,
         SignatureCheck::malformed_signature},
        {"tampered body", kDocSecret, kDocTimestamp, sig, body + "&text=hi", kDocTime,
         SignatureCheck::mismatch},
        {"one byte changed", kDocSecret, kDocTimestamp, sig,
         std::string(body).replace(body.find("roadrunner"), 1, "R"), kDocTime,
         SignatureCheck::mismatch},
        {"other secret", "another-secret", kDocTimestamp, sig, body, kDocTime,
         SignatureCheck::mismatch},
        {"timestamp replayed with the old signature", kDocSecret, "1531420619", sig, body, kDocTime,
         SignatureCheck::mismatch},
        {"no secret configured", "", kDocTimestamp, sig, body, kDocTime, SignatureCheck::no_secret},
    };
    for (const auto& c : cases) {
        INFO(c.name);
        CHECK(slack::check_signature(c.secret, c.timestamp, c.signature, c.body, c.now) ==
              c.expected);
    }
}

TEST_CASE("a request without the headers is refused", "[slack][signature]") {
    auto request = doc_request();
    request.headers.clear();
    CHECK(slack::verify_request(request, kDocSecret, kDocTime) ==
          SignatureCheck::missing_timestamp);
    request.headers = {{"X-Slack-Request-Timestamp", kDocTimestamp}};
    CHECK(slack::verify_request(request, kDocSecret, kDocTime) ==
          SignatureCheck::missing_signature);
}

TEST_CASE("the allowed clock skew can be narrowed", "[slack][signature]") {
    CHECK(slack::verify_request(doc_request(), kDocSecret, kDocTime + 61, 60) ==
          SignatureCheck::stale_timestamp);
    CHECK(slack::verify_request(doc_request(), kDocSecret, kDocTime + 60, 60) ==
          SignatureCheck::valid);
}
