#include "bot/http/router.hpp"

namespace rubdown::bot {

void Router::add(std::vector<adapters::Route> routes) {
    for (auto& route : routes)
        add(std::move(route.method), std::move(route.path), std::move(route.handler));
}

void Router::add(std::string method, std::string path, RouteHandler handler) {
    routes_[{std::move(path), std::move(method)}] = std::move(handler);
}

std::pair<const RouteHandler*, http::HttpResponse> Router::find(
    const http::HttpRequest& request) const {
    if (auto it = routes_.find({request.path, request.method}); it != routes_.end())
        return {&it->second, {}};
    // HEAD is GET without the body (the server leaves it out): monitors probe /healthz so.
    if (request.method == "HEAD") {
        if (auto it = routes_.find({request.path, "GET"}); it != routes_.end())
            return {&it->second, {}};
    }
    std::string allow;
    for (auto it = routes_.lower_bound({request.path, ""});
         it != routes_.end() && it->first.first == request.path; ++it)
        allow += (allow.empty() ? "" : ", ") + it->first.second;
    if (allow.empty()) return {nullptr, http::HttpResponse::text(404, "not found\n")};
    auto response = http::HttpResponse::text(405, "method not allowed\n");
    response.headers.emplace_back("Allow", allow);
    return {nullptr, response};
}

boost::asio::awaitable<http::HttpResponse> Router::route(const http::HttpRequest& request) const {
    auto [handler, refusal] = find(request);
    if (!handler) co_return refusal;
    co_return co_await (*handler)(request);
}

}  // namespace rubdown::bot
