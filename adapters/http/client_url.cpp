#include "adapters/http/client_url.hpp"

#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>

#include <algorithm>
#include <array>
#include <cctype>

namespace rubdown::http {

namespace urls = boost::urls;

namespace {

std::string lowercase(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

// Telegram puts the token in the path as "bot<id>:<secret>"; the colon may arrive percent-encoded.
bool is_bot_token_segment(std::string_view encoded_segment) {
    if (encoded_segment.size() < 4 || lowercase(encoded_segment.substr(0, 3)) != "bot")
        return false;
    const std::string rest = lowercase(encoded_segment.substr(3));
    return rest.find(':') != std::string::npos || rest.find("%3a") != std::string::npos;
}

bool names_a_secret(std::string_view decoded_key) {
    const std::string key = lowercase(decoded_key);
    static constexpr std::array<std::string_view, 6> fragments{"token",  "secret",    "password",
                                                               "passwd", "signature", "key"};
    if (key == "code" || key == "sig") return true;
    return std::any_of(fragments.begin(), fragments.end(), [&](std::string_view fragment) {
        return key.find(fragment) != std::string::npos;
    });
}

std::string redact_path(std::string_view encoded_path) {
    std::string out;
    std::size_t start = 0;
    while (true) {
        const std::size_t slash = encoded_path.find('/', start);
        const std::string_view segment = encoded_path.substr(
            start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        out += is_bot_token_segment(segment) ? std::string("bot<redacted>") : std::string(segment);
        if (slash == std::string_view::npos) break;
        out += '/';
        start = slash + 1;
    }
    return out;
}

}  // namespace

std::string ClientUrl::origin() const {
    return std::string(tls ? "https://" : "http://") +
           (host.find(':') != std::string::npos ? "[" + host + "]" : host) + ":" +
           std::to_string(port);
}

std::optional<ClientUrl> parse_client_url(std::string_view text) {
    const auto parsed = urls::parse_uri(text);
    if (!parsed) return std::nullopt;
    const urls::url_view& url = *parsed;

    ClientUrl out;
    if (url.scheme_id() == urls::scheme::https)
        out.tls = true;
    else if (url.scheme_id() != urls::scheme::http)
        return std::nullopt;

    switch (url.host_type()) {
        case urls::host_type::name:
            out.host = url.host_address();
            break;
        case urls::host_type::ipv4:
        case urls::host_type::ipv6:
            out.host = url.host_address();
            out.host_is_address = true;
            break;
        default:
            return std::nullopt;
    }
    if (out.host.empty()) return std::nullopt;

    const std::uint16_t default_port = out.tls ? 443 : 80;
    out.port = default_port;
    if (url.has_port() && !url.port().empty()) {
        // port_number() is 0 both for ":0" and for digits that overflow 16 bits.
        if (url.port_number() == 0) return std::nullopt;
        out.port = url.port_number();
    }

    // Built by appending: GCC 12 warns falsely (-Wrestrict) on insert(0, ...) and "x" + string.
    const std::string_view target = url.encoded_target();
    if (target.empty() || target.front() != '/') out.target.push_back('/');
    out.target.append(target);

    if (url.host_type() == urls::host_type::ipv6) {
        out.host_header.push_back('[');
        out.host_header.append(out.host);
        out.host_header.push_back(']');
    } else {
        out.host_header = std::string(url.encoded_host());
    }
    if (out.port != default_port) {
        out.host_header.push_back(':');
        out.host_header.append(std::to_string(out.port));
    }
    return out;
}

std::string redact_url(std::string_view text) {
    const auto parsed = urls::parse_uri_reference(text);
    if (!parsed) return "<invalid url>";
    const urls::url_view& url = *parsed;

    std::string out;
    if (url.has_scheme()) out += std::string(url.scheme()) + ":";
    if (url.has_authority()) {
        out += "//";
        if (url.has_userinfo()) out += "<redacted>@";
        out += std::string(url.encoded_host_and_port());
    }
    out += redact_path(url.encoded_path());
    if (url.has_query()) {
        out += '?';
        bool first = true;
        for (const auto& param : url.encoded_params()) {
            if (!first) out += '&';
            first = false;
            out += std::string(param.key);
            if (!param.has_value) continue;
            out += '=';
            out += names_a_secret(param.key.decode()) ? std::string("<redacted>")
                                                      : std::string(param.value);
        }
    }
    return out;
}

}  // namespace rubdown::http
