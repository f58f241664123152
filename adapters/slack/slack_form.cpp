#include "adapters/slack/slack_form.hpp"

#include <boost/url/encoding_opts.hpp>
#include <boost/url/parse_query.hpp>

namespace rubdown::slack {

std::optional<FormFields> FormFields::parse(std::string_view body) {
    FormFields form;
    if (body.empty()) return form;
    const auto params =
        boost::urls::parse_query(boost::urls::string_view(body.data(), body.size()));
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
