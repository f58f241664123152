#include "adapters/slack/slack_form.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>

#include <string>

namespace rubdown::slack {

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
        form.fields_.emplace_back(param.key.decode(options), std::move(value));
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

}  // namespace rubdown::slack
