#pragma once
/// Outbound URLs: parsing into what a connection needs, and redaction for logs and error messages.
/// Pure functions, tested without sockets.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rubdown::http {

/// The parts of an absolute http:// or https:// URL that the client needs to send a request.
struct ClientUrl {
    bool tls = false;         ///< true for https
    std::string host;         ///< host name or IP address to connect to (IPv6 without brackets)
    std::uint16_t port = 0;   ///< explicit port, or 80 / 443 by scheme
    std::string target;       ///< path and query, as sent on the request line ("/" when empty)
    std::string host_header;  ///< value of the Host header (with the port when not the default)
    bool host_is_address = false;  ///< an IP literal: no SNI, verification is against the address

    /// "https://api.telegram.org:443": the key under which kept-alive connections are pooled.
    std::string origin() const;
};

/// Parses an absolute http(s) URL; nullopt for anything else (relative, other schemes, no host,
/// port 0 or out of range). The fragment is ignored, as it never goes on the wire.
std::optional<ClientUrl> parse_client_url(std::string_view url);

/// A copy of `url` that is safe to log: a path segment carrying a Telegram bot token
/// ("bot<id>:<secret>", as in /bot<TOKEN>/sendMessage and /file/bot<TOKEN>/...) becomes
/// "bot<redacted>", query values whose key names a secret (token, secret, key, password,
/// signature, code) become "<redacted>", user info becomes "<redacted>@", the fragment is dropped.
/// Text that does not parse as a URL becomes "<invalid url>", since it may still hold a secret.
std::string redact_url(std::string_view url);

}  // namespace rubdown::http
