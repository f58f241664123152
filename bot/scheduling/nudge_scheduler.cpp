#include "bot/scheduling/nudge_scheduler.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <optional>
#include <utility>

#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "intents/message.hpp"
#include "intents/nudges/local_time.hpp"
#include "intents/nudges/nudge_planner.hpp"
#include "storage/store.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;
namespace nudges = intents::nudges;
using intents::Seconds;

FireResult& FireResult::operator+=(const FireResult& other) {
    examined += other.examined;
    sent += other.sent;
    expired += other.expired;
    cancelled += other.cancelled;
    postponed += other.postponed;
    failed += other.failed;
    channels.insert(other.channels.begin(), other.channels.end());
    if (other.earliest_due_sent != 0 &&
        (earliest_due_sent == 0 || other.earliest_due_sent < earliest_due_sent)) {
        earliest_due_sent = other.earliest_due_sent;
    }
    return *this;
}

namespace {

void mark(storage::Repositories& repos, storage::Nudge nudge, storage::NudgeState state) {
    nudge.state = state;
    repos.nudges.update(nudge);
}

/// The outbox row that carries a due nudge to its runner.
storage::OutboxMessage outbox_message(const storage::Nudge& nudge, const storage::User& user,
                                      const intents::Reply& reply, storage::UnixSeconds now) {
    storage::OutboxMessage message;
    message.channel = user.channel;
    message.chat_id = user.chat_id;
    message.user_id = user.id;
    message.text = reply.text;
    message.buttons_json = intents::buttons_to_json(reply.buttons);
    message.nudge_id = nudge.id;
    message.not_before = now;
    message.created_at = now;
    return message;
}

}  // namespace

bool nudge_row_may_go_now(storage::Repositories& repos, const storage::OutboxMessage& row,
                          Seconds now, const intents::nudges::NudgePolicy& policy) {
    if (!row.nudge_id) return true;
    auto nudge = repos.nudges.find(*row.nudge_id);
    const auto user = repos.users.find_by_id(row.user_id);
    if (!nudge || !user) return true;
    const auto decision = intents::nudges::decide_queued_nudge(*nudge, *user, now, policy);
    switch (decision.action) {
        case intents::nudges::DueAction::send:
        case intents::nudges::DueAction::cancel:  // not a timing verdict: never given here
            return true;
        case intents::nudges::DueAction::postpone:
            repos.outbox.reschedule(row.id, intents::nudges::to_unix(decision.until),
                                    "held: " + std::string(decision.reason));
            break;
        case intents::nudges::DueAction::expire:
            repos.outbox.mark_failed(row.id, "expired: " + std::string(decision.reason));
            nudge->state = storage::NudgeState::expired;
            repos.nudges.update(*nudge);
            break;
    }
    spdlog::info("event=queued_nudge_{} nudge_id={} outbox_id={} reason={}",
                 decision.action == intents::nudges::DueAction::expire ? "expired" : "held",
                 nudge->id, row.id, decision.reason);
    return false;
}

FireResult fire_due_nudges(storage::Repositories& repos, Seconds now,
                           const nudges::NudgePolicy& policy, const std::string& booking_url,
                           std::size_t limit) {
    FireResult result;
    const auto now_unix = nudges::to_unix(now);
    auto due = repos.nudges.due(now_unix, limit);
    result.examined = due.size();
    for (auto& nudge : due) {
        const auto user = repos.users.find_by_id(nudge.user_id);
        if (!user) {
            // Erasing a runner deletes their nudges; a row left behind has nobody to go to, and
            // leaving it pending would keep it due forever.
            mark(repos, nudge, storage::NudgeState::cancelled);
            ++result.cancelled;
            continue;
        }
        const auto facts = nudges::read_due_facts(repos, nudge);

        // Deciding and wording are pure; if they throw on a malformed row, that row is marked
        // failed so it cannot block every row behind it. Store errors propagate and undo the job.
        nudges::DueDecision decision;
        std::optional<intents::Reply> reply;
        try {
            decision = nudges::decide_due(nudge, *user, facts, now, policy);
            if (decision.action == nudges::DueAction::send) {
                reply = nudges::nudge_message(nudge, *user, facts.race, booking_url);
            }
        } catch (const std::exception& error) {
            spdlog::error("nudge {}: cannot be decided or worded, marked failed: {}", nudge.id,
                          error.what());
            ++nudge.attempts;
            mark(repos, nudge, storage::NudgeState::failed);
            ++result.failed;
            continue;
        }

        switch (decision.action) {
            case nudges::DueAction::send: {
                // Both writes belong to the caller's transaction, so they commit together. The
                // nudge is marked first: run outside a transaction, a crash between the two would
                // then lose one nudge rather than send it twice.
                auto sent = nudge;
                sent.state = storage::NudgeState::sent;
                sent.sent_at = now_unix;
                ++sent.attempts;
                repos.nudges.update(sent);
                repos.outbox.enqueue(outbox_message(nudge, *user, *reply, now_unix));
                ++result.sent;
                result.channels.insert(user->channel);
                if (result.earliest_due_sent == 0 || nudge.due_at < result.earliest_due_sent) {
                    result.earliest_due_sent = nudge.due_at;
                }
                break;
            }
            case nudges::DueAction::expire:
                ++result.expired;
                nudges::record_due_decision(repos, nudge, decision);
                break;
            case nudges::DueAction::cancel:
                ++result.cancelled;
                nudges::record_due_decision(repos, nudge, decision);
                break;
            case nudges::DueAction::postpone:
                ++result.postponed;
                nudges::record_due_decision(repos, nudge, decision);
                break;
        }
    }
    return result;
}

