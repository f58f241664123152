#include "bot/outbox/outbox_sender.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <future>
#include <map>
#include <mutex>
#include <vector>

#include <SQLiteCpp/SQLiteCpp.h>
#include <boost/asio/strand.hpp>

#include "adapters/http/http_client.hpp"
#include "adapters/telegram/telegram_delivery.hpp"
#include "intents/clock.hpp"
#include "storage/store.hpp"
#include "tests/bot/telegram_fixture.hpp"

using namespace rubdown;
using namespace std::chrono_literals;
using storage::OutboxStatus;
using testing::bot_api_error;
using testing::bot_api_ok;
using testing::eventually;
using testing::FakeReply;
using testing::RecordedRequest;
namespace asio = boost::asio;

namespace {

constexpr const char* kToken = "123456:TEST-secret-token";

/// Short intervals so that every test runs in well under a few seconds.
bot::SenderPolicy fast_policy() {
    bot::SenderPolicy policy;
    policy.per_key_interval = 20ms;
    policy.per_key_burst = 3;
    policy.global_per_second = 1000;
    policy.max_attempts = 4;
    policy.base_backoff = 50ms;
    policy.max_backoff = 200ms;
    return policy;
}

bot::OutboxSenderOptions fast_options() {
    bot::OutboxSenderOptions options;
    options.poll_interval = 50ms;
    options.channel_problem_pause = 100ms;
    options.random = [] { return 0.5; };
    return options;
}

/// A running sender with the Telegram client, on its own event loop thread, aimed at `api_url`.
class SenderRig {
  public:
    SenderRig(storage::Store& store, const intents::Clock& clock, const std::string& api_url,
              bot::SenderPolicy policy = fast_policy(),
              bot::OutboxSenderOptions options = fast_options())
        : strand(asio::make_strand(loop.io)),
          http(strand),
          api(http, api_url, kToken),
          delivery(api),
          sender(strand, store, clock, delivery, policy, std::move(options)),
          store_(store) {
        sender.start();
    }
    /// Stops the store while the loop object still exists, so no store job completes into a freed
    /// one.
    ~SenderRig() {
        sender.stop();
        loop.stop();
        store_.stop();
    }

    testing::LoopThread loop;
    asio::any_io_executor strand;
    http::HttpClient http;
    telegram::BotApi api;
    telegram::TelegramDelivery delivery;
    bot::OutboxSender sender;

