#include "bot/outbox_sender.hpp"

#include <algorithm>
#include <cmath>
#include <exception>
#include <random>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bot/outbox_pacer.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;

std::chrono::milliseconds retry_backoff(const SenderPolicy& policy, int attempts,
                                        double unit_random) {
    const int doublings = std::clamp(attempts - 1, 0, 30);
    const double uncapped =
        static_cast<double>(policy.base_backoff.count()) * std::ldexp(1.0, doublings);
    const double capped = std::min(uncapped, static_cast<double>(policy.max_backoff.count()));
    const double jitter = 0.5 + 0.5 * std::clamp(unit_random, 0.0, 1.0);
    return std::chrono::milliseconds{static_cast<std::int64_t>(capped * jitter)};
}

std::string sender_metrics(const std::string& prefix, const SenderCounters& counters) {
    std::string text;
    auto counter = [&](const char* name, const char* help, std::uint64_t value) {
        const auto metric = prefix + "_outbox_" + name + "_total";
        text += "# HELP " + metric + " " + help + "\n";
        text += "# TYPE " + metric + " counter\n";
        text += metric + " " + std::to_string(value) + "\n";
    };
    counter("sent", "Outbox messages delivered.", counters.sent);
    counter("retried", "Delivery attempts that will be tried again.", counters.retried);
    counter("failed", "Outbox messages given up.", counters.failed);
    counter("blocked", "Outbox messages failed because the runner blocked the bot.",
            counters.blocked);
    return text;
}

struct OutboxSender::State : std::enable_shared_from_this<State> {
    State(asio::any_io_executor executor, storage::Store& store, const intents::Clock& clock,
          ChannelClient& client, SenderPolicy policy, OutboxSenderOptions options)
        : executor(std::move(executor)),
          store(store),
          clock(clock),
          client(client),
          policy(policy),
          options(std::move(options)),
          channel(client.channel()),
          timer(this->executor),
          pacer(PacingLimits{policy.per_key_interval, policy.per_key_burst,
                             policy.global_per_second, this->options.max_in_flight,
                             policy.shared_per_minute}),
          random_engine(std::random_device{}()) {}

    asio::any_io_executor executor;
    storage::Store& store;
    const intents::Clock& clock;
    ChannelClient& client;
    SenderPolicy policy;
    OutboxSenderOptions options;
    std::string channel;

    // Touched only on the executor (a strand).
    asio::steady_timer timer;
    OutboxPacer pacer;
    std::mt19937_64 random_engine;
    bool started = false;
    /// Set at once by stop(), from any thread: after it no new store job is started, because the
    /// store may be stopped right after the sender (a job started then could never complete).
    std::atomic<bool> stopping{false};
    /// A wake() is posted and has not run yet: further ones have nothing to add. Processing calls
    /// wake() once per message, thousands of times a second under load, and each run of the loop
    /// walks every queued chat.
    std::atomic<bool> wake_posted{false};
    bool kicked = false;       ///< something changed while the loop was not waiting
    bool fetch_wanted = true;  ///< wake() asked for a look at the outbox
    SteadyClock::time_point next_poll{};

    std::atomic<std::uint64_t> sent{0}, retried{0}, failed{0}, blocked{0};

    /// Makes the loop look again now (called on the executor).
    void kick() {
        kicked = true;
        timer.cancel();
    }

    double unit_random() {
        if (options.random) return options.random();
        return std::uniform_real_distribution<double>(0.0, 1.0)(random_engine);
    }

    storage::UnixSeconds now_seconds() const { return clock.now().time_since_epoch().count(); }

    asio::awaitable<void> run();
    asio::awaitable<void> fetch();
    void dispatch();
    asio::awaitable<void> deliver(storage::OutboxMessage row);
    asio::awaitable<void> record(const std::string& key, storage::OutboxMessage row,
                                 DeliveryResult result);
};

namespace {

void log_failure(const char* event, const std::string& channel, std::exception_ptr error) {
    if (!error) return;
    try {
        std::rethrow_exception(error);
    } catch (const std::exception& failure) {
        spdlog::error("event={} channel={} error=\"{}\"", event, channel, failure.what());
    }
}

}  // namespace

