#include "bot/http/body_budget.hpp"

#include <utility>

namespace rubdown::bot {

std::optional<BodyBudget::Reservation> BodyBudget::try_reserve(std::size_t bytes) {
    auto reserved = reserved_.load();
    do {
        if (bytes > capacity_ - reserved) return std::nullopt;
    } while (!reserved_.compare_exchange_weak(reserved, reserved + bytes));
    return Reservation(this, bytes);
}

BodyBudget::Reservation::Reservation(Reservation&& other) noexcept
    : budget_(std::exchange(other.budget_, nullptr)), bytes_(std::exchange(other.bytes_, 0)) {}

BodyBudget::Reservation& BodyBudget::Reservation::operator=(Reservation&& other) noexcept {
    if (this != &other) {
        release();
        budget_ = std::exchange(other.budget_, nullptr);
        bytes_ = std::exchange(other.bytes_, 0);
    }
    return *this;
}

BodyBudget::Reservation::~Reservation() {
    release();
}

void BodyBudget::Reservation::release() {
    if (budget_) budget_->reserved_ -= bytes_;
    budget_ = nullptr;
    bytes_ = 0;
}

}  // namespace rubdown::bot
