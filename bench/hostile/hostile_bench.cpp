// Healthy-client latency and server memory, first on a quiet server, then while hostile clients
// attack it: an idle keep-alive crowd, slowloris connections trickling headers (re-opened as the
// server cuts them off), oversized headers and bodies, malformed chunked bodies, and posters of
// 1 MB bodies to an unknown path and to the Telegram webhook without its secret, all at once.
// The healthy client connects from 127.0.0.2, every attacker from 127.0.0.1.
//
// usage: hostile_bench <port> <server-pid> [seconds-per-phase] [idle] [tricklers] [posters] [paced]

#include <sys/resource.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/read.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace asio = boost::asio;
namespace http = boost::beast::http;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

struct Target {
    tcp::endpoint endpoint;
    int pid;
};

/// The healthy client's own source address: another host, as far as the server can tell.
const auto kHealthySource = asio::ip::make_address("127.0.0.2");

/// A value in kB from /proc/<pid>/status ("VmRSS", "VmHWM").
long status_kb(int pid, const std::string& field) {
    std::ifstream status("/proc/" + std::to_string(pid) + "/status");
    std::string line;
    while (std::getline(status, line)) {
        if (line.rfind(field + ":", 0) == 0) return std::stol(line.substr(field.size() + 1));
    }
    return -1;
}

