#include <catch2/catch.hpp>

#include <memory>
#include <vector>

#include "adapters/web/stream_slots.hpp"

using rubdown::web::StreamSlots;

TEST_CASE("stream slots: a cap for all and one per address, given back when a stream ends") {
    StreamSlots slots(3, 2);
    auto first = slots.take("10.0.0.1", false);
    auto second = slots.take("10.0.0.1", false);
    REQUIRE(first);
    REQUIRE(second);
    CHECK_FALSE(slots.take("10.0.0.1", false));  // the address has its two
    auto other = slots.take("10.0.0.2", false);
    REQUIRE(other);
    CHECK(slots.open() == 3);
    CHECK_FALSE(slots.take("10.0.0.3", false));  // the server has its three
    // A copy of a handle holds the same slot; the last one to go gives it back.
    auto copy = first;
    first.reset();
    CHECK(slots.open() == 3);
    copy.reset();
    CHECK(slots.open() == 2);
    CHECK(slots.take("10.0.0.1", false));  // returned at once: a temporary handle
    CHECK(slots.open() == 2);
}

TEST_CASE("stream slots: an address that speaks for many (a proxy) is held only to the total") {
    StreamSlots slots(4, 1);
    std::vector<std::shared_ptr<void>> held;
    for (int i = 0; i < 4; ++i) {
        held.push_back(slots.take("127.0.0.1", true));
        CHECK(held.back());
    }
    CHECK_FALSE(slots.take("127.0.0.1", true));
    held.clear();
    CHECK(slots.open() == 0);
}
