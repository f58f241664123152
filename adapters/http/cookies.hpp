#pragma once
/// Cookies a browser sends (RFC 6265): the web chat's session and the operator's.

#include <optional>
#include <string>
#include <string_view>

namespace rubdown::http {

/// The value of cookie `name` in a Cookie header ("a=1; rubdown_chat=..."), unquoted.
std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name);

}  // namespace rubdown::http
