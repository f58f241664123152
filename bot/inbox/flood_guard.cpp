#include "bot/inbox/flood_guard.hpp"

#include <algorithm>

namespace rubdown::bot {

double FloodGuard::refilled(const Bucket& bucket, storage::UnixSeconds now) const {
    const auto capacity = static_cast<double>(per_minute_);
    // A message recorded earlier than the last one seen (clocks step back) refills nothing.
    const auto elapsed = static_cast<double>(std::max<storage::UnixSeconds>(0, now - bucket.at));
    return std::min(capacity, bucket.tokens + elapsed * capacity / 60.0);
}

FloodGuard::Verdict FloodGuard::admit(const std::string& runner_key,
                                      storage::UnixSeconds received_at,
                                      const std::function<bool()>& exempt) {
    std::lock_guard lock(mutex_);
    if (per_minute_ == 0) return Verdict::act;
    if (buckets_.size() > sweep_above_) sweep(received_at);
    auto [found, inserted] = buckets_.try_emplace(runner_key);
    auto& bucket = found->second;
    if (inserted) {
        bucket.tokens = static_cast<double>(per_minute_);
        bucket.at = received_at;
    }
    bucket.tokens = refilled(bucket, received_at);
    bucket.at = std::max(bucket.at, received_at);
    if (bucket.tokens >= static_cast<double>(per_minute_)) bucket.flooding = false;
    if (bucket.tokens >= 1.0) {
        bucket.tokens -= 1.0;
        return Verdict::act;
    }
    if (exempt && exempt()) return Verdict::act;
    ++set_aside_total_;
    if (bucket.flooding) return Verdict::set_aside;
    bucket.flooding = true;
    ++floods_total_;
    return Verdict::set_aside_first;
}

void FloodGuard::sweep(storage::UnixSeconds now) {
    // A runner whose bucket is full again is the same as one never seen: forget them.
    std::erase_if(buckets_, [&](const auto& entry) {
        return refilled(entry.second, now) >= static_cast<double>(per_minute_);
    });
    sweep_above_ = std::max(kSweepAbove, 2 * buckets_.size());
}

void FloodGuard::set_per_minute(std::size_t per_minute) {
    std::lock_guard lock(mutex_);
    per_minute_ = per_minute;
    buckets_.clear();
}

std::size_t FloodGuard::per_minute() const {
    std::lock_guard lock(mutex_);
    return per_minute_;
}

std::size_t FloodGuard::tracked_runners() const {
    std::lock_guard lock(mutex_);
    return buckets_.size();
}

std::string flood_notice() {
    return "You're sending messages faster than I can read them, so I'm setting the rest aside "
           "without acting on them: nothing from them is logged. Give me a minute, then send "
           "again what matters, one message at a time.";
}

}  // namespace rubdown::bot
