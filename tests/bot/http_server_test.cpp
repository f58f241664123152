#include <catch2/catch.hpp>

#include <atomic>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/steady_timer.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

#include "bot/http/http_server.hpp"
#include "bot/http/io_pool.hpp"
#include "support/raw_http_client.hpp"

using namespace rubdown;
using rubdown::testing::RawHttpClient;
namespace asio = boost::asio;

namespace {

/// A server on an ephemeral loopback port with two IO threads, stopped at scope exit.
struct RunningServer {
    explicit RunningServer(bot::ServerLimits limits = {}) : server(io, limits, router) {
        router.add("GET", "/hello",
                   [](const http::HttpRequest&) -> asio::awaitable<http::HttpResponse> {
                       co_return http::HttpResponse::text(200, "hello\n");
                   });
        router.add("POST", "/echo",
                   [](const http::HttpRequest& request) -> asio::awaitable<http::HttpResponse> {
                       co_return http::HttpResponse::text(200, request.body);
                   });
        // A small route behind a header check, as the webhooks are.
        router.add(
            "POST", "/guarded",
            [](const http::HttpRequest& request) -> asio::awaitable<http::HttpResponse> {
                co_return http::HttpResponse::text(200, request.body);
            },
            1024,
            [](const http::HttpRequest& head) -> std::optional<http::HttpResponse> {
                if (head.header("X-Secret") == "letmein") return std::nullopt;
                return http::HttpResponse::text(401, "unauthorized\n");
            });
        router.add("GET", "/peer",
                   [](const http::HttpRequest& request) -> asio::awaitable<http::HttpResponse> {
                       co_return http::HttpResponse::text(200, request.remote_address);
                   });
        router.add("GET", "/slow",
                   [this](const http::HttpRequest&) -> asio::awaitable<http::HttpResponse> {
                       ++slow_started;
                       asio::steady_timer timer(co_await asio::this_coro::executor,
                                                std::chrono::milliseconds(400));
                       co_await timer.async_wait(asio::use_awaitable);
                       co_return http::HttpResponse::text(200, "finally\n");
                   });
    }
    void start() {
        server.start({asio::ip::make_address("127.0.0.1"), 0});
        for (int i = 0; i < 2; ++i) threads.emplace_back([this] { io.run(); });
    }
    ~RunningServer() {
        io.stop();
        for (auto& thread : threads) thread.join();
    }
    unsigned short port() const { return server.local_endpoint().port(); }

