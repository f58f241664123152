#pragma once
/// A token bucket per key (a remote address, see rate_key()): `per_minute` requests a minute
/// beyond a burst of `burst`. Time is passed in, so the core is pure and tested without waiting.
/// Thread-safe.

#include <chrono>
#include <cstddef>
#include <mutex>
#include <string>
#include <unordered_map>

namespace rubdown::http {

class RateLimiter {
  public:
    using Clock = std::chrono::steady_clock;

    RateLimiter(double per_minute, double burst) : per_minute_(per_minute), burst_(burst) {}

    /// Takes one token of `key`'s bucket at `now`: false when it is empty (refuse the request).
    bool allow(const std::string& key, Clock::time_point now);
    /// Seconds until `key` has a token again at `now` (for Retry-After); at least 1.
    long seconds_until_allowed(const std::string& key, Clock::time_point now) const;
    /// Keys held (buckets not full again yet, or not swept yet).
    std::size_t tracked() const;

  private:
    struct Bucket {
        double tokens = 0;
        Clock::time_point at;
    };
    double refilled(const Bucket& bucket, Clock::time_point now) const;
    void sweep(Clock::time_point now);

    double per_minute_;
    double burst_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
    std::size_t sweep_above_ = 4096;
};

}  // namespace rubdown::http
