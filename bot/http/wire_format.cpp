#include "bot/http/wire_format.hpp"

#include <iterator>
#include <string_view>

#include <boost/beast/core/string.hpp>
#include <boost/beast/http/field.hpp>
#include <boost/beast/http/status.hpp>

namespace rubdown::bot {

namespace bhttp = boost::beast::http;

bool has_unambiguous_framing(const bhttp::fields& headers) {
    const auto codings = headers.equal_range(bhttp::field::transfer_encoding);
    if (codings.first == codings.second) return true;
    if (std::next(codings.first) != codings.second) return false;  // split over two headers
    if (headers.count(bhttp::field::content_length) != 0) return false;
    std::string_view coding = codings.first->value();
    while (!coding.empty() && (coding.front() == ' ' || coding.front() == '\t'))
        coding.remove_prefix(1);
    while (!coding.empty() && (coding.back() == ' ' || coding.back() == '\t'))
        coding.remove_suffix(1);
    return boost::beast::iequals(coding, "chunked");
}

http::HttpRequest to_neutral_head(const bhttp::request_header<>& header,
                                  const std::string& remote_address) {
    http::HttpRequest neutral;
    neutral.method = std::string(header.method_string());
    neutral.target = std::string(header.target());
    neutral.path = neutral.target.substr(0, neutral.target.find('?'));
    neutral.headers.reserve(8);
    for (const auto& field : header)
        neutral.headers.emplace_back(std::string(field.name_string()), std::string(field.value()));
    neutral.remote_address = remote_address;
    return neutral;
}

http::HttpRequest to_neutral(bhttp::request<bhttp::string_body>&& request,
                             const std::string& remote_address) {
    auto neutral = to_neutral_head(request, remote_address);
    neutral.body = std::move(request.body());
    return neutral;
}

std::string serialize(http::HttpResponse&& response, unsigned version, bool keep_alive, bool head) {
    const auto status = static_cast<unsigned>(response.status);
    const std::string_view reason = bhttp::obsolete_reason(static_cast<bhttp::status>(status));
    std::string out;
    out.reserve(160 + response.body.size());
    out.append(version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ");
    out.append(std::to_string(status)).append(" ").append(reason).append("\r\n");
    out.append("Server: rubdown\r\nContent-Type: ").append(response.content_type).append("\r\n");
    for (const auto& [name, value] : response.headers)
        out.append(name).append(": ").append(value).append("\r\n");
    // 1xx, 204 and 304 answers carry no body and no length (RFC 9110, 8.6).
    const bool bodiless = status < 200 || status == 204 || status == 304;
    // A streamed body has no length known in advance: the connection's close ends it.
    if (response.stream) keep_alive = false;
    if (!bodiless && !response.stream)
        out.append("Content-Length: ").append(std::to_string(response.body.size())).append("\r\n");
    // HTTP/1.1 keeps a connection open unless told; HTTP/1.0 closes it unless told.
    if (version == 10 && keep_alive) out.append("Connection: keep-alive\r\n");
    if (version != 10 && !keep_alive) out.append("Connection: close\r\n");
    out.append("\r\n");
    if (!bodiless && !head) out.append(response.body);
    return out;
}

}  // namespace rubdown::bot
