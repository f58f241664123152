#pragma once
/// The whole pure part of POST /telegram/webhook, in the order that matters: verify the secret
/// token on the raw request, then parse.

#include <string_view>
#include <variant>

#include "adapters/http/http_message.hpp"
#include "adapters/telegram/update_parser.hpp"

namespace rubdown::telegram {

/// Either the response to send right away (405, 401, or 400 for an unreadable update), or the
/// parsed update. For an update of kind `ignored`, answer acknowledge_update() at once; for a
/// `message`, record it in the inbox first and answer acknowledge_update() only once it is
/// durably stored (a 5xx otherwise, so Telegram delivers it again).
std::variant<http::HttpResponse, ParsedUpdate> accept_webhook(const http::HttpRequest& request,
                                                              std::string_view expected_secret,
                                                              const ParseOptions& options = {});

/// 200 with an empty JSON object: Telegram needs any 2xx.
http::HttpResponse acknowledge_update();

}  // namespace rubdown::telegram