  private:
    storage::Store& store_;
};

class OutboxFixture {
  public:
    OutboxFixture()
        : path(dir.file("rubdown.db")),
          store(std::make_unique<storage::Store>(path)),
          clock(intents::Seconds{std::chrono::seconds{1'800'000'000}}) {}

    std::int64_t add_user(const std::string& chat) {
        return store->run([&](storage::Repositories& repos) {
            return repos.users.find_or_create("telegram:" + chat, "telegram", chat, "", 1).id;
        });
    }

    std::int64_t enqueue(const std::string& chat, const std::string& text, std::int64_t user_id = 0,
                         const std::string& reply_context = "", bool edit_original = false) {
        storage::OutboxMessage message;
        message.channel = "telegram";
        message.chat_id = chat;
        message.user_id = user_id;
        message.text = text;
        message.reply_context = reply_context;
        message.edit_original = edit_original;
        message.created_at = 1;
        return store->run(
            [&](storage::Repositories& repos) { return repos.outbox.enqueue(message); });
    }

    storage::OutboxMessage row(std::int64_t id) {
        return *store->run([&](storage::Repositories& repos) { return repos.outbox.find(id); });
    }

    bool settled(const std::vector<std::int64_t>& ids) {
        return std::all_of(ids.begin(), ids.end(), [&](std::int64_t id) {
            const auto status = row(id).status;
            return status == OutboxStatus::sent || status == OutboxStatus::failed;
        });
    }

    testing::TempDir dir;
    std::string path;
    std::unique_ptr<storage::Store> store;
    intents::SimulatedClock clock;
};

/// Records when each request arrived, for order and pause checks.
struct Timeline {
    std::mutex mutex;
    std::vector<std::pair<std::chrono::steady_clock::time_point, std::string>> entries;

    void add(const RecordedRequest& request) {
        std::lock_guard lock(mutex);
        entries.emplace_back(std::chrono::steady_clock::now(),
                             testing::body_of(request).value("text", std::string{}));
    }
    std::vector<std::string> texts() {
        std::lock_guard lock(mutex);
        std::vector<std::string> out;
        for (const auto& [at, text] : entries) out.push_back(text);
        return out;
    }
};

std::size_t count(const std::vector<std::string>& texts, const std::string& text) {
    return static_cast<std::size_t>(std::count(texts.begin(), texts.end(), text));
}

std::size_t index_of(const std::vector<std::string>& texts, const std::string& text,
                     std::size_t occurrence = 0) {
    for (std::size_t i = 0; i < texts.size(); ++i)
        if (texts[i] == text && occurrence-- == 0) return i;
    return texts.size();
}

}  // namespace

TEST_CASE("429 with retry_after pauses that chat only: nothing is lost or sent twice") {
    OutboxFixture fx;
    Timeline timeline;
    std::mutex mutex;
    bool rejected_once = false;
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        timeline.add(request);
        std::lock_guard lock(mutex);
        if (testing::chat_of(request) == "100" && !rejected_once) {
            rejected_once = true;
            return bot_api_error(429, "Too Many Requests: retry after 1", 1);
        }
        return bot_api_ok();
    });
    const auto a1 = fx.enqueue("100", "a1");
    const auto a2 = fx.enqueue("100", "a2");
    const auto b1 = fx.enqueue("200", "b1");

    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({a1, a2, b1}); }));

    CHECK(fx.row(a1).status == OutboxStatus::sent);
    CHECK(fx.row(a2).status == OutboxStatus::sent);
    CHECK(fx.row(b1).status == OutboxStatus::sent);
    const auto texts = timeline.texts();
    CHECK(count(texts, "a1") == 2);  // refused once, then delivered
    CHECK(count(texts, "a2") == 1);
    CHECK(count(texts, "b1") == 1);
    // The other chat went out while chat 100 waited; chat 100 kept its order.
    CHECK(index_of(texts, "b1") < index_of(texts, "a1", 1));
    CHECK(index_of(texts, "a1", 1) < index_of(texts, "a2"));
    // retry_after was honoured.
    std::lock_guard lock(timeline.mutex);
    std::vector<std::chrono::steady_clock::time_point> a1_times;
    for (const auto& [at, text] : timeline.entries)
        if (text == "a1") a1_times.push_back(at);
    REQUIRE(a1_times.size() == 2);
    CHECK(a1_times[1] - a1_times[0] >= 950ms);
    CHECK(rig.sender.counters().retried == 1);
    CHECK(rig.sender.counters().sent == 3);
}

TEST_CASE("a 5xx answer backs off, then the message goes out once") {
    OutboxFixture fx;
    std::atomic<int> calls{0};
    testing::FakeHttpServer api([&](const RecordedRequest&) {
        if (++calls <= 2) return bot_api_error(502, "Bad Gateway");
        return bot_api_ok();
    });
    const auto id = fx.enqueue("100", "hello");
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));

    const auto row = fx.row(id);
    CHECK(row.status == OutboxStatus::sent);
    CHECK(row.attempts == 3);
    std::this_thread::sleep_for(150ms);  // a few more polls: nothing else goes out
    CHECK(api.requests().size() == 3);
    CHECK(rig.sender.counters().retried == 2);
}

TEST_CASE("a message that keeps failing is given up after max_attempts") {
    OutboxFixture fx;
    testing::FakeHttpServer api(
        [&](const RecordedRequest&) { return bot_api_error(500, "Internal Server Error"); });
    const auto id = fx.enqueue("100", "hello");
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));

    const auto row = fx.row(id);
    CHECK(row.status == OutboxStatus::failed);
    CHECK(row.last_error.find("gave up after 4 attempts") != std::string::npos);
    CHECK(row.last_error.find(kToken) == std::string::npos);
    CHECK(api.requests().size() == 4);
    // The row is marked failed before the sender counts it: on a loaded machine the test can
    // read the row in between.
    CHECK(eventually([&] { return rig.sender.counters().failed == 1; }));
}