void set_receive_timeout(tcp::socket& socket, int seconds) {
    timeval timeout{seconds, 0};
    ::setsockopt(socket.native_handle(), SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
}

struct Latencies {
    std::vector<double> millis;
    std::size_t failures = 0;

    double percentile(double p) {
        if (millis.empty()) return 0;
        std::sort(millis.begin(), millis.end());
        const auto index = static_cast<std::size_t>(p * static_cast<double>(millis.size() - 1));
        return millis[index];
    }
};

/// One healthy runner-facing request after another on a kept-alive connection (reconnecting
/// after a failure), for `duration`.
Latencies measure_healthy(const Target& target, std::chrono::seconds duration) {
    asio::io_context io;
    Latencies result;
    std::unique_ptr<tcp::socket> socket;
    boost::beast::flat_buffer buffer;
    const std::string request = "GET /healthz HTTP/1.1\r\nHost: bench\r\n\r\n";
    const auto end = Clock::now() + duration;
    while (Clock::now() < end) {
        const auto started = Clock::now();
        boost::system::error_code error;
        if (!socket) {
            socket = std::make_unique<tcp::socket>(io);
            socket->open(tcp::v4(), error);
            if (!error) socket->bind(tcp::endpoint(kHealthySource, 0), error);
            if (!error) socket->connect(target.endpoint, error);
            set_receive_timeout(*socket, 5);
            buffer.clear();
        }
        if (!error) asio::write(*socket, asio::buffer(request), error);
        http::response<http::string_body> response;
        if (!error) http::read(*socket, buffer, response, error);
        if (error || response.result_int() != 200) {
            ++result.failures;
            socket.reset();
            continue;
        }
        result.millis.push_back(
            std::chrono::duration<double, std::milli>(Clock::now() - started).count());
        std::this_thread::sleep_for(std::chrono::milliseconds(2));
    }
    return result;
}

/// The attackers, each kind on its own thread, until `stop`.
class Attack {
  public:
    Attack(const Target& target, std::size_t idle, std::size_t tricklers, std::size_t posters,
           bool paced)
        : target_(target),
          idle_count_(idle),
          trickler_count_(tricklers),
          poster_count_(posters),
          paced_(paced) {}

    void start() {
        threads_.emplace_back([this] { hold_idle_crowd(); });
        threads_.emplace_back([this] { trickle(); });
        threads_.emplace_back([this] { send_oversized_and_malformed(); });
        threads_.emplace_back([this] { post_large_bodies(); });
    }
    void stop() {
        stop_ = true;
        for (auto& thread : threads_) thread.join();
    }
    std::size_t idle_open() const { return idle_open_; }
    std::size_t tricklers_cut() const { return tricklers_cut_; }
    std::size_t refusals() const { return refusals_; }
    std::size_t bodies_posted() const { return bodies_posted_; }

  private:
    void hold_idle_crowd() {
        asio::io_context io;
        std::vector<std::unique_ptr<tcp::socket>> crowd;
        for (std::size_t i = 0; i < idle_count_ && !stop_; ++i) {
            auto socket = std::make_unique<tcp::socket>(io);
            boost::system::error_code error;
            socket->connect(target_.endpoint, error);
            if (!error) crowd.push_back(std::move(socket));
        }
        idle_open_ = crowd.size();
        while (!stop_) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }

    void trickle() {
        asio::io_context io;
        const std::string opening = "GET /healthz HTTP/1.1\r\nX-Slow: ";
        auto open_one = [&] {
            auto socket = std::make_unique<tcp::socket>(io);
            boost::system::error_code error;
            socket->connect(target_.endpoint, error);
            if (!error) asio::write(*socket, asio::buffer(opening), error);
            return socket;
        };
        std::vector<std::unique_ptr<tcp::socket>> sockets;
        for (std::size_t i = 0; i < trickler_count_; ++i) sockets.push_back(open_one());
        while (!stop_) {
            for (auto& socket : sockets) {
                boost::system::error_code error;
                asio::write(*socket, asio::buffer("a", 1), error);
                if (error) {  // cut off by the header time-out: come back, as an attacker would
                    ++tricklers_cut_;
                    socket = open_one();
                }
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    }

    void send_oversized_and_malformed() {
        asio::io_context io;
        const std::vector<std::string> attacks{
            "GET /healthz HTTP/1.1\r\nX-Big: " + std::string(64 * 1024, 'h') + "\r\n\r\n",
            "POST /telegram/webhook HTTP/1.1\r\nContent-Length: 8388608\r\n\r\n" +
                std::string(256 * 1024, 'b'),
            "POST /slack/events HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\nbad\r\n",
            "NOT HTTP AT ALL\r\n\r\n",
        };
        std::size_t next = 0;
        while (!stop_) {
            tcp::socket socket(io);
            boost::system::error_code error;
            socket.connect(target_.endpoint, error);
            if (error) continue;
            set_receive_timeout(socket, 5);
            asio::write(socket, asio::buffer(attacks[next++ % attacks.size()]), error);
            boost::beast::flat_buffer buffer;
            http::response<http::string_body> response;
            http::read(socket, buffer, response, error);
            if (!error && response.result_int() >= 400) ++refusals_;
        }
    }

    /// `poster_count_` connections at once, each sending a 1 MB body that no one may send (an
    /// unknown path, the webhook without its secret), then reading the answer and starting
    /// over on a new connection: what memory the server spends on bodies it should not read.
    void post_large_bodies() {
        asio::io_context io;
        const std::string body(1024 * 1024, 'b');
        const std::vector<std::string> heads{
            "POST /no/such/path HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\n"
            "Content-Length: " +
                std::to_string(body.size()) + "\r\n\r\n",
            "POST /telegram/webhook HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json"
            "\r\nContent-Length: " +
                std::to_string(body.size()) + "\r\n\r\n",
        };
        struct Poster {
            tcp::socket socket;
            std::string head;
            bool open = false;
        };
        std::vector<std::unique_ptr<Poster>> posters;
        for (std::size_t i = 0; i < poster_count_; ++i)
            posters.push_back(std::make_unique<Poster>(Poster{tcp::socket(io), heads[i % 2]}));
        while (!stop_) {
            const auto round_started = Clock::now();
            // All connect and send their headers first, then their bodies: the server holds
            // every one of them at once, as concurrent attackers would make it.
            for (auto& poster : posters) {
                boost::system::error_code error;
                poster->socket = tcp::socket(io);
                poster->socket.connect(target_.endpoint, error);
                if (!error) asio::write(poster->socket, asio::buffer(poster->head), error);
                poster->open = !error;
                if (!error) set_receive_timeout(poster->socket, 5);
            }
            for (auto& poster : posters) {
                if (!poster->open || stop_) continue;
                boost::system::error_code error;
                asio::write(poster->socket, asio::buffer(body), error);
                ++bodies_posted_;
            }
            for (auto& poster : posters) {
                if (!poster->open) continue;
                boost::system::error_code error;
                boost::beast::flat_buffer buffer;
                http::response<http::string_body> response;
                http::read(poster->socket, buffer, response, error);
                if (!error && response.result_int() >= 400) ++refusals_;
                poster->socket.close(error);
            }
            if (paced_) std::this_thread::sleep_until(round_started + std::chrono::seconds(1));
        }
    }

    Target target_;
    std::size_t idle_count_;
    std::size_t trickler_count_;
    std::size_t poster_count_;
    /// At most one round of posters a second. Unpaced, the posters start over as soon as they
    /// are answered, so a server that refuses them sooner gets more of them: paced, servers
    /// that differ are compared under the same attack.
    bool paced_;
    std::atomic<bool> stop_{false};
    std::atomic<std::size_t> idle_open_{0};
    std::atomic<std::size_t> tricklers_cut_{0};
    std::atomic<std::size_t> refusals_{0};
    std::atomic<std::size_t> bodies_posted_{0};
    std::vector<std::thread> threads_;
};

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: hostile_bench <port> <server-pid> [seconds-per-phase] [idle] "
                     "[tricklers] [posters] [paced]\n";
        return 2;
    }
    const Target target{
        {asio::ip::make_address("127.0.0.1"), static_cast<unsigned short>(std::stoi(argv[1]))},
        std::stoi(argv[2])};
    const std::chrono::seconds phase{argc > 3 ? std::stoi(argv[3]) : 20};
    const std::size_t idle = argc > 4 ? std::stoul(argv[4]) : 1500;
    const std::size_t tricklers = argc > 5 ? std::stoul(argv[5]) : 300;
    const std::size_t posters = argc > 6 ? std::stoul(argv[6]) : 300;
    const bool paced = argc > 7 && std::string(argv[7]) == "paced";

    // The attackers need a descriptor per connection too.
    rlimit limit{};
    ::getrlimit(RLIMIT_NOFILE, &limit);
    limit.rlim_cur = limit.rlim_max;
    ::setrlimit(RLIMIT_NOFILE, &limit);

    const long rss_start = status_kb(target.pid, "VmRSS");
    auto quiet = measure_healthy(target, phase);
    const long rss_quiet = status_kb(target.pid, "VmRSS");

    Attack attack(target, idle, tricklers, posters, paced);
    attack.start();
    std::this_thread::sleep_for(std::chrono::seconds(2));  // let the crowd gather
    auto attacked = measure_healthy(target, phase);
    const long rss_attacked = status_kb(target.pid, "VmRSS");
    const long hwm = status_kb(target.pid, "VmHWM");
    attack.stop();
    // What the server gives back once the attackers are gone.
    std::this_thread::sleep_for(std::chrono::seconds(5));
    const long rss_after = status_kb(target.pid, "VmRSS");

    std::printf("| phase | healthy requests | failures | p50 ms | p99 ms | server RSS after |\n");
    std::printf("| --- | --- | --- | --- | --- | --- |\n");
    std::printf("| quiet | %zu | %zu | %.2f | %.2f | %.1f MiB |\n", quiet.millis.size(),
                quiet.failures, quiet.percentile(0.50), quiet.percentile(0.99), rss_quiet / 1024.0);
    std::printf("| under attack | %zu | %zu | %.2f | %.2f | %.1f MiB |\n", attacked.millis.size(),
                attacked.failures, attacked.percentile(0.50), attacked.percentile(0.99),
                rss_attacked / 1024.0);
    std::printf(
        "\nserver RSS at start %.1f MiB, peak (VmHWM) %.1f MiB, 5 s after the attack %.1f MiB; "
        "attack: %zu idle connections held, %zu slowloris connections cut off by the header "
        "time-out, %zu 1 MB bodies posted, %zu oversized, unauthorised or malformed requests "
        "refused with 4xx\n",
        rss_start / 1024.0, hwm / 1024.0, rss_after / 1024.0, attack.idle_open(),
        attack.tricklers_cut(), attack.bodies_posted(), attack.refusals());
    return 0;
}
