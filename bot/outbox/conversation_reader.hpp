#pragma once
/// The bot's side of adapters::ConversationSource: a runner's conversation read back from the
/// inbox (what they said) and the outbox (what the bot answered), for a channel that shows it
/// itself. The merge is a pure function; the reader runs it on the store thread.

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "adapters/channel.hpp"
#include "storage/records.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

/// A row its channel's sender has taken (sending, sent): it may be shown. A pending row may
/// still be held (a nudge kept out of quiet hours), a failed one never went.
bool released(const storage::OutboxMessage& row);

/// The conversation's latest `limit` lines, oldest first, from the runner's entries and the
/// chat's rows (each newest first, as the repositories give them), and the last row id up to
/// which every row is settled (released or failed; the page's stream starts there). A row whose
/// reply context is an entry's (the rows answering a message carry its context) comes right after
/// that entry, in row order; the other rows (nudges) and the entries go by time, an entry before a
/// row of the same second. Rows not released are left out; entries with nothing to show (no
/// text) too, but their answers still follow their place.
adapters::Conversation merge_conversation(
    const std::vector<storage::InboxEntry>& entries_newest_first,
    const std::vector<storage::OutboxMessage>& rows_newest_first, std::size_t limit);

class StoreConversationSource final : public adapters::ConversationSource {
  public:
    explicit StoreConversationSource(storage::Store& store) : store_(store) {}

    boost::asio::awaitable<std::vector<storage::OutboxMessage>> replies_after(
        std::string channel, std::string chat_id, std::int64_t after_id,
        std::size_t limit) override;
    boost::asio::awaitable<adapters::Conversation> recent(std::string channel, std::string chat_id,
                                                          std::string user_key,
                                                          std::size_t limit) override;

  private:
    storage::Store& store_;
};

}  // namespace rubdown::bot