TEST_CASE("403 blocked: the messages fail and the runner becomes inactive") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest&) {
        return bot_api_error(403, "Forbidden: bot was blocked by the user");
    });
    const auto user = fx.add_user("300");
    const auto other_user = fx.add_user("400");
    const auto first = fx.enqueue("300", "one", user);
    const auto second = fx.enqueue("300", "two", user);
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({first, second}); }));

    CHECK(fx.row(first).status == OutboxStatus::failed);
    CHECK(fx.row(second).status == OutboxStatus::failed);
    auto active = [&](std::int64_t id) {
        return fx.store->run(
            [&](storage::Repositories& repos) { return repos.users.find_by_id(id)->active; });
    };
    CHECK_FALSE(active(user));
    CHECK(active(other_user));
    CHECK(api.requests().size() <= 2);
    CHECK(rig.sender.counters().blocked == 2);
}

TEST_CASE(
    "403 in a group the bot was removed from: that chat is dropped, the runner stays active") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        if (testing::chat_of(request) == "-1001")
            return bot_api_error(403, "Forbidden: bot was kicked from the supergroup chat");
        return bot_api_ok();
    });
    // The runner (Telegram user 300) last wrote in the group, so it is their chat now.
    const auto user = fx.store->run([&](storage::Repositories& repos) {
        return repos.users.find_or_create("telegram:300", "telegram", "-1001", "Ana", 1).id;
    });
    const auto first =
        fx.enqueue("-1001", "one", user, R"({"message_id":5,"chat_type":"supergroup"})");
    const auto second = fx.enqueue("-1001", "two", user);
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({first, second}); }));

    CHECK(fx.row(first).status == OutboxStatus::failed);
    CHECK(fx.row(second).status == OutboxStatus::failed);
    CHECK_THAT(fx.row(first).last_error, Catch::Contains("chat unavailable"));
    const auto runner =
        fx.store->run([&](storage::Repositories& repos) { return *repos.users.find_by_id(user); });
    CHECK(runner.active);
    CHECK(runner.chat_id == "300");
    CHECK(rig.sender.counters().blocked == 0);

    // A nudge for that runner now goes to (and reaches) their private chat.
    const auto nudge = fx.enqueue(runner.chat_id, "Time to book a massage?", user);
    rig.sender.wake();
    REQUIRE(eventually([&] { return fx.settled({nudge}); }));
    CHECK(fx.row(nudge).status == OutboxStatus::sent);
    CHECK(testing::chat_of(api.requests().back()) == "300");
}

TEST_CASE("403 in a private chat still marks only that runner inactive") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest&) {
        return bot_api_error(403, "Forbidden: bot was blocked by the user");
    });
    const auto user = fx.add_user("500");
    const auto id = fx.enqueue("500", "one", user, R"({"message_id":5,"chat_type":"private"})");
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));
    const auto runner =
        fx.store->run([&](storage::Repositories& repos) { return *repos.users.find_by_id(user); });
    CHECK_FALSE(runner.active);
    CHECK(runner.chat_id == "500");
}

TEST_CASE("401: the channel pauses but never gives the message up") {
    OutboxFixture fx;
    testing::FakeHttpServer api(
        [&](const RecordedRequest&) { return bot_api_error(401, "Unauthorized"); });
    const auto id = fx.enqueue("100", "hello");
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    // More attempts than max_attempts (4), spaced by the channel pause.
    REQUIRE(api.wait_for_requests(6, 10s));
    CHECK(fx.row(id).status != OutboxStatus::failed);
    CHECK(rig.sender.counters().failed == 0);
}

TEST_CASE("a button press is answered, then the original message is edited") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest&) { return bot_api_ok("true"); });
    const auto id = fx.enqueue(
        "100", "Booked", 0, R"({"callback_query_id":"q-7","message_id":77,"chat_type":"private"})",
        /*edit_original=*/true);
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));

    const auto requests = api.requests();
    REQUIRE(requests.size() == 2);
    CHECK(testing::method_of(requests[0]) == "answerCallbackQuery");
    CHECK(testing::body_of(requests[0])["callback_query_id"] == "q-7");
    CHECK(testing::method_of(requests[1]) == "editMessageText");
    CHECK(testing::body_of(requests[1])["message_id"] == 77);
    CHECK(testing::body_of(requests[1])["text"] == "Booked");
    CHECK(fx.row(id).status == OutboxStatus::sent);
}

