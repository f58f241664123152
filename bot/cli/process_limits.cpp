#include "bot/cli/process_limits.hpp"

#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>

namespace rubdown::bot {

std::size_t raise_open_file_limit(std::size_t wanted) {
    rlimit limit{};
    if (::getrlimit(RLIMIT_NOFILE, &limit) != 0) return 0;
    const auto target = static_cast<rlim_t>(wanted);
    if (limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur < target) {
        rlimit raised = limit;
        raised.rlim_cur =
            limit.rlim_max == RLIM_INFINITY ? target : std::min(target, limit.rlim_max);
        if (::setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? wanted : static_cast<std::size_t>(limit.rlim_cur);
}

void return_large_blocks_to_the_system(std::size_t bytes) {
    // Setting the threshold also turns glibc's dynamic adjustment of it off.
    mallopt(M_MMAP_THRESHOLD, static_cast<int>(bytes));
}

}  // namespace rubdown::bot
