#pragma once
/// Who is talking on the web chat. A browser is given a random token in a cookie the page's
/// scripts cannot read (HttpOnly); the runner is the token's SHA-256, so that the database, the
/// logs and the dashboard hold an identity but never the credential: whoever reads them cannot
/// speak as the runner. Pure functions.
///
/// SameSite=Lax, not Strict: a runner who follows a link to the chat from another site (an email,
/// a club's page) must arrive with their cookie, or the page would give them a new one and they
/// would lose their conversation and log. Lax still keeps the cookie off other sites' posts and
/// fetches, and every post must also carry this server's own Origin.

#include <optional>
#include <string>
#include <string_view>

namespace rubdown::web {

inline constexpr const char* kChannel = "web";
inline constexpr const char* kCookieName = "rubdown_chat";
/// A year: the conversation (and the runner's log) stays theirs on that browser.
inline constexpr int kCookieMaxAgeSeconds = 365 * 24 * 3600;

/// 32 random bytes from OpenSSL's generator, as 64 lowercase hex digits.
std::string new_token();
/// The token when `value` has the shape new_token() makes; nothing otherwise.
std::optional<std::string> valid_token(std::string_view value);

/// The session token a request's Cookie header carries, if it is well formed.
std::optional<std::string> token_from_cookies(std::string_view cookie_header);

/// The Set-Cookie value that gives a browser `token` (again, each time the page loads, so that a
/// runner who keeps coming back keeps it); `secure` when the page came over HTTPS.
std::string session_cookie(const std::string& token, bool secure);

/// The runner's id on the web chat: the token's SHA-256, first 16 bytes in hex. Also their
/// chat id.
std::string runner_id(const std::string& token);
/// "web:<runner id>".
std::string user_key_for(const std::string& runner_id);

}  // namespace rubdown::web
