#include "adapters/telegram/api_response.hpp"

namespace rubdown::telegram {

namespace {

using nlohmann::json;

ApiOutcome outcome_for_error(int code) {
    if (code == 429) return ApiOutcome::retry_after;
    if (code == 401) return ApiOutcome::unauthorized;
    if (code == 403) return ApiOutcome::blocked;
    if (code >= 500 || code == 408) return ApiOutcome::transient;
    return ApiOutcome::permanent;
}

bool says_not_modified(std::string_view description) {
    return description.find("message is not modified") != std::string_view::npos;
}

}  // namespace

std::string_view to_string(ApiOutcome outcome) {
    switch (outcome) {
        case ApiOutcome::ok:
            return "ok";
        case ApiOutcome::retry_after:
            return "retry_after";
        case ApiOutcome::transient:
            return "transient";
        case ApiOutcome::blocked:
            return "blocked";
        case ApiOutcome::permanent:
            return "permanent";
        case ApiOutcome::unauthorized:
            return "unauthorized";
    }
    return "unknown";
}

ApiResult classify_response(int http_status, std::string_view body) {
    ApiResult api;
    api.error_code = http_status;
    const auto answer = json::parse(body, nullptr, /*allow_exceptions=*/false);

    if (answer.is_object()) {
        const auto ok = answer.find("ok");
        if (ok != answer.end() && ok->is_boolean() && ok->get<bool>() && http_status / 100 == 2) {
            api.outcome = ApiOutcome::ok;
            api.error_code = 0;
            if (const auto it = answer.find("result"); it != answer.end()) api.result = *it;
            return api;
        }
        if (const auto it = answer.find("error_code");
            it != answer.end() && it->is_number_integer() && it->get<std::int64_t>() > 0 &&
            it->get<std::int64_t>() < 1000)
            api.error_code = static_cast<int>(it->get<std::int64_t>());
        if (const auto it = answer.find("description"); it != answer.end() && it->is_string())
            api.description = it->get<std::string>();
        if (const auto params = answer.find("parameters");
            params != answer.end() && params->is_object()) {
            if (const auto it = params->find("retry_after");
                it != params->end() && it->is_number_integer() && it->get<std::int64_t>() > 0)
                api.retry_after = std::chrono::seconds{it->get<std::int64_t>()};
            if (const auto it = params->find("migrate_to_chat_id");
                it != params->end() && it->is_number_integer())
                api.migrate_to_chat_id = it->get<std::int64_t>();
        }
    } else if (http_status / 100 == 2) {
        // A 2xx without a Bot API envelope: a proxy or a truncated answer, not Telegram's word.
        api.outcome = ApiOutcome::transient;
        api.description = "unreadable answer";
        return api;
    } else {
        api.description = std::string(body.substr(0, 200));
    }

    if (api.error_code == 400 && says_not_modified(api.description)) {
        api.outcome = ApiOutcome::ok;
        return api;
    }
    api.outcome = outcome_for_error(api.error_code);
    if (api.outcome == ApiOutcome::retry_after && api.retry_after.count() == 0)
        api.retry_after = default_retry_after;
    return api;
}

ApiResult network_failure(std::string description) {
    ApiResult api;
    api.outcome = ApiOutcome::transient;
    api.error_code = 0;
    api.description = std::move(description);
    return api;
}

std::optional<std::int64_t> sent_message_id(const ApiResult& result) {
    if (result.outcome != ApiOutcome::ok || !result.result.is_object()) return std::nullopt;
    const auto it = result.result.find("message_id");
    if (it == result.result.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<std::int64_t>();
}

std::optional<std::string> bot_username(const ApiResult& get_me_result) {
    if (get_me_result.outcome != ApiOutcome::ok || !get_me_result.result.is_object())
        return std::nullopt;
    const auto it = get_me_result.result.find("username");
    if (it == get_me_result.result.end() || !it->is_string()) return std::nullopt;
    return it->get<std::string>();
}

}  // namespace rubdown::telegram
