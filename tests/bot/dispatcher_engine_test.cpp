#include <catch2/catch.hpp>

#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/io_context.hpp>

#include "adapters/slack/slack_channel.hpp"
#include "adapters/slack/slack_reply_context.hpp"
#include "adapters/telegram/reply_context.hpp"
#include "adapters/telegram/telegram_channel.hpp"
#include "bot/inbox/dispatcher.hpp"
#include "storage/store.hpp"
#include "support/temp_dir.hpp"

using namespace rubdown;
using rubdown::testing::TempDir;
namespace asio = boost::asio;

namespace {

constexpr const char* kGroup = "-100200300";

/// The real engine and Telegram's shaping on a real database file.
struct TelegramRunner {
    explicit TelegramRunner(const std::string& path) : store(path) {
        dispatcher.set_reply_shaping("telegram", &telegram::reply_shaping_for_telegram());
    }

    /// Ana (user 7) writes `text` in `chat` ("7" is her private chat); the rows it made.
    std::vector<storage::OutboxMessage> says(const std::string& text, const std::string& chat) {
        telegram::ReplyContext context;
        context.message_id = ++message_id;
        context.chat_type = chat == "7" ? "private" : "supergroup";
        intents::IncomingMessage message{"telegram",
                                         "telegram:7",
                                         chat,
                                         "Ana",
                                         text,
                                         "",
                                         "telegram:update:" + std::to_string(message_id),
                                         telegram::to_json(context)};
        asio::co_spawn(io, dispatcher.accept({message}), asio::detached);
        io.restart();
        io.run();
        return store.run([this](storage::Repositories& repos) {
            auto rows = repos.outbox.due("telegram", 1LL << 40, 100);
            for (const auto& row : rows) repos.outbox.mark_sent(row.id, 0);
            return rows;
        });
    }

