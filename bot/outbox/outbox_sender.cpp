#include "bot/outbox/outbox_sender.hpp"

#include <algorithm>
#include <exception>
#include <random>
#include <unordered_map>
#include <utility>
#include <vector>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bot/outbox/delivery_decision.hpp"
#include "bot/outbox/outbox_outcome.hpp"
#include "bot/outbox/outbox_pacer.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;
using SteadyClock = std::chrono::steady_clock;

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
                             policy.shared_per_minute, this->options.max_held_per_chat}),
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
    /// What the client made of each row in the pacer, by row id.
    std::unordered_map<std::int64_t, std::shared_ptr<const adapters::PreparedRow>> prepared;
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
    /// The last read left chats out and brought nothing new: with only long backlogs waiting, a
    /// read passes over all of them, so until the next poll a wake() does not read again.
    bool last_fetch_idle = false;
    SteadyClock::time_point next_poll{};

    /// Deliveries spawned and not finished (claimed rows among them).
    std::size_t in_flight = 0;
    /// Called once stop() was asked and no delivery is in flight any more.
    std::vector<std::function<void()>> on_drained;

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
    /// Decides what follows the delivery, records it in one store job, then updates the pacer.
    asio::awaitable<void> record(std::shared_ptr<const adapters::PreparedRow> made,
                                 storage::OutboxMessage row, DeliveryResult result);
    /// What the client made of a queued row (made again if it is somehow not known).
    std::shared_ptr<const adapters::PreparedRow> prepared_of(const storage::OutboxMessage& row) {
        if (const auto found = prepared.find(row.id); found != prepared.end()) return found->second;
        return std::make_shared<const adapters::PreparedRow>(client.prepare(row));
    }
    /// The row leaves the pacer (done with, or not ours to send).
    void forget(const std::string& key, std::int64_t id,
                SteadyClock::time_point now = SteadyClock::now()) {
        pacer.finish(key, id, now);
        prepared.erase(id);
    }
    void count_and_log(const storage::OutboxMessage& row, const DeliveryDecision& decision,
                       const RecordedOutcome& recorded, std::size_t dropped);
    /// Tells those waiting for stop() once nothing is in flight (on the executor).
    void notify_if_drained() {
        if (!stopping || in_flight > 0) return;
        auto waiting = std::move(on_drained);
        on_drained.clear();
        for (auto& handler : waiting) handler();
    }
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
        auto resume = [channel = channel](storage::Repositories& repos) {
            return repos.outbox.resume_in_flight(channel);
        };
        const auto resumed = co_await store.async_run(std::move(resume), asio::use_awaitable);
        if (resumed > 0)
            spdlog::warn(
                "event=outbox_resumed channel={} messages={} reason=\"interrupted while sending; "
                "sent again\"",
                channel, resumed);
    } catch (const std::exception& failure) {
        spdlog::error("event=outbox_resume_failed channel={} error=\"{}\"", channel,
                      failure.what());
    }

    while (!stopping) {
        auto now = SteadyClock::now();
        if ((fetch_wanted && !last_fetch_idle) || now >= next_poll) {
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
    // Chats that have all the rows they may hold here are left out of the read: otherwise the
    // oldest rows, all of one flooding chat, would fill every read.
    auto full_chats = pacer.keys_at_capacity();
    std::vector<storage::OutboxMessage> rows;
    try {
        // Jobs that capture strings are named locals: GCC 12 mishandles such lambdas as
        // temporaries inside a co_await expression.
        auto job = [channel = channel, now = now_seconds(), limit,
                    skip = full_chats](storage::Repositories& repos) {
            return repos.outbox.due(channel, now, limit, skip);
        };
        rows = co_await store.async_run(std::move(job), asio::use_awaitable);
    } catch (const std::exception& failure) {
        spdlog::error("event=outbox_read_failed channel={} error=\"{}\"", channel, failure.what());
        co_return;
    }
    std::size_t added = 0;
    for (auto& row : rows) {
        if (pacer.knows(row.id)) continue;
        // The client reads the row once, here; deliver() gets its plan back.
        auto made = std::make_shared<const adapters::PreparedRow>(client.prepare(row));
        const auto id = row.id;
        if (pacer.push(made->pacing_key, std::move(row), made->charge)) {
            prepared[id] = std::move(made);
            ++added;
        }
    }
    last_fetch_idle = added == 0 && !full_chats.empty();
}

void OutboxSender::State::dispatch() {
    while (!stopping) {
        auto row = pacer.next_ready(SteadyClock::now());
        if (!row) return;
        // The completion handler holds the state until the delivery coroutine has finished.
        ++in_flight;
        asio::co_spawn(executor, deliver(std::move(*row)),
                       [self = shared_from_this()](std::exception_ptr error) {
                           log_failure("outbox_delivery_crashed", self->channel, error);
                           --self->in_flight;
                           self->notify_if_drained();
                       });
    }
}

asio::awaitable<void> OutboxSender::State::deliver(storage::OutboxMessage row) {
    auto made = prepared_of(row);
    bool claimed = false;
    if (stopping) {
        forget(made->pacing_key, row.id);
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
        forget(made->pacing_key, row.id);
        kick();
        co_return;
    }
    ++row.attempts;

    // A part recorded here is recorded in `row` too, which a retry carries on.
    const adapters::RecordCallsDone record_calls_done =
        [this, &row](int calls_done) -> asio::awaitable<void> {
        auto job = [id = row.id, calls_done](storage::Repositories& repos) {
            repos.outbox.record_calls_done(id, calls_done);
            return true;
        };
        co_await store.async_run(std::move(job), asio::use_awaitable);
        row.calls_done = calls_done;
    };
    DeliveryResult result;
    try {
        result = co_await client.deliver(row, *made, record_calls_done);
    } catch (const std::exception& failure) {
        result.kind = DeliveryResult::Kind::retry;
        result.error = failure.what();
    }
    co_await record(made, std::move(row), std::move(result));
    kick();
}

asio::awaitable<void> OutboxSender::State::record(std::shared_ptr<const adapters::PreparedRow> made,
                                                  storage::OutboxMessage row,
                                                  DeliveryResult result) {
    const auto& key = made->pacing_key;
    const auto steady_now = SteadyClock::now();
    // Also while stopping: stop() waits for this record, so that a graceful stop repeats nothing.
    const auto decision = decide(row, result, policy, options.channel_problem_pause, unit_random());
    // Everything else queued for a blocked, moved or lost chat shares the row's fate.
    std::vector<storage::OutboxMessage> dropped;
    if (decision.drops_queued_rows()) dropped = pacer.drop_queued(key);
    for (const auto& other : dropped) prepared.erase(other.id);
    try {
        auto job = [&client = client, &row, &dropped, &decision,
                    now = now_seconds()](storage::Repositories& repos) {
            return record_outcome(repos, client, row, dropped, decision, now);
        };
        const auto recorded = co_await store.async_run(std::move(job), asio::use_awaitable);
        count_and_log(row, decision, recorded, dropped.size());
    } catch (const std::exception& failure) {
        // The store stopped (a stop that did not wait for the sender): the row stays `sending`
        // and is sent again at the next start.
        spdlog::error("event=outbox_record_failed channel={} id={} error=\"{}\"", channel, row.id,
                      failure.what());
        forget(key, row.id, steady_now);
        co_return;
    }
    if (decision.action != DeliveryDecision::Action::retry) {
        forget(key, row.id, steady_now);
        // A moved chat's rows are read back under the new id.
        if (decision.action == DeliveryDecision::Action::chat_moved) fetch_wanted = true;
        co_return;
    }
    if (decision.pause_channel) pacer.pause_all(steady_now + decision.delay);
    pacer.retry(key, std::move(row), steady_now + decision.delay, made->charge);
}

void OutboxSender::State::count_and_log(const storage::OutboxMessage& row,
                                        const DeliveryDecision& decision,
                                        const RecordedOutcome& recorded, std::size_t dropped) {
    using Action = DeliveryDecision::Action;
    const auto id = row.id;
    switch (decision.action) {
        case Action::mark_sent:
            ++sent;
            break;
        case Action::retry:
            ++retried;
            spdlog::info("event=outbox_retry channel={} id={} attempts={} delay_ms={} error=\"{}\"",
                         channel, id, row.attempts, decision.delay.count(), decision.error);
            if (decision.pause_channel)
                spdlog::error("event=channel_problem channel={} pause_ms={} error=\"{}\"", channel,
                              decision.delay.count(), decision.error);
            break;
        case Action::give_up:
            ++failed;
            spdlog::warn("event=outbox_failed channel={} id={} attempts={} error=\"{}\"", channel,
                         id, row.attempts, decision.error);
            break;
        case Action::runner_blocked:
            failed += recorded.rows_failed;
            blocked += recorded.rows_failed;
            spdlog::info("event=outbox_blocked channel={} id={} user_id={} dropped={}", channel, id,
                         row.user_id, dropped);
            break;
        case Action::chat_moved:
            ++retried;
            spdlog::info(
                "event=outbox_chat_moved channel={} id={} from={} to={} rows_moved={} "
                "runners_moved={}",
                channel, id, row.chat_id, decision.moved_to, recorded.rows_moved,
                recorded.runners_moved);
            break;
        case Action::chat_unavailable:
            failed += recorded.rows_failed;
            spdlog::info(
                "event=outbox_chat_unavailable channel={} id={} chat={} dropped={} "
                "runners_moved_to_private_chat={}",
                channel, id, row.chat_id, dropped, recorded.runners_moved);
            break;
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

void OutboxSender::stop(std::function<void()> on_drained) {
    state_->stopping = true;
    asio::post(state_->executor, [state = state_, on_drained = std::move(on_drained)]() mutable {
        if (on_drained) state->on_drained.push_back(std::move(on_drained));
        state->kick();
        state->notify_if_drained();
    });
}

SenderCounters OutboxSender::counters() const {
    return {state_->sent.load(), state_->retried.load(), state_->failed.load(),
            state_->blocked.load()};
}

void OutboxSender::register_metrics(metrics::Registry& registry, const std::string& prefix) const {
    const auto counter = [&](const char* name, const char* help,
                             const std::atomic<std::uint64_t>& value) {
        registry.counter_reading(prefix + "_outbox_" + name + "_total", help, value);
    };
    counter("sent", "Outbox messages delivered.", state_->sent);
    counter("retried", "Delivery attempts that will be tried again.", state_->retried);
    counter("failed", "Outbox messages given up.", state_->failed);
    counter("blocked", "Outbox messages failed because the runner blocked the bot.",
            state_->blocked);
}

}  // namespace rubdown::bot
