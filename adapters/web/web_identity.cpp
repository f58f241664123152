#include "adapters/web/web_identity.hpp"

#include <array>
#include <stdexcept>

#include <openssl/rand.h>
#include <openssl/sha.h>

#include "adapters/http/cookies.hpp"

namespace rubdown::web {

namespace {

constexpr std::size_t kTokenBytes = 32;
constexpr std::size_t kRunnerIdBytes = 16;

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char kDigits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex.push_back(kDigits[bytes[i] >> 4]);
        hex.push_back(kDigits[bytes[i] & 0x0f]);
    }
    return hex;
}

}  // namespace

std::string new_token() {
    std::array<unsigned char, kTokenBytes> bytes{};
    if (RAND_bytes(bytes.data(), static_cast<int>(bytes.size())) != 1)
        throw std::runtime_error("the random number generator failed");
    return to_hex(bytes.data(), bytes.size());
}

std::optional<std::string> valid_token(std::string_view value) {
    if (value.size() != kTokenBytes * 2) return std::nullopt;
    for (const char c : value)
        if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) return std::nullopt;
    return std::string(value);
}

std::optional<std::string> token_from_cookies(std::string_view cookie_header) {
    const auto value = http::cookie_value(cookie_header, kCookieName);
    if (!value) return std::nullopt;
    return valid_token(*value);
}

std::string session_cookie(const std::string& token, bool secure) {
    std::string cookie = std::string(kCookieName) + "=" + token +
                         "; Path=/; Max-Age=" + std::to_string(kCookieMaxAgeSeconds) +
                         "; HttpOnly; SameSite=Lax";
    if (secure) cookie += "; Secure";
    return cookie;
}

std::string runner_id(const std::string& token) {
    std::array<unsigned char, SHA256_DIGEST_LENGTH> digest{};
    SHA256(reinterpret_cast<const unsigned char*>(token.data()), token.size(), digest.data());
    return to_hex(digest.data(), kRunnerIdBytes);
}

std::string user_key_for(const std::string& runner_id) {
    return std::string(kChannel) + ":" + runner_id;
}

}  // namespace rubdown::web