TEST_CASE("an expired button press and a vanished original still get the reply out") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        const auto method = testing::method_of(request);
        if (method == "answerCallbackQuery")
            return bot_api_error(400, "Bad Request: query is too old and response timeout expired");
        if (method == "editMessageText")
            return bot_api_error(400, "Bad Request: message to edit not found");
        return bot_api_ok();
    });
    const auto id = fx.enqueue(
        "100", "Booked", 0, R"({"callback_query_id":"q-8","message_id":78,"chat_type":"private"})",
        /*edit_original=*/true);
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));

    const auto requests = api.requests();
    REQUIRE(requests.size() == 3);
    CHECK(testing::method_of(requests[2]) == "sendMessage");
    CHECK(testing::body_of(requests[2])["text"] == "Booked");
    CHECK(fx.row(id).status == OutboxStatus::sent);
}

TEST_CASE("a blank row for a button press answers the query once and sends no message") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest&) { return bot_api_ok("true"); });
    const auto id = fx.enqueue(
        "100", "", 0, R"({"callback_query_id":"q-9","message_id":79,"chat_type":"private"})");
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));

    const auto requests = api.requests();
    REQUIRE(requests.size() == 1);
    CHECK(testing::method_of(requests[0]) == "answerCallbackQuery");
    CHECK(testing::body_of(requests[0])["callback_query_id"] == "q-9");
    CHECK(fx.row(id).status == OutboxStatus::sent);
}

TEST_CASE(
    "a Bot API without answerCallbackQuery and editMessageText (HTTP 500) still gets the "
    "reply out, once") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        const auto method = testing::method_of(request);
        if (method == "answerCallbackQuery" || method == "editMessageText")
            return FakeReply::json(500, R"({"message":"API method is not supported"})");
        return bot_api_ok();
    });
    const auto id = fx.enqueue(
        "100", "Kept", 0, R"({"callback_query_id":"q-10","message_id":80,"chat_type":"private"})",
        /*edit_original=*/true);
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));

    CHECK(fx.row(id).status == OutboxStatus::sent);
    std::vector<std::string> methods;
    for (const auto& request : api.requests()) methods.push_back(testing::method_of(request));
    CHECK(count(methods, "answerCallbackQuery") == 1);
    CHECK(count(methods, "editMessageText") ==
          static_cast<std::size_t>(telegram::TelegramDelivery::edit_attempts_before_fallback));
    CHECK(count(methods, "sendMessage") == 1);
    CHECK(testing::body_of(api.requests().back())["text"] == "Kept");
}

TEST_CASE("a reply without a button press is sent as a new message, without answering a query") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest&) { return bot_api_ok(); });
    const auto id = fx.enqueue("100", "Logged: 10 km easy.");
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));
    const auto requests = api.requests();
    REQUIRE(requests.size() == 1);
    CHECK(testing::method_of(requests[0]) == "sendMessage");
    CHECK(requests[0].target == std::string("/bot") + kToken + "/sendMessage");
}

TEST_CASE("after a restart, pending rows go out once and a row caught mid-send goes out again") {
    OutboxFixture fx;
    const auto first = fx.enqueue("1", "pending one");
    const auto second = fx.enqueue("1", "pending two");
    const auto third = fx.enqueue("2", "pending three");
    const auto interrupted = fx.enqueue("3", "was being sent");
    REQUIRE(fx.store->run(
        [&](storage::Repositories& repos) { return repos.outbox.claim(interrupted); }));
    fx.store.reset();  // the process dies
    fx.store = std::make_unique<storage::Store>(fx.path);

    Timeline timeline;
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        timeline.add(request);
        return bot_api_ok();
    });
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({first, second, third, interrupted}); }));
    std::this_thread::sleep_for(200ms);  // several more polls

    CHECK(fx.row(first).status == OutboxStatus::sent);
    CHECK(fx.row(second).status == OutboxStatus::sent);
    CHECK(fx.row(third).status == OutboxStatus::sent);
    // It may have reached the runner before the crash; a second copy beats a lost reply.
    CHECK(fx.row(interrupted).status == OutboxStatus::sent);
    CHECK(fx.row(interrupted).attempts == 2);
    const auto texts = timeline.texts();
    CHECK(texts.size() == 4);
    CHECK(count(texts, "pending one") == 1);
    CHECK(count(texts, "pending two") == 1);
    CHECK(count(texts, "pending three") == 1);
    CHECK(count(texts, "was being sent") == 1);
    CHECK(index_of(texts, "pending one") < index_of(texts, "pending two"));
}

