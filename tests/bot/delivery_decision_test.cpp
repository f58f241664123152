#include "bot/outbox/delivery_decision.hpp"

#include <catch2/catch.hpp>

#include "bot/outbox/outbox_outcome.hpp"
#include "storage/store.hpp"
#include "tests/support/temp_dir.hpp"

using namespace rubdown;
using namespace std::chrono_literals;
using Action = bot::DeliveryDecision::Action;
using Kind = adapters::DeliveryResult::Kind;

namespace {

adapters::SenderPolicy policy() {
    adapters::SenderPolicy policy;
    policy.max_attempts = 4;
    policy.base_backoff = 1000ms;
    policy.max_backoff = 8000ms;
    return policy;
}

storage::OutboxMessage row_after(int attempts) {
    storage::OutboxMessage row;
    row.id = 7;
    row.channel = "telegram";
    row.chat_id = "-100";
    row.attempts = attempts;
    return row;
}

adapters::DeliveryResult result(Kind kind, std::string error = "boom") {
    adapters::DeliveryResult result;
    result.kind = kind;
    result.error = std::move(error);
    return result;
}

bot::DeliveryDecision decide(int attempts, const adapters::DeliveryResult& outcome) {
    // unit_random 0: the jitter factor is exactly one half.
    return bot::decide(row_after(attempts), outcome, policy(), 60s, 0.0);
}

}  // namespace

TEST_CASE("decide: a sent row is marked sent and keeps no error") {
    const auto decision = decide(1, result(Kind::sent, "ignored"));
    CHECK(decision.action == Action::mark_sent);
    CHECK(decision.error.empty());
    CHECK_FALSE(decision.drops_queued_rows());
}

TEST_CASE("decide: a retry backs off per attempt until max_attempts, then gives up") {
    const auto first = decide(1, result(Kind::retry, "502"));
    CHECK(first.action == Action::retry);
    CHECK(first.delay == 500ms);
    CHECK_FALSE(first.pause_channel);
    CHECK(first.error == "502");
    CHECK(decide(3, result(Kind::retry)).delay == 2000ms);

    const auto last = decide(4, result(Kind::retry, "502"));
    CHECK(last.action == Action::give_up);
    CHECK(last.error == "gave up after 4 attempts: 502");
}

TEST_CASE("decide: flood control waits at least what the platform asked, and never gives up") {
    auto flood = result(Kind::retry, "429");
    flood.retry_after = 30s;
    const auto early = decide(1, flood);
    CHECK(early.action == Action::retry);
    CHECK(early.delay == 30s);
    // Past max_attempts: the pause was the platform's, not the message's fault.
    CHECK(decide(9, flood).action == Action::retry);
    // A backoff longer than retry_after wins.
    flood.retry_after = 1s;
    CHECK(decide(4 - 1, flood).delay == 2000ms);
}

TEST_CASE("decide: a channel problem pauses every chat and never gives the row up") {
    auto problem = result(Kind::retry, "401 Unauthorized");
    problem.channel_problem = true;
    const auto decision = decide(20, problem);
    CHECK(decision.action == Action::retry);
    CHECK(decision.pause_channel);
    CHECK(decision.delay == 60s);
}

TEST_CASE("decide: a refused row fails at once, alone") {
    const auto decision = decide(1, result(Kind::failed, "chat not found"));
    CHECK(decision.action == Action::give_up);
    CHECK(decision.error == "chat not found");
    CHECK_FALSE(decision.drops_queued_rows());
}

TEST_CASE("decide: a blocked runner, a lost chat and a moved chat take the chat's queue along") {
    const auto blocked = decide(1, result(Kind::blocked_user, "Forbidden"));
    CHECK(blocked.action == Action::runner_blocked);
    CHECK(blocked.error == "blocked: Forbidden");
    CHECK(blocked.drops_queued_rows());

    const auto lost = decide(1, result(Kind::chat_unavailable, "kicked"));
    CHECK(lost.action == Action::chat_unavailable);
    CHECK(lost.error == "chat unavailable: kicked");
    CHECK(lost.drops_queued_rows());

    auto migrated = result(Kind::chat_moved, "upgraded");
    migrated.moved_to = "-1009";
    const auto moved = decide(1, migrated);
    CHECK(moved.action == Action::chat_moved);
    CHECK(moved.moved_to == "-1009");
    CHECK(moved.drops_queued_rows());
}

TEST_CASE("retry backoff doubles per attempt, is capped, and jitters between half and all") {
    adapters::SenderPolicy policy;
    policy.base_backoff = 1000ms;
    policy.max_backoff = 5000ms;
    CHECK(bot::retry_backoff(policy, 1, 0.999999) <= 1000ms);
    CHECK(bot::retry_backoff(policy, 1, 0.0) == 500ms);
    CHECK(bot::retry_backoff(policy, 3, 0.0) == 2000ms);
    CHECK(bot::retry_backoff(policy, 10, 0.0) == 2500ms);
    CHECK(bot::retry_backoff(policy, 10, 0.999999) <= 5000ms);
    CHECK(bot::retry_backoff(policy, 10, 0.999999) > 4900ms);
}

