#pragma once
/// Whether a browser's request comes from a page this server served (the web chat's, the
/// operator's dashboard): the check against cross-site requests, with the cookies' SameSite.

#include "adapters/http/http_message.hpp"

namespace rubdown::http {

/// Whether a browser's request comes from a page this server served: an Origin header,
/// when present, must name the Host the request was sent to (any scheme: a TLS proxy in front
/// changes it), and Sec-Fetch-Site, when present, must be same-origin. `origin_required`
/// refuses a request without Origin (every browser sends one with a POST).
bool same_origin(const http::HttpRequest& request, bool origin_required);

}  // namespace rubdown::http
