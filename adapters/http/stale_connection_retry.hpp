#pragma once
/// The rule for sending a request again after a kept-alive connection turned out to be dead.
/// A server may close an idle connection at any moment, so a pooled connection can fail on its
/// first use; repeating the request is only safe when the server cannot have acted on it.

namespace rubdown::http {

/// What is known about one failed attempt.
struct FailedAttempt {
    bool connection_was_reused = false;    ///< taken from the idle pool, not freshly connected
    bool request_fully_sent = false;       ///< the whole request was handed to the socket
    bool response_bytes_received = false;  ///< at least one byte of the answer arrived
    bool peer_closed = false;              ///< end of stream or reset (not a time-out or bad data)
    bool idempotent = false;               ///< repeating the request is harmless
};

/// True when the request may be repeated once on a fresh connection:
///  - only on a reused connection (a fresh one failing says the server is in trouble), and
///  - only when the peer closed or reset it before a single byte of the answer, and
///  - either the request was not fully written (a server never acts on an incomplete request) or
///    the request is idempotent (the server may have received it before closing).
/// A non-idempotent request (POST sendMessage) that was fully written is never repeated here: the
/// caller gets the error and decides, so a message is not sent twice behind its back.
constexpr bool may_retry_on_fresh_connection(const FailedAttempt& attempt) {
    return attempt.connection_was_reused && attempt.peer_closed &&
           !attempt.response_bytes_received && (!attempt.request_fully_sent || attempt.idempotent);
}

}  // namespace rubdown::http