// ---- recording a decision in a real database ----

namespace {

/// Every private chat of a runner "telegram:<id>" is "<id>", as on Telegram.
class PrivateChats final : public adapters::ChannelClient {
  public:
    std::string channel() const override { return "telegram"; }
    adapters::PreparedRow prepare(const storage::OutboxMessage& message) const override {
        return {message.chat_id, {}, {}};
    }
    boost::asio::awaitable<adapters::DeliveryResult> deliver(
        storage::OutboxMessage, const adapters::PreparedRow&,
        const adapters::RecordCallsDone&) override {
        co_return adapters::DeliveryResult{};
    }
    std::string private_chat(const storage::User& user) const override {
        return user.key.substr(user.key.find(':') + 1);
    }
};

struct GroupChat {
    testing::TempDir dir;
    storage::Store store{dir.file("rubdown.db")};
    PrivateChats client;
    std::int64_t ana = 0, ben = 0;
    storage::OutboxMessage first, second;

    GroupChat() {
        store.run([&](storage::Repositories& repos) {
            ana = repos.users.find_or_create("telegram:11", "telegram", "-100", "Ana", 0).id;
            ben = repos.users.find_or_create("telegram:22", "telegram", "-100", "Ben", 0).id;
            first = enqueue(repos, ana);
            second = enqueue(repos, ben);
        });
    }
    ~GroupChat() { store.stop(); }

    static storage::OutboxMessage enqueue(storage::Repositories& repos, std::int64_t user) {
        storage::OutboxMessage row;
        row.channel = "telegram";
        row.chat_id = "-100";
        row.user_id = user;
        row.text = "hello";
        row.id = repos.outbox.enqueue(row);
        row.attempts = 1;
        return row;
    }

    bot::RecordedOutcome record(const adapters::DeliveryResult& outcome) {
        const auto decision = bot::decide(first, outcome, policy(), 60s, 0.0);
        return store.run([&](storage::Repositories& repos) {
            return bot::record_outcome(repos, client, first, {second}, decision, 1000);
        });
    }
    storage::OutboxMessage row(std::int64_t id) {
        return store.run([&](storage::Repositories& repos) { return *repos.outbox.find(id); });
    }
    storage::User user(std::int64_t id) {
        return store.run([&](storage::Repositories& repos) { return *repos.users.find_by_id(id); });
    }
};

}  // namespace

TEST_CASE("record_outcome: a blocked runner fails the chat's rows and goes inactive") {
    GroupChat chat;
    const auto recorded = chat.record(result(Kind::blocked_user, "Forbidden"));
    CHECK(recorded.rows_failed == 2);
    CHECK(chat.row(chat.first.id).status == storage::OutboxStatus::failed);
    CHECK(chat.row(chat.second.id).last_error == "blocked: Forbidden");
    CHECK_FALSE(chat.user(chat.ana).active);
    CHECK_FALSE(chat.user(chat.ben).active);
}

TEST_CASE("record_outcome: a lost group sends its runners' nudges to their private chats") {
    GroupChat chat;
    const auto recorded = chat.record(result(Kind::chat_unavailable, "kicked"));
    CHECK(recorded.rows_failed == 2);
    CHECK(recorded.runners_moved == 2);
    CHECK(chat.user(chat.ana).chat_id == "11");
    CHECK(chat.user(chat.ben).chat_id == "22");
    CHECK(chat.user(chat.ana).active);
}

TEST_CASE("record_outcome: a retry is rescheduled after its delay, rounded up to seconds") {
    GroupChat chat;
    chat.record(result(Kind::retry, "502"));  // 500 ms: the next whole second
    const auto row = chat.row(chat.first.id);
    CHECK(row.status == storage::OutboxStatus::pending);
    CHECK(row.not_before == 1001);
    CHECK(row.last_error == "502");
    CHECK(chat.row(chat.second.id).status == storage::OutboxStatus::pending);
}

TEST_CASE("record_outcome: a moved chat takes its rows and runners to the new id") {
    GroupChat chat;
    auto migrated = result(Kind::chat_moved, "upgraded");
    migrated.moved_to = "-1009";
    const auto recorded = chat.record(migrated);
    CHECK(recorded.rows_moved == 2);
    CHECK(recorded.runners_moved == 2);
    CHECK(chat.row(chat.second.id).chat_id == "-1009");
    CHECK(chat.row(chat.first.id).not_before == 1000);
    CHECK(chat.user(chat.ben).chat_id == "-1009");
}
