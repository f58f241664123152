#pragma once
/// The thin glue between Bot API calls and the outbound HTTP client: what to send for an ApiCall,
/// and what an answer (or the lack of one) means. Pure; the client does the I/O.

#include <chrono>
#include <string>
#include <string_view>

#include "adapters/http/http_client.hpp"
#include "adapters/telegram/api_response.hpp"
#include "adapters/telegram/bot_api_requests.hpp"

namespace rubdown::telegram {

/// Extra time the HTTP client waits for getUpdates beyond its long-poll `timeout`, so an empty
/// long poll ends with Telegram's answer rather than a client time-out.
inline constexpr std::chrono::seconds long_poll_grace{15};

/// POST {api_base}/bot{token}/{method} with the call's JSON body. Calls that are harmless to
/// repeat (reads, setup, answerCallbackQuery) are marked idempotent; sendMessage is not, so the
/// client never sends a message twice behind the sender's back.
/// `timeout` covers the whole request; for getUpdates it is raised to the body's long-poll
/// timeout plus long_poll_grace when that is longer.
http::ClientRequest to_client_request(const ApiCall& call, std::string_view api_base,
                                      std::string_view token,
                                      std::chrono::milliseconds timeout = std::chrono::seconds{30});

/// An HTTP answer, whatever its status.
ApiResult to_api_result(const http::ClientResponse& response);

/// A request that got no answer (HttpClientError): transient when the client says it may pass
/// (time-outs, refused or dropped connections, DNS), permanent otherwise (invalid URL, TLS
/// verification, oversized answer). `what` must already be redacted (HttpClientError's is).
ApiResult to_api_result(http::ClientErrc error, std::string what);

}  // namespace rubdown::telegram
