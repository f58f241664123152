#pragma once
/// How many event streams may be open at once, in all and from one address. A stream holds its
/// connection for minutes; without a cap, streams alone (anyone can make up a session cookie)
/// could take every connection the server allows, and the platforms' webhooks with them.
/// Thread-safe.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>

namespace rubdown::web {

class StreamSlots {
  public:
    StreamSlots(std::size_t max_total, std::size_t max_per_address)
        : max_total_(max_total), max_per_address_(max_per_address) {}

    /// A slot for a stream from `address` (a rate key), held until the returned handle and its
    /// copies are gone; null when the server or the address has no slot left. `shared_address`:
    /// the address stands for many people (a reverse proxy on loopback) and has no cap of its
    /// own.
    std::shared_ptr<void> take(const std::string& address, bool shared_address);

    std::size_t open() const;

  private:
    void give_back(const std::string& address);

    std::size_t max_total_;
    std::size_t max_per_address_;
    mutable std::mutex mutex_;
    std::size_t open_ = 0;
    std::unordered_map<std::string, std::size_t> by_address_;
};

}  // namespace rubdown::web
