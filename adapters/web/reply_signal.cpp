#include "adapters/web/reply_signal.hpp"

#include <algorithm>
#include <iterator>

#include <boost/asio/post.hpp>
#include <boost/asio/redirect_error.hpp>
#include <boost/asio/this_coro.hpp>
#include <boost/asio/use_awaitable.hpp>

namespace rubdown::web {

namespace asio = boost::asio;

std::uint64_t ReplySignal::version(const std::string& chat) {
    std::lock_guard lock(mutex_);
    auto [found, created] = chats_.try_emplace(chat);
    if (created) found->second.version = next_version_++;
    return found->second.version;
}

asio::awaitable<void> ReplySignal::wait(const std::string& chat, std::uint64_t seen,
                                        std::chrono::steady_clock::duration timeout) {
    auto waiter =
        std::make_shared<Waiter>(asio::steady_timer(co_await asio::this_coro::executor, timeout));
    {
        std::lock_guard lock(mutex_);
        if (stopped_) co_return;
        auto [found, created] = chats_.try_emplace(chat);
        if (created) found->second.version = next_version_++;
        if (found->second.version != seen) co_return;
        auto& waiters = found->second.waiters;
        std::erase_if(waiters, [](const auto& weak) { return weak.expired(); });
        waiters.push_back(waiter);
        sweep();
    }
    // A wake posts its cancel to this executor, so it runs after this wait has begun.
    boost::system::error_code ignored;
    co_await waiter->timer.async_wait(asio::redirect_error(asio::use_awaitable, ignored));
}

void ReplySignal::notify(const std::string& chat) {
    std::vector<std::weak_ptr<Waiter>> waiters;
    {
        std::lock_guard lock(mutex_);
        auto [found, created] = chats_.try_emplace(chat);
        found->second.version = next_version_++;
        waiters.swap(found->second.waiters);
    }
    wake(waiters);
}

void ReplySignal::stop() {
    std::vector<std::weak_ptr<Waiter>> waiters;
    {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        for (auto& [chat, state] : chats_)
            for (auto& waiter : state.waiters) waiters.push_back(std::move(waiter));
        chats_.clear();
    }
    wake(waiters);
}

bool ReplySignal::stopped() const {
    std::lock_guard lock(mutex_);
    return stopped_;
}

std::size_t ReplySignal::waiting() const {
    std::lock_guard lock(mutex_);
    std::size_t count = 0;
    for (const auto& [chat, state] : chats_)
        count += static_cast<std::size_t>(
            std::count_if(state.waiters.begin(), state.waiters.end(),
                          [](const auto& weak) { return !weak.expired(); }));
    return count;
}

void ReplySignal::wake(const std::vector<std::weak_ptr<Waiter>>& waiters) {
    for (const auto& weak : waiters)
        if (auto waiter = weak.lock())
            asio::post(waiter->timer.get_executor(), [waiter] { waiter->timer.cancel(); });
}

void ReplySignal::sweep() {
    constexpr std::size_t kSweepAbove = 4096;
    if (chats_.size() <= sweep_above_) return;
    for (auto chat = chats_.begin(); chat != chats_.end();) {
        auto& waiters = chat->second.waiters;
        std::erase_if(waiters, [](const auto& weak) { return weak.expired(); });
        chat = waiters.empty() ? chats_.erase(chat) : std::next(chat);
    }
    sweep_above_ = std::max(kSweepAbove, chats_.size() * 2);
}

}  // namespace rubdown::web
