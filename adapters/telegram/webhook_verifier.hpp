#pragma once
/// Checks that a webhook delivery comes from Telegram: setWebhook registered a secret token, and
/// Telegram sends it back on every delivery in the X-Telegram-Bot-Api-Secret-Token header.

#include <optional>
#include <string_view>

#include "adapters/http/http_message.hpp"

namespace rubdown::telegram {

inline constexpr std::string_view secret_token_header = "X-Telegram-Bot-Api-Secret-Token";

/// Compares in time that depends only on the expected secret's length, never on where the bytes
/// differ (OpenSSL CRYPTO_memcmp). An empty expected secret never matches: fail closed.
bool secret_token_matches(std::string_view presented, std::string_view expected);

/// What setWebhook accepts as secret_token: 1-256 characters of A-Z a-z 0-9 _ -.
/// Check the configuration with it once at start-up.
bool is_valid_secret_token(std::string_view secret);

/// The seam the HTTP server calls first: nullopt when the request may be parsed, otherwise the
/// response to send (405 for a method other than POST, 401 for a missing or wrong token).
std::optional<http::HttpResponse> reject_unverified_webhook(const http::HttpRequest& request,
                                                            std::string_view expected_secret);

}  // namespace rubdown::telegram