    asio::io_context io;
    bot::Router router;
    bot::HttpServer server;
    std::vector<std::thread> threads;
    std::atomic<int> slow_started{0};
};

/// Polls `done` until it holds or five seconds pass; whether it came to hold.
template <typename Predicate>
bool eventually(Predicate done) {
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(5);
    while (!done()) {
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    return true;
}

/// GET /peer over a connection from `source` to 127.0.0.1: the whole 127.0.0.0/8 is loopback on
/// Linux, so binding the client to 127.0.0.2 makes a second host on one machine. The answer's
/// body (the address the server saw), or nothing if the connection gave no answer.
std::optional<std::string> peer_seen_from(const std::string& source, unsigned short port) {
    namespace bhttp = boost::beast::http;
    asio::io_context io;
    asio::ip::tcp::socket socket(io);
    socket.open(asio::ip::tcp::v4());
    socket.bind({asio::ip::make_address(source), 0});
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    timeval timeout{10, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const std::string request = "GET /peer HTTP/1.1\r\nHost: x\r\n\r\n";
    asio::write(socket, asio::buffer(request));
    boost::beast::flat_buffer buffer;
    bhttp::response<bhttp::string_body> response;
    boost::beast::error_code error;
    bhttp::read(socket, buffer, response, error);
    if (error || response.result_int() != 200) return std::nullopt;
    return response.body();
}

}  // namespace

TEST_CASE("keep-alive: several requests on one connection") {
    RunningServer running;
    running.start();
    RawHttpClient client(running.port());
    for (int i = 0; i < 3; ++i) {
        auto response = client.request("GET", "/hello");
        REQUIRE(response);
        CHECK(response->result_int() == 200);
        CHECK(response->body() == "hello\n");
        CHECK(response->keep_alive());
    }
    auto echoed = client.request("POST", "/echo", "{\"a\":1}");
    REQUIRE(echoed);
    CHECK(echoed->body() == "{\"a\":1}");
}

TEST_CASE("unknown paths get 404, known paths with another method 405") {
    RunningServer running;
    running.start();
    RawHttpClient client(running.port());
    auto missing = client.request("GET", "/nowhere");
    REQUIRE(missing);
    CHECK(missing->result_int() == 404);
    auto wrong_method = client.request("DELETE", "/hello");
    REQUIRE(wrong_method);
    CHECK(wrong_method->result_int() == 405);
    CHECK(std::string(wrong_method->at("Allow")) == "GET");
}

TEST_CASE("a request refused on its headers is answered before its body is sent, then closed") {
    RunningServer running;
    running.start();
    struct Case {
        std::string head;
        unsigned status;
    };
    // Each declares a body it never sends: the answer must come without it.
    const std::vector<Case> cases{
        {"POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n", 404},
        {"PUT /hello HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n", 405},
        {"POST /guarded HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n", 401},
        {"POST /guarded HTTP/1.1\r\nHost: x\r\nX-Secret: wrong\r\nTransfer-Encoding: "
         "chunked\r\n\r\n",
         401},
        // The route's own limit (1 KiB), below the server's (1 MiB).
        {"POST /guarded HTTP/1.1\r\nHost: x\r\nX-Secret: letmein\r\nContent-Length: 2048\r\n\r\n",
         413},
    };
    for (const auto& c : cases) {
        INFO(c.head);
        RawHttpClient client(running.port());
        client.send(c.head);
        auto response = client.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == c.status);
        CHECK(client.closed_by_server());
    }
    // The right secret and a body within the route's limit are served.
    RawHttpClient client(running.port());
    auto served = client.request("POST", "/guarded", "hello", "X-Secret: letmein\r\n");
    REQUIRE(served);
    CHECK(served->result_int() == 200);
    CHECK(served->body() == "hello");
    // A request without a body is refused as before, and its connection kept.
    auto missing = client.request("GET", "/nowhere");
    REQUIRE(missing);
    CHECK(missing->result_int() == 404);
    CHECK(client.request("GET", "/hello"));
}

TEST_CASE("bodies being read at once share one budget: past it a request gets 503, unread") {
    bot::ServerLimits limits;
    limits.max_bodies_in_flight_bytes = 1500;
    RunningServer running(limits);
    running.start();
    // The first holds 1,000 bytes of the budget while its body is on the way.
    RawHttpClient slow(running.port());
    slow.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    REQUIRE(eventually([&running] { return running.server.stats().open_connections == 1; }));
    std::this_thread::sleep_for(std::chrono::milliseconds(100));  // its headers are read
    RawHttpClient second(running.port());
    second.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n");
    auto busy = second.read_response();
    REQUIRE(busy);
    CHECK(busy->result_int() == 503);
    CHECK(std::string(busy->at("Retry-After")) == "1");
    CHECK(running.server.stats().bodies_refused == 1);
    // The first finishes and gives its bytes back; the next body fits again.
    slow.send(std::string(1000, 'a'));
    auto first_answer = slow.read_response();
    REQUIRE(first_answer);
    CHECK(first_answer->result_int() == 200);
    CHECK(first_answer->body() == std::string(1000, 'a'));
    RawHttpClient third(running.port());
    auto fits = third.request("POST", "/echo", std::string(1000, 'b'));
    REQUIRE(fits);
    CHECK(fits->result_int() == 200);
}

TEST_CASE("an oversized body gets 413, by declared length or by chunks") {
    bot::ServerLimits limits;
    limits.max_body_bytes = 1024;
    RunningServer running(limits);
    running.start();
    {
        RawHttpClient client(running.port());
        auto response = client.request("POST", "/echo", std::string(2048, 'x'));
        REQUIRE(response);
        CHECK(response->result_int() == 413);
    }
    {
        RawHttpClient client(running.port());
        const std::string chunk(800, 'y');
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n320\r\n" +
                    chunk + "\r\n320\r\n" + chunk + "\r\n0\r\n\r\n");
        auto response = client.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == 413);
    }
    {
        RawHttpClient client(running.port());
        auto fits = client.request("POST", "/echo", std::string(1000, 'z'));
        REQUIRE(fits);
        CHECK(fits->result_int() == 200);
    }
}

