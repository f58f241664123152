#include "adapters/slack/slack_signature.hpp"

#include <openssl/core_names.h>
#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/params.h>

#include <algorithm>
#include <charconv>
#include <memory>
#include <string>

namespace rubdown::slack {

namespace {

constexpr std::string_view kVersion = "v0";
constexpr std::size_t kHexDigestLength = 64;  // SHA-256 is 32 bytes

std::string to_hex(const unsigned char* bytes, std::size_t size) {
    static constexpr char digits[] = "0123456789abcdef";
    std::string hex;
    hex.reserve(size * 2);
    for (std::size_t i = 0; i < size; ++i) {
        hex.push_back(digits[bytes[i] >> 4]);
        hex.push_back(digits[bytes[i] & 0x0f]);
    }
    return hex;
}

struct MacContextFree {
    void operator()(EVP_MAC_CTX* context) const { EVP_MAC_CTX_free(context); }
};
using MacContext = std::unique_ptr<EVP_MAC_CTX, MacContextFree>;

/// An HMAC-SHA256 context keyed with `secret`, kept per thread for the last secret asked for (a
/// server has one signing secret); null if OpenSSL cannot provide one.
EVP_MAC_CTX* keyed_hmac(std::string_view secret) {
    // Fetched once and kept for the life of the process: freeing it at exit could run after
    // OpenSSL's own clean-up.
    static EVP_MAC* const hmac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    thread_local std::string keyed_secret;
    thread_local MacContext keyed;
    if (keyed && keyed_secret == secret) return keyed.get();
    keyed.reset(hmac ? EVP_MAC_CTX_new(hmac) : nullptr);
    if (!keyed) return nullptr;
    char digest_name[] = "SHA256";
    const OSSL_PARAM parameters[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest_name, 0),
        OSSL_PARAM_construct_end()};
    if (EVP_MAC_init(keyed.get(), reinterpret_cast<const unsigned char*>(secret.data()),
                     secret.size(), parameters) != 1) {
        keyed.reset();
        return nullptr;
    }
    keyed_secret = secret;
    return keyed.get();
}

bool is_hex(std::string_view text) {
    return std::all_of(text.begin(), text.end(), [](char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    });
}

}  // namespace

std::string_view to_string(SignatureCheck check) {
    switch (check) {
        case SignatureCheck::valid:
            return "valid";
        case SignatureCheck::no_secret:
            return "no signing secret configured";
        case SignatureCheck::missing_timestamp:
            return "missing X-Slack-Request-Timestamp";
        case SignatureCheck::malformed_timestamp:
            return "malformed X-Slack-Request-Timestamp";
        case SignatureCheck::stale_timestamp:
            return "request timestamp too far from now";
        case SignatureCheck::missing_signature:
            return "missing X-Slack-Signature";
        case SignatureCheck::malformed_signature:
            return "malformed X-Slack-Signature";
        case SignatureCheck::mismatch:
            return "signature mismatch";
    }
    return "unknown";
}

std::string compute_signature(std::string_view signing_secret, std::string_view timestamp,
                              std::string_view body) {
    // A copy of a context already keyed with the secret, fed the pieces of "v0:{timestamp}:{body}"
    // in turn: the one-shot HMAC() looked up its MAC and digest implementations and set the key
    // again for every request, and the pieces were first copied into one string.
    auto* keyed = keyed_hmac(signing_secret);
    const MacContext mac{keyed ? EVP_MAC_CTX_dup(keyed) : nullptr};
    unsigned char digest[EVP_MAX_MD_SIZE];
    std::size_t digest_length = 0;
    const auto feed = [&mac](std::string_view piece) {
        return EVP_MAC_update(mac.get(), reinterpret_cast<const unsigned char*>(piece.data()),
                              piece.size()) == 1;
    };
    if (!mac || !feed(kVersion) || !feed(":") || !feed(timestamp) || !feed(":") || !feed(body) ||
        EVP_MAC_final(mac.get(), digest, &digest_length, sizeof digest) != 1) {
        // Never expected; an empty signature matches no request, so the request is refused.
        return {};
    }
    return std::string(kVersion) + "=" + to_hex(digest, digest_length);
}

SignatureCheck check_signature_headers(std::string_view signing_secret,
                                       std::string_view timestamp_header,
                                       std::string_view signature_header, storage::UnixSeconds now,
                                       std::int64_t max_skew_seconds) {
    if (signing_secret.empty()) return SignatureCheck::no_secret;
    if (timestamp_header.empty()) return SignatureCheck::missing_timestamp;

    // Digits only: from_chars alone would accept a leading minus sign.
    if (!std::all_of(timestamp_header.begin(), timestamp_header.end(),
                     [](char c) { return c >= '0' && c <= '9'; }))
        return SignatureCheck::malformed_timestamp;
    std::int64_t timestamp = 0;
    const auto* end = timestamp_header.data() + timestamp_header.size();
    const auto [parsed_to, error] = std::from_chars(timestamp_header.data(), end, timestamp);
    if (error != std::errc{} || parsed_to != end) return SignatureCheck::malformed_timestamp;
    const std::int64_t skew = timestamp > now ? timestamp - now : now - timestamp;
    if (skew > max_skew_seconds) return SignatureCheck::stale_timestamp;

    if (signature_header.empty()) return SignatureCheck::missing_signature;
    const std::string prefix = std::string(kVersion) + "=";
    if (signature_header.size() != prefix.size() + kHexDigestLength ||
        signature_header.substr(0, prefix.size()) != prefix ||
        !is_hex(signature_header.substr(prefix.size())))
        return SignatureCheck::malformed_signature;
    return SignatureCheck::valid;
}

SignatureCheck check_signature(std::string_view signing_secret, std::string_view timestamp_header,
                               std::string_view signature_header, std::string_view body,
                               storage::UnixSeconds now, std::int64_t max_skew_seconds) {
    if (const auto headers = check_signature_headers(signing_secret, timestamp_header,
                                                     signature_header, now, max_skew_seconds);
        headers != SignatureCheck::valid)
        return headers;
    // With equal lengths CRYPTO_memcmp's time depends on neither string's content. The length
    // check fails closed should OpenSSL ever give no signature: comparing no bytes would match.
    const std::string expected = compute_signature(signing_secret, timestamp_header, body);
    if (expected.size() != signature_header.size() ||
        CRYPTO_memcmp(expected.data(), signature_header.data(), expected.size()) != 0)
        return SignatureCheck::mismatch;
    return SignatureCheck::valid;
}

SignatureCheck verify_request(const http::HttpRequest& request, std::string_view signing_secret,
                              storage::UnixSeconds now, std::int64_t max_skew_seconds) {
    return check_signature(signing_secret, request.header("X-Slack-Request-Timestamp"),
                           request.header("X-Slack-Signature"), request.body, now,
                           max_skew_seconds);
}

}  // namespace rubdown::slack
