#include "adapters/slack/slack_response.hpp"

#include <algorithm>
#include <array>
#include <charconv>

#include <nlohmann/json.hpp>

#include "adapters/slack/slack_json.hpp"

namespace rubdown::slack {

namespace {

// Temporary on Slack's side: the same request may well succeed later.
constexpr std::array<std::string_view, 7> kRetryable = {
    "ratelimited",         "rate_limited",    "internal_error",    "fatal_error",
    "service_unavailable", "request_timeout", "team_added_to_org",
};

// Our token or app setup is wrong; nothing goes out until the operator acts.
constexpr std::array<std::string_view, 9> kConfiguration = {
    "invalid_auth",           "not_authed",       "token_revoked",
    "token_expired",          "account_inactive", "missing_scope",
    "not_allowed_token_type", "no_permission",    "ekm_access_denied",
};

// The conversation cannot receive this bot's messages.
constexpr std::array<std::string_view, 7> kUnreachable = {
    "channel_not_found", "not_in_channel",        "is_archived",       "user_not_found",
    "cannot_dm_bot",     "messages_tab_disabled", "restricted_action",
};

template <std::size_t N>
bool listed(const std::array<std::string_view, N>& list, std::string_view error) {
    return std::find(list.begin(), list.end(), error) != list.end();
}

std::int64_t parse_seconds(std::string_view text) {
    while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
    while (!text.empty() && text.back() == ' ') text.remove_suffix(1);
    std::int64_t seconds = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), seconds);
    if (error != std::errc{} || end != text.data() + text.size() || seconds < 0) return 0;
    return seconds;
}

SendOutcome with_verdict(SendOutcome::Verdict verdict, std::string error) {
    SendOutcome outcome;
    outcome.verdict = verdict;
    outcome.error = std::move(error);
    return outcome;
}

}  // namespace

std::string_view to_string(SendOutcome::Verdict verdict) {
    switch (verdict) {
        case SendOutcome::Verdict::sent:
            return "sent";
        case SendOutcome::Verdict::retry:
            return "retry";
        case SendOutcome::Verdict::give_up:
            return "give_up";
    }
    return "unknown";
}

SendOutcome classify_error_code(std::string_view error) {
    SendOutcome outcome = with_verdict(SendOutcome::Verdict::give_up, std::string(error));
    if (listed(kRetryable, error)) {
        outcome.verdict = SendOutcome::Verdict::retry;
        outcome.rate_limited = error == "ratelimited" || error == "rate_limited";
    }
    outcome.configuration_problem = listed(kConfiguration, error);
    outcome.recipient_unreachable = listed(kUnreachable, error);
    // Anything else (msg_too_long, no_text, invalid_blocks, ...) would fail the same way again.
    return outcome;
}

SendOutcome classify_response(ApiCall::Target target, int http_status,
                              std::string_view retry_after_header, std::string_view body) {
    if (http_status == 429) {
        auto outcome = with_verdict(SendOutcome::Verdict::retry, "ratelimited");
        outcome.rate_limited = true;
        outcome.retry_after_seconds = parse_seconds(retry_after_header);
        return outcome;
    }
    if (http_status >= 500)
        return with_verdict(SendOutcome::Verdict::retry, "http " + std::to_string(http_status));

    const auto answer = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
    if (http_status >= 200 && http_status < 300) {
        if (answer.is_object() && answer.contains("ok")) {
            if (json_read::flag(answer, "ok")) {
                auto outcome = with_verdict(SendOutcome::Verdict::sent, {});
                outcome.channel = json_read::text(answer, "channel");
                outcome.ts = json_read::text(answer, "ts");
                return outcome;
            }
            auto error = json_read::text(answer, "error");
            return classify_error_code(error.empty() ? "unknown_error" : error);
        }
        // A response_url answers a plain "ok"; the Web API always answers JSON.
        if (target == ApiCall::Target::response_url)
            return with_verdict(SendOutcome::Verdict::sent, {});
        return with_verdict(SendOutcome::Verdict::retry, "unreadable answer");
    }

    // 4xx other than 429: the request itself is wrong (a response_url says expired_url, used_url,
    // ... in its body); sending it again cannot help.
    auto outcome =
        with_verdict(SendOutcome::Verdict::give_up, "http " + std::to_string(http_status));
    if (answer.is_object() && !json_read::text(answer, "error").empty()) {
        outcome = classify_error_code(json_read::text(answer, "error"));
        if (outcome.verdict == SendOutcome::Verdict::retry && !outcome.rate_limited)
            outcome.verdict = SendOutcome::Verdict::give_up;
    } else if (!body.empty() && body.size() <= 64) {
        outcome.error += ": " + std::string(body);
    }
    // The Web API refusing us outright means the token is wrong.
    if (target == ApiCall::Target::web_api && (http_status == 401 || http_status == 403))
        outcome.configuration_problem = true;
    return outcome;
}

bool should_fall_back(const SendOutcome& outcome) {
    return outcome.verdict == SendOutcome::Verdict::give_up && !outcome.configuration_problem;
}

SendOutcome classify_transport_failure(std::string_view what) {
    return with_verdict(SendOutcome::Verdict::retry, "transport: " + std::string(what));
}

}  // namespace rubdown::slack
