#include <catch2/catch.hpp>

#include <sys/resource.h>

#include "bot/cli/process_limits.hpp"

using rubdown::bot::raise_open_file_limit;

TEST_CASE("the open-file limit is raised towards what the connection cap needs") {
    rlimit original{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &original) == 0);
    if (original.rlim_max != RLIM_INFINITY && original.rlim_max < 512) {
        WARN("hard open-file limit " << original.rlim_max << " is too low for this test");
        return;
    }
    // Start low, as many systems start processes at 1024 or below.
    rlimit low = original;
    low.rlim_cur = 256;
    REQUIRE(::setrlimit(RLIMIT_NOFILE, &low) == 0);

    CHECK(raise_open_file_limit(400) == 400);
    rlimit now{};
    REQUIRE(::getrlimit(RLIMIT_NOFILE, &now) == 0);
    CHECK(now.rlim_cur == 400);
    // Never lowered when it is already enough.
    CHECK(raise_open_file_limit(300) == 400);
    // Never above the hard limit.
    if (original.rlim_max != RLIM_INFINITY) {
        CHECK(raise_open_file_limit(static_cast<std::size_t>(original.rlim_max) + 1000) ==
              static_cast<std::size_t>(original.rlim_max));
    }
    ::setrlimit(RLIMIT_NOFILE, &original);
}
