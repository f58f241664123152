#include "bot/admin/admin_session.hpp"

#include <array>
#include <charconv>

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/hmac.h>

#include "adapters/http/cookies.hpp"
#include "bot/http/operator_routes.hpp"

namespace rubdown::bot {

namespace {

std::string signature(const std::string& token, std::string_view expires) {
    const std::string message = std::string("rubdown-admin-session:") + std::string(expires);
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int length = 0;
    HMAC(EVP_sha256(), token.data(), static_cast<int>(token.size()),
         reinterpret_cast<const unsigned char*>(message.data()), message.size(), digest.data(),
         &length);
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    for (unsigned int i = 0; i < length; ++i) {
        hex.push_back(kDigits[digest[i] >> 4]);
        hex.push_back(kDigits[digest[i] & 0x0f]);
    }
    return hex;
}

}  // namespace

std::string admin_session_value(const std::string& token, storage::UnixSeconds expires) {
    const auto when = std::to_string(expires);
    return when + "." + signature(token, when);
}

bool admin_session_valid(std::string_view value, const std::string& token,
                         storage::UnixSeconds now) {
    if (token.empty()) return false;
    const auto dot = value.find('.');
    if (dot == std::string_view::npos) return false;
    const auto when = value.substr(0, dot);
    storage::UnixSeconds expires = 0;
    const auto [end, error] = std::from_chars(when.data(), when.data() + when.size(), expires);
    if (error != std::errc{} || end != when.data() + when.size() || expires <= now) return false;
    const auto expected = signature(token, when);
    const auto given = value.substr(dot + 1);
    return given.size() == expected.size() &&
           CRYPTO_memcmp(given.data(), expected.data(), expected.size()) == 0;
}

std::string admin_cookie(const std::string& value, storage::UnixSeconds max_age, bool secure) {
    std::string cookie = std::string(kAdminCookie) + "=" + value +
                         "; Path=/admin; Max-Age=" + std::to_string(max_age) +
                         "; HttpOnly; SameSite=Strict";
    if (secure) cookie += "; Secure";
    return cookie;
}

bool operator_authorized(const http::HttpRequest& request, const std::string& token,
                         storage::UnixSeconds now) {
    if (token.empty()) return false;
    if (bearer_token_matches(request.header("Authorization"), token)) return true;
    const auto session = http::cookie_value(request.header("Cookie"), kAdminCookie);
    return session && admin_session_valid(*session, token, now);
}

}  // namespace rubdown::bot
