#define CATCH_CONFIG_RUNNER
#include <catch2/catch.hpp>

#include <spdlog/spdlog.h>

int main(int argc, char* argv[]) {
    // spdlog creates its registry and default logger on first use. Create them here, before any
    // test starts threads: two threads logging first at once is safe (a function-local static),
    // but ThreadSanitizer cannot see the guard inside the uninstrumented system libspdlog and
    // reports a race between the logger's construction and its first use on another thread.
    spdlog::default_logger_raw();
    return Catch::Session().run(argc, argv);
}