TEST_CASE("a long reply resumes after a crash at the part that was in flight") {
    OutboxFixture fx;
    // Three parts of about 3,000 characters each: Telegram takes 4,096 at most per message.
    std::string text;
    for (const char mark : {'a', 'b', 'c'}) text += std::string(3000, mark) + "\n\n";
    const auto id = fx.enqueue("5", text);
    // The process sent part one, recorded it, and died while part two was in flight.
    REQUIRE(fx.store->run([&](storage::Repositories& repos) {
        if (!repos.outbox.claim(id)) return false;
        repos.outbox.record_calls_done(id, 1);
        return true;
    }));
    fx.store.reset();
    fx.store = std::make_unique<storage::Store>(fx.path);

    Timeline timeline;
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        timeline.add(request);
        return bot_api_ok();
    });
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));

    CHECK(fx.row(id).status == OutboxStatus::sent);
    const auto texts = timeline.texts();
    REQUIRE(texts.size() == 2);  // parts two and three; part one is not repeated
    CHECK(texts[0].front() == 'b');
    CHECK(texts[1].front() == 'c');
}

TEST_CASE("each part of a long reply is recorded before the next goes out") {
    OutboxFixture fx;
    std::string text;
    for (const char mark : {'a', 'b', 'c'}) text += std::string(3000, mark) + "\n\n";
    const auto id = fx.enqueue("6", text);
    std::vector<int> calls_done_seen;
    std::mutex seen_mutex;
    testing::FakeHttpServer api([&](const RecordedRequest&) {
        // What the database says while each part is being sent.
        SQLite::Database reader(fx.path, SQLite::OPEN_READONLY);
        SQLite::Statement query(reader, "SELECT calls_done FROM outbox WHERE id = ?");
        query.bind(1, id);
        const int done = query.executeStep() ? query.getColumn(0).getInt() : -1;
        std::lock_guard lock(seen_mutex);
        calls_done_seen.push_back(done);
        return bot_api_ok();
    });
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({id}); }));
    std::lock_guard lock(seen_mutex);
    CHECK(calls_done_seen == std::vector<int>{0, 1, 2});
}

TEST_CASE("stop() waits for the sends in flight to record their outcome") {
    OutboxFixture fx;
    std::atomic<int> calls{0};
    testing::FakeHttpServer api([&](const RecordedRequest&) {
        ++calls;
        auto reply = bot_api_ok();
        reply.delay = 400ms;  // a slow platform: the send is in flight when stop() comes
        return reply;
    });
    const auto id = fx.enqueue("7", "on its way");
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.row(id).status == OutboxStatus::sending; }));

    std::promise<void> drained;
    rig.sender.stop([&drained] { drained.set_value(); });
    REQUIRE(drained.get_future().wait_for(5s) == std::future_status::ready);
    // Recorded as sent before the store may stop: a restart would not send it again.
    CHECK(fx.row(id).status == OutboxStatus::sent);
    CHECK(calls == 1);
}

TEST_CASE("a starting sender leaves another channel's row in flight alone") {
    OutboxFixture fx;
    // The Slack sender has claimed a row and is sending it when the Telegram sender starts (both
    // start after a restart, each at its own pace).
    storage::OutboxMessage slack_row;
    slack_row.channel = "slack";
    slack_row.chat_id = "D1";
    slack_row.text = "on its way to Slack";
    slack_row.created_at = 1;
    const auto in_flight = fx.store->run([&](storage::Repositories& repos) {
        const auto id = repos.outbox.enqueue(slack_row);
        repos.outbox.claim(id);
        return id;
    });
    const auto telegram_row = fx.enqueue("1", "to Telegram");

    testing::FakeHttpServer api([](const RecordedRequest&) { return bot_api_ok(); });
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({telegram_row}); }));

    // Still Slack's: marking it failed now would record a delivered message as interrupted.
    CHECK(fx.row(in_flight).status == OutboxStatus::sending);
}

