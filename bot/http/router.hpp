#pragma once
/// Routes a request by method and path to its handler. Handlers are coroutines on the connection's
/// executor and take the neutral request type, so adapters never see Beast.

#include <functional>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include <boost/asio/awaitable.hpp>

#include "adapters/channel.hpp"
#include "adapters/http/http_message.hpp"

namespace rubdown::bot {

using adapters::RouteHandler;

class Router {
  public:
    void add(std::string method, std::string path, RouteHandler handler);
    /// A channel's routes (adapters::Channel::routes()).
    void add(std::vector<adapters::Route> routes);

    /// The handler's response; 404 for an unknown path, 405 (with Allow) for a known path with
    /// another method.
    boost::asio::awaitable<http::HttpResponse> route(const http::HttpRequest& request) const;

    /// What route() would do, without running a handler: the handler, or the status to answer.
    std::pair<const RouteHandler*, http::HttpResponse> find(const http::HttpRequest& request) const;

  private:
    std::map<std::pair<std::string, std::string>, RouteHandler> routes_;  // (path, method)
};

}  // namespace rubdown::bot
