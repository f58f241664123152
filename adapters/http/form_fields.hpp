#pragma once
/// application/x-www-form-urlencoded bodies (Slack's slash commands and interactivity, the
/// operator's login form), decoded with Boost.URL.

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace rubdown::http {

/// `fields` as an application/x-www-form-urlencoded body: every byte but ALPHA, DIGIT and
/// "-._~" percent-encoded (so "+" and "&" in a value stay themselves).
std::string encode_form(const std::vector<std::pair<std::string, std::string>>& fields);

/// Decoded fields in the order they arrived; "+" is a space, percent escapes are decoded.
class FormFields {
  public:
    /// Empty optional when the body is not a valid query string (e.g. a bad percent escape).
    static std::optional<FormFields> parse(std::string_view body);

    /// The first value of `name`, empty when absent.
    std::string_view get(std::string_view name) const;
    bool contains(std::string_view name) const;
    std::size_t size() const { return fields_.size(); }

  private:
    std::vector<std::pair<std::string, std::string>> fields_;
};

}  // namespace rubdown::http
