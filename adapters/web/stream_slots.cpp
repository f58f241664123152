#include "adapters/web/stream_slots.hpp"

#include <utility>

namespace rubdown::web {

std::shared_ptr<void> StreamSlots::take(const std::string& address, bool shared_address) {
    {
        std::lock_guard lock(mutex_);
        if (open_ >= max_total_) return nullptr;
        auto& mine = by_address_[address];
        if (!shared_address && mine >= max_per_address_) {
            if (mine == 0) by_address_.erase(address);
            return nullptr;
        }
        ++mine;
        ++open_;
    }
    // The handle gives the slot back when its last copy goes; it must not outlive this object
    // (the channel owns both, and a stream ends before its channel).
    struct Held {
        // A constructor, not aggregate initialisation: make_shared's parentheses need one before
        // C++20's P0960, which clang 14 (the fuzz build) lacks.
        Held(StreamSlots& owner, std::string from) : slots(owner), address(std::move(from)) {}
        Held(const Held&) = delete;
        Held& operator=(const Held&) = delete;
        ~Held() { slots.give_back(address); }
        StreamSlots& slots;
        std::string address;
    };
    return std::make_shared<Held>(*this, address);
}

std::size_t StreamSlots::open() const {
    std::lock_guard lock(mutex_);
    return open_;
}

void StreamSlots::give_back(const std::string& address) {
    std::lock_guard lock(mutex_);
    --open_;
    const auto found = by_address_.find(address);
    if (found != by_address_.end() && --found->second == 0) by_address_.erase(found);
}

}  // namespace rubdown::web