TEST_CASE("wake() sends a new row without waiting for the poll") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest&) { return bot_api_ok(); });
    auto options = fast_options();
    options.poll_interval = std::chrono::hours{1};
    SenderRig rig(*fx.store, fx.clock, api.base_url(), fast_policy(), options);
    std::this_thread::sleep_for(50ms);  // the first look at the outbox found nothing
    const auto id = fx.enqueue("100", "hi");
    rig.sender.wake();
    REQUIRE(eventually([&] { return fx.settled({id}); }, 5s));
    CHECK(fx.row(id).status == OutboxStatus::sent);
}

TEST_CASE("one chat's backlog of 2,000 rows does not hold up another chat's reply") {
    OutboxFixture fx;
    std::mutex mutex;
    std::vector<std::string> flood_texts;  // what chat 100 received, in order
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        if (testing::chat_of(request) == "100") {
            std::lock_guard lock(mutex);
            flood_texts.push_back(testing::body_of(request).value("text", std::string{}));
        }
        return bot_api_ok();
    });
    // Telegram's own pacing: about one message a second per chat.
    auto policy = fast_policy();
    policy.per_key_interval = 1000ms;
    fx.store->run([](storage::Repositories& repos) {
        for (int i = 0; i < 2000; ++i) {
            storage::OutboxMessage message;
            message.channel = "telegram";
            message.chat_id = "100";
            message.text = "flood " + std::to_string(i);
            message.created_at = 1;
            repos.outbox.enqueue(message);
        }
    });
    SenderRig rig(*fx.store, fx.clock, api.base_url(), policy);
    REQUIRE(eventually([&] {
        std::lock_guard lock(mutex);
        return !flood_texts.empty();
    }));
    const auto reply = fx.enqueue("200", "your run is logged");
    rig.sender.wake();
    // Without a cap per chat, the 2,000 older rows filled every read (1,800 held in memory), and
    // this reply waited for hundreds of them to go out at one a second.
    REQUIRE(eventually([&] { return fx.row(reply).status == OutboxStatus::sent; }, 10s));
    std::lock_guard lock(mutex);
    CHECK(flood_texts.size() < 20);
    // The flooding chat still gets its messages in order.
    for (std::size_t i = 0; i < flood_texts.size(); ++i)
        CHECK(flood_texts[i] == "flood " + std::to_string(i));
}

TEST_CASE("sender metrics are Prometheus counters under the channel's prefix") {
    OutboxFixture fx;
    // Chat 100 takes the message; chat 200 does not exist.
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        if (testing::chat_of(request) == "200") return bot_api_error(400, "chat not found");
        return bot_api_ok();
    });
    SenderRig rig(*fx.store, fx.clock, api.base_url());
    metrics::Registry registry;
    rig.sender.register_metrics(registry, "rubdown_telegram");
    const auto sent = fx.enqueue("100", "hi");
    const auto refused = fx.enqueue("200", "hi");
    rig.sender.wake();
    REQUIRE(eventually([&] { return fx.settled({sent, refused}); }, 5s));
    // The counters move just after the outcome is recorded in the database, so wait for them too.
    REQUIRE(eventually([&] {
        const auto counted = rig.sender.counters();
        return counted.sent + counted.failed == 2;
    }));

    const auto text = registry.text();
    CHECK(text.find("# TYPE rubdown_telegram_outbox_sent_total counter\n") != std::string::npos);
    CHECK(text.find("\nrubdown_telegram_outbox_sent_total 1\n") != std::string::npos);
    CHECK(text.find("\nrubdown_telegram_outbox_failed_total 1\n") != std::string::npos);
    CHECK(text.find("\nrubdown_telegram_outbox_retried_total 0\n") != std::string::npos);
}

