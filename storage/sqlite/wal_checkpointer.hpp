#pragma once
/// Copies the write-ahead log into the database file on a thread of its own.
///
/// SQLite's automatic checkpoint runs on the committing connection, right after a commit: on
/// the store thread, which also records every incoming message before its acknowledgement. Each
/// one copies up to a thousand pages and syncs the log and the database to disk, and every
/// acknowledgement waits meanwhile (p99 of the webhook went from 6.5 to 13 ms under a burst).
/// Here a second connection does that work beside the store thread. The store thread still
/// finishes a checkpoint itself when the log grows long (kFramesLimit): the log only starts over
/// once every frame is copied, which a checkpointer running beside a steady stream of commits
/// never quite reaches.
///
/// A burst leaves a long log file behind (SQLite reuses the file rather than shrink it). Once the
/// store has been quiet for kQuietBeforeShrink after the log grew long, this thread truncates it
/// (a TRUNCATE checkpoint, which gives up at once if a writer or reader is busy and is tried again
/// after the next quiet spell); under steady traffic the store's journal_size_limit cuts the file
/// back each time the log starts over.

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <string>
#include <thread>

namespace rubdown::storage {

class WalCheckpointer {
  public:
    /// Log frames (pages) after which a checkpoint runs: SQLite's own default.
    static constexpr int kFramesBeforeCheckpoint = 1000;
    /// Past this many (about 16 MB of log) the committing thread copies the rest itself, between
    /// two transactions, and this thread stays out of its way (two checkpoints exclude each
    /// other, and a PASSIVE one gives up instead of waiting).
    static constexpr int kFramesLimit = 4000;
    /// No commit for this long after the log grew past kFramesBeforeCheckpoint: truncate it.
    static constexpr std::chrono::seconds kQuietBeforeShrink{2};

    /// Opens its own connection to `path` (already in WAL mode) on its thread.
    explicit WalCheckpointer(std::string path);
    ~WalCheckpointer();
    WalCheckpointer(const WalCheckpointer&) = delete;
    WalCheckpointer& operator=(const WalCheckpointer&) = delete;

    /// After each commit, with the frames now in the log; cheap, from the committing thread.
    void committed(int frames);
    /// Waits for a checkpoint in progress to end. Idempotent.
    void stop();

  private:
    enum class Work { checkpoint, shrink, stop };
    void loop();
    /// Waits for a checkpoint request, for a quiet spell after the log grew long (shrink), or
    /// for stop().
    Work wait_for_work();

    const std::string path_;
    std::mutex mutex_;
    std::condition_variable wake_;
    bool wanted_ = false;
    bool stopping_ = false;
    bool log_grew_ = false;  ///< the log passed kFramesBeforeCheckpoint since the last shrink
    std::atomic<std::uint64_t> commits_{0};
    std::thread thread_;
};

}  // namespace rubdown::storage
