#include <catch2/catch.hpp>

#include <algorithm>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/use_future.hpp>

#include "adapters/telegram/reply_context.hpp"
#include "adapters/telegram/telegram_channel.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "intents/safety/safety_triage.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using rubdown::testing::TempDir;
namespace asio = boost::asio;

namespace {

/// An engine that echoes, or throws on "boom", so the dispatcher is tested on its own.
class EchoEngine final : public intents::Engine {
  public:
    std::vector<intents::Reply> respond(intents::HandlerContext& context) override {
        ++calls;
        if (context.message.text == "boom") throw std::runtime_error("engine bug");
        if (context.message.action == "quiet") return {};
        if (context.message.action == "plan") plan_nudges(context);
        if (context.message.action == "twice")
            return {intents::Reply{"one"}, intents::Reply{"two"}};
        return {intents::Reply{"echo: " + context.message.text, {{"Again", "again", ""}}, false}};
    }
    /// As the bot's engine: a medical red flag, by the real triage.
    bool must_answer(const intents::IncomingMessage& message) const override {
        return static_cast<bool>(intents::safety::triage(message.text));
    }
    int calls = 0;

  private:
    /// Two pending nudges (due at 2000 and 1000) and one cancelled (due at 500).
    static void plan_nudges(intents::HandlerContext& context) {
        storage::Nudge nudge;
        nudge.user_id = context.user.id;
        for (const auto due : {2000, 1000}) {
            nudge.due_at = due;
            context.repos.nudges.add(nudge);
        }
        nudge.due_at = 500;
        nudge.state = storage::NudgeState::cancelled;
        context.repos.nudges.add(nudge);
    }
};

intents::IncomingMessage message(const std::string& dedup_key, const std::string& text) {
    return intents::IncomingMessage{"telegram", "telegram:7", "7",       "Ana",
                                    text,       "",           dedup_key, "{}"};
}

/// A Telegram button press, as the update parser makes it.
intents::IncomingMessage button_press(const std::string& dedup_key, const std::string& action) {
    return intents::IncomingMessage{
        "telegram", "telegram:7",
        "7",        "Ana",
        "",         action,
        dedup_key,  R"({"callback_query_id":"q-1","message_id":40,"chat_type":"private"})"};
}

std::vector<storage::OutboxMessage> outbox(storage::Store& store) {
    return store.run(
        [](storage::Repositories& repos) { return repos.outbox.due("telegram", 1LL << 40, 100); });
}

/// A dispatcher on a real database file with the echo engine; its completions run on `io`, which
/// the test runs. `io` comes first so that it outlives the store's hold on it.
struct Dispatching {
    explicit Dispatching(const std::string& path) : store(path) {}
    asio::io_context io;
    storage::Store store;
    EchoEngine engine;
    intents::SystemClock clock;
    bot::Dispatcher dispatcher{io.get_executor(), store, engine, clock, {}};
};

/// Messages recorded (acknowledged) but never processed, as a process killed right after the
/// acknowledgements leaves them; the database is closed again on return.
void record_unprocessed(const std::string& path,
                        const std::vector<intents::IncomingMessage>& messages) {
    storage::Store store(path);
    store.run([&messages](storage::Repositories& repos) {
        for (const auto& message : messages) {
            auto entry = bot::to_inbox_entry(message, 5);
            repos.inbox.record(entry);
        }
    });
}

}  // namespace

TEST_CASE("the inbox keeps a tidied display name, not a platform's 100 KB one") {
    auto huge = message("slack:event:1", "hi");
    huge.display_name = std::string(100 * 1024, 'n');
    CHECK(bot::to_inbox_entry(huge, 5).display_name.size() == intents::kMaxDisplayNameChars);
}