TEST_CASE("a chunk line or trailer that never ends gets 413, not an ever larger buffer") {
    // Beast checks chunk sizes against the body limit, not the length of a chunk's extension or
    // of a trailer: without a bound of the server's own these grew its memory by the megabyte.
    bot::ServerLimits limits;
    limits.max_body_bytes = 1024;
    RunningServer running(limits);
    running.start();
    const std::string endless(1024 * 1024, 'a');
    for (const std::string start : {"1;", "0\r\nX-Trailer: "}) {
        INFO(start);
        RawHttpClient client(running.port());
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + start +
                    endless);
        auto response = client.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == 413);
    }
}

TEST_CASE("Expect: 100-continue gets its interim answer before the body is sent") {
    RunningServer running;
    running.start();
    RawHttpClient client(running.port());
    client.send(
        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\n\r\n");
    CHECK(client.read_raw_until("\r\n\r\n") == "HTTP/1.1 100 Continue\r\n\r\n");
    client.send("hello");
    auto response = client.read_response();
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    CHECK(response->body() == "hello");

    // A body over the limit is refused at once, without the interim answer.
    bot::ServerLimits limits;
    limits.max_body_bytes = 1024;
    RunningServer small(limits);
    small.start();
    RawHttpClient refused(small.port());
    refused.send(
        "POST /echo HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5000\r\n\r\n");
    auto refusal = refused.read_response();
    REQUIRE(refusal);
    CHECK(refusal->result_int() == 413);
}

TEST_CASE("HEAD is answered as GET, with its length and without a body") {
    RunningServer running;
    running.start();
    RawHttpClient client(running.port());
    // A body after HEAD's headers would be read as the start of the next answer.
    client.send("HEAD /hello HTTP/1.1\r\nHost: x\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
    const auto raw = client.read_raw_until("hello\n");
    CHECK(raw.find("Content-Length: 6\r\n") != std::string::npos);
    const auto first = raw.find("HTTP/1.1 200 OK\r\n");
    REQUIRE(first == 0);
    const auto head_end = raw.find("\r\n\r\n");
    REQUIRE(head_end != std::string::npos);
    CHECK(raw.compare(head_end + 4, 17, "HTTP/1.1 200 OK\r\n") == 0);
}

TEST_CASE("malformed requests get 400 and oversized headers 431") {
    RunningServer running;
    running.start();
    {
        RawHttpClient client(running.port());
        client.send("THIS IS NOT HTTP\r\n\r\n");
        auto response = client.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == 400);
    }
    {
        RawHttpClient client(running.port());
        client.send("GET /hello HTTP/1.1\r\nX-Big: " + std::string(64 * 1024, 'h') + "\r\n\r\n");
        auto response = client.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == 431);
    }
}

TEST_CASE("a refused request's remaining bytes are drained, so its answer is not lost to a reset") {
    bot::ServerLimits limits;
    limits.max_body_bytes = 1024;
    RunningServer running(limits);
    running.start();
    // Far more than the socket buffers hold: the write only completes if the server keeps reading
    // after it has answered 413, and the answer is only readable if the server did not reset.
    const std::string body(2 * 1024 * 1024, 'x');
    RawHttpClient client(running.port());
    client.send("POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: " + std::to_string(body.size()) +
                "\r\n\r\n" + body);
    auto response = client.read_response();
    REQUIRE(response);
    CHECK(response->result_int() == 413);
}