TEST_CASE("Telegram charges each part of a reply, and groups are shared chats") {
    asio::io_context io;
    http::HttpClient http(io.get_executor());
    telegram::BotApi api(http, "http://127.0.0.1:9", kToken);
    telegram::TelegramDelivery delivery(api);
    storage::OutboxMessage message;
    message.channel = "telegram";
    message.chat_id = "42";
    message.text = "Logged.";
    auto charge = delivery.prepare(message).charge;
    CHECK(charge.messages == 1);
    CHECK_FALSE(charge.shared_chat);

    // Over 4096 characters, in sentences: two messages.
    message.text.clear();
    while (message.text.size() < 6000) message.text += "A hard week of training is done. ";
    message.chat_id = "-1001234";
    charge = delivery.prepare(message).charge;
    CHECK(charge.messages == 2);
    CHECK(charge.shared_chat);
}

TEST_CASE("a group upgraded to a supergroup: its messages and runners follow it to the new id") {
    OutboxFixture fx;
    Timeline timeline;
    std::vector<std::string> chats;
    std::mutex mutex;
    testing::FakeHttpServer api([&](const RecordedRequest& request) {
        timeline.add(request);
        std::lock_guard lock(mutex);
        chats.push_back(testing::chat_of(request));
        if (chats.back() == "-100") {
            // The Bot API's answer to a message for a group that became a supergroup.
            return testing::FakeReply::json(
                400, R"({"ok":false,"error_code":400,)"
                     R"("description":"Bad Request: group chat was upgraded to a supergroup chat",)"
                     R"("parameters":{"migrate_to_chat_id":-1001234}})");
        }
        return bot_api_ok();
    });
    const auto runner = fx.store->run([](storage::Repositories& repos) {
        return repos.users.find_or_create("telegram:7", "telegram", "-100", "", 1).id;
    });
    const auto first = fx.enqueue("-100", "first", runner);
    const auto second = fx.enqueue("-100", "second", runner);
    const auto elsewhere = fx.enqueue("55", "elsewhere");

    SenderRig rig(*fx.store, fx.clock, api.base_url());
    REQUIRE(eventually([&] { return fx.settled({first, second, elsewhere}); }));
    CHECK(fx.row(first).status == OutboxStatus::sent);
    CHECK(fx.row(second).status == OutboxStatus::sent);
    CHECK(fx.row(first).chat_id == "-1001234");
    CHECK(fx.row(second).chat_id == "-1001234");
    CHECK(fx.row(elsewhere).chat_id == "55");
    const auto user =
        fx.store->run([&](storage::Repositories& repos) { return repos.users.find_by_id(runner); });
    REQUIRE(user);
    CHECK(user->chat_id == "-1001234");

    std::lock_guard lock(mutex);
    // Only the first message met the old id; both went to the new one, in order, once.
    CHECK(std::count(chats.begin(), chats.end(), "-100") == 1);
    CHECK(std::count(chats.begin(), chats.end(), "-1001234") == 2);
    const auto texts = timeline.texts();
    CHECK(count(texts, "second") == 1);
    CHECK(index_of(texts, "first", 1) < index_of(texts, "second"));
}

TEST_CASE("a row the may_go_now check holds back is not sent") {
    OutboxFixture fx;
    testing::FakeHttpServer api([&](const RecordedRequest&) { return bot_api_ok(); });
    const auto held = fx.enqueue("100", "held");
    const auto sent = fx.enqueue("200", "sent");
    auto options = fast_options();
    std::atomic<int> asked{0};
    options.may_go_now = [&](storage::Repositories& repos, const storage::OutboxMessage& row,
                             storage::UnixSeconds) {
        ++asked;
        if (row.id != held) return true;
        repos.outbox.mark_failed(row.id, "expired: test");
        return false;
    };
    SenderRig rig(*fx.store, fx.clock, api.base_url(), fast_policy(), std::move(options));
    REQUIRE(eventually([&] { return fx.settled({held, sent}); }));
    CHECK(fx.row(held).status == OutboxStatus::failed);
    CHECK(fx.row(sent).status == OutboxStatus::sent);
    CHECK(asked == 2);
    std::this_thread::sleep_for(100ms);
    REQUIRE(api.requests().size() == 1);
    CHECK(testing::chat_of(api.requests()[0]) == "200");
}
