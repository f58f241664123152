#pragma once
/// Who may see the operator's pages: a script with `Authorization: Bearer $RUBDOWN_ADMIN_TOKEN`,
/// or a browser that logged in with that token and holds the session cookie it was given. The
/// cookie is signed, not stored: `<expiry>.<HMAC-SHA256 of the expiry, keyed with the token>`,
/// so sessions survive a restart, need no table, and all end when the token is changed. Pure.

#include <string>
#include <string_view>

#include "adapters/http/http_message.hpp"
#include "storage/records.hpp"

namespace rubdown::bot {

inline constexpr const char* kAdminCookie = "rubdown_admin";
/// A login lasts a working day.
inline constexpr storage::UnixSeconds kAdminSessionSeconds = 12 * 3600;

/// The cookie's value for a session ending at `expires`.
std::string admin_session_value(const std::string& token, storage::UnixSeconds expires);
/// Whether `value` is a session signed with `token` that has not ended at `now`. Always false
/// for an empty token (no dashboard without one).
bool admin_session_valid(std::string_view value, const std::string& token,
                         storage::UnixSeconds now);
/// The Set-Cookie value: HttpOnly, SameSite=Strict, for /admin only; `max_age` 0 ends it.
std::string admin_cookie(const std::string& value, storage::UnixSeconds max_age, bool secure);

/// Whether `request` may see the operator's pages at `now`: the bearer token, or a valid
/// session cookie.
bool operator_authorized(const http::HttpRequest& request, const std::string& token,
                         storage::UnixSeconds now);

}  // namespace rubdown::bot
