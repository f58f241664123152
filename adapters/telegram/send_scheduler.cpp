#include "adapters/telegram/send_scheduler.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace rubdown::telegram {

namespace {

using std::chrono::duration;
using std::chrono::duration_cast;

constexpr auto group_window = std::chrono::minutes{1};
constexpr std::size_t sweep_every_results = 256;  // at least

// Token counts are floating point: a bucket refilled for exactly the computed wait can land a
// hair below one token. Counting that as a token keeps next_wakeup and next_ready in agreement,
// so a sender woken at next_wakeup always finds something to send.
constexpr double token_tolerance = 1e-9;

/// Rounded up, so that waiting this long is never a little too short.
SteadyTime::duration seconds_as_duration(double seconds) {
    return std::chrono::ceil<SteadyTime::duration>(duration<double>(seconds));
}

SendScheduler::UnitRandom default_random() {
    auto engine = std::make_shared<std::mt19937_64>(std::random_device{}());
    return [engine] { return std::uniform_real_distribution<double>(0.0, 1.0)(*engine); };
}

}  // namespace

std::string_view to_string(ResultAction::Kind kind) {
    switch (kind) {
        case ResultAction::Kind::sent:
            return "sent";
        case ResultAction::Kind::retry_scheduled:
            return "retry_scheduled";
        case ResultAction::Kind::failed:
            return "failed";
        case ResultAction::Kind::chat_blocked:
            return "chat_blocked";
        case ResultAction::Kind::channel_paused:
            return "channel_paused";
        case ResultAction::Kind::unknown_id:
            return "unknown_id";
    }
    return "unknown";
}

void SendScheduler::TokenBucket::refill(SteadyTime now) {
    if (now <= updated) return;
    tokens = std::min(capacity, tokens + duration<double>(now - updated).count() * rate);
    updated = now;
}

bool SendScheduler::TokenBucket::has_token() const {
    return tokens >= 1.0 - token_tolerance;
}

SteadyTime SendScheduler::TokenBucket::ready_at() const {
    if (has_token()) return updated;
    return updated + seconds_as_duration((1.0 - tokens) / rate);
}

bool SendScheduler::TokenBucket::full_at(SteadyTime now) const {
    const double elapsed = now > updated ? duration<double>(now - updated).count() : 0.0;
    return tokens + elapsed * rate >= capacity;
}

void SendScheduler::TokenBucket::take(double cost, SteadyTime now) {
    refill(now);
    tokens -= cost;
}

SendScheduler::SendScheduler(SendLimits limits, UnitRandom random)
    : limits_(limits), random_(random ? std::move(random) : default_random()) {
    global_.rate = limits_.global_per_second;
    global_.capacity = limits_.global_burst;
    global_.tokens = limits_.global_burst;
}

SendScheduler::Chat& SendScheduler::chat_state(const std::string& chat_id) {
    auto [it, inserted] = chats_.try_emplace(chat_id);
    if (inserted) {
        it->second.group = chat_id.starts_with('-');
        it->second.bucket.rate = limits_.per_chat_per_second;
        it->second.bucket.capacity = limits_.per_chat_burst;
        it->second.bucket.tokens = limits_.per_chat_burst;
    }
    return it->second;
}

SteadyTime SendScheduler::eligible_at(const Chat& chat) const {
    auto at = std::max({chat.paused_until, chat.queue.front().not_before, chat.bucket.ready_at()});
    if (chat.group && chat.group_sends.size() >= limits_.group_per_minute) {
        // The send that has to leave the sliding minute before another fits in it.
        const auto oldest_counted =
            chat.group_sends[chat.group_sends.size() - limits_.group_per_minute];
        at = std::max(at, oldest_counted + group_window);
    }
    return at;
}

void SendScheduler::unqueue(Chat& chat) {
    if (chat.wait_key) waiting_.erase(*chat.wait_key);
    chat.wait_key.reset();
}

void SendScheduler::requeue(const std::string& chat_id, Chat& chat, SteadyTime now) {
    unqueue(chat);
    if (chat.queue.empty() || chat.in_flight) return;
    // A chat that could have gone earlier still only starts waiting now, so a chat that has
    // been waiting longer keeps its turn.
    chat.wait_key = WaitKey{std::max(eligible_at(chat), now), sequence_++, chat_id};
    waiting_.insert(*chat.wait_key);
}

bool SendScheduler::push(Id id, std::string_view chat_id, SteadyTime now, std::size_t cost) {
    return push(Send{id, std::string(chat_id), cost, SteadyTime{}, 0}, now);
}

bool SendScheduler::push(Send send, SteadyTime now) {
    if (chat_of_.contains(send.id)) return false;
    chat_of_.emplace(send.id, send.chat_id);
    auto& chat = chat_state(send.chat_id);
    chat.queue.push_back(
        Item{send.id, std::max<std::size_t>(send.cost, 1), send.not_before, send.attempts});
    if (chat.queue.size() == 1) requeue(send.chat_id, chat, now);
    return true;
}

