#pragma once
/// HTTP/1.1 on the wire, for the server: Beast's parsed request into the neutral request the
/// routes take, and a neutral response into the bytes of one answer. Pure functions.

#include <string>

#include <boost/beast/http/message.hpp>
#include <boost/beast/http/string_body.hpp>

#include "adapters/http/http_message.hpp"

namespace rubdown::bot {

/// Whether a request's headers say unambiguously where its body ends: no Transfer-Encoding, or
/// exactly one, a lone `chunked`, and then no Content-Length. RFC 9112 6.3: a request whose
/// final coding is not chunked cannot be framed and must be refused with 400 and the connection
/// closed; otherwise its body would be read as the next request (request smuggling behind a
/// proxy that frames it differently).
bool has_unambiguous_framing(const boost::beast::http::fields& headers);

/// The request's method, target, path, headers and the client's address, without a body: what a
/// route's admission looks at before the body is read.
http::HttpRequest to_neutral_head(const boost::beast::http::request_header<>& header,
                                  const std::string& remote_address);

http::HttpRequest to_neutral(boost::beast::http::request<boost::beast::http::string_body>&& request,
                             const std::string& remote_address);

/// The answer as bytes on the wire, written with one plain socket write. Beast's serializer would
/// do the same through several layers of buffer views per answer; the bot's answers are small,
/// whole strings, so one contiguous buffer is simpler and cheaper. `version` is 10 or 11.
/// An answer to HEAD keeps its Content-Length but carries no body (RFC 9110, 9.3.2): a client
/// reads none, and bytes after the headers would be taken for the next answer. A streamed answer
/// (HttpResponse::stream) gets no Content-Length and `Connection: close`: its bytes here are the
/// headers and the body's first piece.
std::string serialize(http::HttpResponse&& response, unsigned version, bool keep_alive,
                      bool head = false);

}  // namespace rubdown::bot