// ---- the Asio shell ----

struct NudgeScheduler::State : std::enable_shared_from_this<NudgeScheduler::State> {
    State(asio::any_io_executor executor, storage::Store& store, const intents::Clock& clock,
          nudges::NudgePolicy policy, std::string booking_url, OutboxCallback on_outbox,
          NudgeSchedulerOptions options)
        : strand(asio::make_strand(executor)),
          timer(strand),
          store(store),
          clock(clock),
          policy(policy),
          booking_url(std::move(booking_url)),
          on_outbox(std::move(on_outbox)),
          options(options) {
        this->options.batch_size = std::max<std::size_t>(1, this->options.batch_size);
    }

    asio::strand<asio::any_io_executor> strand;
    asio::steady_timer timer;  ///< used on the strand only
    storage::Store& store;
    const intents::Clock& clock;
    const nudges::NudgePolicy policy;
    const std::string booking_url;
    const OutboxCallback on_outbox;
    NudgeSchedulerOptions options;

    std::atomic<bool> stopped{false};
    bool started = false;       ///< strand only
    bool wake_pending = false;  ///< strand only: a wake() came while the loop was busy
    bool asleep = false;        ///< strand only: the loop waits on the timer
    /// Strand only: the next due instant the sleeping loop read; empty when none was pending.
    std::optional<storage::UnixSeconds> asleep_towards;

    mutable std::mutex totals_mutex;
    FireResult totals;

    /// One batch as a store job.
    asio::awaitable<FireResult> fire_batch() {
        // The job holds copies, not the state: the store thread destroys it, possibly after the
        // executor (and with it this state's timer) is gone. It is a named variable rather than a
        // temporary of the co_await expression, which GCC 12 may destroy twice.
        auto job = [clock = &clock, policy = policy, booking_url = booking_url,
                    limit = options.batch_size](storage::Repositories& repos) {
            return fire_due_nudges(repos, clock->now(), policy, booking_url, limit);
        };
        auto result = co_await store.async_run(std::move(job), asio::use_awaitable);
        co_return result;
    }

    /// Batches until a batch comes back short: nothing more is due. Each batch wakes the senders
    /// as soon as it is committed, so the first messages go out while later ones are written.
    asio::awaitable<FireResult> fire_all() {
        FireResult total;
        for (;;) {
            auto batch = co_await fire_batch();
            account(batch);
            total += batch;
            if (batch.examined < options.batch_size || stopped) break;
        }
        co_return total;
    }

    void account(const FireResult& batch) {
        {
            std::lock_guard lock(totals_mutex);
            totals += batch;
        }
        if (batch.examined > 0) {
            spdlog::debug(
                "nudges: {} due, {} sent, {} expired, {} cancelled, {} postponed, {} failed",
                batch.examined, batch.sent, batch.expired, batch.cancelled, batch.postponed,
                batch.failed);
        }
        if (batch.channels.empty() || !on_outbox) return;
        asio::post(strand, [self = shared_from_this(), channels = batch.channels] {
            try {
                self->on_outbox(channels);
            } catch (const std::exception& error) {
                spdlog::error("nudges: waking the senders failed: {}", error.what());
            }
        });
    }

