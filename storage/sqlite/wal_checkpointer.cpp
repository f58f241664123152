#include "storage/sqlite/wal_checkpointer.hpp"

#include <pthread.h>
#include <sqlite3.h>

#include <SQLiteCpp/Database.h>

namespace rubdown::storage {

WalCheckpointer::WalCheckpointer(std::string path)
    : path_(std::move(path)), thread_([this] { loop(); }) {}

WalCheckpointer::~WalCheckpointer() {
    stop();
}

void WalCheckpointer::committed(int frames) {
    commits_.fetch_add(1, std::memory_order_relaxed);
    if (frames < kFramesBeforeCheckpoint) return;
    {
        std::lock_guard lock(mutex_);
        log_grew_ = true;
        if (wanted_ || frames >= kFramesLimit) return;
        wanted_ = true;
    }
    wake_.notify_one();
}

WalCheckpointer::Work WalCheckpointer::wait_for_work() {
    std::unique_lock lock(mutex_);
    const auto asked = [this] { return stopping_ || wanted_; };
    while (log_grew_) {
        const auto seen = commits_.load(std::memory_order_relaxed);
        if (wake_.wait_for(lock, kQuietBeforeShrink, asked)) break;
        if (commits_.load(std::memory_order_relaxed) == seen) {
            log_grew_ = false;
            return Work::shrink;
        }
    }
    wake_.wait(lock, asked);
    if (stopping_) return Work::stop;
    wanted_ = false;
    return Work::checkpoint;
}

void WalCheckpointer::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

void WalCheckpointer::loop() {
    pthread_setname_np(pthread_self(), "wal-checkpoint");  // for `top -H` and perf
    try {
        SQLite::Database db(path_, SQLite::OPEN_READWRITE | SQLite::OPEN_NOMUTEX);
        // A connection learns the file is in WAL mode on its first read; until then a checkpoint
        // on it does nothing.
        db.exec("PRAGMA journal_mode = WAL");
        for (;;) {
            const auto work = wait_for_work();
            if (work == Work::stop) return;
            if (work == Work::shrink) {
                // TRUNCATE needs the writer's lock and every reader done; with no busy timeout
                // it gives up at once instead of holding the store thread up.
                const int result = sqlite3_wal_checkpoint_v2(
                    db.getHandle(), nullptr, SQLITE_CHECKPOINT_TRUNCATE, nullptr, nullptr);
                if (result != SQLITE_OK) {
                    std::lock_guard lock(mutex_);
                    log_grew_ = true;  // try again after the next quiet spell
                }
                continue;
            }
            // PASSIVE copies what no reader still needs and never waits for a lock; a busy
            // answer (the store thread checkpointing at the same moment) is simply tried again
            // at the next request.
            sqlite3_wal_checkpoint_v2(db.getHandle(), nullptr, SQLITE_CHECKPOINT_PASSIVE, nullptr,
                                      nullptr);
        }
    } catch (const SQLite::Exception&) {
        // No connection of its own: the store thread's checkpoints (past kFramesLimit)
        // still keep the log bounded, only later and on its own time.
    }
}

}  // namespace rubdown::storage