asio::awaitable<void> OutboxSender::State::run() {
    try {
        // Only this channel's rows: the other channels' senders start at their own pace and may
        // already have claimed a row of theirs and be sending it.
        auto abandon = [channel = channel](storage::Repositories& repos) {
            return repos.outbox.abandon_in_flight(channel);
        };
        const auto abandoned = co_await store.async_run(std::move(abandon), asio::use_awaitable);
        if (abandoned > 0)
            spdlog::warn(
                "event=outbox_abandoned channel={} messages={} reason=\"interrupted while "
                "sending; not resent\"",
                channel, abandoned);
    } catch (const std::exception& failure) {
        spdlog::error("event=outbox_abandon_failed channel={} error=\"{}\"", channel,
                      failure.what());
    }

    while (!stopping) {
        auto now = SteadyClock::now();
        if (fetch_wanted || now >= next_poll) {
            fetch_wanted = false;
            next_poll = now + options.poll_interval;
            co_await fetch();
            if (stopping) break;
        }
        dispatch();

        now = SteadyClock::now();
        auto wake_at = next_poll;
        if (const auto ready = pacer.next_wakeup(now)) wake_at = std::min(wake_at, *ready);
        if (kicked) {
            kicked = false;
            continue;
        }
        timer.expires_at(wake_at);
        boost::system::error_code ignored;
        co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        kicked = false;
    }
}

asio::awaitable<void> OutboxSender::State::fetch() {
    // Read only when a whole batch fits (or nothing is queued). The read orders every pending row
    // of the channel by id, so while a burst waits for the platform's rate limit, reading on every
    // wake() (one per processed message) would cost the store thread time in proportion to the
    // backlog many times a second; this way it reads about once per batch sent.
    const auto queued = pacer.known();
    const auto room = options.max_queued > queued ? options.max_queued - queued : 0;
    if (stopping || room == 0 || (queued > 0 && room < options.batch_size)) co_return;
    // Rows already queued here are still pending in the database and come back first, so ask for
    // that many more: a busy chat's backlog never hides new rows of other chats.
    const auto limit = pacer.known() + options.batch_size;
    std::vector<storage::OutboxMessage> rows;
    try {
        // Jobs that capture strings are named locals: GCC 12 mishandles such lambdas as
        // temporaries inside a co_await expression.
        auto job = [channel = channel, now = now_seconds(), limit](storage::Repositories& repos) {
            return repos.outbox.due(channel, now, limit);
        };
        rows = co_await store.async_run(std::move(job), asio::use_awaitable);
    } catch (const std::exception& failure) {
        spdlog::error("event=outbox_read_failed channel={} error=\"{}\"", channel, failure.what());
        co_return;
    }
    for (auto& row : rows) {
        if (pacer.knows(row.id)) continue;
        const auto key = client.pacing_key(row);
        const auto charge = client.pacing_charge(row);
        pacer.push(key, std::move(row), charge);
    }
}

void OutboxSender::State::dispatch() {
    while (!stopping) {
        auto row = pacer.next_ready(SteadyClock::now());
        if (!row) return;
        // The completion handler holds the state until the delivery coroutine has finished.
        asio::co_spawn(executor, deliver(std::move(*row)),
                       [self = shared_from_this()](std::exception_ptr error) {
                           log_failure("outbox_delivery_crashed", self->channel, error);
                       });
    }
}

asio::awaitable<void> OutboxSender::State::deliver(storage::OutboxMessage row) {
    const auto key = client.pacing_key(row);
    bool claimed = false;
    if (stopping) {
        pacer.finish(key, row.id, SteadyClock::now());
        co_return;
    }
    try {
        auto job = [&row, &may_go_now = options.may_go_now,
                    now = now_seconds()](storage::Repositories& repos) {
            if (!repos.outbox.claim(row.id)) return false;
            return !may_go_now || may_go_now(repos, row, now);
        };
        claimed = co_await store.async_run(std::move(job), asio::use_awaitable);
    } catch (const std::exception& failure) {
        spdlog::error("event=outbox_claim_failed channel={} id={} error=\"{}\"", channel, row.id,
                      failure.what());
    }
    if (!claimed) {
        // Sent, failed or claimed elsewhere since it was read, or held back: not ours to send.
        pacer.finish(key, row.id, SteadyClock::now());
        kick();
        co_return;
    }
    ++row.attempts;

    DeliveryResult result;
    try {
        result = co_await client.deliver(row);
    } catch (const std::exception& failure) {
        result.kind = DeliveryResult::Kind::retry;
        result.error = failure.what();
    }
    co_await record(key, std::move(row), std::move(result));
    kick();
}

