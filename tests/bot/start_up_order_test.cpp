// The order of `rubdown serve`'s start-up, seen from outside: the database is opened and the port
// bound before any call to a platform, and Telegram's webhook is registered last. A second
// instance started by mistake on a taken port must stop before it could call setWebhook with its
// own URL and secret, which would take the running instance's deliveries.

#include <catch2/catch.hpp>

#include <atomic>
#include <chrono>
#include <map>
#include <string>

#include <boost/asio/connect.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>

#include "support/child_process.hpp"
#include "support/fake_http_server.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown::testing;
using namespace std::chrono_literals;

namespace {

const std::string kBinary = RUBDOWN_BINARY;

FakeReply bot_api(const RecordedRequest& request) {
    if (request.target.ends_with("/getMe"))
        return FakeReply::json(
            200,
            R"({"ok":true,"result":{"id":7000000001,"is_bot":true,"first_name":"Rubdown","username":"rubdown_bot"}})");
    return FakeReply::json(200, R"({"ok":true,"result":true})");
}

std::map<std::string, std::string> webhook_env(const TempDir& dir, const std::string& api_url,
                                               std::uint16_t port) {
    return {{"RUBDOWN_DB", dir.file("order.db")},
            {"RUBDOWN_LISTEN", "127.0.0.1:" + std::to_string(port)},
            {"TELEGRAM_BOT_TOKEN", "7000000001:start-up-order"},
            {"TELEGRAM_API_URL", api_url},
            {"TELEGRAM_WEBHOOK_URL", "https://bot.example/telegram/webhook"},
            {"TELEGRAM_WEBHOOK_SECRET", "order_secret"}};
}

/// A port nothing listens on right now (bound to an ephemeral port, then released).
std::uint16_t free_port() {
    boost::asio::io_context io;
    boost::asio::ip::tcp::acceptor probe(
        io, {boost::asio::ip::make_address("127.0.0.1"), std::uint16_t{0}});
    return probe.local_endpoint().port();
}

bool accepts_connections(std::uint16_t port) {
    boost::asio::io_context io;
    boost::asio::ip::tcp::socket socket(io);
    boost::system::error_code error;
    socket.connect({boost::asio::ip::make_address("127.0.0.1"), port}, error);
    return !error;
}

}  // namespace

TEST_CASE("start-up order: a second instance on a taken port stops without calling Telegram") {
    FakeHttpServer telegram(bot_api);
    FakeHttpServer running_instance;  // holds the port, as the first Rubdown would
    TempDir dir;
    ChildProcess second(kBinary, {"serve"}, dir.path().string(),
                        webhook_env(dir, telegram.base_url(), running_instance.port()));
    const auto exit_code = second.wait(30s);
    REQUIRE(exit_code);
    CHECK(*exit_code == 1);
    CHECK_THAT(second.err(), Catch::Contains("RUBDOWN_LISTEN: cannot listen on 127.0.0.1:" +
                                             std::to_string(running_instance.port())));
    // Not even getMe: nothing reached the platform.
    CHECK(telegram.requests().empty());
}

TEST_CASE("start-up order: setWebhook comes last, when the port already takes connections") {
    const auto port = free_port();
    std::atomic<bool> port_open_at_set_webhook{false};
    FakeHttpServer telegram([&](const RecordedRequest& request) {
        if (request.target.ends_with("/setWebhook"))
            port_open_at_set_webhook = accepts_connections(port);
        return bot_api(request);
    });
    TempDir dir;
    ChildProcess server(kBinary, {"serve"}, dir.path().string(),
                        webhook_env(dir, telegram.base_url(), port));
    REQUIRE(server.wait_for_log("event=listening", 30s));
    const auto requests = telegram.requests();
    REQUIRE_FALSE(requests.empty());
    CHECK(requests.front().target.ends_with("/getMe"));
    CHECK(requests.back().target.ends_with("/setWebhook"));
    CHECK(port_open_at_set_webhook);
    server.signal(SIGTERM);
    CHECK(server.wait(15s) == 0);
}
