#include "adapters/telegram/webhook_intake.hpp"

#include "adapters/telegram/webhook_verifier.hpp"

namespace rubdown::telegram {

std::variant<http::HttpResponse, ParsedUpdate> accept_webhook(const http::HttpRequest& request,
                                                              std::string_view expected_secret,
                                                              const ParseOptions& options) {
    if (auto rejection = reject_unverified_webhook(request, expected_secret))
        return std::move(*rejection);
    auto parsed = parse_update(request.body, options);
    if (auto* error = std::get_if<ParseError>(&parsed))
        return http::HttpResponse::text(400, "bad update: " + error->reason + "\n");
    return std::get<ParsedUpdate>(std::move(parsed));
}

http::HttpResponse acknowledge_update() {
    return http::HttpResponse::json(200, "{}");
}

}  // namespace rubdown::telegram
