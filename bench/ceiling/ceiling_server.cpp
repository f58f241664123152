/// The ceiling for the webhook benchmarks (Telegram and Slack): an HTTP/1.1 server on Beast that
/// reads each request and answers 200 with one small fixed JSON body, keep-alive, nothing else.
/// N threads on one io_context: the bot's shape until it moved to one io_context per thread; kept
/// as it was, so that ceilings stay comparable across runs. The difference to it is the bot's work.
///
/// The body is also a valid answer to every platform call the bot makes during a run, so a second
/// instance stands in for the platform's API:
/// - Telegram Bot API: `ok` true and a `result` object; getMe reads `result.username`, sendMessage
///   `result.message_id`; setMyCommands and setWebhook only look at `ok`.
/// - Slack Web API: auth.test reads `team_id`, `user_id`, `bot_id`; chat.postMessage and
///   chat.update read `channel` and `ts`.
///
/// Usage: ceiling_server PORT [THREADS]   (listens on 127.0.0.1 only)

#include <cstdlib>
#include <iostream>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;

namespace {

constexpr std::string_view fixed_answer =
    R"({"ok":true,"result":{"id":1,"is_bot":true,"first_name":"Rubdown",)"
    R"("username":"rubdown_bench_bot","message_id":1},)"
    R"("team_id":"TBENCH","user_id":"UBOT","bot_id":"BBOT","channel":"DBENCH","ts":"1.000001"})";

asio::awaitable<void> serve(tcp::socket socket) {
    beast::flat_buffer buffer;
    for (;;) {
        http::request<http::string_body> request;
        auto [read_error, read] =
            co_await http::async_read(socket, buffer, request, asio::as_tuple(asio::use_awaitable));
        if (read_error) co_return;
        http::response<http::string_body> response{http::status::ok, request.version()};
        response.set(http::field::content_type, "application/json");
        response.body() = fixed_answer;
        response.keep_alive(request.keep_alive());
        response.prepare_payload();
        auto [write_error, written] =
            co_await http::async_write(socket, response, asio::as_tuple(asio::use_awaitable));
        if (write_error || !response.keep_alive()) co_return;
    }
}

asio::awaitable<void> accept_loop(tcp::acceptor& acceptor) {
    for (;;) {
        auto socket = co_await acceptor.async_accept(asio::use_awaitable);
        socket.set_option(tcp::no_delay(true));
        asio::co_spawn(acceptor.get_executor(), serve(std::move(socket)), asio::detached);
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: ceiling_server PORT [THREADS]\n";
        return 2;
    }
    const auto port = static_cast<unsigned short>(std::atoi(argv[1]));
    const int threads = argc > 2 ? std::atoi(argv[2]) : 2;
    asio::io_context io(threads);
    tcp::acceptor acceptor(io, {asio::ip::make_address("127.0.0.1"), port});
    asio::co_spawn(io, accept_loop(acceptor), asio::detached);
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back([&] { io.run(); });
    io.run();
    for (auto& thread : pool) thread.join();
}
