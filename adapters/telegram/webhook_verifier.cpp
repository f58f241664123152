#include "adapters/telegram/webhook_verifier.hpp"

#include <openssl/crypto.h>

#include <algorithm>

namespace rubdown::telegram {

bool secret_token_matches(std::string_view presented, std::string_view expected) {
    if (expected.empty()) return false;
    // On a length mismatch still spend one comparison of the expected length, so the time taken
    // says nothing about the presented content (the length of a fixed secret is no secret worth
    // a branch-free trick; its bytes are).
    const bool same_length = presented.size() == expected.size();
    const char* probe = same_length ? presented.data() : expected.data();
    const int differs = CRYPTO_memcmp(probe, expected.data(), expected.size());
    return same_length && differs == 0;
}

bool is_valid_secret_token(std::string_view secret) {
    if (secret.empty() || secret.size() > 256) return false;
    return std::all_of(secret.begin(), secret.end(), [](char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
               c == '_' || c == '-';
    });
}

std::optional<http::HttpResponse> reject_unverified_webhook(const http::HttpRequest& request,
                                                            std::string_view expected_secret) {
    if (request.method != "POST") {
        auto response = http::HttpResponse::text(405, "method not allowed\n");
        response.headers.emplace_back("Allow", "POST");
        return response;
    }
    if (!secret_token_matches(request.header(secret_token_header), expected_secret))
        return http::HttpResponse::text(401, "unauthorized\n");
    return std::nullopt;
}

}  // namespace rubdown::telegram
