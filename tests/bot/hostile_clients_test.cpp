// The real server under hostile clients: a crowd of idle keep-alive connections and a slowloris
// attack (connections trickling their headers a byte at a time) must not stop it from answering a
// healthy client, and the tricklers must be cut off by the header time-out. The latency and memory
// figures under the same attack are measured in bench/hostile, not asserted here.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>

#include "bot/cli/process_limits.hpp"
#include "support/child_process.hpp"
#include "support/raw_http_client.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::testing;
using namespace std::chrono_literals;
namespace asio = boost::asio;
using asio::ip::tcp;

namespace {

const std::string kBinary = RUBDOWN_BINARY;

/// Plain sockets sharing one io_context: a crowd costs one descriptor per connection.
std::vector<std::unique_ptr<tcp::socket>> open_connections(asio::io_context& io,
                                                           unsigned short port, std::size_t count) {
    std::vector<std::unique_ptr<tcp::socket>> sockets;
    const tcp::endpoint endpoint(asio::ip::make_address("127.0.0.1"), port);
    for (std::size_t i = 0; i < count; ++i) {
        auto socket = std::make_unique<tcp::socket>(io);
        socket->connect(endpoint);
        sockets.push_back(std::move(socket));
    }
    return sockets;
}

/// True when the server has closed `socket` (a read sees end of stream or a reset).
bool closed_by_server(tcp::socket& socket) {
    timeval timeout{10, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    char byte;
    boost::system::error_code error;
    socket.read_some(asio::buffer(&byte, 1), error);
    return error == asio::error::eof || error == asio::error::connection_reset;
}

/// Sends GET /healthz on `socket` and reads the answer's status, or 0 if none came.
int healthz_status(tcp::socket& socket) {
    timeval timeout{10, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
    boost::system::error_code error;
    asio::write(socket, asio::buffer(request), error);
    std::string status_line(12, '\0');  // "HTTP/1.1 200"
    asio::read(socket, asio::buffer(status_line), error);
    if (error || status_line.rfind("HTTP/1.1 ", 0) != 0) return 0;
    return std::atoi(status_line.c_str() + 9);
}

/// GET /healthz on a connection from `source`, another address of the loopback net (all of
/// 127.0.0.0/8 is loopback on Linux): a second host on one machine. The status, or 0.
int healthz_from(const std::string& source, unsigned short port) {
    asio::io_context io;
    tcp::socket socket(io);
    socket.open(tcp::v4());
    socket.bind({asio::ip::make_address(source), 0});
    socket.connect({asio::ip::make_address("127.0.0.1"), port});
    return healthz_status(socket);
}

/// A field of /proc/<pid>/status in KiB ("VmRSS", "VmHWM"); 0 when unreadable.
std::size_t status_kib(pid_t pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line))
        if (line.rfind(field + ":", 0) == 0) return std::stoul(line.substr(field.size() + 1));
    return 0;
}

}  // namespace

