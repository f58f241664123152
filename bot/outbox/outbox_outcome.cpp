#include "bot/outbox/outbox_outcome.hpp"

namespace rubdown::bot {

namespace {

using Action = DeliveryDecision::Action;

/// This row and the ones dropped with it fail with the decision's error.
std::size_t fail_with_chat(storage::Repositories& repos, const storage::OutboxMessage& row,
                           const std::vector<storage::OutboxMessage>& dropped,
                           const std::string& error) {
    repos.outbox.mark_failed(row.id, error);
    for (const auto& other : dropped) repos.outbox.mark_failed(other.id, error);
    return 1 + dropped.size();
}

/// The runners these rows were for (0 = a row for no runner, e.g. a shared chat's).
std::vector<std::int64_t> runners_of(const storage::OutboxMessage& row,
                                     const std::vector<storage::OutboxMessage>& dropped) {
    std::vector<std::int64_t> users{row.user_id};
    for (const auto& other : dropped) users.push_back(other.user_id);
    return users;
}

/// A runner who blocked the bot gets nothing more, nudges included.
void deactivate_runners(storage::Repositories& repos, const std::vector<std::int64_t>& users) {
    for (auto user_id : users) {
        if (user_id == 0) continue;
        auto user = repos.users.find_by_id(user_id);
        if (!user || !user->active) continue;
        user->active = false;
        repos.users.update(*user);
    }
}

/// The runners who wrote in a chat the bot lost stay active, in their private chat from now on.
std::size_t move_runners_to_private_chats(storage::Repositories& repos,
                                          const adapters::ChannelClient& client,
                                          const std::vector<std::int64_t>& users,
                                          const std::string& lost_chat) {
    std::size_t moved = 0;
    for (auto user_id : users) {
        if (user_id == 0) continue;
        auto user = repos.users.find_by_id(user_id);
        if (!user || user->chat_id != lost_chat) continue;
        const auto private_chat = client.private_chat(*user);
        if (private_chat.empty() || private_chat == lost_chat) continue;
        user->chat_id = private_chat;
        repos.users.update(*user);
        ++moved;
    }
    return moved;
}

}  // namespace

RecordedOutcome record_outcome(storage::Repositories& repos, const adapters::ChannelClient& client,
                               const storage::OutboxMessage& row,
                               const std::vector<storage::OutboxMessage>& dropped,
                               const DeliveryDecision& decision, storage::UnixSeconds now) {
    RecordedOutcome outcome;
    switch (decision.action) {
        case Action::mark_sent:
            repos.outbox.mark_sent(row.id, now);
            break;
        case Action::retry: {
            const auto delay_seconds = (decision.delay.count() + 999) / 1000;
            repos.outbox.reschedule(row.id, now + delay_seconds, decision.error);
            break;
        }
        case Action::give_up:
            outcome.rows_failed = fail_with_chat(repos, row, {}, decision.error);
            break;
        case Action::runner_blocked:
            outcome.rows_failed = fail_with_chat(repos, row, dropped, decision.error);
            deactivate_runners(repos, runners_of(row, dropped));
            break;
        case Action::chat_moved:
            // The chat's rows are read back under its new id; this one (the oldest) at once:
            // nothing was wrong with the message.
            outcome.rows_moved =
                repos.outbox.move_chat(row.channel, row.chat_id, decision.moved_to);
            outcome.runners_moved =
                repos.users.move_chat(row.channel, row.chat_id, decision.moved_to);
            repos.outbox.reschedule(row.id, now, decision.error);
            break;
        case Action::chat_unavailable:
            outcome.rows_failed = fail_with_chat(repos, row, dropped, decision.error);
            outcome.runners_moved =
                move_runners_to_private_chats(repos, client, runners_of(row, dropped), row.chat_id);
            break;
    }
    return outcome;
}

}  // namespace rubdown::bot
