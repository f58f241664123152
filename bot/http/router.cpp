#include "bot/http/router.hpp"

namespace rubdown::bot {

void Router::add(std::vector<adapters::Route> routes) {
    for (auto& route : routes)
        add(std::move(route.method), std::move(route.path), std::move(route.handler),
            route.max_body_bytes, std::move(route.check_headers));
}

void Router::add(std::string method, std::string path, RouteHandler handler,
                 std::size_t max_body_bytes, HeaderCheck check_headers) {
    routes_[{std::move(path), std::move(method)}] =
        Entry{std::move(handler), max_body_bytes, std::move(check_headers)};
}

Router::Admission Router::admit(const http::HttpRequest& head) const {
    auto found = routes_.find({head.path, head.method});
    // HEAD is GET without the body (the server leaves it out): monitors probe /healthz so.
    if (found == routes_.end() && head.method == "HEAD") found = routes_.find({head.path, "GET"});
    if (found != routes_.end()) {
        const auto& entry = found->second;
        if (entry.check_headers) {
            if (auto refusal = entry.check_headers(head)) return {nullptr, std::move(*refusal)};
        }
        return {&entry, {}};
    }
    std::string allow;
    for (auto it = routes_.lower_bound({head.path, ""});
         it != routes_.end() && it->first.first == head.path; ++it)
        allow += (allow.empty() ? "" : ", ") + it->first.second;
    if (allow.empty()) return {nullptr, http::HttpResponse::text(404, "not found\n")};
    auto response = http::HttpResponse::text(405, "method not allowed\n");
    response.headers.emplace_back("Allow", allow);
    return {nullptr, response};
}

boost::asio::awaitable<http::HttpResponse> Router::route(const http::HttpRequest& request) const {
    auto admission = admit(request);
    if (!admission.route) co_return std::move(admission.refusal);
    co_return co_await admission.route->handler(request);
}

}  // namespace rubdown::bot
