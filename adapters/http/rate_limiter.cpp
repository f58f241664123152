#include "adapters/http/rate_limiter.hpp"

#include <algorithm>
#include <cmath>

namespace rubdown::http {

double RateLimiter::refilled(const Bucket& bucket, Clock::time_point now) const {
    const double minutes =
        std::chrono::duration<double, std::ratio<60>>(std::max(now - bucket.at, Clock::duration{}))
            .count();
    return std::min(burst_, bucket.tokens + minutes * per_minute_);
}

bool RateLimiter::allow(const std::string& key, Clock::time_point now) {
    std::lock_guard lock(mutex_);
    // Before a new key goes in, so that the sweep never takes the bucket in use.
    if (!buckets_.contains(key)) sweep(now);
    auto& bucket = buckets_.try_emplace(key, Bucket{burst_, now}).first->second;
    bucket.tokens = refilled(bucket, now);
    bucket.at = now;
    if (bucket.tokens < 1.0) return false;
    bucket.tokens -= 1.0;
    return true;
}

long RateLimiter::seconds_until_allowed(const std::string& key, Clock::time_point now) const {
    std::lock_guard lock(mutex_);
    const auto found = buckets_.find(key);
    if (found == buckets_.end() || per_minute_ <= 0) return 1;
    const double missing = 1.0 - refilled(found->second, now);
    // Less a hair, so that 3.0000000001 seconds of floating point is 3, not 4.
    return std::max(1L, static_cast<long>(std::ceil(missing * 60.0 / per_minute_ - 1e-6)));
}

std::size_t RateLimiter::tracked() const {
    std::lock_guard lock(mutex_);
    return buckets_.size();
}

void RateLimiter::sweep(Clock::time_point now) {
    constexpr std::size_t kSweepAbove = 4096;
    if (buckets_.size() <= sweep_above_) return;
    // A full bucket is what a new key would get: forgetting it changes nothing.
    std::erase_if(buckets_,
                  [&](const auto& entry) { return refilled(entry.second, now) >= burst_; });
    sweep_above_ = std::max(kSweepAbove, buckets_.size() * 2);
}

}  // namespace rubdown::http
