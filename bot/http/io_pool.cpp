#include "bot/http/io_pool.hpp"

#include <pthread.h>

#include <algorithm>
#include <string>

namespace rubdown::bot {

IoPool::IoPool(unsigned threads) {
    const unsigned count = std::max(1u, threads);
    contexts_.reserve(count);
    // Concurrency hint 1: each context is run by one thread (others only post to it).
    for (unsigned i = 0; i < count; ++i)
        contexts_.push_back(std::make_unique<boost::asio::io_context>(1));
    for (unsigned i = 1; i < count; ++i)
        idle_guards_.push_back(boost::asio::make_work_guard(*contexts_[i]));
}

IoPool::~IoPool() {
    stop();
}

boost::asio::any_io_executor IoPool::next_executor() {
    const auto index = next_.fetch_add(1, std::memory_order_relaxed) % contexts_.size();
    return contexts_[index]->get_executor();
}

void IoPool::run() {
    std::vector<std::thread> threads;
    threads.reserve(contexts_.size() - 1);
    for (std::size_t i = 1; i < contexts_.size(); ++i)
        threads.emplace_back([context = contexts_[i].get(), i] {
            // Named so that `top -H` and perf tell the threads apart; the main one keeps the
            // process name.
            pthread_setname_np(pthread_self(), ("io-" + std::to_string(i)).c_str());
            context->run();
        });
    contexts_.front()->run();
    // The main context ran out of work or was stopped: the others follow.
    stop();
    for (auto& thread : threads) thread.join();
}

void IoPool::stop() {
    for (auto& context : contexts_) context->stop();
}

}  // namespace rubdown::bot