asio::awaitable<void> OutboxSender::State::record(const std::string& key,
                                                  storage::OutboxMessage row,
                                                  DeliveryResult result) {
    using Kind = DeliveryResult::Kind;
    const auto id = row.id;
    const auto steady_now = SteadyClock::now();
    const auto now = now_seconds();
    if (stopping) {
        // Shutting down: the row stays `sending` and is abandoned (never resent) at the next start.
        spdlog::warn("event=outbox_outcome_unrecorded channel={} id={} reason=shutdown", channel,
                     id);
        pacer.finish(key, id, steady_now);
        co_return;
    }
    try {
        switch (result.kind) {
            case Kind::sent:
                co_await store.async_run(
                    [id, now](storage::Repositories& repos) { repos.outbox.mark_sent(id, now); },
                    asio::use_awaitable);
                ++sent;
                pacer.finish(key, id, steady_now);
                break;

            case Kind::retry: {
                const bool flood_control = result.retry_after.count() > 0;
                if (!result.channel_problem && !flood_control &&
                    row.attempts >= policy.max_attempts) {
                    const auto error = "gave up after " + std::to_string(row.attempts) +
                                       " attempts: " + result.error;
                    auto job = [id, error](storage::Repositories& repos) {
                        repos.outbox.mark_failed(id, error);
                    };
                    co_await store.async_run(std::move(job), asio::use_awaitable);
                    ++failed;
                    spdlog::warn("event=outbox_failed channel={} id={} attempts={} error=\"{}\"",
                                 channel, id, row.attempts, result.error);
                    pacer.finish(key, id, steady_now);
                    break;
                }
                std::chrono::milliseconds delay =
                    result.channel_problem
                        ? options.channel_problem_pause
                        : std::max<std::chrono::milliseconds>(
                              result.retry_after,
                              retry_backoff(policy, row.attempts, unit_random()));
                const auto delay_seconds = (delay.count() + 999) / 1000;
                auto job = [id, not_before = now + delay_seconds,
                            error = result.error](storage::Repositories& repos) {
                    repos.outbox.reschedule(id, not_before, error);
                };
                co_await store.async_run(std::move(job), asio::use_awaitable);
                ++retried;
                spdlog::info(
                    "event=outbox_retry channel={} id={} attempts={} delay_ms={} error=\"{}\"",
                    channel, id, row.attempts, delay.count(), result.error);
                if (result.channel_problem) {
                    spdlog::error("event=channel_problem channel={} pause_ms={} error=\"{}\"",
                                  channel, delay.count(), result.error);
                    pacer.pause_all(steady_now + delay);
                }
                const auto charge = client.pacing_charge(row);
                pacer.retry(key, std::move(row), steady_now + delay, charge);
                break;
            }

            case Kind::failed: {
                auto job = [id, error = result.error](storage::Repositories& repos) {
                    repos.outbox.mark_failed(id, error);
                };
                co_await store.async_run(std::move(job), asio::use_awaitable);
            }
                ++failed;
                spdlog::warn("event=outbox_failed channel={} id={} error=\"{}\"", channel, id,
                             result.error);
                pacer.finish(key, id, steady_now);
                break;

            case Kind::blocked_user: {
                // Everything else queued for that chat would meet the same wall.
                auto dropped = pacer.drop_queued(key);
                std::vector<std::int64_t> ids{id};
                for (const auto& other : dropped) ids.push_back(other.id);
                std::vector<std::int64_t> users{row.user_id};
                for (const auto& other : dropped) users.push_back(other.user_id);
                auto job = [ids, users, error = result.error](storage::Repositories& repos) {
                    for (auto failed_id : ids)
                        repos.outbox.mark_failed(failed_id, "blocked: " + error);
                    for (auto user_id : users) {
                        if (user_id == 0) continue;
                        auto user = repos.users.find_by_id(user_id);
                        if (!user || !user->active) continue;
                        user->active = false;
                        repos.users.update(*user);
                    }
                };
                co_await store.async_run(std::move(job), asio::use_awaitable);
                failed += ids.size();
                blocked += ids.size();
                spdlog::info("event=outbox_blocked channel={} id={} user_id={} dropped={}", channel,
                             id, row.user_id, dropped.size());
                pacer.finish(key, id, steady_now);
                break;
            }

            case Kind::chat_moved: {
                // The chat's queued rows are read back under its new id; this one goes first
                // (its id is the oldest), at once: nothing was wrong with the message.
                pacer.drop_queued(key);
                auto job = [channel = channel, id, now, from = row.chat_id, to = result.moved_to,
                            error = result.error](storage::Repositories& repos) {
                    const auto rows = repos.outbox.move_chat(channel, from, to);
                    const auto runners = repos.users.move_chat(channel, from, to);
                    repos.outbox.reschedule(id, now, error);
                    return std::pair{rows, runners};
                };
                const auto [rows, runners] =
                    co_await store.async_run(std::move(job), asio::use_awaitable);
                ++retried;
                spdlog::info(
                    "event=outbox_chat_moved channel={} id={} from={} to={} rows_moved={} "
                    "runners_moved={}",
                    channel, id, row.chat_id, result.moved_to, rows, runners);
                pacer.finish(key, id, steady_now);
                fetch_wanted = true;
                break;
            }

            case Kind::chat_unavailable: {
                // Everything queued for that chat would fail the same way; the runners who wrote
                // there stay active, and their nudges go to their private chat from now on.
                auto dropped = pacer.drop_queued(key);
                std::vector<std::int64_t> ids{id};
                for (const auto& other : dropped) ids.push_back(other.id);
                std::vector<std::int64_t> users{row.user_id};
                for (const auto& other : dropped) users.push_back(other.user_id);
                auto job = [&client = client, ids, users, chat = row.chat_id,
                            error = result.error](storage::Repositories& repos) {
                    std::size_t moved = 0;
                    for (auto failed_id : ids)
                        repos.outbox.mark_failed(failed_id, "chat unavailable: " + error);
                    for (auto user_id : users) {
                        if (user_id == 0) continue;
                        auto user = repos.users.find_by_id(user_id);
                        if (!user || user->chat_id != chat) continue;
                        const auto private_chat = client.private_chat(*user);
                        if (private_chat.empty() || private_chat == chat) continue;
                        user->chat_id = private_chat;
                        repos.users.update(*user);
                        ++moved;
                    }
                    return moved;
                };
                const auto moved = co_await store.async_run(std::move(job), asio::use_awaitable);
                failed += ids.size();
                spdlog::info(
                    "event=outbox_chat_unavailable channel={} id={} chat={} dropped={} "
                    "runners_moved_to_private_chat={}",
                    channel, id, row.chat_id, dropped.size(), moved);
                pacer.finish(key, id, steady_now);
                break;
            }
        }
    } catch (const std::exception& failure) {
        // The store is stopping (shutdown): the row stays `sending` and is abandoned next start.
        spdlog::error("event=outbox_record_failed channel={} id={} error=\"{}\"", channel, id,
                      failure.what());
        pacer.finish(key, id, steady_now);
    }
}

