#pragma once
/// What the server makes of a client's address: whether it is this machine's own (loopback-only
/// endpoints, a reverse proxy in front), and the key it is rate-limited by.

#include <string>

namespace rubdown::http {

/// 127.0.0.0/8, ::1, or an IPv4-mapped loopback address.
bool is_loopback_address(const std::string& address);

/// The key an address is limited by: an IPv4 address itself, an IPv6 address by its /64 (one
/// host is usually given a whole /64, and would otherwise have 2^64 buckets). Text that is not an
/// address is its own key.
std::string rate_key(const std::string& address);

}  // namespace rubdown::http