TEST_CASE("a redelivered message is acknowledged again and processed once") {
    TempDir dir;
    asio::io_context io;  // outlives the store, whose thread may still be posting to it
    storage::Store store(dir.file("dispatch.db"));
    EchoEngine engine;
    intents::SimulatedClock clock(intents::Seconds{std::chrono::seconds{1'800'000'000}});
    bot::Dispatcher dispatcher(io.get_executor(), store, engine, clock, {});
    std::vector<std::string> woken;
    dispatcher.set_outbox_listener([&](const std::string& channel) { woken.push_back(channel); });

    auto first = asio::co_spawn(io, dispatcher.accept({message("telegram:update:1", "hi")}),
                                asio::use_future);
    auto again = asio::co_spawn(io, dispatcher.accept({message("telegram:update:1", "hi")}),
                                asio::use_future);
    io.run();
    const auto a = first.get();
    const auto b = again.get();
    CHECK(a.recorded + b.recorded == 1);
    CHECK(a.duplicates + b.duplicates == 1);
    CHECK(engine.calls == 1);
    const auto rows = outbox(store);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].text == "echo: hi");
    CHECK(rows[0].chat_id == "7");
    CHECK(intents::buttons_from_json(rows[0].buttons_json).size() == 1);
    CHECK(woken == std::vector<std::string>{"telegram"});
}

TEST_CASE("a message the engine fails on is answered with an apology and never retried") {
    TempDir dir;
    Dispatching d(dir.file("failing.db"));
    auto accepted =
        asio::co_spawn(d.io, d.dispatcher.accept({message("k1", "boom"), message("k2", "fine")}),
                       asio::use_future);
    d.io.run();
    CHECK(accepted.get().recorded == 2);
    const auto rows = outbox(d.store);
    REQUIRE(rows.size() == 2);
    // The apology is written by a later job, so it may come after the other message's answer.
    const bool apology_first = rows[0].text.find("Sorry") != std::string::npos;
    CHECK_THAT(rows[apology_first ? 0 : 1].text, Catch::Contains("Sorry"));
    CHECK(rows[apology_first ? 1 : 0].text == "echo: fine");
    CHECK(d.store.run([](storage::Repositories& repos) {
        return repos.inbox.unprocessed(10).size();
    }) == 0);
}

TEST_CASE("messages recorded before a crash are processed by the backlog at the next start") {
    TempDir dir;
    const auto path = dir.file("backlog.db");
    // Recorded (acknowledged) but never processed: the process died here.
    record_unprocessed(path, {message("telegram:update:9", "still here?")});
    Dispatching d(path);
    d.dispatcher.set_flood_limit(0);  // one runner's backlog, for the order
    d.dispatcher.process_backlog();
    d.io.run();
    const auto rows = outbox(d.store);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].text == "echo: still here?");
    d.dispatcher.process_backlog();
    d.io.restart();
    d.io.run();
    CHECK(outbox(d.store).size() == 1);
}

TEST_CASE("a button press the engine has nothing to say to still gets one row that answers it") {
    TempDir dir;
    Dispatching d(dir.file("quiet.db"));
    d.dispatcher.set_reply_shaping("telegram", &telegram::reply_shaping_for_telegram());
    std::vector<std::string> woken;
    d.dispatcher.set_outbox_listener([&](const std::string& channel) { woken.push_back(channel); });
    auto accepted = asio::co_spawn(
        d.io, d.dispatcher.accept({button_press("telegram:update:3", "quiet")}), asio::use_future);
    d.io.run();
    CHECK(accepted.get().recorded == 1);
    CHECK(d.engine.calls == 1);

    const auto rows = outbox(d.store);
    REQUIRE(rows.size() == 1);
    CHECK(rows[0].text.empty());
    CHECK(rows[0].buttons_json == "[]");
    CHECK(telegram::reply_context_from_json(rows[0].reply_context).callback_query_id == "q-1");
    CHECK(woken == std::vector<std::string>{"telegram"});
}

TEST_CASE("a button press with several replies is answered by the first row only") {
    TempDir dir;
    Dispatching d(dir.file("twice.db"));
    d.dispatcher.set_reply_shaping("telegram", &telegram::reply_shaping_for_telegram());
    asio::co_spawn(d.io, d.dispatcher.accept({button_press("telegram:update:4", "twice")}),
                   asio::detached);
    d.io.run();

    const auto rows = outbox(d.store);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].text == "one");
    CHECK(telegram::reply_context_from_json(rows[0].reply_context).callback_query_id == "q-1");
    CHECK(rows[1].text == "two");
    const auto second = telegram::reply_context_from_json(rows[1].reply_context);
    CHECK(second.callback_query_id.empty());
    CHECK(second.message_id == 40);
}

TEST_CASE("a typed message the engine has nothing to say to writes no row") {
    TempDir dir;
    Dispatching d(dir.file("silent.db"));
    auto quiet = message("telegram:update:5", "");
    quiet.action = "quiet";
    asio::co_spawn(d.io, d.dispatcher.accept({quiet}), asio::detached);
    d.io.run();
    CHECK(d.engine.calls == 1);
    CHECK(outbox(d.store).empty());
}

TEST_CASE("the nudge listener hears the earliest pending nudge a message planned, and only then") {
    TempDir dir;
    Dispatching d(dir.file("plan.db"));
    std::vector<storage::UnixSeconds> planned;
    d.dispatcher.set_nudge_listener([&](storage::UnixSeconds due) { planned.push_back(due); });
    auto plan = message("telegram:update:6", "");
    plan.action = "plan";
    asio::co_spawn(d.io, d.dispatcher.accept({message("telegram:update:5", "hi"), plan}),
                   asio::detached);
    d.io.run();
    CHECK(d.engine.calls == 2);
    CHECK(planned == std::vector<storage::UnixSeconds>{1000});
    const auto nudges =
        d.store.run([](storage::Repositories& repos) { return repos.nudges.pending(10); });
    CHECK(nudges.size() == 2);  // the watch passed the writes through
}