TEST_CASE("hostile clients: idle crowds and slowloris do not starve a healthy client") {
    // The crowd needs descriptors on both sides of loopback; the server raises its own limit.
    const std::size_t limit = rubdown::bot::raise_open_file_limit(4096);
    const std::size_t idle_count = std::min<std::size_t>(1000, (limit - 200) / 2);
    const std::size_t trickler_count = 100;
    INFO("open-file limit " << limit << ", idle connections " << idle_count);

    TempDir dir;
    // The crowd and the healthy client all come from 127.0.0.1, so the per-address limit (512 by
    // default) would refuse the healthy client: this test is about the time-outs, and the
    // per-address limit is tested with a second address below and in http_server_test.cpp.
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", dir.file("hostile.db")},
                         {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                         {"RUBDOWN_HEADER_TIMEOUT", "2"},
                         {"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "2048"}});
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);

    asio::io_context io;
    auto idle = open_connections(io, port, idle_count);
    auto tricklers = open_connections(io, port, trickler_count);

    // Each trickler sends one more byte of an endless header every 100 ms from this thread, until
    // the server hangs up on it.
    std::atomic<bool> stop_trickling{false};
    std::atomic<std::size_t> cut_off{0};
    std::thread trickle([&] {
        const std::string opening = "GET /healthz HTTP/1.1\r\nX-Slow: ";
        std::vector<bool> alive(tricklers.size(), true);
        for (auto& socket : tricklers) {
            boost::system::error_code error;
            asio::write(*socket, asio::buffer(opening), error);
        }
        while (!stop_trickling) {
            for (std::size_t i = 0; i < tricklers.size(); ++i) {
                if (!alive[i]) continue;
                boost::system::error_code error;
                asio::write(*tricklers[i], asio::buffer("a", 1), error);
                if (error) {
                    alive[i] = false;
                    ++cut_off;
                }
            }
            std::this_thread::sleep_for(100ms);
        }
    });

    // Meanwhile a healthy client, on fresh connections and on one kept alive, is answered.
    int answered = 0;
    RawHttpClient kept_alive(port);
    for (int i = 0; i < 20; ++i) {
        RawHttpClient fresh(port);
        auto response = fresh.request("GET", "/healthz");
        if (response && response->result_int() == 200) ++answered;
        auto again = kept_alive.request("GET", "/healthz");
        if (again && again->result_int() == 200) ++answered;
        std::this_thread::sleep_for(50ms);
    }
    CHECK(answered == 40);

    // The header time-out is 2 s from each trickler's first byte: all are gone well before 10 s
    // (a write fails once the server has closed and reset the connection).
    const auto deadline = std::chrono::steady_clock::now() + 10s;
    while (cut_off < trickler_count && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(50ms);
    stop_trickling = true;
    trickle.join();
    CHECK(cut_off == trickler_count);

    // The silent crowd never sent a byte: it is cut at the header time-out too, not held for the
    // idle minute of a kept-alive connection. The server still serves.
    CHECK(closed_by_server(*idle.front()));
    CHECK(closed_by_server(*idle.back()));
    RawHttpClient after(port);
    auto response = after.request("GET", "/healthz");
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    CHECK_FALSE(server.wait(0ms).has_value());

    // Closing the crowd leaves a server that stops cleanly.
    idle.clear();
    tricklers.clear();
    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
}

TEST_CASE("hostile clients: 300 bodies of 1 MB to an unknown path are refused unread") {
    TempDir dir;
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", dir.file("bodies.db")},
                         {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                         {"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "2048"}});
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);
    {
        RawHttpClient warm(port);
        REQUIRE(warm.request("GET", "/healthz"));
    }
    const auto idle_kib = status_kib(server.pid(), "VmRSS");
    REQUIRE(idle_kib > 0);

    asio::io_context io;
    auto crowd = open_connections(io, port, 300);
    const std::string head = "POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 1048576\r\n\r\n";
    const std::string body(1024 * 1024, 'x');
    std::size_t refused = 0;
    for (auto& socket : crowd) {
        timeval timeout{5, 0};
        ::setsockopt(socket->native_handle(), SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);
        boost::system::error_code error;
        asio::write(*socket, asio::buffer(head), error);
        asio::write(*socket, asio::buffer(body), error);  // may stop early: the server hangs up
    }
    for (auto& socket : crowd) {
        std::string status_line(12, '\0');
        boost::system::error_code error;
        asio::read(*socket, asio::buffer(status_line), error);
        if (status_line == "HTTP/1.1 404") ++refused;
    }
    CHECK(refused == crowd.size());
    const auto peak_kib = status_kib(server.pid(), "VmHWM");
    crowd.clear();
    std::this_thread::sleep_for(3s);
    const auto after_kib = status_kib(server.pid(), "VmRSS");
    INFO("idle " << idle_kib << " KiB, peak " << peak_kib << " KiB, after " << after_kib << " KiB");
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    // Read whole, the bodies took the process from about 50 MB to 350 MB. The sanitizers keep
    // freed memory on purpose and pad every block, so only a plain build is held to the bound.
    CHECK(peak_kib - idle_kib < 64 * 1024);
    CHECK(after_kib < idle_kib + 16 * 1024);
#endif
    RawHttpClient healthy(port);
    auto response = healthy.request("GET", "/healthz");
    REQUIRE(response);
    CHECK(response->result_int() == 200);
}

TEST_CASE("hostile clients: at the cap, silent connections give way to new ones, oldest first") {
    TempDir dir;
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", dir.file("cap.db")},
                         {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                         {"RUBDOWN_MAX_CONNECTIONS", "50"},
                         // The whole crowd is one address: the global cap, not the per-address
                         // limit (a quarter of it by default), is under test here.
                         {"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "100"},
                         {"RUBDOWN_HEADER_TIMEOUT", "30"}});
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);

    asio::io_context io;
    auto crowd = open_connections(io, port, 80);
    // 80 connections that send nothing on a cap of 50: each past the cap closed the one that had
    // waited longest, so the first 30 are gone and the last 50 hold the slots.
    std::size_t closed = 0;
    for (std::size_t i = 0; i < 30; ++i) {
        if (closed_by_server(*crowd[i])) ++closed;
    }
    CHECK(closed == 30);
    // A healthy client at the full cap is served at once, long before any time-out, in the slot
    // of the oldest silent connection.
    RawHttpClient healthy(port);
    auto response = healthy.request("GET", "/healthz");
    REQUIRE(response);
    CHECK(response->result_int() == 200);
    CHECK(closed_by_server(*crowd[30]));
    auto metrics = healthy.request("GET", "/metrics");
    REQUIRE(metrics);
    CHECK_THAT(metrics->body(),
               Catch::Contains("\nrubdown_http_evicted_waiting_connections_total 31\n"));
}

TEST_CASE("hostile clients: one address is held to its limit, another address is still served") {
    TempDir dir;
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", dir.file("per-address.db")},
                         {"RUBDOWN_LISTEN", "127.0.0.1:0"},
                         {"RUBDOWN_MAX_CONNECTIONS_PER_ADDRESS", "10"}});
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);

    // Far below the global cap (2048): only the per-address limit can refuse the surplus. The
    // server accepts in the order the connections were made, so the first 10 are the held ones.
    asio::io_context io;
    auto crowd = open_connections(io, port, 15);
    std::size_t refused = 0;
    for (std::size_t i = 10; i < crowd.size(); ++i) {
        if (closed_by_server(*crowd[i])) ++refused;
    }
    CHECK(refused == 5);
    CHECK(server.wait_for_log("event=connection_refused reason=per_address_limit remote=127.0.0.1",
                              5s));
    CHECK(healthz_from("127.0.0.2", port) == 200);
    // The held ones are served, not closed.
    CHECK(healthz_status(*crowd[0]) == 200);
    CHECK(healthz_status(*crowd[9]) == 200);
}

