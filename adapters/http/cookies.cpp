#include "adapters/http/cookies.hpp"

namespace rubdown::http {

namespace {

std::string_view trim_spaces(std::string_view text) {
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
    return text;
}

}  // namespace

std::optional<std::string> cookie_value(std::string_view cookie_header, std::string_view name) {
    // RFC 6265 5.4: pairs separated by "; ". A browser may send several headers' worth joined.
    while (!cookie_header.empty()) {
        const auto end = cookie_header.find(';');
        auto pair = trim_spaces(cookie_header.substr(0, end));
        cookie_header =
            end == std::string_view::npos ? std::string_view{} : cookie_header.substr(end + 1);
        const auto equals = pair.find('=');
        if (equals == std::string_view::npos) continue;
        if (trim_spaces(pair.substr(0, equals)) != name) continue;
        auto value = trim_spaces(pair.substr(equals + 1));
        if (value.size() >= 2 && value.front() == '"' && value.back() == '"')
            value = value.substr(1, value.size() - 2);
        return std::string(value);
    }
    return std::nullopt;
}

}  // namespace rubdown::http
