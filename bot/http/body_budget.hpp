#pragma once
/// The memory all request bodies being read at once may take, whatever the number of connections:
/// a body is admitted only once its bytes are reserved here (its declared length, or its route's
/// limit for a chunked one) and gives them back when its request is done. Without it, 2,048
/// connections each sending a 1 MiB body would hold 2 GiB.

#include <atomic>
#include <cstddef>
#include <optional>

namespace rubdown::bot {

class BodyBudget {
  public:
    explicit BodyBudget(std::size_t capacity) : capacity_(capacity) {}
    BodyBudget(const BodyBudget&) = delete;
    BodyBudget& operator=(const BodyBudget&) = delete;

    /// Bytes held until it is destroyed (or moved from).
    class Reservation {
      public:
        Reservation() = default;
        Reservation(Reservation&& other) noexcept;
        Reservation& operator=(Reservation&& other) noexcept;
        Reservation(const Reservation&) = delete;
        Reservation& operator=(const Reservation&) = delete;
        ~Reservation();

      private:
        friend class BodyBudget;
        Reservation(BodyBudget* budget, std::size_t bytes) : budget_(budget), bytes_(bytes) {}
        void release();
        BodyBudget* budget_ = nullptr;
        std::size_t bytes_ = 0;
    };

    /// The reservation, or nothing when `bytes` do not fit beside what is reserved. Thread-safe.
    std::optional<Reservation> try_reserve(std::size_t bytes);
    std::size_t reserved() const { return reserved_.load(); }
    std::size_t capacity() const { return capacity_; }

  private:
    const std::size_t capacity_;
    std::atomic<std::size_t> reserved_{0};
};

}  // namespace rubdown::bot
