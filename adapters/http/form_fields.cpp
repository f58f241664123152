#include "adapters/http/form_fields.hpp"

#include <boost/url/encode.hpp>
#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>
#include <boost/url/rfc/unreserved_chars.hpp>

#include <string>

namespace rubdown::http {

namespace {

/// Well-formed UTF-8 (no overlong forms, surrogates or code points past U+10FFFF).
bool is_valid_utf8(std::string_view text) {
    std::size_t i = 0;
    while (i < text.size()) {
        const auto byte = static_cast<unsigned char>(text[i]);
        std::size_t length = 0;
        unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
        if (byte < 0x80) {
            ++i;
            continue;
        } else if (byte >= 0xC2 && byte <= 0xDF) {
            length = 2;
        } else if (byte >= 0xE0 && byte <= 0xEF) {
            length = 3;
            if (byte == 0xE0) low = 0xA0;
            if (byte == 0xED) high = 0x9F;
        } else if (byte >= 0xF0 && byte <= 0xF4) {
            length = 4;
            if (byte == 0xF0) low = 0x90;
            if (byte == 0xF4) high = 0x8F;
        } else {
            return false;
        }
        if (text.size() - i < length) return false;
        const auto second = static_cast<unsigned char>(text[i + 1]);
        if (second < low || second > high) return false;
        for (std::size_t k = 2; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if (next < 0x80 || next > 0xBF) return false;
        }
        i += length;
    }
    return true;
}

}  // namespace

std::optional<FormFields> FormFields::parse(std::string_view body) {
    FormFields form;
    if (body.empty()) return form;
    // A form body percent-encodes every byte outside the unreserved set, so a raw NUL means it
    // is not one. Refusing it also matters for the next step.
    if (body.find('\0') != std::string_view::npos) return std::nullopt;
    // Boost.URL 1.81's parse_query rebuilds the view of the query from data() alone, i.e. with
    // strlen: on a view that is not NUL-terminated it reads past the end (found by fuzzing).
    // A NUL-terminated copy without inner NULs makes that length the body's own.
    const std::string terminated(body);
    const auto params =
        boost::urls::parse_query(boost::urls::string_view(terminated.data(), terminated.size()));
    if (!params) return std::nullopt;

    boost::urls::encoding_opts options;
    options.space_as_plus = true;  // form encoding writes spaces as '+'
    for (const auto& param : *params) {
        std::string value = param.has_value ? param.value.decode(options) : std::string{};
        std::string key = param.key.decode(options);
        // Slack sends UTF-8. Anything else is no Slack body, and letting it through would make
        // every later JSON dump of these strings (reply contexts, exports) throw.
        if (!is_valid_utf8(key) || !is_valid_utf8(value)) return std::nullopt;
        form.fields_.emplace_back(std::move(key), std::move(value));
    }
    return form;
}

std::string_view FormFields::get(std::string_view name) const {
    for (const auto& [key, value] : fields_)
        if (key == name) return value;
    return {};
}

bool FormFields::contains(std::string_view name) const {
    for (const auto& entry : fields_)
        if (entry.first == name) return true;
    return false;
}

std::string encode_form(const std::vector<std::pair<std::string, std::string>>& fields) {
    std::string body;
    for (const auto& [name, value] : fields) {
        if (!body.empty()) body += '&';
        body += boost::urls::encode(name, boost::urls::unreserved_chars);
        body += '=';
        body += boost::urls::encode(value, boost::urls::unreserved_chars);
    }
    return body;
}

}  // namespace rubdown::http
