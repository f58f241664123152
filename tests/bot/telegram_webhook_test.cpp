#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <vector>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/ip/address.hpp>
#include <boost/asio/use_future.hpp>
#include <nlohmann/json.hpp>

#include "adapters/http/http_client.hpp"
#include "adapters/telegram/telegram_channel.hpp"
#include "bot/http/http_server.hpp"
#include "bot/http/router.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "intents/clock.hpp"
#include "intents/engine.hpp"
#include "storage/store.hpp"
#include "support/raw_http_client.hpp"
#include "tests/bot/telegram_fixture.hpp"

using namespace rubdown;
using namespace std::chrono_literals;
using testing::eventually;
namespace asio = boost::asio;

namespace {

constexpr const char* kSecret = "right_secret-42";

intents::Engine& shared_engine() {
    // Building the engine trains the NLU once; every test shares it.
    static auto engine = intents::make_engine({});
    return *engine;
}

std::string text_update(std::int64_t update_id, const std::string& text, std::int64_t chat = 42) {
    nlohmann::json update{{"update_id", update_id},
                          {"message",
                           {{"message_id", update_id + 1000},
                            {"date", 1800000000},
                            {"chat", {{"id", chat}, {"type", "private"}}},
                            {"from", {{"id", chat}, {"is_bot", false}, {"first_name", "Ana"}}},
                            {"text", text}}}};
    return update.dump();
}

/// The real server, router, dispatcher, store and engine, with the Telegram webhook route.
class WebhookRig {
  public:
    WebhookRig()
        : clock(intents::Seconds{std::chrono::seconds{1'800'000'000}}),
          store(dir.file("rubdown.db")),
          dispatcher(loop.io.get_executor(), store, shared_engine(), clock, {}),
          channel(loop.io.get_executor(), dispatcher, settings()),
          server(loop.io, limits(), router),
          client(loop.io.get_executor()) {
        router.add(channel.routes());
        server.start({asio::ip::make_address("127.0.0.1"), 0});
        url = "http://127.0.0.1:" + std::to_string(server.local_endpoint().port()) +
              "/telegram/webhook";
    }
    /// Stops the store while the loop object still exists, so no store job completes into a freed
    /// one.
    ~WebhookRig() {
        channel.stop();
        loop.stop();
        store.stop();
    }

    static telegram::TelegramSettings settings() {
        telegram::TelegramSettings settings;
        settings.token = "123:unused";
        settings.api_url = "http://127.0.0.1:9";
        settings.mode = "webhook";
        settings.webhook_url = "https://bot.example/telegram/webhook";
        settings.webhook_secret = kSecret;
        settings.max_body_bytes = 4096;
        return settings;
    }
    static bot::ServerLimits limits() {
        bot::ServerLimits limits;
        limits.max_body_bytes = 4096;
        return limits;
    }

    http::ClientResponse post(std::string body, const std::string& secret = kSecret) {
        http::ClientRequest request;
        request.url = url;
        request.body = std::move(body);
        if (!secret.empty())
            request.headers.emplace_back("X-Telegram-Bot-Api-Secret-Token", secret);
        return asio::co_spawn(loop.io, client.request(std::move(request)), asio::use_future).get();
    }

    std::size_t outbox_rows() {
        return store.run(
            [](storage::Repositories& repos) { return repos.outbox.count_pending("telegram"); });
    }
    std::size_t unprocessed() {
        return store.run(
            [](storage::Repositories& repos) { return repos.inbox.unprocessed(100).size(); });
    }

    testing::TempDir dir;
    intents::SimulatedClock clock;
    testing::LoopThread loop;
    storage::Store store;
    bot::Dispatcher dispatcher;
    telegram::TelegramChannel channel;
    bot::Router router;
    bot::HttpServer server;
    http::HttpClient client;
    std::string url;
};

}  // namespace

TEST_CASE("webhook: a delivery without the secret, or with a wrong one, is refused") {
    WebhookRig rig;
    CHECK(rig.post(text_update(1, "/start"), "").status == 401);
    CHECK(rig.post(text_update(1, "/start"), "wrong_secret").status == 401);
    CHECK(rig.post(text_update(1, "/start"), std::string(kSecret) + "x").status == 401);
    CHECK(rig.unprocessed() == 0);
    CHECK(rig.outbox_rows() == 0);
    CHECK(rig.channel.counters().webhook_rejected == 3);
}

TEST_CASE("webhook: a delivery without the secret is refused before its body is read") {
    WebhookRig rig;
    testing::RawHttpClient client(rig.server.local_endpoint().port());
    // The body is announced and never sent: the answer cannot have waited for it.
    client.send(
        "POST /telegram/webhook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
        "X-Telegram-Bot-Api-Secret-Token: wrong_secret\r\nContent-Length: 4000\r\n\r\n");
    const auto response = client.read_response();
    REQUIRE(response);
    CHECK(response->result_int() == 401);
    CHECK(client.closed_by_server());
    CHECK(rig.channel.counters().webhook_rejected == 1);
}

TEST_CASE("webhook: an update with the right secret is recorded, then answered in the outbox") {
    WebhookRig rig;
    const auto response = rig.post(text_update(7, "/start"));
    CHECK(response.status == 200);
    REQUIRE(eventually([&] { return rig.outbox_rows() >= 1; }));
    const auto row = rig.store.run([](storage::Repositories& repos) {
        return repos.outbox.due("telegram", 2'000'000'000, 10).front();
    });
    CHECK(row.chat_id == "42");
    CHECK_FALSE(row.text.empty());
    CHECK(rig.channel.counters().updates_recorded == 1);
}

TEST_CASE("webhook: a redelivered update is acknowledged again and processed once") {
    WebhookRig rig;
    REQUIRE(rig.post(text_update(8, "/start")).status == 200);
    REQUIRE(eventually([&] { return rig.outbox_rows() >= 1 && rig.unprocessed() == 0; }));
    const auto rows_after_first = rig.outbox_rows();

    CHECK(rig.post(text_update(8, "/start")).status == 200);
    CHECK(rig.post(text_update(8, "/start")).status == 200);
    std::this_thread::sleep_for(200ms);  // time for any (wrong) second processing to show
    CHECK(rig.outbox_rows() == rows_after_first);
    CHECK(rig.channel.counters().updates_recorded == 1);
    CHECK(rig.channel.counters().updates_duplicate == 2);
}

TEST_CASE("webhook: unreadable JSON is a 400 and records nothing") {
    WebhookRig rig;
    CHECK(rig.post("{\"update_id\": 9, \"message\": ").status == 400);
    CHECK(rig.post("[1,2,3]").status == 400);
    CHECK(rig.unprocessed() == 0);
    CHECK(rig.outbox_rows() == 0);
}

TEST_CASE("webhook: an oversized body is refused with 413") {
    WebhookRig rig;
    const auto response = rig.post(text_update(10, std::string(8000, 'a')));
    CHECK(response.status == 413);
    CHECK(rig.unprocessed() == 0);
}

TEST_CASE("webhook: an update type the bot does not handle is acknowledged and dropped") {
    WebhookRig rig;
    const nlohmann::json update{{"update_id", 11},
                                {"channel_post",
                                 {{"message_id", 1},
                                  {"date", 1},
                                  {"chat", {{"id", -100}, {"type", "channel"}}},
                                  {"text", "news"}}}};
    CHECK(rig.post(update.dump()).status == 200);
    std::this_thread::sleep_for(100ms);
    CHECK(rig.outbox_rows() == 0);
    CHECK(rig.channel.counters().updates_ignored == 1);
}

TEST_CASE("webhook: only POST is routed") {
    WebhookRig rig;
    http::ClientRequest request;
    request.method = "GET";
    request.url = rig.url;
    const auto response =
        asio::co_spawn(rig.loop.io, rig.client.request(std::move(request)), asio::use_future).get();
    CHECK(response.status == 405);
}