std::optional<SendScheduler::Id> SendScheduler::next_ready(SteadyTime now) {
    if (now < global_paused_until_ || waiting_.empty()) return std::nullopt;
    global_.refill(now);
    if (!global_.has_token()) return std::nullopt;
    const auto first = waiting_.begin();
    if (std::get<0>(*first) > now) return std::nullopt;

    const std::string chat_id = std::get<2>(*first);
    auto& chat = chats_.at(chat_id);
    unqueue(chat);
    chat.in_flight = true;
    const auto& item = chat.queue.front();
    const auto cost = static_cast<double>(item.cost);
    chat.bucket.take(cost, now);
    global_.take(cost, now);
    if (chat.group) {
        while (!chat.group_sends.empty() && chat.group_sends.front() + group_window <= now)
            chat.group_sends.pop_front();
        chat.group_sends.insert(chat.group_sends.end(), item.cost, now);
    }
    return item.id;
}

std::optional<SteadyTime> SendScheduler::next_wakeup(SteadyTime now) const {
    if (waiting_.empty()) return std::nullopt;
    const auto at =
        std::max({std::get<0>(*waiting_.begin()), global_.ready_at(), global_paused_until_, now});
    return at;
}

std::chrono::milliseconds SendScheduler::backoff(int attempts) {
    // Equal jitter: half the exponential delay is kept, half is random, so retries of many
    // chats that failed together spread out yet never come back immediately.
    const double exponential = static_cast<double>(limits_.backoff_base.count()) *
                               std::pow(2.0, std::max(0, attempts - 1));
    const double capped = std::min(exponential, static_cast<double>(limits_.backoff_cap.count()));
    const double unit = std::clamp(random_(), 0.0, 1.0);
    return std::chrono::milliseconds{static_cast<std::int64_t>(capped * (0.5 + 0.5 * unit))};
}

ResultAction SendScheduler::on_result(Id id, ApiOutcome outcome, SteadyTime now,
                                      std::chrono::seconds retry_after) {
    ResultAction action;
    const auto owner = chat_of_.find(id);
    if (owner == chat_of_.end()) return action;
    const std::string chat_id = owner->second;
    auto& chat = chats_.at(chat_id);
    if (!chat.in_flight || chat.queue.front().id != id) return action;

    chat.in_flight = false;
    auto& item = chat.queue.front();
    const auto finish = [&](ResultAction::Kind kind) {
        action.kind = kind;
        action.attempts = item.attempts;
        chat_of_.erase(item.id);
        chat.queue.pop_front();
    };

    switch (outcome) {
        case ApiOutcome::ok:
            ++item.attempts;
            finish(ResultAction::Kind::sent);
            break;
        case ApiOutcome::permanent:
            ++item.attempts;
            finish(ResultAction::Kind::failed);
            break;
        case ApiOutcome::retry_after:
            // Flood control is Telegram asking us to slow down, not the message failing: it
            // does not use up an attempt.
            chat.paused_until =
                std::max(chat.paused_until, now + std::max(retry_after, std::chrono::seconds{1}));
            action.kind = ResultAction::Kind::retry_scheduled;
            action.attempts = item.attempts;
            action.retry_at = chat.paused_until;
            break;
        case ApiOutcome::transient:
            ++item.attempts;
            if (item.attempts >= limits_.max_attempts) {
                finish(ResultAction::Kind::failed);
                break;
            }
            item.not_before = now + backoff(item.attempts);
            action.kind = ResultAction::Kind::retry_scheduled;
            action.attempts = item.attempts;
            action.retry_at = item.not_before;
            break;
        case ApiOutcome::blocked:
            ++item.attempts;
            finish(ResultAction::Kind::chat_blocked);
            for (const auto& other : chat.queue) {
                action.also_dropped.push_back(other.id);
                chat_of_.erase(other.id);
            }
            chat.queue.clear();
            break;
        case ApiOutcome::unauthorized:
            // Not this message's fault: keep it and stop everything until the pause ends.
            global_paused_until_ = std::max(global_paused_until_, now + limits_.unauthorized_pause);
            action.kind = ResultAction::Kind::channel_paused;
            action.attempts = item.attempts;
            action.retry_at = global_paused_until_;
            break;
    }
    requeue(chat_id, chat, now);
    // Sweeping costs one look at every chat, so it runs once per that many results: constant
    // work per result however many chats there are.
    if (++results_since_sweep_ >= std::max(sweep_every_results, chats_.size()))
        forget_idle_chats(now);
    return action;
}

void SendScheduler::pause_chat(std::string_view chat_id, SteadyTime until) {
    const std::string key(chat_id);
    auto& chat = chat_state(key);
    chat.paused_until = std::max(chat.paused_until, until);
    if (chat.wait_key) requeue(key, chat, std::get<0>(*chat.wait_key));
}

void SendScheduler::forget_idle_chats(SteadyTime now) {
    results_since_sweep_ = 0;
    // A chat's limits matter only while it sends; once its bucket is full again and its last
    // minute is over, forgetting it is the same as remembering it.
    std::erase_if(chats_, [&](const auto& entry) {
        const auto& chat = entry.second;
        return chat.queue.empty() && !chat.in_flight && chat.paused_until <= now &&
               chat.bucket.full_at(now) &&
               (chat.group_sends.empty() || chat.group_sends.back() + group_window <= now);
    });
}

std::size_t SendScheduler::queued() const {
    std::size_t count = 0;
    for (const auto& [id, chat] : chats_) count += chat.queue.size() - (chat.in_flight ? 1 : 0);
    return count;
}

std::size_t SendScheduler::in_flight() const {
    return static_cast<std::size_t>(std::count_if(
        chats_.begin(), chats_.end(), [](const auto& entry) { return entry.second.in_flight; }));
}

}  // namespace rubdown::telegram
