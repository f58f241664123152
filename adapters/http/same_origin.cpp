#include "adapters/http/same_origin.hpp"

namespace rubdown::http {

bool same_origin(const http::HttpRequest& request, bool origin_required) {
    const auto fetch_site = request.header("Sec-Fetch-Site");
    if (!fetch_site.empty() && !header_name_equals(fetch_site, "same-origin")) return false;
    const auto origin = request.header("Origin");
    if (origin.empty()) return !origin_required;
    const auto host = request.header("Host");
    const auto scheme_end = origin.find("://");
    if (host.empty() || scheme_end == std::string_view::npos) return false;
    return header_name_equals(origin.substr(scheme_end + 3), host);
}

}  // namespace rubdown::http
