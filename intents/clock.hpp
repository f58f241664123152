#pragma once
/// The one source of time. Production reads the system clock; tests and the simulated-clock mode of
/// the binary move time only when told, so nudges can be watched firing.

#include <atomic>
#include <chrono>

namespace rubdown::intents {

using Seconds = std::chrono::sys_seconds;

class Clock {
  public:
    virtual ~Clock() = default;
    virtual Seconds now() const = 0;
    virtual bool simulated() const { return false; }
};

class SystemClock final : public Clock {
  public:
    Seconds now() const override {
        return std::chrono::time_point_cast<std::chrono::seconds>(std::chrono::system_clock::now());
    }
};

/// Thread-safe: the admin endpoint moves it from an IO thread while the store thread reads it.
class SimulatedClock final : public Clock {
  public:
    explicit SimulatedClock(Seconds start) : now_(start.time_since_epoch().count()) {}
    Seconds now() const override { return Seconds{std::chrono::seconds{now_.load()}}; }
    bool simulated() const override { return true; }
    void set(Seconds instant) { now_.store(instant.time_since_epoch().count()); }
    void advance(std::chrono::seconds by) { now_.fetch_add(by.count()); }

  private:
    std::atomic<std::int64_t> now_;
};

}  // namespace rubdown::intents
