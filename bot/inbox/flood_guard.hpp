#pragma once
/// A runner who floods the bot (a stuck client, a script, a paste gone wrong) is slowed at the
/// door of processing: each runner has a bucket of `per_minute` messages that refills at that rate,
/// and a message that finds it empty is set aside. Set aside means recorded (it was acknowledged,
/// so it stays in the inbox like any other and retention prunes it) but not acted on: no run
/// logged, no reply. The first message set aside in a flood gets one polite reply saying so; the
/// flood ends once the runner has been quiet long enough for the bucket to fill again.
///
/// Why set aside rather than answered in order: replies to one chat go out at about one a second,
/// so answering a 2,000-message burst would take over half an hour of the runner's chat and bury
/// the answers that matter, and acting on them could put thousands of runs in the log.
///
/// Time is each message's `received_at`, not the clock at processing: a backlog processed after a
/// restart is judged as it arrived. Pure: no I/O, no clock; the dispatcher owns one.

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <mutex>
#include <string>
#include <unordered_map>

#include "storage/records.hpp"

namespace rubdown::bot {

class FloodGuard {
  public:
    enum class Verdict {
        act,              ///< handle the message as usual
        set_aside_first,  ///< the first set aside in this flood: tell the runner, once
        set_aside,        ///< set aside quietly
    };

    /// The default (RUBDOWN_RUNNER_MESSAGES_PER_MINUTE): far more than anyone types, and a pasted
    /// week of runs, a message a day, fits in the burst several times over.
    static constexpr std::size_t kDefaultPerMinute = 30;

    /// `per_minute` 0 turns the guard off (every message is acted on).
    explicit FloodGuard(std::size_t per_minute = kDefaultPerMinute) : per_minute_(per_minute) {}

    /// A new limit; every runner starts again with a full bucket.
    void set_per_minute(std::size_t per_minute);
    std::size_t per_minute() const;

    /// The verdict on a message from `runner_key`. `exempt` is asked only of a message that
    /// would be set aside: true acts on it anyway, counting nothing (a medical red flag).
    Verdict admit(const std::string& runner_key, storage::UnixSeconds received_at,
                  const std::function<bool()>& exempt = {});

    std::uint64_t set_aside_total() const { return set_aside_total_.load(); }
    std::uint64_t floods_total() const { return floods_total_.load(); }
    /// Runners whose bucket is not full (held in memory).
    std::size_t tracked_runners() const;

    /// Holding more runners than this, admit() forgets those whose bucket has filled again (and
    /// next time only past twice as many as it kept, so a sweep's cost is spread over admits).
    static constexpr std::size_t kSweepAbove = 4096;

  private:
    struct Bucket {
        double tokens = 0;
        storage::UnixSeconds at = 0;  ///< when `tokens` was worked out
        bool flooding = false;        ///< the runner was told, and has not slowed down since
    };
    double refilled(const Bucket& bucket, storage::UnixSeconds now) const;
    void sweep(storage::UnixSeconds now);

    std::size_t per_minute_;
    mutable std::mutex mutex_;
    std::unordered_map<std::string, Bucket> buckets_;
    std::size_t sweep_above_ = kSweepAbove;
    std::atomic<std::uint64_t> set_aside_total_{0};
    std::atomic<std::uint64_t> floods_total_{0};
};

/// What the bot says, once per flood.
std::string flood_notice();

}  // namespace rubdown::bot
