#include "adapters/http/browser_page.hpp"

#include <string>

namespace rubdown::http {

void add_page_headers(HttpResponse& response, std::string_view content_security_policy) {
    response.headers.emplace_back("Content-Security-Policy", std::string(content_security_policy));
    response.headers.emplace_back("X-Content-Type-Options", "nosniff");
    // Not no-referrer: with it, a browser sends "Origin: null" on a form post, and the same-origin
    // check would refuse the page's own forms. same-origin tells other sites nothing.
    response.headers.emplace_back("Referrer-Policy", "same-origin");
    response.headers.emplace_back("X-Frame-Options", "DENY");
}

}  // namespace rubdown::http
