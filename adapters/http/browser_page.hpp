#pragma once
/// The headers every page the server shows a browser carries (the web chat, the operator's
/// dashboard): its Content-Security-Policy, and no MIME sniffing, no framing, no referrer to
/// other sites.

#include <string_view>

#include "adapters/http/http_message.hpp"

namespace rubdown::http {

void add_page_headers(HttpResponse& response, std::string_view content_security_policy);

}  // namespace rubdown::http