    asio::io_context io;
    storage::Store store;
    std::unique_ptr<intents::Engine> engine = intents::make_engine({});
    intents::SimulatedClock clock{intents::Seconds{std::chrono::seconds{1'796'000'000}}};
    bot::Dispatcher dispatcher{io.get_executor(), store, *engine, clock, {}};
    std::int64_t message_id = 0;
};

}  // namespace

TEST_CASE("a runner's export asked in a Telegram group never shows there") {
    TempDir dir;
    TelegramRunner ana(dir.file("group-export.db"));
    REQUIRE_FALSE(ana.says("ran 10k easy yesterday", kGroup).empty());

    SECTION("before Ana has written to the bot privately, the group is told how to get it") {
        const auto rows = ana.says("/export", kGroup);
        REQUIRE(rows.size() == 1);
        CHECK(rows[0].chat_id == kGroup);
        CHECK_THAT(rows[0].text, Catch::Contains("private chat"));
        CHECK(rows[0].text.find("10") == std::string::npos);
    }

    SECTION("once she has, it goes to her private chat and the group gets a note") {
        REQUIRE_FALSE(ana.says("hi", "7").empty());
        const auto rows = ana.says("/export", kGroup);
        REQUIRE(rows.size() >= 2);
        CHECK(rows[0].chat_id == kGroup);
        CHECK_THAT(rows[0].text, Catch::Contains("private message"));
        // The note answers Ana's message in the group, as any reply there does.
        CHECK(telegram::reply_context_from_json(rows[0].reply_context).chat_type == "supergroup");
        for (std::size_t i = 1; i < rows.size(); ++i) {
            CHECK(rows[i].chat_id == "7");
            CHECK(rows[i].reply_context.empty());
        }
        CHECK_THAT(rows[1].text, Catch::Contains("10"));
        // Asked in her private chat, it is answered there as always.
        const auto direct = ana.says("/export", "7");
        REQUIRE_FALSE(direct.empty());
        for (const auto& row : direct) CHECK(row.chat_id == "7");
        CHECK(direct[0].text == rows[1].text);
    }
}

TEST_CASE("a runner's stats asked in a Telegram group go to their private chat") {
    TempDir dir;
    TelegramRunner ana(dir.file("group-stats.db"));
    REQUIRE_FALSE(ana.says("hello", "7").empty());
    REQUIRE_FALSE(ana.says("ran 12k easy this morning", kGroup).empty());
    const auto rows = ana.says("how far did I run this week?", kGroup);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].chat_id == kGroup);
    CHECK(rows[1].chat_id == "7");
    CHECK_THAT(rows[1].text, Catch::Contains("12"));
    // What is not the runner's own log still answers in the group.
    const auto question = ana.says("is a massage good before a race?", kGroup);
    REQUIRE_FALSE(question.empty());
    for (const auto& row : question) CHECK(row.chat_id == kGroup);
}

TEST_CASE("the bot's engine gets a red flag through a flood, and sets the chatter aside") {
    TempDir dir;
    TelegramRunner ana(dir.file("flood.db"));
    ana.dispatcher.set_flood_limit(2);
    REQUIRE_FALSE(ana.says("hi", "7").empty());
    REQUIRE_FALSE(ana.says("ran 5k easy today", "7").empty());
    const auto notice = ana.says("ran 6k easy today", "7");
    REQUIRE(notice.size() == 1);
    CHECK(notice[0].text == bot::flood_notice());
    CHECK(ana.says("ran 7k easy today", "7").empty());
    const auto urgent = ana.says("I have chest pain and I can't breathe", "7");
    REQUIRE_FALSE(urgent.empty());
    CHECK_THAT(urgent[0].text, Catch::Contains("emergency"));
    // Only the run acted on is in the log.
    const auto runs = ana.store.run([](storage::Repositories& repos) {
        return repos.runs.list(repos.users.find_by_key("telegram:7")->id, 10);
    });
    REQUIRE(runs.size() == 1);
    CHECK(runs[0].distance_km == Approx(5.0));
}

TEST_CASE("Telegram's shaping: groups and channels are shared, only a private chat is known") {
    const auto& shaping = telegram::reply_shaping_for_telegram();
    const auto context = [](const std::string& type) {
        telegram::ReplyContext c;
        c.chat_type = type;
        return telegram::to_json(c);
    };
    CHECK(shaping.shared_chat(context("group")));
    CHECK(shaping.shared_chat(context("supergroup")));
    CHECK(shaping.shared_chat(context("channel")));
    CHECK_FALSE(shaping.shared_chat(context("private")));
    CHECK(shaping.private_chat("7", context("private")) == "7");
    CHECK(shaping.private_chat("-100", context("group")).empty());
    // A button under an inline-mode message says nothing of the chat.
    CHECK(shaping.private_chat("7", context("")).empty());
    CHECK_FALSE(shaping.shared_chat(""));
}

TEST_CASE("Slack's shaping: a channel and its public buttons are shared, commands are not") {
    const auto& shaping = slack::reply_shaping_for_slack();
    const auto context = [](slack::ReplySource source, const std::string& channel,
                            bool ephemeral = false) {
        slack::ReplyContext c;
        c.source = source;
        c.channel = channel;
        c.ephemeral = ephemeral;
        return slack::to_json(c);
    };
    using slack::ReplySource;
    CHECK(shaping.shared_chat(context(ReplySource::event, "C123")));
    CHECK(shaping.shared_chat(context(ReplySource::event, "G123")));
    CHECK_FALSE(shaping.shared_chat(context(ReplySource::event, "D123")));
    CHECK(shaping.shared_chat(context(ReplySource::action, "C123")));
    CHECK_FALSE(shaping.shared_chat(context(ReplySource::action, "C123", true)));
    CHECK_FALSE(shaping.shared_chat(context(ReplySource::command, "C123")));
    CHECK_FALSE(shaping.shared_chat(""));
    // The outbox chat of a Slack message is the runner's own id: always theirs alone.
    CHECK(shaping.private_chat("U42", context(ReplySource::event, "C123")) == "U42");
}
