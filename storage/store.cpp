#include "storage/store.hpp"

#include <stdexcept>

#include "storage/sqlite_database.hpp"

namespace rubdown::storage {

Store::Store(const std::string& path)
    : db_(std::make_unique<SqliteDatabase>(path)), thread_([this] { loop(); }) {}

Store::~Store() {
    stop();
}

void Store::stop() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

StoreStats Store::stats() const {
    std::lock_guard lock(mutex_);
    return stats_;
}

bool Store::healthy() {
    try {
        return run([this](Repositories&) { return db_->healthy(); });
    } catch (const std::exception&) {
        return false;
    }
}

void Store::enqueue(std::unique_ptr<Task> task, Lane lane) {
    {
        std::lock_guard lock(mutex_);
        if (!closed_) {
            if (lane == Lane::background)
                background_.push_back(std::move(task));
            else
                queue_.push_back(std::move(task));
            task = nullptr;
        }
    }
    if (task) {
        // Fail the job through its own completion rather than throwing from inside an async
        // initiation, which would escape the caller's coroutine machinery.
        task->complete(std::make_exception_ptr(std::runtime_error("the store is stopped")));
        return;
    }
    wake_.notify_one();
}

void Store::loop() {
    std::vector<std::unique_ptr<Task>> batch;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock,
                       [this] { return stopping_ || !queue_.empty() || !background_.empty(); });
            if (queue_.empty() && background_.empty()) {  // stopping, and nothing left to do
                closed_ = true;
                return;
            }
            batch.swap(queue_);
            // Prompt jobs first, then a few background ones in FIFO order: the transaction stays
            // short for the prompt jobs, and background work still advances every time.
            for (std::size_t taken = 0; taken < kBackgroundPerTransaction && !background_.empty();
                 ++taken) {
                batch.push_back(std::move(background_.front()));
                background_.pop_front();
            }
        }
        run_batch(batch);
        batch.clear();
    }
}

void Store::run_batch(std::vector<std::unique_ptr<Task>>& batch) {
    std::vector<std::exception_ptr> errors(batch.size());
    std::uint64_t failed = 0;
    try {
        db_->begin();
        for (std::size_t i = 0; i < batch.size(); ++i) {
            db_->savepoint("job");
            try {
                batch[i]->execute(db_->repositories());
                db_->release("job");
            } catch (...) {
                errors[i] = std::current_exception();
                ++failed;
                db_->rollback_to("job");
                db_->release("job");
            }
        }
        db_->commit();
    } catch (...) {
        // The transaction itself failed (disk full, I/O error): nothing of the batch is durable.
        const auto error = std::current_exception();
        try {
            db_->rollback();
        } catch (...) {
        }
        for (auto& slot : errors) slot = error;
        failed = batch.size();
    }
    {
        std::lock_guard lock(mutex_);
        stats_.jobs += batch.size();
        stats_.transactions += 1;
        stats_.failed_jobs += failed;
    }
    for (std::size_t i = 0; i < batch.size(); ++i) batch[i]->complete(errors[i]);
}

}  // namespace rubdown::storage