OutboxSender::OutboxSender(asio::any_io_executor executor, storage::Store& store,
                           const intents::Clock& clock, ChannelClient& client, SenderPolicy policy,
                           OutboxSenderOptions options)
    : state_(std::make_shared<State>(std::move(executor), store, clock, client, policy,
                                     std::move(options))) {}

OutboxSender::~OutboxSender() {
    stop();
}

void OutboxSender::start() {
    asio::post(state_->executor, [state = state_] {
        if (state->started || state->stopping) return;
        state->started = true;
        asio::co_spawn(state->executor, state->run(), [state](std::exception_ptr error) {
            log_failure("outbox_sender_crashed", state->channel, error);
        });
    });
}

void OutboxSender::wake() {
    if (state_->wake_posted.exchange(true)) return;
    asio::post(state_->executor, [state = state_] {
        state->wake_posted = false;
        state->fetch_wanted = true;
        state->kick();
    });
}

void OutboxSender::stop() {
    state_->stopping = true;
    asio::post(state_->executor, [state = state_] { state->kick(); });
}

SenderCounters OutboxSender::counters() const {
    return {state_->sent.load(), state_->retried.load(), state_->failed.load(),
            state_->blocked.load()};
}

std::string OutboxSender::metrics(const std::string& prefix) const {
    return sender_metrics(prefix, counters());
}

}  // namespace rubdown::bot