TEST_CASE("pipelined requests on one connection are answered in order") {
    RunningServer running;
    running.start();
    RawHttpClient client(running.port());
    // Three requests in one write, the second with a body, before reading any answer.
    client.send(
        "GET /hello HTTP/1.1\r\nHost: x\r\n\r\n"
        "POST /echo HTTP/1.1\r\nHost: x\r\nContent-Length: 6\r\n\r\nsecond"
        "GET /missing HTTP/1.1\r\nHost: x\r\n\r\n");
    auto first = client.read_response();
    auto second = client.read_response();
    auto third = client.read_response();
    REQUIRE(first);
    REQUIRE(second);
    REQUIRE(third);
    CHECK(first->body() == "hello\n");
    CHECK(second->body() == "second");
    CHECK(third->result_int() == 404);
}

TEST_CASE("malformed chunked encoding gets 400 and the connection is closed") {
    RunningServer running;
    running.start();
    const std::vector<std::string> bodies{
        "zz\r\nhello\r\n0\r\n\r\n",                 // a chunk size that is not hex
        "5\r\nhelloEXTRA\r\n0\r\n\r\n",             // a chunk longer than announced
        "fffffffffffffffffffff\r\nx\r\n0\r\n\r\n",  // a size that overflows 64 bits
        "5;\x01\r\nhello\r\n0\r\n\r\n",             // a control byte in an extension
    };
    for (const auto& body : bodies) {
        RawHttpClient client(running.port());
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n" + body);
        auto response = client.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == 400);
        CHECK(client.closed_by_server());
    }
}

TEST_CASE("a Transfer-Encoding other than a lone chunked gets 400 and the connection is closed") {
    RunningServer running;
    running.start();
    // Each would otherwise leave its body to be read as the next request (request smuggling).
    const std::vector<std::string> framings{
        "Transfer-Encoding: identity\r\n",
        "Transfer-Encoding: gzip\r\n",
        "Transfer-Encoding: chunked, identity\r\n",
        "Transfer-Encoding: gzip, chunked\r\n",
        "Transfer-Encoding: chunked\r\nTransfer-Encoding: chunked\r\n",
        "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
        "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
    };
    for (const auto& framing : framings) {
        INFO(framing);
        RawHttpClient client(running.port());
        client.send("POST /echo HTTP/1.1\r\nHost: x\r\n" + framing +
                    "\r\n5\r\nhello\r\n0\r\n\r\nGET /hello HTTP/1.1\r\nHost: x\r\n\r\n");
        auto response = client.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == 400);
        CHECK(client.closed_by_server());
    }
    // A lone chunked, in any case and with spaces around it, is the one accepted.
    RawHttpClient client(running.port());
    client.send(
        "POST /echo HTTP/1.1\r\nHost: x\r\nTransfer-Encoding:  Chunked \r\n\r\n"
        "5\r\nhello\r\n0\r\n\r\n");
    auto response = client.read_response();
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    CHECK(response->body() == "hello");
}

TEST_CASE("a client that never finishes its headers is cut off") {
    bot::ServerLimits limits;
    limits.header_timeout = std::chrono::seconds(1);
    RunningServer running(limits);
    running.start();
    RawHttpClient slow(running.port());
    slow.send("GET /hello HTTP/1.1\r\nHost: x\r\n");  // and never the blank line
    // The server closes the connection; the read sees end of stream well before the 10 s guard.
    CHECK(slow.closed_by_server());
    // Meanwhile, a healthy client is served.
    RawHttpClient healthy(running.port());
    auto response = healthy.request("GET", "/hello");
    REQUIRE(response);
    CHECK(response->result_int() == 200);
}

