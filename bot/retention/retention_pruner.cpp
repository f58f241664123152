#include "bot/retention/retention_pruner.hpp"

#include <atomic>
#include <exception>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/detached.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "storage/store.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;

struct RetentionPruner::State : std::enable_shared_from_this<State> {
    State(asio::any_io_executor executor, storage::Store& store, const intents::Clock& clock,
          RetentionPrunerOptions options)
        : executor(executor), store(store), clock(clock), options(options), timer(executor) {}

    asio::any_io_executor executor;
    storage::Store& store;
    const intents::Clock& clock;
    RetentionPrunerOptions options;
    asio::steady_timer timer;  ///< on the executor only
    bool started = false;
    std::atomic<bool> stopping{false};
    std::atomic<std::uint64_t> keys_expired{0}, entries_scrubbed{0}, entries_deleted{0},
        outbox_deleted{0}, not_understood_deleted{0};

    /// One bounded step; counts what it did. Throws what the store throws.
    asio::awaitable<PruneCounts> step() {
        auto job = [policy = options.policy, now = clock.now().time_since_epoch().count()](
                       storage::Repositories& repos) { return prune_once(repos, now, policy); };
        const auto counts = co_await store.async_run(std::move(job), asio::use_awaitable,
                                                     storage::Lane::background);
        keys_expired += counts.keys_expired;
        entries_scrubbed += counts.entries_scrubbed;
        entries_deleted += counts.entries_deleted;
        outbox_deleted += counts.outbox_deleted;
        not_understood_deleted += counts.not_understood_deleted;
        co_return counts;
    }

    asio::awaitable<void> run() {
        while (!stopping) {
            auto pause = options.interval;
            try {
                if ((co_await step()).more) pause = options.backlog_pause;
            } catch (const std::exception& failure) {
                if (stopping) break;
                spdlog::error("event=retention_failed error=\"{}\"", failure.what());
            }
            if (stopping) break;
            timer.expires_after(pause);
            boost::system::error_code ignored;
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
        }
    }

    PruneTotals totals() const {
        return {keys_expired.load(), entries_scrubbed.load(), entries_deleted.load(),
                outbox_deleted.load(), not_understood_deleted.load()};
    }
};

RetentionPruner::RetentionPruner(asio::any_io_executor executor, storage::Store& store,
                                 const intents::Clock& clock, RetentionPrunerOptions options)
    : state_(std::make_shared<State>(std::move(executor), store, clock, options)) {}

RetentionPruner::~RetentionPruner() {
    stop();
}

void RetentionPruner::start() {
    asio::post(state_->executor, [state = state_] {
        if (state->started || state->stopping) return;
        state->started = true;
        asio::co_spawn(state->executor, state->run(), [state](std::exception_ptr error) {
            if (!error) return;
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& failure) {
                spdlog::error("event=retention_crashed error=\"{}\"", failure.what());
            }
        });
    });
}

void RetentionPruner::stop() {
    state_->stopping = true;
    asio::post(state_->executor, [state = state_] { state->timer.cancel(); });
}

asio::awaitable<PruneTotals> RetentionPruner::prune_now() {
    const auto before = state_->totals();
    while ((co_await state_->step()).more) {
    }
    const auto after = state_->totals();
    co_return PruneTotals{after.keys_expired - before.keys_expired,
                          after.entries_scrubbed - before.entries_scrubbed,
                          after.entries_deleted - before.entries_deleted,
                          after.outbox_deleted - before.outbox_deleted,
                          after.not_understood_deleted - before.not_understood_deleted};
}

PruneTotals RetentionPruner::totals() const {
    return state_->totals();
}

void RetentionPruner::register_metrics(metrics::Registry& registry) const {
    registry.counter_reading("rubdown_inbox_keys_expired_total",
                             "Inbox dedup keys expired after the dedup window.",
                             state_->keys_expired);
    registry.counter_reading("rubdown_inbox_scrubbed_total",
                             "Inbox entries whose texts were removed.", state_->entries_scrubbed);
    registry.counter_reading("rubdown_inbox_deleted_total", "Processed inbox entries deleted.",
                             state_->entries_deleted);
    registry.counter_reading("rubdown_outbox_pruned_total", "Sent and failed outbox rows deleted.",
                             state_->outbox_deleted);
    registry.counter_reading("rubdown_not_understood_pruned_total",
                             "Messages kept for the operator as not understood, deleted.",
                             state_->not_understood_deleted);
}

}  // namespace rubdown::bot
