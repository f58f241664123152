#pragma once
/// The one owner of the SQLite connection. Every read and write is a job run on the store's own
/// thread, so SQLite never blocks an IO thread. Jobs queued while a transaction runs are taken
/// together into the next one (group commit): each job gets its own savepoint, so one failing job
/// never undoes another, and a job completes only after its transaction is committed, so an
/// acknowledged request is durable.

#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <type_traits>
#include <utility>
#include <vector>

#include <boost/asio/any_io_executor.hpp>
#include <boost/asio/associated_executor.hpp>
#include <boost/asio/async_result.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/post.hpp>

#include "storage/repositories.hpp"

namespace rubdown::storage {

class SqliteDatabase;
class WalCheckpointer;

/// Which queue a job waits in. Prompt jobs (recording a message before it is acknowledged, the
/// senders' bookkeeping) are all taken into the next transaction; background jobs (processing
/// recorded messages) join it only a few at a time, so an acknowledgement never waits behind a
/// long queue of processing.
enum class Lane { prompt, background };

struct StoreStats {
    std::uint64_t jobs = 0;
    std::uint64_t transactions = 0;
    std::uint64_t failed_jobs = 0;
};

class Store {
  public:
    /// Opens and migrates the database on the calling thread (errors surface at start-up), then
    /// hands the connection to the store thread.
    explicit Store(const std::string& path);
    ~Store();
    Store(const Store&) = delete;
    Store& operator=(const Store&) = delete;

    /// Runs `job(Repositories&)` on the store thread; completes with (exception_ptr, result) on the
    /// handler's executor after commit. The result type must be default-constructible. The store
    /// thread holds work on that executor until just after posting the completion, so its
    /// execution context must outlive the job even when the handler has already run: stop the
    /// store before destroying an io_context its jobs complete on.
    template <typename Job, typename CompletionToken>
    auto async_run(Job job, CompletionToken&& token, Lane lane = Lane::prompt);

    /// Runs a job and waits for its commit. For command-line tools and tests, never an IO thread.
    template <typename Job>
    auto run(Job job) -> std::invoke_result_t<Job&, Repositories&>;

    /// Finishes every queued job, then closes the database. Idempotent.
    void stop();

    StoreStats stats() const;
    bool healthy();

    /// Background jobs run beside the prompt jobs of a transaction: while messages keep arriving,
    /// acknowledging them comes first and processing only creeps along; it catches up as soon as
    /// the arrivals pause (the recorded messages are safe in the inbox meanwhile).
    static constexpr std::size_t kBackgroundBesidePrompt = 2;
    /// Background jobs in a transaction without prompt jobs at most, to share one commit. Such a
    /// transaction commits early when a prompt job arrives, so that job waits for one background
    /// job at most, not for all of them.
    static constexpr std::size_t kBackgroundWhenIdle = 64;

  private:
    struct Task {
        virtual ~Task() = default;
        virtual void execute(Repositories& repos) = 0;
        /// Completes this job alone: posts its handler to its executor, or finishes right here.
        virtual void complete(std::exception_ptr error) = 0;
        /// The executor the handler runs on, when the store may post it there together with the
        /// other completions for that executor (see deliver); null to complete() alone.
        virtual const boost::asio::any_io_executor* shared_executor() const { return nullptr; }
        /// Runs the handler now; called on shared_executor()'s thread.
        virtual void deliver(std::exception_ptr /*error*/) {}
    };

    template <typename Job, typename Handler>
    struct AsyncTask;

    void enqueue(std::unique_ptr<Task> task, Lane lane = Lane::prompt);
    void loop();
    /// Runs the prompt jobs of `batch`, then background jobs as the lanes allow (appended to
    /// `batch`), in one transaction; completes every job after the commit.
    void run_transaction(std::vector<std::unique_ptr<Task>>& batch);
    /// Completes the jobs of a transaction: one post per executor for those that allow it.
    /// Takes the jobs' errors, too.
    static void complete_all(std::vector<std::unique_ptr<Task>>& batch,
                             std::vector<std::exception_ptr>& errors);
    /// The next background job for the running transaction (`taken` so far), or null when it
    /// should commit now. `idle`: the transaction holds no prompt job.
    std::unique_ptr<Task> next_background(std::size_t taken, bool idle);