namespace {
std::vector<std::string> outbox_texts(storage::Store& store) {
    const auto rows = store.run([](storage::Repositories& repos) {
        return repos.outbox.due("telegram", 1LL << 40, 100000);
    });
    std::vector<std::string> texts;
    for (const auto& row : rows) texts.push_back(row.text);
    return texts;
}

std::vector<std::string> echoes(int count) {
    std::vector<std::string> texts;
    for (int i = 0; i < count; ++i) texts.push_back("echo: m" + std::to_string(i));
    return texts;
}
}  // namespace

TEST_CASE("a burst beyond the processing cap waits in the inbox and is processed in order") {
    TempDir dir;
    Dispatching d(dir.file("burst.db"));
    d.dispatcher.set_flood_limit(0);  // one runner's burst, for the order; the guard is below
    // Far more at once than may be processing (as many webhook requests in flight would be),
    // all from one runner, so any reordering would show.
    constexpr int kMessages = 500;
    for (int i = 0; i < kMessages; ++i) {
        const auto n = std::to_string(i);
        asio::co_spawn(d.io, d.dispatcher.accept({message("burst:" + n, "m" + n)}), asio::detached);
    }
    d.io.run();
    CHECK(d.engine.calls == kMessages);
    CHECK(outbox_texts(d.store) == echoes(kMessages));
    CHECK(d.store.run([](storage::Repositories& repos) {
        return repos.inbox.unprocessed_ids(10).size();
    }) == 0);
}

TEST_CASE("a start-up backlog beyond the processing cap is worked off, oldest first") {
    TempDir dir;
    const auto path = dir.file("big-backlog.db");
    constexpr int kMessages = 300;
    std::vector<intents::IncomingMessage> old;
    for (int i = 0; i < kMessages; ++i) {
        const auto n = std::to_string(i);
        old.push_back(message("old:" + n, "m" + n));
    }
    record_unprocessed(path, old);
    Dispatching d(path);
    d.dispatcher.set_flood_limit(0);  // one runner's backlog, for the order
    d.dispatcher.process_backlog();
    // A new message behind the backlog waits its turn.
    asio::co_spawn(d.io, d.dispatcher.accept({message("new:1", "m" + std::to_string(kMessages))}),
                   asio::detached);
    d.io.run();
    CHECK(d.engine.calls == kMessages + 1);
    CHECK(outbox_texts(d.store) == echoes(kMessages + 1));
}

TEST_CASE(
    "a flooding runner is answered up to the limit, told once, and a red flag still gets through") {
    TempDir dir;
    asio::io_context io;
    storage::Store store(dir.file("flood.db"));
    EchoEngine engine;
    intents::SimulatedClock clock(intents::Seconds{std::chrono::seconds{1'800'000'000}});
    bot::Dispatcher dispatcher(io.get_executor(), store, engine, clock, {});
    dispatcher.set_flood_limit(5);
    std::vector<intents::IncomingMessage> burst;
    for (int i = 0; i < 12; ++i) burst.push_back(message("flood:" + std::to_string(i), "m"));
    burst.push_back(message("flood:urgent", "I have crushing chest pain and can't breathe"));
    auto other = message("other:1", "hello from Bo");
    other.user_key = "telegram:8";
    other.chat_id = "8";
    burst.push_back(other);
    asio::co_spawn(io, dispatcher.accept(burst), asio::detached);
    io.run();

    // Five echoes, one notice, the red flag's echo (the engine answers it), and Bo's.
    CHECK(engine.calls == 5 + 1 + 1);
    std::vector<std::string> to_ana;
    std::vector<std::string> to_bo;
    for (const auto& row : outbox(store)) (row.chat_id == "7" ? to_ana : to_bo).push_back(row.text);
    REQUIRE(to_ana.size() == 7);
    CHECK(std::count(to_ana.begin(), to_ana.end(), "echo: m") == 5);
    CHECK(to_ana[5] == bot::flood_notice());
    CHECK_THAT(to_ana[6], Catch::Contains("chest pain"));
    CHECK(to_bo == std::vector<std::string>{"echo: hello from Bo"});
    // Everything was recorded and counts as processed: nothing comes back after a restart.
    CHECK(store.run([](storage::Repositories& repos) { return repos.inbox.count_unprocessed(); }) ==
          0);
    CHECK(dispatcher.flood_guard().set_aside_total() == 7);
    CHECK(dispatcher.flood_guard().floods_total() == 1);
}
