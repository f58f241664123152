// Fuzzes request authentication: Slack's v0 request signatures and Telegram's webhook secret
// token. The input is split deterministically into the parts a request has (secret, timestamp
// header, signature header, clock, body), and the checks are held to their definitions: only the
// exact signature of these bytes under this secret, inside the clock skew, is valid; only the exact
// configured token matches.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include <fuzzer/FuzzedDataProvider.h>

#include "adapters/slack/slack_signature.hpp"
#include "adapters/telegram/webhook_verifier.hpp"

namespace {

// The instants a real or simulated clock can show: 1970 to the end of year 9999.
constexpr std::int64_t kLatestInstant = 253402300799;

void fuzz_slack(FuzzedDataProvider& input) {
    using namespace rubdown::slack;
    const std::string secret = input.ConsumeRandomLengthString(128);
    const std::string timestamp = input.ConsumeRandomLengthString(32);
    std::string signature = input.ConsumeRandomLengthString(80);
    const std::int64_t now = input.ConsumeIntegralInRange<std::int64_t>(0, kLatestInstant);
    const bool sign_it = input.ConsumeBool();
    const std::string body = input.ConsumeRemainingBytesAsString();

    const std::string correct = compute_signature(secret, timestamp, body);
    if (correct.size() != 3 + 64 || correct.rfind("v0=", 0) != 0) std::abort();
    if (sign_it) signature = correct;

    const auto check = check_signature(secret, timestamp, signature, body, now);
    (void)to_string(check);
    if (check == SignatureCheck::valid && signature != correct) std::abort();
    if (secret.empty() && check != SignatureCheck::no_secret) std::abort();

    // The same request through the header lookup the endpoints use.
    rubdown::http::HttpRequest request;
    request.method = "POST";
    request.headers = {{"x-slack-request-timestamp", timestamp}, {"X-SLACK-SIGNATURE", signature}};
    request.body = body;
    if (verify_request(request, secret, now) != check) std::abort();
}

void fuzz_telegram(FuzzedDataProvider& input) {
    using namespace rubdown::telegram;
    const std::string expected = input.ConsumeRandomLengthString(300);
    const std::string presented = input.ConsumeRemainingBytesAsString();

    const bool matches = secret_token_matches(presented, expected);
    if (matches != (!expected.empty() && presented == expected)) std::abort();
    if (!expected.empty() && !secret_token_matches(expected, expected)) std::abort();
    (void)is_valid_secret_token(expected);

    rubdown::http::HttpRequest request;
    request.method = "POST";
    request.headers = {{"x-telegram-bot-api-secret-token", presented}};
    if (reject_unverified_webhook(request, expected).has_value() == matches) std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    FuzzedDataProvider input(data, size);
    if (input.ConsumeBool())
        fuzz_slack(input);
    else
        fuzz_telegram(input);
    return 0;
}