TEST_CASE("hostile clients: 3,000 silent connections from one address leave /healthz to another") {
    // The silent crowd needs a descriptor each here; the server refuses all but its share.
    const std::size_t limit = rubdown::bot::raise_open_file_limit(3200);
    const std::size_t silent = std::min<std::size_t>(3000, limit - 150);
    INFO("open-file limit " << limit << ", silent connections " << silent);
    TempDir dir;
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        {{"RUBDOWN_DB", dir.file("silent.db")}, {"RUBDOWN_LISTEN", "127.0.0.1:0"}});
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto port = listening_port(server);
    REQUIRE(port != 0);

    // Default limits: 512 per address, 2,048 in all. The crowd connects and sends nothing.
    asio::io_context io;
    auto crowd = open_connections(io, port, silent);
    const auto started = std::chrono::steady_clock::now();
    CHECK(healthz_from("127.0.0.2", port) == 200);
    const auto took = std::chrono::steady_clock::now() - started;
    INFO("healthz from another address took "
         << std::chrono::duration_cast<std::chrono::milliseconds>(took).count() << " ms");
#if !defined(__SANITIZE_ADDRESS__) && !defined(__SANITIZE_THREAD__)
    // The promise to operators: a platform's delivery from elsewhere is answered at once, not
    // after the crowd's time-outs (10 s for headers). Sanitizer builds run too slowly to hold a
    // figure; there the answer itself is the check.
    CHECK(took < 1s);
#endif
    // The crowd beyond its share was refused, not queued behind.
    CHECK(server.wait_for_log("event=connection_refused reason=per_address_limit remote=127.0.0.1",
                              5s));
}
