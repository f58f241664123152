#pragma once
/// Request signing: Slack signs every request it sends (events, slash commands, button presses)
/// with the app's signing secret. Checked on the raw bytes, before any parsing.

#include <cstdint>
#include <string>
#include <string_view>

#include "adapters/http/http_message.hpp"
#include "storage/records.hpp"

namespace rubdown::slack {

/// How far the request timestamp may be from our clock; older requests could be replays.
inline constexpr std::int64_t kMaxClockSkewSeconds = 300;

enum class SignatureCheck {
    valid,
    no_secret,            ///< we have no signing secret: refuse everything
    missing_timestamp,    ///< no X-Slack-Request-Timestamp
    malformed_timestamp,  ///< not a plain decimal number
    stale_timestamp,      ///< more than the allowed skew away from now
    missing_signature,    ///< no X-Slack-Signature
    malformed_signature,  ///< not "v0=" followed by 64 hex digits
    mismatch,             ///< the body, timestamp or secret differ from what Slack signed
};

std::string_view to_string(SignatureCheck check);

/// "v0=" + lowercase hex HMAC-SHA256(secret, "v0:{timestamp}:{body}").
std::string compute_signature(std::string_view signing_secret, std::string_view timestamp,
                              std::string_view body);

/// Everything but the body: a secret to check with, a fresh decimal timestamp and a well-formed
/// signature; `valid` here means only that the body is worth reading and checking.
SignatureCheck check_signature_headers(std::string_view signing_secret,
                                       std::string_view timestamp_header,
                                       std::string_view signature_header, storage::UnixSeconds now,
                                       std::int64_t max_skew_seconds = kMaxClockSkewSeconds);

/// Checks the two header values against the raw body; the comparison takes constant time.
SignatureCheck check_signature(std::string_view signing_secret, std::string_view timestamp_header,
                               std::string_view signature_header, std::string_view body,
                               storage::UnixSeconds now,
                               std::int64_t max_skew_seconds = kMaxClockSkewSeconds);

/// Same, reading X-Slack-Request-Timestamp and X-Slack-Signature from the request.
SignatureCheck verify_request(const http::HttpRequest& request, std::string_view signing_secret,
                              storage::UnixSeconds now,
                              std::int64_t max_skew_seconds = kMaxClockSkewSeconds);

}  // namespace rubdown::slack