TEST_CASE("a new connection that sends nothing is cut at the header time-out, not the idle one") {
    bot::ServerLimits limits;
    limits.header_timeout = std::chrono::seconds(1);
    limits.idle_timeout = std::chrono::seconds(60);
    RunningServer running(limits);
    running.start();
    const auto opened = std::chrono::steady_clock::now();
    RawHttpClient silent(running.port());
    CHECK(silent.closed_by_server());
    // Well before the idle minute a kept-alive connection would get.
    CHECK(std::chrono::steady_clock::now() - opened < std::chrono::seconds(30));
}

TEST_CASE("idle keep-alive connections time out") {
    bot::ServerLimits limits;
    limits.idle_timeout = std::chrono::seconds(1);
    RunningServer running(limits);
    running.start();
    RawHttpClient client(running.port());
    REQUIRE(client.request("GET", "/hello"));
    CHECK(client.closed_by_server());
}

TEST_CASE("at the cap, the connection waiting longest for a request makes room for a new one") {
    bot::ServerLimits limits;
    limits.max_connections = 2;
    RunningServer running(limits);
    running.start();
    const auto waiting = [&running] { return running.server.stats().waiting_connections; };
    // A connection counts as waiting once the server has finished its answer, which may come a
    // moment after the client has read it: wait for that, so that the order is the test's.
    RawHttpClient first(running.port());
    REQUIRE(first.request("GET", "/hello"));
    REQUIRE(eventually([&] { return waiting() == 1; }));
    RawHttpClient second(running.port());
    REQUIRE(second.request("GET", "/hello"));
    REQUIRE(eventually([&] { return waiting() == 2; }));
    // Both now wait, kept alive; the first has waited longer.
    RawHttpClient third(running.port());
    CHECK(first.closed_by_server());
    CHECK(third.request("GET", "/hello"));
    CHECK(second.request("GET", "/hello"));
    CHECK(running.server.stats().evicted_waiting == 1);
    CHECK(running.server.stats().rejected_connections == 0);
}

TEST_CASE("at the cap with every connection busy, a new one is refused and the others served") {
    bot::ServerLimits limits;
    limits.max_connections = 2;
    RunningServer running(limits);
    running.start();
    RawHttpClient first(running.port());
    RawHttpClient second(running.port());
    first.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    second.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    REQUIRE(eventually([&running] { return running.slow_started == 2; }));
    RawHttpClient third(running.port());
    CHECK(third.closed_by_server());
    CHECK(running.server.stats().rejected_connections == 1);
    CHECK(running.server.stats().evicted_waiting == 0);
    const auto first_answer = first.read_response();
    REQUIRE(first_answer);
    CHECK(first_answer->body() == "finally\n");
    const auto second_answer = second.read_response();
    REQUIRE(second_answer);
    CHECK(second_answer->body() == "finally\n");
}

TEST_CASE("one address holds at most its share of connections, other addresses are unaffected") {
    bot::ServerLimits limits;
    limits.max_connections_per_address = 3;
    RunningServer running(limits);
    running.start();
    const auto open_connections = [&running] { return running.server.stats().open_connections; };
    // Idle connections, as a slowloris holds them: connected, not a byte sent.
    std::vector<std::unique_ptr<RawHttpClient>> idle;
    for (int i = 0; i < 3; ++i) idle.push_back(std::make_unique<RawHttpClient>(running.port()));
    REQUIRE(eventually([&] { return open_connections() == 3; }));

    RawHttpClient one_too_many(running.port());
    CHECK(one_too_many.closed_by_server());
    CHECK(running.server.stats().rejected_per_address == 1);
    CHECK(running.server.stats().rejected_connections == 1);
    // Another host is served while 127.0.0.1 is at its limit.
    CHECK(peer_seen_from("127.0.0.2", running.port()) == std::optional<std::string>("127.0.0.2"));
    // The idle connections were held, not closed: each is still served.
    for (auto& client : idle) {
        auto response = client->request("GET", "/peer");
        REQUIRE(response);
        CHECK(response->body() == "127.0.0.1");
    }
    CHECK(running.server.stats().rejected_per_address == 1);

    // Once they are closed, the server counts them down (and forgets the addresses), and the
    // address may hold as many again, and not one more.
    idle.clear();
    REQUIRE(eventually([&] { return open_connections() == 0; }));
    CHECK(running.server.stats().counted_addresses == 0);
    for (int i = 0; i < 3; ++i) {
        idle.push_back(std::make_unique<RawHttpClient>(running.port()));
        auto response = idle.back()->request("GET", "/hello");
        REQUIRE(response);
        CHECK(response->result_int() == 200);
    }
    CHECK(running.server.stats().counted_addresses == 1);
    RawHttpClient again_too_many(running.port());
    CHECK(again_too_many.closed_by_server());
    CHECK(running.server.stats().rejected_per_address == 2);
}

