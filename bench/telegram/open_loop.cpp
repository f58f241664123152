/// An open-loop load generator for `POST /telegram/webhook`: it offers a fixed rate of Telegram
/// Updates whatever the server's speed, and measures each request's latency from the instant it
/// was *due*, not from when it could be sent. wrk is closed-loop (a connection sends its next
/// request only after the previous answer), so a slow server slows the load down and its own
/// latency figures hide the queueing a real sender would see; this tool does not.
///
/// Each of C keep-alive connections owns a fixed schedule: its k-th request is due at
/// start + (k * C + i) / rate. A connection whose previous answer came back late sends the next
/// request at once, and that request's latency still counts from its due instant.
///
/// Usage: telegram_open_loop PORT RATE SECONDS [CONNECTIONS] [THREADS]
///   (127.0.0.1 only; secret from TELEGRAM_WEBHOOK_SECRET; warm-up: the first second is not
///   counted). Prints: RESULT offered=... achieved=... p50_ms=... p90_ms=... p99_ms=... max_ms=...

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <boost/asio/as_tuple.hpp>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>
#include <boost/beast/core/flat_buffer.hpp>
#include <boost/beast/http.hpp>

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;
using asio::ip::tcp;
using Clock = std::chrono::steady_clock;

namespace {

constexpr const char* texts[] = {
    "easy 5k this morning, felt good",
    "ran 10k in 52:30 yesterday, felt hard",
    "why do runners get deep tissue massage?",
    "12k tempo in 58:10, legs were heavy",
    "does deep tissue massage hurt?",
    "long run today, 21k in 1:58",
    "should I get a sports massage before my race?",
    "8 miles easy with the club",
};

struct Settings {
    unsigned short port = 0;
    double rate = 0;
    std::chrono::seconds duration{0};
    int connections = 64;
    std::string secret;
    std::int64_t id_prefix = 0;  ///< keeps update_ids unique across runs
};

struct Totals {
    std::mutex mutex;
    std::vector<std::uint32_t> latencies_us;  ///< counted requests only (after the warm-up)
    std::uint64_t non_2xx = 0;
    std::uint64_t failed_connections = 0;
};

std::atomic<std::int64_t> next_update{0};

std::string update_body(std::int64_t sequence, std::int64_t prefix) {
    const auto user = 200000 + sequence % 256;
    const auto text = texts[sequence % std::size(texts)];
    char body[512];
    std::snprintf(body, sizeof body,
                  R"({"update_id":%lld,"message":{"message_id":%lld,)"
                  R"("from":{"id":%lld,"is_bot":false,"first_name":"Runner"},)"
                  R"("chat":{"id":%lld,"first_name":"Runner","type":"private"},)"
                  R"("date":%lld,"text":"%s"}})",
                  static_cast<long long>(prefix + sequence), static_cast<long long>(sequence),
                  static_cast<long long>(user), static_cast<long long>(user),
                  static_cast<long long>(std::time(nullptr)), text);
    return body;
}

asio::awaitable<void> connection(const Settings& settings, int index, Clock::time_point start,
                                 Totals& totals) {
    const auto executor = co_await asio::this_coro::executor;
    tcp::socket socket(executor);
    auto [connect_error] = co_await socket.async_connect(
        {asio::ip::make_address("127.0.0.1"), settings.port}, asio::as_tuple(asio::use_awaitable));
    if (connect_error) {
        std::lock_guard lock(totals.mutex);
        ++totals.failed_connections;
        co_return;
    }
    socket.set_option(tcp::no_delay(true));
    const auto end = start + settings.duration;
    const auto warm_up_end = start + std::chrono::seconds{1};
    const auto interval = std::chrono::duration<double>(settings.connections / settings.rate);
    const auto offset = std::chrono::duration<double>(index / settings.rate);
    std::vector<std::uint32_t> latencies;
    std::uint64_t non_2xx = 0;
    beast::flat_buffer buffer;
    asio::steady_timer timer(executor);
    for (std::int64_t k = 0;; ++k) {
        const auto due = start + std::chrono::duration_cast<Clock::duration>(offset + k * interval);
        if (due >= end) break;
        if (Clock::now() < due) {
            timer.expires_at(due);
            co_await timer.async_wait(asio::use_awaitable);
        }
        http::request<http::string_body> request{http::verb::post, "/telegram/webhook", 11};
        request.set(http::field::host, "127.0.0.1");
        request.set(http::field::content_type, "application/json");
        request.set("X-Telegram-Bot-Api-Secret-Token", settings.secret);
        request.body() = update_body(next_update.fetch_add(1), settings.id_prefix);
        request.prepare_payload();
        auto [write_error, written] =
            co_await http::async_write(socket, request, asio::as_tuple(asio::use_awaitable));
        http::response<http::string_body> response;
        auto [read_error, read] = co_await http::async_read(socket, buffer, response,
                                                            asio::as_tuple(asio::use_awaitable));
        if (write_error || read_error) {
            std::lock_guard lock(totals.mutex);
            ++totals.failed_connections;
            break;
        }
        if (due < warm_up_end) continue;
        const auto latency =
            std::chrono::duration_cast<std::chrono::microseconds>(Clock::now() - due);
        latencies.push_back(static_cast<std::uint32_t>(latency.count()));
        if (response.result_int() / 100 != 2) ++non_2xx;
    }
    std::lock_guard lock(totals.mutex);
    totals.latencies_us.insert(totals.latencies_us.end(), latencies.begin(), latencies.end());
    totals.non_2xx += non_2xx;
}

double percentile_ms(const std::vector<std::uint32_t>& sorted, double p) {
    if (sorted.empty()) return 0;
    const auto rank = static_cast<std::size_t>(p / 100.0 * static_cast<double>(sorted.size() - 1));
    return sorted[rank] / 1000.0;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 4) {
        std::cerr << "usage: telegram_open_loop PORT RATE SECONDS [CONNECTIONS] [THREADS]\n";
        return 2;
    }
    Settings settings;
    settings.port = static_cast<unsigned short>(std::atoi(argv[1]));
    settings.rate = std::atof(argv[2]);
    settings.duration = std::chrono::seconds{std::atoi(argv[3])};
    settings.connections = argc > 4 ? std::atoi(argv[4]) : 64;
    const int threads = argc > 5 ? std::atoi(argv[5]) : 1;
    const char* secret = std::getenv("TELEGRAM_WEBHOOK_SECRET");
    if (!secret || settings.rate <= 0 || settings.duration.count() < 2 ||
        settings.connections < 1 || threads < 1) {
        std::cerr << "telegram_open_loop: needs TELEGRAM_WEBHOOK_SECRET, RATE > 0, SECONDS >= 2\n";
        return 2;
    }
    settings.secret = secret;
    // update_id = <run second mod 1e9> * 1e9 + sequence: unique per run, below 2^63.
    settings.id_prefix = (static_cast<std::int64_t>(std::time(nullptr)) % 1000000000) * 1000000000;

