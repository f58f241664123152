#include <catch2/catch.hpp>

#include "bot/outbox/conversation_reader.hpp"

using namespace rubdown;

namespace {

storage::InboxEntry said(std::int64_t id, storage::UnixSeconds at, std::string text) {
    storage::InboxEntry entry;
    entry.id = id;
    entry.received_at = at;
    entry.text = std::move(text);
    return entry;
}

storage::OutboxMessage answered(std::int64_t id, storage::UnixSeconds at, std::string text,
                                storage::OutboxStatus status = storage::OutboxStatus::sent) {
    storage::OutboxMessage row;
    row.id = id;
    row.created_at = at;
    row.text = std::move(text);
    row.status = status;
    return row;
}

std::vector<std::string> texts(const adapters::Conversation& conversation) {
    std::vector<std::string> shown;
    for (const auto& line : conversation.lines)
        shown.push_back((line.from_runner ? "> " : "< ") + line.text);
    return shown;
}

}  // namespace

TEST_CASE("conversation: the runner's lines and the bot's, by time, a message before its answer") {
    // Newest first, as the repositories give them.
    const std::vector<storage::InboxEntry> entries{said(8, 200, "and 5k today"),
                                                   said(5, 100, "ran 10k")};
    const std::vector<storage::OutboxMessage> rows{answered(30, 200, "Logged 5k"),
                                                   answered(21, 150, "Nudge: book a massage?"),
                                                   answered(20, 100, "Logged 10k")};
    CHECK(texts(bot::merge_conversation(entries, rows, 10)) ==
          std::vector<std::string>{"> ran 10k", "< Logged 10k", "< Nudge: book a massage?",
                                   "> and 5k today", "< Logged 5k"});
    const auto conversation = bot::merge_conversation(entries, rows, 10);
    const auto& lines = conversation.lines;
    CHECK(lines[1].reply_id == 20);
    CHECK(lines[0].reply_id == 0);
    CHECK(lines[0].at == 100);
    CHECK(conversation.settled_through == 30);
}

TEST_CASE("conversation: the latest lines are kept, and what was not released is left out") {
    const std::vector<storage::InboxEntry> entries{said(3, 30, "third"), said(2, 20, ""),
                                                   said(1, 10, "first")};
    const std::vector<storage::OutboxMessage> rows{
        answered(12, 31, "held", storage::OutboxStatus::pending),
        answered(11, 30, "expired", storage::OutboxStatus::failed),
        answered(10, 10, "answer to first", storage::OutboxStatus::sending)};
    // The entry without text (its text was removed by retention) shows nothing.
    CHECK(texts(bot::merge_conversation(entries, rows, 10)) ==
          std::vector<std::string>{"> first", "< answer to first", "> third"});
    CHECK(texts(bot::merge_conversation(entries, rows, 2)) ==
          std::vector<std::string>{"< answer to first", "> third"});
    CHECK(bot::merge_conversation({}, {}, 5).lines.empty());
    CHECK(bot::merge_conversation({}, {}, 5).settled_through == 0);
    // Row 12 is held back: the page's stream starts below it, so that it arrives when it goes.
    CHECK(bot::merge_conversation(entries, rows, 10).settled_through == 11);
}

TEST_CASE("conversation: each answer follows its message, even when all came in one second") {
    auto first = said(1, 100, "ran 10k");
    first.reply_context = R"({"answers":"a"})";
    auto second = said(2, 100, "20 miler on sunday");
    second.reply_context = R"({"answers":"b"})";
    auto logged = answered(10, 100, "Logged 10k");
    logged.reply_context = first.reply_context;
    auto zone = answered(11, 100, "Which time zone?");
    zone.reply_context = first.reply_context;
    auto asked = answered(12, 100, "Ran it or planned?");
    asked.reply_context = second.reply_context;
    const auto nudge = answered(13, 100, "Time to book a massage?");
    CHECK(texts(bot::merge_conversation({second, first}, {nudge, asked, zone, logged}, 10)) ==
          std::vector<std::string>{"> ran 10k", "< Logged 10k", "< Which time zone?",
                                   "> 20 miler on sunday", "< Ran it or planned?",
                                   "< Time to book a massage?"});
}
