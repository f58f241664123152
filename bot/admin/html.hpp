#pragma once
/// Text into HTML, for the operator's pages (rendered on the server: no script needed, none
/// allowed by their Content-Security-Policy). Pure.

#include <string>
#include <string_view>

namespace rubdown::bot {

/// `text` safe inside an element or a quoted attribute: & < > " ' escaped.
std::string html_escape(std::string_view text);

}  // namespace rubdown::bot
