#pragma once
/// Routes a request by method and path to its handler. Handlers are coroutines on the connection's
/// executor and take the neutral request type, so adapters never see Beast. A request is admitted
/// on its headers first (admit()), so that what is refused never has its body read.

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "adapters/channel.hpp"
#include "adapters/http/http_message.hpp"

namespace rubdown::bot {

using adapters::HeaderCheck;
using adapters::RouteHandler;

class Router {
  public:
    struct Entry {
        RouteHandler handler;
        std::size_t max_body_bytes = 0;  ///< 0 = the server's limit
        HeaderCheck check_headers;
    };

    /// What admit() decided: the route to run, or the answer that refuses the request.
    struct Admission {
        const Entry* route = nullptr;
        http::HttpResponse refusal;  ///< when route is null
    };

    void add(std::string method, std::string path, RouteHandler handler,
             std::size_t max_body_bytes = 0, HeaderCheck check_headers = {});
    /// A channel's routes (adapters::Channel::routes()).
    void add(std::vector<adapters::Route> routes);

    /// On the method, path and headers alone (`head` has no body yet): the route, or 404 for an
    /// unknown path, 405 (with Allow) for a known path with another method, or the route's own
    /// header check's refusal.
    Admission admit(const http::HttpRequest& head) const;

    /// The whole request: admit(), then the handler's response.
    boost::asio::awaitable<http::HttpResponse> route(const http::HttpRequest& request) const;

  private:
    std::map<std::pair<std::string, std::string>, Entry> routes_;  // (path, method)
};

}  // namespace rubdown::bot
