#include "adapters/telegram/bot_api_transport.hpp"

#include "adapters/http/multipart_form.hpp"

#include <algorithm>
#include <array>

#include <nlohmann/json.hpp>

namespace rubdown::telegram {

namespace {

bool is_idempotent(std::string_view method) {
    // Reading, replacing settings and answering a query twice changes nothing; sending or
    // editing a message twice could show the runner a duplicate.
    static constexpr std::array<std::string_view, 8> idempotent_methods = {
        "getMe",         "getUpdates",    "getWebhookInfo",      "setWebhook",
        "deleteWebhook", "setMyCommands", "answerCallbackQuery", "getChat"};
    return std::find(idempotent_methods.begin(), idempotent_methods.end(), method) !=
           idempotent_methods.end();
}

std::chrono::milliseconds long_poll_timeout(const ApiCall& call) {
    const auto body = nlohmann::json::parse(call.body, nullptr, /*allow_exceptions=*/false);
    if (!body.is_object()) return std::chrono::milliseconds{0};
    const auto it = body.find("timeout");
    if (it == body.end() || !it->is_number_integer()) return std::chrono::milliseconds{0};
    return std::chrono::seconds{it->get<std::int64_t>()} + long_poll_grace;
}

}  // namespace

http::ClientRequest to_client_request(const ApiCall& call, std::string_view api_base,
                                      std::string_view token, std::chrono::milliseconds timeout) {
    http::ClientRequest request;
    request.method = "POST";
    request.url = method_url(api_base, token, call.method);
    request.body = call.body;
    request.content_type = "application/json";
    if (!call.photo_png.empty()) {
        // A file goes as a form: each field of the JSON body is a form field, objects (the
        // keyboard, the reply parameters) as JSON text, as the Bot API reads them.
        std::vector<std::pair<std::string, std::string>> fields;
        const auto body = nlohmann::json::parse(call.body, nullptr, /*allow_exceptions=*/false);
        if (body.is_object())
            for (const auto& [name, value] : body.items())
                fields.emplace_back(name,
                                    value.is_string() ? value.get<std::string>() : value.dump());
        auto form =
            http::encode_multipart(fields, {{"photo", "chart.png", "image/png", call.photo_png}});
        request.body = std::move(form.body);
        request.content_type = std::move(form.content_type);
    }
    request.timeout = timeout;
    if (call.method == "getUpdates") request.timeout = std::max(timeout, long_poll_timeout(call));
    request.idempotent = is_idempotent(call.method);
    return request;
}

ApiResult to_api_result(const http::ClientResponse& response) {
    return classify_response(response.status, response.body);
}

ApiResult to_api_result(http::ClientErrc error, std::string what) {
    auto result = network_failure(std::move(what));
    if (!http::is_transient(error)) result.outcome = ApiOutcome::permanent;
    return result;
}

}  // namespace rubdown::telegram
