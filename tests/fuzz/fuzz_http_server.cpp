// Fuzzes the HTTP request path end to end in process: the input is the raw bytes a client sends on
// one connection, written over loopback TCP to the real bot::HttpServer (Beast's parser, the
// server's limits, keep-alive and pipelining), routed by the real Router to the real handlers:
// /healthz and /metrics, /admin/clock on a simulated clock, and the three Slack endpoints, which
// record what they accept through the real Dispatcher into a SQLite store. The engine behind the
// dispatcher is a fixed reply: what the bot answers is not on the request path (the NLU has its
// own targets), and the full engine would double the build.
//
// The server runs on its own thread for the whole process; each input is one connection. The
// client writes and reads at the same time (poll), so a stream of small pipelined requests whose
// answers fill the socket buffers cannot deadlock the harness.
//
// Secrets are fixed so that the seed corpus can hold requests that pass verification: Slack
// signatures made at kFuzzNow (the clock is reset to it for every input) and the admin token.

#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <memory>
#include <string>
#include <system_error>
#include <thread>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/address.hpp>

#include "adapters/slack/slack_intake.hpp"
#include "adapters/web/web_chat_channel.hpp"
#include "bot/http/http_server.hpp"
#include "bot/http/operator_routes.hpp"
#include "bot/http/router.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "bot/outbox/conversation_reader.hpp"
#include "intents/engine.hpp"
#include "storage/store.hpp"

namespace {

namespace asio = boost::asio;
using namespace rubdown;

// 2026-11-23T00:00:00Z: the X-Slack-Request-Timestamp of the signed seeds.
constexpr std::int64_t kFuzzNow = 1795392000;
constexpr const char* kSigningSecret = "fuzz-signing-secret";
constexpr const char* kAdminToken = "fuzz-admin-token";

/// A fresh directory for the store's database, removed when the process exits (the open database
/// file is only unlinked then, so the server thread may go on using it until the end).
std::string make_temp_dir() {
    static std::string created;
    created = (std::filesystem::temp_directory_path() / "rubdown-fuzz-XXXXXX").string();
    if (!mkdtemp(created.data())) std::abort();
    std::atexit([] {
        std::error_code ignored;
        std::filesystem::remove_all(created, ignored);
    });
    return created;
}

/// Answers every message the same way, so processing still writes a reply to the outbox.
class FixedReplyEngine final : public intents::Engine {
  public:
    std::vector<intents::Reply> respond(intents::HandlerContext&) override {
        return {intents::Reply{"noted", {}, false}};
    }
};

struct Harness {
    std::string dir = make_temp_dir();
    storage::Store store{dir + "/fuzz.db"};
    intents::SimulatedClock clock{intents::Seconds{std::chrono::seconds{kFuzzNow}}};
    FixedReplyEngine engine;
    asio::io_context io{1};
    asio::executor_work_guard<asio::io_context::executor_type> work{io.get_executor()};
    bot::Dispatcher dispatcher{io.get_executor(), store, engine, clock, {}};
    bot::Router router;
    bot::HttpServer server{io, bot::ServerLimits{}, router};
    metrics::Registry metrics;
    slack::SlackIntake slack{dispatcher, clock, slack::InboundSettings{kSigningSecret, {}}};
    bot::StoreConversationSource conversations{store};
    // An event stream ends after its first read, so an input that opens one still finishes.
    web::WebChatChannel web{io.get_executor(), dispatcher, conversations,
                            web::WebChatSettings{.stream_lifetime = {}}};
    std::thread thread;
    std::uint16_t port = 0;

    Harness() {
        router.add(slack.routes());
        router.add(web.routes());
        bot::OperatorDeps deps{store, server, clock, metrics};
        deps.simulated_clock = &clock;
        deps.admin_token = kAdminToken;
        bot::add_operator_routes(router, std::move(deps));
        server.start({asio::ip::make_address("127.0.0.1"), 0});
        port = server.local_endpoint().port();
        thread = std::thread([this] { io.run(); });
    }
};

Harness& harness() {
    // Never destroyed: the server thread keeps running until the process exits.
    static Harness* instance = [] {
        spdlog::set_level(spdlog::level::off);
        return new Harness;
    }();
    return *instance;
}

/// Connects from a different loopback source address each time (127.0.0.2 onwards, all of 127/8
/// is loopback), so that the closed connections' TIME_WAIT entries, one per input, never use up
/// the ephemeral ports towards the one server port: a failed connect in CI once ended a run after
/// 3,872 inputs. A connect that still fails is retried for a while, then named before aborting.
int connect_to(std::uint16_t port) {
    static std::uint32_t connections = 0;
    const std::uint32_t source = 0x7F000002u + (connections++ % 0x00FFFFF0u);
    for (int attempt = 0;; ++attempt) {
        const int fd = socket(AF_INET, SOCK_STREAM, 0);
        if (fd < 0) std::abort();
        const int on = 1;
        // The port is chosen at connect time, for the whole four-tuple, not at bind time.
        setsockopt(fd, IPPROTO_IP, IP_BIND_ADDRESS_NO_PORT, &on, sizeof on);
        sockaddr_in local{};
        local.sin_family = AF_INET;
        local.sin_addr.s_addr = htonl(source);
        // Binding is an optimisation: without it the kernel picks 127.0.0.1 as before.
        (void)bind(fd, reinterpret_cast<const sockaddr*>(&local), sizeof local);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_port = htons(port);
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        if (connect(fd, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0) {
            fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
            return fd;
        }
        const int error = errno;
        close(fd);
        if (attempt == 100) {
            std::fprintf(stderr, "fuzz_http_server: connect to 127.0.0.1:%u failed: %s\n",
                         static_cast<unsigned>(port), std::strerror(error));
            std::abort();
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    }
}

/// Sends `data`, then half-closes, reading answers all along, until the server closes. A server
/// that stops answering shows up as libFuzzer's timeout.
void exchange(int fd, const std::uint8_t* data, std::size_t size) {
    std::size_t sent = 0;
    bool write_open = true;
    char sink[16 * 1024];
    for (;;) {
        if (write_open && sent == size) {
            shutdown(fd, SHUT_WR);
            write_open = false;
        }
        pollfd watch{fd, static_cast<short>(POLLIN | (write_open ? POLLOUT : 0)), 0};
        if (poll(&watch, 1, -1) < 0) {
            if (errno == EINTR) continue;
            std::abort();
        }
        if (watch.revents & (POLLIN | POLLHUP | POLLERR)) {
            const ssize_t received = recv(fd, sink, sizeof sink, 0);
            if (received == 0) return;
            if (received < 0 && errno != EAGAIN && errno != EINTR) return;  // e.g. a reset
        }
        if (write_open && (watch.revents & POLLOUT)) {
            const ssize_t written = send(fd, data + sent, size - sent, MSG_NOSIGNAL);
            if (written > 0)
                sent += static_cast<std::size_t>(written);
            else if (errno != EAGAIN && errno != EINTR)
                write_open = false;  // the server closed
        }
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    Harness& h = harness();
    h.clock.set(intents::Seconds{std::chrono::seconds{kFuzzNow}});
    const int fd = connect_to(h.port);
    exchange(fd, data, size);
    close(fd);
    return 0;
}