TEST_CASE("connections ended by the server also give their address's slots back") {
    bot::ServerLimits limits;
    limits.max_connections_per_address = 1;
    limits.idle_timeout = std::chrono::seconds(1);
    limits.max_body_bytes = 1024;
    RunningServer running(limits);
    running.start();
    const auto open_connections = [&running] { return running.server.stats().open_connections; };
    // Each connection ends a different way on the server's side; each time, the next one from
    // the same address is admitted only if the ended one was counted down.
    {
        RawHttpClient timed_out(running.port());
        REQUIRE(timed_out.request("GET", "/hello"));
        CHECK(timed_out.closed_by_server());  // the idle time-out
    }
    REQUIRE(eventually([&] { return open_connections() == 0; }));
    {
        RawHttpClient refused(running.port());
        auto response = refused.request("POST", "/echo", std::string(2048, 'x'));
        REQUIRE(response);
        CHECK(response->result_int() == 413);
        CHECK(refused.closed_by_server());
    }
    REQUIRE(eventually([&] { return open_connections() == 0; }));
    {
        RawHttpClient malformed(running.port());
        malformed.send("THIS IS NOT HTTP\r\n\r\n");
        auto response = malformed.read_response();
        REQUIRE(response);
        CHECK(response->result_int() == 400);
    }
    REQUIRE(eventually([&] { return open_connections() == 0; }));
    RawHttpClient last(running.port());
    auto response = last.request("GET", "/hello");
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    CHECK(running.server.stats().rejected_per_address == 0);
    CHECK(running.server.stats().counted_addresses == 1);
}

