#pragma once
/// The chat page's files (adapters/web/assets/), built into the binary by the build
/// (rubdown_embed_text), so the server reads nothing at run time and fetches nothing from
/// elsewhere.

#include <string_view>

namespace rubdown::web::assets {

std::string_view chat_page();    ///< chat.html
std::string_view chat_script();  ///< chat.js
std::string_view chat_style();   ///< chat.css
std::string_view chat_icon();    ///< icon.svg

}  // namespace rubdown::web::assets
