#include "bot/outbox/conversation_reader.hpp"

#include <algorithm>
#include <limits>
#include <map>
#include <tuple>
#include <utility>

#include <boost/asio/use_awaitable.hpp>

namespace rubdown::bot {

namespace asio = boost::asio;

bool released(const storage::OutboxMessage& row) {
    return row.status == storage::OutboxStatus::sending ||
           row.status == storage::OutboxStatus::sent;
}

adapters::Conversation merge_conversation(
    const std::vector<storage::InboxEntry>& entries_newest_first,
    const std::vector<storage::OutboxMessage>& rows_newest_first, std::size_t limit) {
    // Sorted by (time, entry id, side, row id): an answer takes its entry's time and id, so it
    // sorts right after it; a row answering no entry in view sorts after every entry of its
    // second.
    struct Keyed {
        storage::UnixSeconds at;
        std::int64_t entry;
        int side;  // 0: the runner's entry, 1: the bot's row
        std::int64_t row;
        adapters::ConversationLine line;
    };
    constexpr auto kNoEntry = std::numeric_limits<std::int64_t>::max();
    std::vector<Keyed> lines;
    std::map<std::string, const storage::InboxEntry*> by_context;
    for (const auto& entry : entries_newest_first) {
        if (!entry.reply_context.empty()) by_context.emplace(entry.reply_context, &entry);
        if (entry.text.empty()) continue;
        adapters::ConversationLine line;
        line.from_runner = true;
        line.text = entry.text;
        line.at = entry.received_at;
        lines.push_back({entry.received_at, entry.id, 0, 0, std::move(line)});
    }
    // Settled: every row up to it is released or failed. Rows come newest first.
    std::int64_t settled = 0;
    std::int64_t lowest_pending = kNoEntry;
    for (const auto& row : rows_newest_first)
        if (row.status == storage::OutboxStatus::pending) lowest_pending = row.id;
    for (const auto& row : rows_newest_first)
        if (row.id < lowest_pending) settled = std::max(settled, row.id);
    for (const auto& row : rows_newest_first) {
        if (!released(row)) continue;
        adapters::ConversationLine line;
        line.reply_id = row.id;
        line.text = row.text;
        line.buttons_json = row.buttons_json;
        line.image_png = row.image_png;
        line.image_alt = row.image_alt;
        line.at = row.created_at;
        const auto answered =
            row.reply_context.empty() ? by_context.end() : by_context.find(row.reply_context);
        if (answered != by_context.end())
            lines.push_back(
                {answered->second->received_at, answered->second->id, 1, row.id, std::move(line)});
        else
            lines.push_back({row.created_at, kNoEntry, 1, row.id, std::move(line)});
    }
    std::sort(lines.begin(), lines.end(), [](const Keyed& a, const Keyed& b) {
        return std::tie(a.at, a.entry, a.side, a.row) < std::tie(b.at, b.entry, b.side, b.row);
    });
    const std::size_t skip = lines.size() > limit ? lines.size() - limit : 0;
    adapters::Conversation conversation;
    conversation.settled_through = settled;
    conversation.lines.reserve(lines.size() - skip);
    for (std::size_t i = skip; i < lines.size(); ++i)
        conversation.lines.push_back(std::move(lines[i].line));
    return conversation;
}

asio::awaitable<std::vector<storage::OutboxMessage>> StoreConversationSource::replies_after(
    std::string channel, std::string chat_id, std::int64_t after_id, std::size_t limit) {
    auto job = [channel = std::move(channel), chat_id = std::move(chat_id), after_id,
                limit](storage::Repositories& repos) {
        return repos.outbox.for_chat_after(channel, chat_id, after_id, limit);
    };
    co_return co_await store_.async_run(std::move(job), asio::use_awaitable);
}

asio::awaitable<adapters::Conversation> StoreConversationSource::recent(std::string channel,
                                                                        std::string chat_id,
                                                                        std::string user_key,
                                                                        std::size_t limit) {
    auto job = [channel = std::move(channel), chat_id = std::move(chat_id),
                user_key = std::move(user_key), limit](storage::Repositories& repos) {
        // Each side's latest `limit` holds the merged latest `limit`, whatever the mix.
        return merge_conversation(repos.inbox.latest_for_user(user_key, limit),
                                  repos.outbox.latest_for_chat(channel, chat_id, limit), limit);
    };
    co_return co_await store_.async_run(std::move(job), asio::use_awaitable);
}

}  // namespace rubdown::bot
