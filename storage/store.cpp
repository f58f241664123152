#include "storage/store.hpp"

#include <pthread.h>

#include <algorithm>
#include <stdexcept>
#include <utility>

#include "storage/sqlite/sqlite_database.hpp"
#include "storage/sqlite/wal_checkpointer.hpp"

namespace rubdown::storage {

Store::Store(const std::string& path)
    : db_(std::make_unique<SqliteDatabase>(path)),
      checkpointer_(std::make_unique<WalCheckpointer>(path)) {
    db_->on_commit(
        [checkpointer = checkpointer_.get()](int frames) { checkpointer->committed(frames); });
    thread_ = std::thread([this] {
        pthread_setname_np(pthread_self(), "store");  // for `top -H` and perf
        loop();
    });
}

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
    checkpointer_->stop();
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
        }
        run_transaction(batch);
        batch.clear();
    }
}

std::unique_ptr<Store::Task> Store::next_background(std::size_t taken, bool idle) {
    std::lock_guard lock(mutex_);
    if (background_.empty()) return nullptr;
    // Prompt jobs in this transaction wait for its commit: only the guaranteed share joins them.
    if (!idle && taken >= kBackgroundBesidePrompt) return nullptr;
    // A prompt job arrived while background work ran: commit now so it runs next.
    if (idle && (taken >= kBackgroundWhenIdle || !queue_.empty())) return nullptr;
    auto task = std::move(background_.front());
    background_.pop_front();
    return task;
}

void Store::run_transaction(std::vector<std::unique_ptr<Task>>& batch) {
    std::vector<std::exception_ptr> errors;
    std::uint64_t failed = 0;
    // Each job in its own savepoint: a failing job is undone alone, the others still commit.
    const auto run_job = [&](std::size_t index) {
        db_->savepoint("job");
        try {
            batch[index]->execute(db_->repositories());
            db_->release("job");
        } catch (...) {
            errors[index] = std::current_exception();
            ++failed;
            db_->rollback_to("job");
            db_->release("job");
        }
    };
    const bool idle = batch.empty();
    try {
        errors.resize(batch.size());
        db_->begin();
        for (std::size_t i = 0; i < batch.size(); ++i) run_job(i);
        for (std::size_t taken = 0;; ++taken) {
            auto task = next_background(taken, idle);
            if (!task) break;
            batch.push_back(std::move(task));  // in the batch first: a failure below fails it too
            errors.resize(batch.size());
            run_job(batch.size() - 1);
        }
        db_->commit();
    } catch (...) {
        // The transaction itself failed (disk full, I/O error): nothing of the batch is durable.
        const auto error = std::current_exception();
        try {
            db_->rollback();
        } catch (...) {
        }
        errors.assign(batch.size(), error);
        failed = batch.size();
    }
    {
        std::lock_guard lock(mutex_);
        stats_.jobs += batch.size();
        stats_.transactions += 1;
        stats_.failed_jobs += failed;
    }
    complete_all(batch, errors);
    // The checkpointer lags behind a steady stream of commits, and the log only starts over once
    // all of it is copied: past the limit, copy the rest here, after this batch's completions.
    if (db_->wal_frames() >= WalCheckpointer::kFramesLimit) db_->checkpoint();
}

void Store::complete_all(std::vector<std::unique_ptr<Task>>& batch,
                         std::vector<std::exception_ptr>& errors) {
    // Posting each completion on its own cost a queue operation apiece, and waking an idle IO
    // thread (an epoll_ctl) for most of them: one post per executor and transaction instead.
    // The errors are moved, not copied: this thread must not hold the last reference to an
    // exception that a handler reads on another (exception_ptr's count is invisible to TSan).
    struct Completions {
        boost::asio::any_io_executor executor;
        std::vector<std::pair<std::unique_ptr<Task>, std::exception_ptr>> jobs;
    };
    std::vector<Completions> by_executor;  // a handful: the IO threads and a few strands
    for (std::size_t i = 0; i < batch.size(); ++i) {
        const auto* executor = batch[i]->shared_executor();
        if (!executor) {
            batch[i]->complete(std::move(errors[i]));
            continue;
        }
        auto group = std::find_if(by_executor.begin(), by_executor.end(),
                                  [&](const Completions& c) { return c.executor == *executor; });
        if (group == by_executor.end())
            group = by_executor.insert(by_executor.end(), Completions{*executor, {}});
        group->jobs.emplace_back(std::move(batch[i]), std::move(errors[i]));
    }
    for (auto& group : by_executor) {
        boost::asio::post(group.executor, [jobs = std::move(group.jobs)]() mutable {
            for (auto& [task, error] : jobs) task->deliver(error);
        });
    }
}

}  // namespace rubdown::storage
