#pragma once
/// Text into HTML or SVG markup: the operator's pages (rendered on the server: no script needed,
/// none allowed by their Content-Security-Policy) and the charts drawn as SVG. Pure.

#include <string>
#include <string_view>

namespace rubdown::intents {

/// `text` safe inside an element or a quoted attribute: & < > " ' escaped.
std::string html_escape(std::string_view text);

}  // namespace rubdown::intents
