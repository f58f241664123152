#include "adapters/web/web_identity.hpp"

#include <array>
#include <stdexcept>

#include <openssl/rand.h>
#include <openssl/sha.h>

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

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
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

std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name) {
    // RFC 6265 5.4: pairs separated by "; ". A browser may send several headers' worth joined.
    while (!cookie_header.empty()) {
        const auto end = cookie_header.find(';');
        auto pair = trim_spaces(cookie_header.substr(0, end));
        cookie_header =
            end == std::string_view::npos ? std::string_view{} : cookie_header.substr(end + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        if (trim_spaces(pair.substr(0, equals)) != name) continue;
        auto value = trim_spaces(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        return std::string(value);
    }
    return std::nullopt;
}

std::optional<std::string> token_from_cookies(std::string_view cookie_header) {
    const auto value = cookie_value(cookie_header, kCookieName);
    if (!value) return std::nullopt;
    return valid_token(*value);
}

std::string session_cookie(const std::string& token, bool secure) {
    std::string cookie = std::string(kCookieName) + "=" + token +
                         "; Path=/; Max-Age=" + std::to_string(kCookieMaxAgeSeconds) +
                         "; HttpOnly; SameSite=Strict";
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
