#include "adapters/telegram/telegram_channel.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "bot/outbox/running_channel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "intents/clock.hpp"
#include "intents/engine.hpp"
#include "storage/store.hpp"
#include "tests/bot/telegram_fixture.hpp"

using namespace rubdown;
using namespace std::chrono_literals;
using testing::bot_api_error;
using testing::bot_api_ok;
using testing::eventually;
using testing::FakeReply;
using testing::RecordedRequest;

namespace {

constexpr const char* kToken = "987654:SECRET-do-not-log";

const char* kGetMe =
    R"({"id":987654,"is_bot":true,"first_name":"Rubdown","username":"RubdownBot"})";

/// A channel over a store on a temporary file, aimed at a fake Bot API.
class ChannelRig {
  public:
    ChannelRig(const std::string& api_url, const std::string& mode = "polling")
        : store(dir.file("rubdown.db")),
          clock(intents::Seconds{std::chrono::seconds{1'800'000'000}}),
          engine(intents::make_engine({})),
          dispatcher(loop.io.get_executor(), store, *engine, clock, {}),
          running(std::make_unique<telegram::TelegramChannel>(loop.io.get_executor(), dispatcher,
                                                              settings(api_url, mode)),
                  store, clock, sender_options()),
          channel(static_cast<telegram::TelegramChannel&>(running.channel())) {
        dispatcher.set_reply_shaping(channel.name(), channel.reply_shaping());
    }
    /// Stops the store while the loop object still exists, so no store job completes into a freed
    /// one.
    ~ChannelRig() {
        running.stop();
        loop.stop();
        store.stop();
    }

    static telegram::TelegramSettings settings(const std::string& api_url,
                                               const std::string& mode) {
        telegram::TelegramSettings settings;
        settings.token = kToken;
        settings.api_url = api_url;
        settings.mode = mode;
        settings.webhook_url = "https://bot.example/telegram/webhook";
        settings.webhook_secret = "hook_secret";
        settings.poll_timeout = 1s;
        settings.idle_poll_gap = 20ms;
        settings.start_up_attempts = 2;
        settings.policy.per_key_interval = 10ms;
        return settings;
    }
    static bot::OutboxSenderOptions sender_options() {
        bot::OutboxSenderOptions options;
        options.poll_interval = 50ms;
        return options;
    }

    testing::TempDir dir;
    storage::Store store;
    intents::SimulatedClock clock;
    std::unique_ptr<intents::Engine> engine;
    testing::LoopThread loop;
    bot::Dispatcher dispatcher;
    bot::RunningChannel running;
    telegram::TelegramChannel& channel;
};

/// What `step` (a blocking start-up step) threw, or nothing.
template <typename Step>
std::string error_of(Step step) {
    try {
        step();
    } catch (const std::runtime_error& error) {
        return error.what();
    }
    return {};
}

std::string start_up_error(ChannelRig& rig) {
    return error_of([&rig] { rig.channel.start_up(); });
}

std::string go_live_error(ChannelRig& rig) {
    return error_of([&rig] { rig.channel.go_live(); });
}

}  // namespace

TEST_CASE("start-up: a rejected token stops the bot with a clear error that hides the token") {
    testing::FakeHttpServer api(
        [](const RecordedRequest&) { return bot_api_error(401, "Unauthorized"); });
    ChannelRig rig(api.base_url());
    const auto error = start_up_error(rig);
    CHECK_THAT(error, Catch::Contains("rejected the bot token"));
    CHECK_THAT(error, Catch::Contains("TELEGRAM_BOT_TOKEN"));
    CHECK(error.find(kToken) == std::string::npos);
    CHECK(error.find("SECRET") == std::string::npos);
}

TEST_CASE("start-up: an unreachable Bot API is an error naming the URL, not the token") {
    std::string url;
    {
        testing::FakeHttpServer closed;  // bound, then closed: nothing listens there any more
        url = closed.base_url();
    }
    ChannelRig rig(url);
    const auto error = start_up_error(rig);
    CHECK_THAT(error, Catch::Contains("cannot reach the Telegram Bot API at " + url));
    CHECK(error.find(kToken) == std::string::npos);
}

TEST_CASE("start-up in polling mode tolerates failing setMyCommands and deleteWebhook") {
    testing::FakeHttpServer api([](const RecordedRequest& request) {
        if (testing::method_of(request) == "getMe") return bot_api_ok(kGetMe);
        return FakeReply::json(500, "{\"error\":\"not supported\"}");
    });
    ChannelRig rig(api.base_url());
    REQUIRE_NOTHROW(rig.channel.start_up());
    CHECK(rig.channel.bot_username() == "RubdownBot");
    // Dropping a webhook takes the deliveries from whoever had them: only when going live.
    CHECK(api.requests().size() == 2);
    REQUIRE_NOTHROW(rig.channel.go_live());
    const auto requests = api.requests();
    REQUIRE(requests.size() == 3);
    CHECK(testing::method_of(requests[0]) == "getMe");
    CHECK(testing::method_of(requests[1]) == "setMyCommands");
    CHECK(testing::method_of(requests[2]) == "deleteWebhook");
}

TEST_CASE("webhook mode registers the URL, the secret and the update types when going live") {
    testing::FakeHttpServer api([](const RecordedRequest& request) {
        if (testing::method_of(request) == "getMe") return bot_api_ok(kGetMe);
        return bot_api_ok("true");
    });
    ChannelRig rig(api.base_url(), "webhook");
    REQUIRE_NOTHROW(rig.channel.start_up());
    for (const auto& request : api.requests()) CHECK(testing::method_of(request) != "setWebhook");
    REQUIRE_NOTHROW(rig.channel.go_live());
    const auto requests = api.requests();
    REQUIRE(requests.size() == 3);
    REQUIRE(testing::method_of(requests[2]) == "setWebhook");
    const auto body = testing::body_of(requests[2]);
    CHECK(body["url"] == "https://bot.example/telegram/webhook");
    CHECK(body["secret_token"] == "hook_secret");
    const auto types = body["allowed_updates"];
    CHECK(std::find(types.begin(), types.end(), "callback_query") != types.end());
}

TEST_CASE("going live in webhook mode fails when setWebhook is refused") {
    testing::FakeHttpServer api([](const RecordedRequest& request) {
        if (testing::method_of(request) == "getMe") return bot_api_ok(kGetMe);
        if (testing::method_of(request) == "setWebhook")
            return bot_api_error(400, "Bad Request: bad webhook: HTTPS url must be provided");
        return bot_api_ok("true");
    });
    ChannelRig rig(api.base_url(), "webhook");
    CHECK(start_up_error(rig).empty());
    CHECK_THAT(go_live_error(rig), Catch::Contains("could not register the webhook"));
}

TEST_CASE("polling: updates are recorded before the offset moves past them, then answered") {
    std::atomic<storage::Store*> store{nullptr};
    std::atomic<bool> recorded_before_confirming{false};
    std::atomic<bool> confirmed{false};
    std::atomic<bool> checked{false};
    nlohmann::json update{{"update_id", 500},
                          {"message",
                           {{"message_id", 3},
                            {"date", 1800000000},
                            {"chat", {{"id", 42}, {"type", "private"}}},
                            {"from", {{"id", 42}, {"is_bot", false}, {"first_name", "Ana"}}},
                            {"text", "/start"}}}};
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        const auto method = testing::method_of(request);
        if (method == "getMe") return bot_api_ok(kGetMe);
        if (method == "getUpdates") {
            const auto offset = testing::body_of(request).value("offset", 0);
            if (offset <= 500) return bot_api_ok(nlohmann::json::array({update}).dump());
            if (auto* db = store.load(); db && !confirmed.exchange(true)) {
                // The first getUpdates that confirms update 500: it must already be in the inbox.
                // Recording it again finds it there already.
                recorded_before_confirming = db->run([](storage::Repositories& repos) {
                    storage::InboxEntry probe;
                    probe.dedup_key = "telegram:update:500";
                    probe.channel = "telegram";
                    return repos.inbox.record(probe) == storage::InboxRecordResult::duplicate;
                });
                checked = true;
            }
            return bot_api_ok("[]");
        }
        return bot_api_ok();
    });
    ChannelRig rig(api.base_url());
    store = &rig.store;
    rig.dispatcher.set_outbox_listener([&](const std::string&) { rig.running.wake(); });
    rig.channel.start_up();
    rig.running.start();

    REQUIRE(eventually([&] { return checked.load(); }));
    CHECK(recorded_before_confirming);
    // The answer goes out through the sender.
    REQUIRE(eventually([&] {
        for (const auto& request : api.requests())
            if (testing::method_of(request) == "sendMessage" && testing::chat_of(request) == "42")
                return true;
        return false;
    }));
    CHECK(rig.channel.counters().updates_recorded == 1);
    CHECK(eventually([&] { return rig.running.sender_counters().sent >= 1; }));
}