    std::unique_ptr<SqliteDatabase> db_;
    std::unique_ptr<WalCheckpointer> checkpointer_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::unique_ptr<Task>> queue_;
    std::deque<std::unique_ptr<Task>> background_;
    bool stopping_ = false;
    bool closed_ = false;  ///< the store thread has exited; no job can run any more
    StoreStats stats_;
    std::thread thread_;
};

template <typename Job, typename Handler>
struct Store::AsyncTask final : Store::Task {
    using Result = std::invoke_result_t<Job&, Repositories&>;
    using Stored = std::conditional_t<std::is_void_v<Result>, bool, Result>;

    using Executor = boost::asio::associated_executor_t<Handler>;
    static constexpr bool kShareable =
        std::is_convertible_v<Executor, boost::asio::any_io_executor>;

    AsyncTask(Job job, Handler handler)
        : job(std::move(job)),
          handler(std::move(handler)),
          work(boost::asio::make_work_guard(boost::asio::get_associated_executor(this->handler))) {
        if constexpr (kShareable) executor.emplace(work.get_executor());
    }

    void execute(Repositories& repos) override {
        if constexpr (std::is_void_v<Result>)
            job(repos);
        else
            result = job(repos);
    }

    void complete(std::exception_ptr error) override {
        auto executor = work.get_executor();
        boost::asio::post(
            executor, [handler = std::move(handler), error = std::move(error),
                       result = std::move(result)]() mutable { invoke(handler, error, result); });
        work.reset();
    }

    const boost::asio::any_io_executor* shared_executor() const override {
        return executor ? &*executor : nullptr;
    }

    void deliver(std::exception_ptr error) override {
        invoke(handler, error, result);
        work.reset();
    }

    /// The handler's signature: (error) for a void job, (error, result) otherwise.
    static void invoke(Handler& handler, std::exception_ptr error, Stored& result) {
        if constexpr (std::is_void_v<Result>)
            handler(error);
        else
            handler(error, error ? Result{} : std::move(result));
    }

    Job job;
    Handler handler;
    boost::asio::executor_work_guard<Executor> work;
    std::optional<boost::asio::any_io_executor> executor;  ///< set when kShareable
    Stored result{};
};

template <typename Job, typename CompletionToken>
auto Store::async_run(Job job, CompletionToken&& token, Lane lane) {
    using Result = std::invoke_result_t<Job&, Repositories&>;
    auto initiate = [this, lane](auto handler, Job job) {
        using Handler = decltype(handler);
        enqueue(std::make_unique<AsyncTask<Job, Handler>>(std::move(job), std::move(handler)),
                lane);
    };
    if constexpr (std::is_void_v<Result>)
        return boost::asio::async_initiate<CompletionToken, void(std::exception_ptr)>(
            initiate, token, std::move(job));
    else
        return boost::asio::async_initiate<CompletionToken, void(std::exception_ptr, Result)>(
            initiate, token, std::move(job));
}

template <typename Job>
auto Store::run(Job job) -> std::invoke_result_t<Job&, Repositories&> {
    using Result = std::invoke_result_t<Job&, Repositories&>;
    using Stored = std::conditional_t<std::is_void_v<Result>, bool, Result>;
    // Shared between this thread and the store thread, which may destroy its task first.
    struct Outcome {
        std::optional<Stored> result;
        std::exception_ptr error;
        bool done = false;
        std::mutex mutex;
        std::condition_variable finished;
    };
    struct BlockingTask final : Task {
        BlockingTask(Job job, std::shared_ptr<Outcome> outcome)
            : job(std::move(job)), outcome(std::move(outcome)) {}
        void execute(Repositories& repos) override {
            if constexpr (std::is_void_v<Result>) {
                job(repos);
                outcome->result.emplace(true);
            } else {
                outcome->result.emplace(job(repos));
            }
        }
        void complete(std::exception_ptr failure) override {
            std::lock_guard lock(outcome->mutex);
            outcome->error = std::move(failure);
            outcome->done = true;
            outcome->finished.notify_one();
        }
        Job job;
        std::shared_ptr<Outcome> outcome;
    };
    auto outcome = std::make_shared<Outcome>();
    enqueue(std::make_unique<BlockingTask>(std::move(job), outcome));
    std::unique_lock lock(outcome->mutex);
    outcome->finished.wait(lock, [&] { return outcome->done; });
    if (outcome->error) {
        // Taken out of the outcome, so that the exception's last owner is this thread, which
        // reads it, and never the store thread destroying its task (ThreadSanitizer cannot see
        // the exception's reference count, kept in the uninstrumented runtime).
        auto error = std::exchange(outcome->error, nullptr);
        lock.unlock();
        std::rethrow_exception(error);
    }
    if constexpr (!std::is_void_v<Result>) return std::move(*outcome->result);
}

}  // namespace rubdown::storage
