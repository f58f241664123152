#include "bot/inbox/dispatcher.hpp"

#include <date/date.h>
#include <spdlog/spdlog.h>
#include <boost/asio/co_spawn.hpp>
#include <boost/asio/use_awaitable.hpp>

#include "bot/inbox/planned_nudge_watch.hpp"
#include "bot/inbox/reply_routing.hpp"

namespace rubdown::bot {

namespace asio = boost::asio;

namespace {
storage::UnixSeconds unix_seconds(intents::Seconds instant) {
    return instant.time_since_epoch().count();
}

const adapters::ReplyShaping& shaping_of(const ReplyShapings& shapings,
                                         const std::string& channel) {
    static const adapters::ReplyShaping plain;
    const auto found = shapings.find(channel);
    return found == shapings.end() || !found->second ? plain : *found->second;
}
}  // namespace

storage::InboxEntry to_inbox_entry(const intents::IncomingMessage& message,
                                   storage::UnixSeconds now) {
    storage::InboxEntry entry;
    entry.dedup_key = message.dedup_key;
    entry.channel = message.channel;
    entry.user_key = message.user_key;
    entry.chat_id = message.chat_id;
    entry.display_name = intents::tidy_display_name(message.display_name);
    entry.text = message.text;
    entry.action = message.action;
    entry.reply_context = message.reply_context;
    entry.source_id = message.source_id;
    entry.edit_version = message.edit_version;
    entry.received_at = now;
    return entry;
}

Dispatcher::Dispatcher(boost::asio::any_io_executor executor, storage::Store& store,
                       intents::Engine& engine, const intents::Clock& clock,
                       intents::EngineSettings settings)
    : executor_(std::move(executor)),
      store_(store),
      engine_(engine),
      clock_(clock),
      settings_(std::move(settings)) {}

void Dispatcher::register_metrics(metrics::Registry& registry) const {
    registry.counter_reading(
        "rubdown_inbox_flood_set_aside_total",
        "Messages recorded but not acted on: their runner wrote faster than the flood limit.",
        [this] { return static_cast<double>(flood_.set_aside_total()); });
    registry.counter_reading("rubdown_inbox_floods_total",
                             "Times a runner went over the flood limit (each told once).",
                             [this] { return static_cast<double>(flood_.floods_total()); });
}

asio::awaitable<adapters::AcceptResult> Dispatcher::accept(
    std::vector<intents::IncomingMessage> messages) {
    // Not a coroutine itself: GCC 12 destroys a coroutine's by-value parameter twice when the
    // caller passes a braced list, so the messages travel to the coroutine behind a pointer.
    return accept_shared(
        std::make_shared<const std::vector<intents::IncomingMessage>>(std::move(messages)));
}

asio::awaitable<adapters::AcceptResult> Dispatcher::accept_shared(
    std::shared_ptr<const std::vector<intents::IncomingMessage>> messages) {
    const auto now = unix_seconds(clock_.now());
    auto job = [messages, now](storage::Repositories& repos) {
        std::vector<std::int64_t> recorded;
        for (const auto& message : *messages) {
            auto entry = to_inbox_entry(message, now);
            if (repos.inbox.record(entry) == storage::InboxRecordResult::recorded)
                recorded.push_back(entry.id);
            else
                recorded.push_back(0);
        }
        return recorded;
    };
    auto ids = co_await store_.async_run(std::move(job), asio::use_awaitable);
    adapters::AcceptResult result;
    for (auto id : ids) {
        if (id == 0) {
            ++result.duplicates;
            continue;
        }
        ++result.recorded;
        process(id);
    }
    co_return result;
}

void Dispatcher::process_backlog() {
    const auto waiting = store_.run(
        [](storage::Repositories& repos) { return repos.inbox.unprocessed_ids(1).size(); });
    if (waiting == 0) return;
    spdlog::info("event=inbox_backlog reason=\"recorded before this start, not yet processed\"");
    {
        std::lock_guard lock(processing_mutex_);
        backlog_in_inbox_ = true;
        ++backlog_generation_;
    }
    refill_from_inbox();
}

void Dispatcher::process(std::int64_t inbox_id) {
    bool start_now = false;
    bool read_now = false;
    {
        std::lock_guard lock(processing_mutex_);
        // Behind a backlog, a message waits its turn there too: a runner's messages are then
        // processed in the order they came, never a later one ahead of an earlier one.
        if (backlog_in_inbox_ || processing_in_flight_.size() >= kMaxProcessingInFlight) {
            backlog_in_inbox_ = true;
            ++backlog_generation_;
            if (processing_in_flight_.empty()) read_now = true;
        } else if (!processing_in_flight_.insert(inbox_id).second) {
            return;  // a read of the inbox started it already
        } else {
            start_now = true;
        }
    }
    if (start_now) start_processing(inbox_id);
    if (read_now) refill_from_inbox();
}

void Dispatcher::start_processing(std::int64_t inbox_id) {
    asio::co_spawn(executor_, process_async(inbox_id), [this, inbox_id](std::exception_ptr error) {
        if (error) {
            try {
                std::rethrow_exception(error);
            } catch (const std::exception& failure) {
                // Typically the store stopping during shutdown; the entry stays unprocessed and
                // is picked up by the backlog at the next start.
                spdlog::warn("event=processing_deferred inbox_id={} error=\"{}\"", inbox_id,
                             failure.what());
            }
        }
        processing_finished(inbox_id, error != nullptr);
    });
}

void Dispatcher::processing_finished(std::int64_t inbox_id, bool store_failed) {
    {
        std::lock_guard lock(processing_mutex_);
        processing_in_flight_.erase(inbox_id);
        // The store is stopping: what waits in the inbox is processed at the next start.
        if (store_failed) backlog_in_inbox_ = false;
        // Read the inbox once half the slots are free, not on every finished message.
        if (!backlog_in_inbox_ || processing_in_flight_.size() > kMaxProcessingInFlight / 2) return;
    }
    refill_from_inbox();
}

void Dispatcher::refill_from_inbox() {
    std::uint64_t generation = 0;
    {
        std::lock_guard lock(processing_mutex_);
        if (refilling_ || !backlog_in_inbox_) return;
        refilling_ = true;
        generation = backlog_generation_;
    }
    asio::co_spawn(executor_, refill_async(generation), [this](std::exception_ptr error) {
        if (!error) return;
        // The store is stopping: the backlog stays in the inbox for the next start.
        std::lock_guard lock(processing_mutex_);
        refilling_ = false;
        backlog_in_inbox_ = false;
    });
}

asio::awaitable<void> Dispatcher::refill_async(std::uint64_t generation) {
    const auto ids = co_await store_.async_run(
        [](storage::Repositories& repos) { return repos.inbox.unprocessed_ids(kInboxReadSize); },
        asio::use_awaitable, storage::Lane::background);
    std::vector<std::int64_t> to_start;
    bool read_again = false;
    {
        std::lock_guard lock(processing_mutex_);
        refilling_ = false;
        bool all_taken = ids.size() < kInboxReadSize;
        for (const auto id : ids) {
            if (processing_in_flight_.count(id)) continue;
            if (processing_in_flight_.size() >= kMaxProcessingInFlight) {
                all_taken = false;
                break;
            }
            processing_in_flight_.insert(id);
            to_start.push_back(id);
        }
        // Empty only if nothing was left in the inbox after this read began.
        if (all_taken && generation == backlog_generation_) backlog_in_inbox_ = false;
        // Nothing in flight to trigger the next read, yet more may wait: read again now.
        read_again = backlog_in_inbox_ && processing_in_flight_.empty();
    }
    for (const auto id : to_start) start_processing(id);
    if (read_again) refill_from_inbox();
}

asio::awaitable<void> Dispatcher::process_async(std::int64_t inbox_id) {
    // One job per message: its own savepoint, so a failing message never undoes another, and all
    // queued messages still share one commit.
    ProcessOutcome outcome;
    bool failed = false;
    try {
        outcome = co_await store_.async_run(
            [this, inbox_id](storage::Repositories& repos) {
                return process_entry(repos, engine_, settings_, shapings_, flood_, inbox_id,
                                     clock_.now());
            },
            asio::use_awaitable, storage::Lane::background);
    } catch (const std::exception& failure) {
        spdlog::error("event=processing_failed inbox_id={} error=\"{}\"", inbox_id, failure.what());
        failed = true;
    }
    if (failed) {
        outcome.outbox_channel = co_await store_.async_run(
            [this, inbox_id](storage::Repositories& repos) {
                return give_up_on_entry(repos, inbox_id, clock_.now());
            },
            asio::use_awaitable, storage::Lane::background);
    }
    if (outcome.earliest_planned_nudge && on_nudge_) on_nudge_(*outcome.earliest_planned_nudge);
    if (!outcome.outbox_channel.empty() && on_outbox_) on_outbox_(outcome.outbox_channel);
}

void Dispatcher::handle_blocking(const intents::IncomingMessage& message) {
    const auto now = clock_.now();
    const auto id = store_.run([&](storage::Repositories& repos) -> std::int64_t {
        auto entry = to_inbox_entry(message, unix_seconds(now));
        return repos.inbox.record(entry) == storage::InboxRecordResult::recorded ? entry.id : 0;
    });
    if (id == 0) return;
    try {
        store_.run([&](storage::Repositories& repos) {
            return process_entry(repos, engine_, settings_, shapings_, flood_, id, clock_.now());
        });
    } catch (const std::exception& failure) {
        spdlog::error("event=processing_failed inbox_id={} error=\"{}\"", id, failure.what());
        store_.run([&](storage::Repositories& repos) {
            return give_up_on_entry(repos, id, clock_.now());
        });
    }
}

namespace {

std::string utc_day(storage::UnixSeconds at) {
    const auto day = std::chrono::floor<date::days>(date::sys_seconds{std::chrono::seconds{at}});
    return date::format("%F", date::sys_days{day});
}

}  // namespace

void record_activity(storage::Repositories& repos, const storage::InboxEntry& entry,
                     const std::string& understood_as, std::int64_t user_id) {
    repos.activity.record_message(utc_day(entry.received_at), entry.channel, understood_as, user_id,
                                  entry.received_at);
    // What the bot could not place, the operator reads to improve it (pruned like the inbox's
    // texts). Button presses carry no words of the runner's.
    const bool unplaced =
        understood_as == intents::kNotUnderstood || understood_as == "out_of_scope";
    if (unplaced && user_id != 0 && entry.action.empty() && !entry.text.empty())
        repos.activity.keep_not_understood(user_id, entry.channel, entry.text, entry.received_at);
}

ProcessOutcome Dispatcher::process_entry(storage::Repositories& store_repos,
                                         intents::Engine& engine,
                                         const intents::EngineSettings& settings,
                                         const ReplyShapings& shapings, FloodGuard& flood,
                                         std::int64_t inbox_id, intents::Seconds now) {
    const auto entry = store_repos.inbox.find(inbox_id);
    if (!entry || entry->processed) return {};
    // The handlers see the nudges through a watch, so the scheduler hears of what they planned.
    PlannedNudgeWatch nudges(store_repos.nudges);
    storage::Repositories repos{store_repos.users,
                                store_repos.runs,
                                store_repos.races,
                                store_repos.bookings,
                                store_repos.inbox,
                                store_repos.outbox,
                                nudges,
                                store_repos.conversations,
                                store_repos.activity,
                                store_repos.reports};
    const auto timestamp = unix_seconds(now);
    auto user = repos.users.find_or_create(entry->user_key, entry->channel, entry->chat_id,
                                           entry->display_name, timestamp);
    // A runner may write from a new chat (e.g. a Slack channel): answer where they wrote.
    if (user.chat_id != entry->chat_id && !entry->chat_id.empty()) user.chat_id = entry->chat_id;
    const auto& shaping = shaping_of(shapings, entry->channel);
    if (auto private_chat = shaping.private_chat(entry->chat_id, entry->reply_context);
        !private_chat.empty()) {
        user.private_chat = std::move(private_chat);
    }

    std::vector<intents::Reply> rows;
    bool forgotten = false;
    std::string understood_as = "set_aside";  // by the flood guard, unless the engine says
    intents::IncomingMessage message{entry->channel,      entry->user_key,      entry->chat_id,
                                     entry->display_name, entry->text,          entry->action,
                                     entry->dedup_key,    entry->reply_context, entry->source_id,
                                     entry->edit_version};
    // A red flag is answered however fast the runner writes: their safety outranks the limit.
    const auto verdict = flood.admit(entry->user_key, entry->received_at,
                                     [&] { return engine.must_answer(message); });
    if (verdict != FloodGuard::Verdict::act) {
        if (verdict == FloodGuard::Verdict::set_aside_first) {
            spdlog::warn("event=runner_flooding user_id={} reason=\"over {} messages a minute\"",
                         user.id, flood.per_minute());
            rows.push_back(intents::Reply{flood_notice()});
        }
    } else {
        intents::HandlerContext context{repos, user, message, now, settings};
        rows = engine.respond(context);
        understood_as = context.understood_as.empty() ? "other" : context.understood_as;
        // /forget deletes the runner; saving them again would bring the row back.
        forgotten = !repos.users.find_by_id(user.id);
        if (!forgotten) repos.users.update(user);
    }
    record_activity(repos, *entry, understood_as, forgotten ? 0 : user.id);

    const Conversation conversation{shaping.shared_chat(entry->reply_context), user.private_chat,
                                    entry->display_name};
    auto routed = route_replies(std::move(rows), conversation);
    // Nothing to say to a button press the client waits on: a blank row answers it, sending
    // nothing.
    if (routed.empty() && shaping.needs_a_row(entry->reply_context)) routed.emplace_back();
    std::size_t in_place = 0;
    for (const auto& [reply, private_chat] : routed) {
        storage::OutboxMessage out;
        out.channel = entry->channel;
        out.user_id = user.id;
        out.text = reply.text;
        out.buttons_json = intents::buttons_to_json(reply.buttons);
        if (private_chat.empty()) {
            out.chat_id = entry->chat_id;
            out.reply_context = shaping.context_for_row(entry->reply_context, in_place++);
        } else {
            out.chat_id = private_chat;  // a plain message, as a nudge is sent
        }
        out.edit_original = reply.edit_original;
        out.image_png = reply.image.png;
        out.image_alt = reply.image.alt;
        out.created_at = timestamp;
        repos.outbox.enqueue(out);
    }
    repos.inbox.mark_processed(inbox_id);
    // The message that made the bot forget its runner is the last trace of them.
    if (forgotten) repos.inbox.scrub(inbox_id);
    return ProcessOutcome{routed.empty() ? std::string{} : entry->channel,
                          nudges.earliest_planned()};
}

std::string Dispatcher::give_up_on_entry(storage::Repositories& repos, std::int64_t inbox_id,
                                         intents::Seconds now) {
    const auto entry = repos.inbox.find(inbox_id);
    if (!entry || entry->processed) return {};
    repos.inbox.mark_processed(inbox_id);
    storage::OutboxMessage out;
    out.channel = entry->channel;
    out.chat_id = entry->chat_id;
    // The runner's, so that a channel showing their conversation (the web chat) finds it.
    if (const auto user = repos.users.find_by_key(entry->user_key)) out.user_id = user->id;
    out.text = "Sorry, something went wrong on my side with that message. Please try again.";
    out.reply_context = entry->reply_context;
    out.created_at = unix_seconds(now);
    repos.outbox.enqueue(out);
    return entry->channel;
}

}  // namespace rubdown::bot