    /// How long to sleep before the next due instant, or nothing to sleep until woken.
    std::optional<std::chrono::steady_clock::duration> sleep_for(
        std::optional<storage::UnixSeconds> next_due, bool idle_round) const {
        using namespace std::chrono;
        if (clock.simulated()) return std::nullopt;  // simulated time moves only when told
        const steady_clock::duration cap = options.safety_wake;
        if (!next_due) return cap;
        const auto now = clock.now();
        const auto due = nudges::from_unix(*next_due);
        if (due <= now) {
            // Due already: go again at once, unless this round found nothing to do, which only a
            // clock disagreement can cause; then wait a little instead of spinning.
            return idle_round ? steady_clock::duration{milliseconds{200}}
                              : steady_clock::duration::zero();
        }
        // The clock counts whole seconds; wake just after the second starts, not up to a second
        // late. (For the system clock the fraction is exact; for another clock it is harmless.)
        const auto wall = system_clock::now();
        const auto fraction = wall - floor<seconds>(wall);
        steady_clock::duration wait =
            duration_cast<steady_clock::duration>((due - now) - fraction + milliseconds{2});
        return std::clamp(wait, steady_clock::duration::zero(), cap);
    }

    asio::awaitable<void> loop() {
        auto self = shared_from_this();
        while (!stopped) {
            wake_pending = false;
            bool failed = false;
            std::optional<std::chrono::steady_clock::duration> wait;
            std::optional<storage::UnixSeconds> next;
            try {
                const auto fired = co_await fire_all();
                auto read_next = [](storage::Repositories& repos) {
                    return repos.nudges.next_due();
                };
                next = co_await store.async_run(read_next, asio::use_awaitable);
                wait = sleep_for(next, fired.examined == 0);
            } catch (const std::exception& error) {
                spdlog::error("nudges: firing failed, retrying in {} s: {}",
                              options.retry_after_error.count(), error.what());
                failed = true;
            }
            if (stopped) break;
            if (failed) {
                wait = options.retry_after_error;
            } else if (wake_pending) {
                continue;  // woken while busy: the next due instant may have moved earlier
            }
            if (wait) {
                timer.expires_after(*wait);
            } else {
                timer.expires_at(asio::steady_timer::time_point::max());
            }
            asleep = true;
            asleep_towards = failed ? std::nullopt : next;
            boost::system::error_code ignored;  // cancelled by wake() or stop()
            co_await timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
            asleep = false;
        }
    }
};

NudgeScheduler::NudgeScheduler(asio::any_io_executor executor, storage::Store& store,
                               const intents::Clock& clock, nudges::NudgePolicy policy,
                               std::string booking_url, OutboxCallback on_outbox,
                               NudgeSchedulerOptions options)
    : state_(std::make_shared<State>(std::move(executor), store, clock, policy,
                                     std::move(booking_url), std::move(on_outbox), options)) {}

NudgeScheduler::~NudgeScheduler() {
    stop();
}

void NudgeScheduler::start() {
    asio::post(state_->strand, [state = state_] {
        if (state->started || state->stopped) return;
        state->started = true;
        asio::co_spawn(state->strand, state->loop(), [](std::exception_ptr error) {
            if (!error) return;
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& e) {
                spdlog::error("nudges: scheduler loop ended: {}", e.what());
            }
        });
    });
}

void NudgeScheduler::wake() {
    asio::post(state_->strand, [state = state_] {
        state->wake_pending = true;
        state->timer.cancel();
    });
}

void NudgeScheduler::nudge_planned(storage::UnixSeconds due) {
    asio::post(state_->strand, [state = state_, due] {
        if (state->asleep && state->asleep_towards && *state->asleep_towards <= due) return;
        state->wake_pending = true;
        state->timer.cancel();
    });
}

asio::awaitable<FireResult> NudgeScheduler::fire_now() {
    // Runs on the caller's executor; the store serialises these jobs with the loop's, and each
    // job re-reads the due rows, so the two can never fire the same nudge.
    auto state = state_;
    auto result = co_await state->fire_all();
    co_return result;
}

void NudgeScheduler::stop() {
    if (state_->stopped.exchange(true)) return;
    asio::post(state_->strand, [state = state_] { state->timer.cancel(); });
}

FireResult NudgeScheduler::totals() const {
    std::lock_guard lock(state_->totals_mutex);
    return state_->totals;
}

void NudgeScheduler::register_metrics(metrics::Registry& registry) const {
    registry.counter_reading("rubdown_nudges_sent_total", "Nudges put in the outbox.",
                             [this] { return static_cast<double>(totals().sent); });
    registry.counter_reading("rubdown_nudges_expired_total",
                             "Nudges dropped past their grace period.",
                             [this] { return static_cast<double>(totals().expired); });
}

}  // namespace rubdown::bot
