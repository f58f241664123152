#pragma once
/// The web chat's protocol, as pure functions: what a browser posts (a typed message or a
/// pressed button), the server-sent events that carry the bot's replies down, the conversation
/// shown on a page load, and the checks a request from a browser must pass (same origin).
///
/// Replies are events whose id is their outbox row's id, so a reconnecting browser's
/// Last-Event-ID says where it stopped. Rows are released by the channel's sender in id order,
/// but one can be held back (a nudge kept out of the runner's quiet hours after an outage) while
/// later ones go: ReplyCursor then sends the later ones at once, but names as the stream's
/// position only the last id below which nothing is still held. A reconnecting browser may so be
/// sent a reply it already has again; each event carries its row id and the page shows it once.

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "adapters/channel.hpp"
#include "adapters/http/http_message.hpp"
#include "adapters/http/same_origin.hpp"
#include "intents/message.hpp"
#include "storage/records.hpp"

namespace rubdown::web {

/// What a browser may post: `{"id": "<the page's message id>", "text": "..."}` for a typed
/// message, `{"id": ..., "action": "...", "label": "..."}` for a pressed button.
inline constexpr std::size_t kMaxMessageIdChars = 64;
inline constexpr std::size_t kMaxTextBytes = 4096 * 4;  ///< 4,096 characters of up to 4 bytes
inline constexpr std::size_t kMaxActionBytes = 64;
inline constexpr std::size_t kMaxLabelBytes = 256;

struct PostError {
    int status;           ///< 400
    std::string message;  ///< said to the browser
};

/// The reply context of a posted message, `{"answers":"<its id>"}`: the rows answering it carry
/// it too, so the conversation places each answer right after its message.
std::string answer_context(const std::string& message_id);

/// The message a browser posted for runner `runner_id`, ready for the inbox; the page's own
/// message id makes the dedup key, so a post retried after a lost answer is recorded once.
std::variant<intents::IncomingMessage, PostError> read_post(std::string_view body,
                                                            const std::string& runner_id);

/// The position a stream starts from: Last-Event-ID when the browser reconnects, else the
/// `after` query parameter the page passes (from the conversation it loaded), else 0.
std::int64_t stream_start(const http::HttpRequest& request);

/// The conversation a page shows on load, and where its event stream is to start.
std::string conversation_json(const std::vector<adapters::ConversationLine>& lines,
                              std::int64_t stream_after);

/// One reply as an event: "id: <row>\nevent: reply\ndata: {...}\n\n"; the id line is left out
/// when the stream's position may not move there yet.
std::string reply_event(const storage::OutboxMessage& row, bool names_position);
/// An event with only an id: moves the browser's Last-Event-ID without showing anything.
std::string position_event(std::int64_t position);
/// A comment line that keeps the connection (and any proxy) from going idle.
inline constexpr std::string_view kKeepAlive = ": keep-alive\n\n";
/// Sent first: how long the browser waits before reconnecting, in milliseconds.
inline constexpr std::string_view kRetryAdvice = "retry: 2000\n\n";

/// Which replies a stream sends next. See the file comment.
class ReplyCursor {
  public:
    explicit ReplyCursor(std::int64_t position) : position_(position) {}

    /// Where the next read starts (the rows after it).
    std::int64_t position() const { return position_; }
    /// `rows`: the runner's rows after position(), oldest first (any status). Returns the bytes
    /// to send: the released rows not sent yet, and the new position.
    std::string take(const std::vector<storage::OutboxMessage>& rows);

  private:
    std::int64_t position_;
    std::set<std::int64_t> sent_beyond_;  ///< sent while a row below them was held
};

/// The chat's pages' Content-Security-Policy: no inline script or style, nothing from elsewhere,
/// no framing; images may be data URLs.
inline constexpr std::string_view kChatContentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
    "img-src 'self' data:; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

}  // namespace rubdown::web
