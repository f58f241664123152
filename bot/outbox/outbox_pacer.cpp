#include "bot/outbox/outbox_pacer.hpp"

#include <algorithm>

namespace rubdown::bot {

namespace {

using Duration = std::chrono::steady_clock::duration;

Duration seconds_to_duration(double seconds) {
    return std::chrono::duration_cast<Duration>(std::chrono::duration<double>(seconds));
}

constexpr std::chrono::minutes kSharedWindow{1};

}  // namespace

void OutboxPacer::Bucket::refill(Time now) {
    if (rate <= 0) {
        tokens = capacity;
        return;
    }
    if (now > updated) {
        const double elapsed = std::chrono::duration<double>(now - updated).count();
        tokens = std::min(capacity, tokens + elapsed * rate);
        updated = now;
    }
}

OutboxPacer::Time OutboxPacer::Bucket::ready_at() const {
    if (rate <= 0 || tokens >= 1.0) return updated;
    return updated + seconds_to_duration((1.0 - tokens) / rate);
}

OutboxPacer::OutboxPacer(PacingLimits limits) : limits_(limits) {
    if (limits_.max_in_flight == 0) limits_.max_in_flight = 1;
    if (limits_.global_per_second > 0) {
        global_.rate = limits_.global_per_second;
        global_.capacity = std::max(1.0, limits_.global_per_second);
        global_.tokens = global_.capacity;
    }
}

void OutboxPacer::forget_older_than_a_minute(Key& key, Time now) {
    while (!key.sent_last_minute.empty() && key.sent_last_minute.front() + kSharedWindow <= now)
        key.sent_last_minute.pop_front();
}

OutboxPacer::Time OutboxPacer::shared_cap_ready_at(const Key& key, const PacingCharge& charge,
                                                   Time now) const {
    const auto cap = limits_.shared_per_minute;
    if (!charge.shared_chat || cap == 0) return now;
    // Messages of the window still inside it at `now`; a row of more parts than the cap waits
    // for an empty window.
    const auto& sent = key.sent_last_minute;
    auto first_live =
        std::find_if(sent.begin(), sent.end(), [&](Time at) { return at + kSharedWindow > now; });
    const auto live = static_cast<std::size_t>(sent.end() - first_live);
    const auto wanted = std::min(charge.messages, cap);
    if (live + wanted <= cap) return now;
    // The oldest (live + wanted - cap) messages must leave the window first.
    return *(first_live + static_cast<std::ptrdiff_t>(live + wanted - cap - 1)) + kSharedWindow;
}

bool OutboxPacer::push(const std::string& key, storage::OutboxMessage row, PacingCharge charge) {
    if (known_.count(row.id) != 0) return false;
    if (const auto found = keys_.find(key); found != keys_.end() && limits_.max_held_per_key > 0 &&
                                            found->second.held() >= limits_.max_held_per_key)
        return false;
    known_.insert(row.id);
    auto [it, created] = keys_.try_emplace(key);
    if (created && limits_.per_key_interval.count() > 0) {
        auto& bucket = it->second.bucket;
        bucket.rate = 1000.0 / static_cast<double>(limits_.per_key_interval.count());
        bucket.capacity = std::max(1, limits_.per_key_burst);
        bucket.tokens = bucket.capacity;
    }
    it->second.queue.push_back({std::move(row), charge});
    return true;
}

std::vector<std::string> OutboxPacer::keys_at_capacity() const {
    std::vector<std::string> full;
    if (limits_.max_held_per_key == 0) return full;
    for (const auto& [name, key] : keys_)
        if (key.held() >= limits_.max_held_per_key) full.push_back(name);
    return full;
}

std::optional<storage::OutboxMessage> OutboxPacer::next_ready(Time now) {
    if (in_flight_ >= limits_.max_in_flight || keys_.empty() || now < paused_until_) return {};
    global_.refill(now);
    if (global_.ready_at() > now) return {};

    // Round robin: start after the key served last, wrap around once.
    auto start = keys_.upper_bound(last_served_);
    for (std::size_t step = 0; step < keys_.size(); ++step) {
        if (start == keys_.end()) start = keys_.begin();
        auto& [name, key] = *start;
        if (!key.in_flight && !key.queue.empty() && key.paused_until <= now) {
            key.bucket.refill(now);
            const auto charge = key.queue.front().charge;
            if (key.bucket.ready_at() <= now && shared_cap_ready_at(key, charge, now) <= now) {
                // Every part is charged: the buckets may go below zero, and then wait longer.
                const auto messages =
                    static_cast<double>(std::max<std::size_t>(1, charge.messages));
                if (key.bucket.rate > 0) key.bucket.tokens -= messages;
                if (global_.rate > 0) global_.tokens -= messages;
                if (charge.shared_chat && limits_.shared_per_minute > 0) {
                    forget_older_than_a_minute(key, now);
                    key.sent_last_minute.insert(key.sent_last_minute.end(),
                                                std::max<std::size_t>(1, charge.messages), now);
                }
                key.in_flight = true;
                ++in_flight_;
                last_served_ = name;
                auto row = std::move(key.queue.front().row);
                key.queue.pop_front();
                return row;
            }
        }
        ++start;
    }
    return {};
}

void OutboxPacer::forget_if_idle(std::map<std::string, Key>::iterator it, Time now) {
    auto& key = it->second;
    if (key.in_flight || !key.queue.empty() || key.paused_until > now) return;
    forget_older_than_a_minute(key, now);
    if (!key.sent_last_minute.empty()) return;
    key.bucket.refill(now);
    // A key is forgotten only once its bucket is full again, so forgetting changes no pacing.
    if (key.bucket.rate > 0 && key.bucket.tokens < key.bucket.capacity) return;
    keys_.erase(it);
}

void OutboxPacer::finish(const std::string& key, std::int64_t id, Time now) {
    known_.erase(id);
    auto it = keys_.find(key);
    if (it == keys_.end()) return;
    if (it->second.in_flight) {
        it->second.in_flight = false;
        --in_flight_;
    }
    forget_if_idle(it, now);
    // Sweep other idle keys now and then, so the map does not keep every chat ever served.
    if (keys_.size() > 64) {
        for (auto other = keys_.begin(); other != keys_.end();) {
            auto next = std::next(other);
            forget_if_idle(other, now);
            other = next;
        }
    }
}

void OutboxPacer::retry(const std::string& key, storage::OutboxMessage row, Time until,
                        PacingCharge charge) {
    auto& state = keys_[key];
    if (state.in_flight) {
        state.in_flight = false;
        --in_flight_;
    }
    state.paused_until = std::max(state.paused_until, until);
    known_.insert(row.id);
    state.queue.push_front({std::move(row), charge});
}

void OutboxPacer::pause_all(Time until) {
    paused_until_ = std::max(paused_until_, until);
}

std::vector<storage::OutboxMessage> OutboxPacer::drop_queued(const std::string& key) {
    std::vector<storage::OutboxMessage> dropped;
    auto it = keys_.find(key);
    if (it == keys_.end()) return dropped;
    for (auto& queued : it->second.queue) {
        known_.erase(queued.row.id);
        dropped.push_back(std::move(queued.row));
    }
    it->second.queue.clear();
    return dropped;
}

std::optional<OutboxPacer::Time> OutboxPacer::next_wakeup(Time now) const {
    if (in_flight_ >= limits_.max_in_flight) return {};
    std::optional<Time> earliest;
    for (const auto& [name, key] : keys_) {
        if (key.in_flight || key.queue.empty()) continue;
        auto bucket = key.bucket;
        bucket.refill(now);
        const auto ready = std::max({key.paused_until, paused_until_, bucket.ready_at(),
                                     shared_cap_ready_at(key, key.queue.front().charge, now), now});
        if (!earliest || ready < *earliest) earliest = ready;
    }
    if (!earliest) return {};
    auto global = global_;
    global.refill(now);
    return std::max(*earliest, global.ready_at());
}

}  // namespace rubdown::bot