TEST_CASE("the per-address limit holds for IPv6 clients too") {
    bot::ServerLimits limits;
    limits.max_connections_per_address = 1;
    asio::io_context io;
    bot::Router router;
    router.add("GET", "/hello",
               [](const http::HttpRequest&) -> asio::awaitable<http::HttpResponse> {
                   co_return http::HttpResponse::text(200, "hello\n");
               });
    bot::HttpServer server(io, limits, router);
    try {
        server.start({asio::ip::make_address("::1"), 0});
    } catch (const std::system_error& error) {
        WARN("no IPv6 loopback here, skipped: " << error.what());
        return;
    }
    std::thread thread([&io] { io.run(); });
    const auto port = server.local_endpoint().port();
    asio::io_context client_io;
    asio::ip::tcp::socket held(client_io);
    held.connect({asio::ip::make_address("::1"), port});
    REQUIRE(eventually([&] { return server.stats().open_connections == 1; }));
    asio::ip::tcp::socket refused(client_io);
    refused.connect({asio::ip::make_address("::1"), port});
    timeval timeout{10, 0};
    ::setsockopt(refused.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char byte;
    boost::system::error_code error;
    refused.read_some(asio::buffer(&byte, 1), error);
    CHECK((error == asio::error::eof || error == asio::error::connection_reset));
    CHECK(server.stats().rejected_per_address == 1);
    CHECK(server.stats().open_connections == 1);
    io.stop();
    thread.join();
}

TEST_CASE("an IPv4-mapped IPv6 address counts as its IPv4 address") {
    using asio::ip::make_address;
    CHECK(bot::counted_address(make_address("::ffff:127.0.0.1")) == make_address("127.0.0.1"));
    CHECK(bot::counted_address(make_address("::ffff:203.0.113.7")) == make_address("203.0.113.7"));
    CHECK(bot::counted_address(make_address("203.0.113.7")) == make_address("203.0.113.7"));
    CHECK(bot::counted_address(make_address("::1")) == make_address("::1"));
    CHECK(bot::counted_address(make_address("2001:db8::ffff:1")) ==
          make_address("2001:db8::ffff:1"));
}

TEST_CASE("graceful shutdown finishes the request in flight and closes idle connections") {
    RunningServer running;
    running.start();
    RawHttpClient idle(running.port());
    REQUIRE(idle.request("GET", "/hello"));

    RawHttpClient busy(running.port());
    busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    while (running.slow_started == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));

    std::promise<void> drained;
    running.server.shutdown(std::chrono::seconds(5), [&] { drained.set_value(); });

    auto response = busy.read_response();
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    CHECK(response->body() == "finally\n");
    CHECK_FALSE(response->keep_alive());
    CHECK(idle.closed_by_server());
    CHECK(drained.get_future().wait_for(std::chrono::seconds(5)) == std::future_status::ready);
    // No new connections are accepted.
    bool refused = false;
    try {
        RawHttpClient late(running.port());
        refused = late.closed_by_server();
    } catch (const std::exception&) {
        refused = true;
    }
    CHECK(refused);
}

TEST_CASE("with an IoPool, connections are spread over its threads and shut down gracefully") {
    bot::IoPool pool(2);
    bot::Router router;
    std::mutex mutex;
    std::set<std::thread::id> serving_threads;
    std::atomic<int> slow_started{0};
    router.add("GET", "/where",
               [&](const http::HttpRequest&) -> asio::awaitable<http::HttpResponse> {
                   std::lock_guard lock(mutex);
                   serving_threads.insert(std::this_thread::get_id());
                   co_return http::HttpResponse::text(200, "here\n");
               });
    router.add("GET", "/slow",
               [&](const http::HttpRequest&) -> asio::awaitable<http::HttpResponse> {
                   ++slow_started;
                   asio::steady_timer timer(co_await asio::this_coro::executor,
                                            std::chrono::milliseconds(300));
                   co_await timer.async_wait(asio::use_awaitable);
                   co_return http::HttpResponse::text(200, "finally\n");
               });
    bot::HttpServer server(pool.main_context(), {}, router,
                           [&pool] { return pool.next_executor(); });
    server.start({asio::ip::make_address("127.0.0.1"), 0});
    auto running = std::async(std::launch::async, [&] { pool.run(); });
    const auto port = server.local_endpoint().port();

    std::vector<std::unique_ptr<RawHttpClient>> clients;
    for (int i = 0; i < 4; ++i) {
        clients.push_back(std::make_unique<RawHttpClient>(port));
        for (int j = 0; j < 3; ++j) {
            auto response = clients.back()->request("GET", "/where");
            REQUIRE(response);
            CHECK(response->body() == "here\n");
        }
    }
    {
        std::lock_guard lock(mutex);
        CHECK(serving_threads.size() == 2);
    }

    RawHttpClient busy(port);
    busy.send("GET /slow HTTP/1.1\r\nHost: x\r\n\r\n");
    while (slow_started == 0) std::this_thread::sleep_for(std::chrono::milliseconds(5));
    server.shutdown(std::chrono::seconds(5), [&pool] { pool.stop(); });
    auto response = busy.read_response();
    REQUIRE(response);
    CHECK(response->body() == "finally\n");
    CHECK_FALSE(response->keep_alive());
    for (auto& client : clients) CHECK(client->closed_by_server());
    CHECK(running.wait_for(std::chrono::seconds(5)) == std::future_status::ready);
}
