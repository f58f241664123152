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
    if (frames < kFramesBeforeCheckpoint || frames >= kFramesLimit) return;
    {
        std::lock_guard lock(mutex_);
        if (wanted_) return;
        wanted_ = true;
    }
    wake_.notify_one();
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
            {
                std::unique_lock lock(mutex_);
                wake_.wait(lock, [this] { return stopping_ || wanted_; });
                if (stopping_) return;
                wanted_ = false;
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