    asio::io_context io(threads);
    Totals totals;
    const auto start = Clock::now() + std::chrono::milliseconds{200};  // connect first
    for (int i = 0; i < settings.connections; ++i)
        asio::co_spawn(io, connection(settings, i, start, totals), asio::detached);
    std::vector<std::thread> pool;
    for (int i = 1; i < threads; ++i) pool.emplace_back([&] { io.run(); });
    io.run();
    for (auto& thread : pool) thread.join();
    // When the server falls behind, the requests due before the end go out late: the achieved
    // rate is over the time it really took, not the scheduled duration.
    const std::chrono::duration<double> counted_time =
        Clock::now() - (start + std::chrono::seconds{1});

    auto& all = totals.latencies_us;
    std::sort(all.begin(), all.end());
    std::printf(
        "RESULT offered=%.0f achieved=%.0f p50_ms=%.2f p90_ms=%.2f p99_ms=%.2f max_ms=%.2f "
        "requests=%zu non2xx=%llu failed_connections=%llu\n",
        settings.rate, static_cast<double>(all.size()) / counted_time.count(),
        percentile_ms(all, 50), percentile_ms(all, 90), percentile_ms(all, 99),
        all.empty() ? 0.0 : all.back() / 1000.0, all.size(),
        static_cast<unsigned long long>(totals.non_2xx),
        static_cast<unsigned long long>(totals.failed_connections));
}
