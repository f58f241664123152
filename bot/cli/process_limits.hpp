#pragma once
/// Limits the operating system puts on the server process, raised where the server needs it.

#include <cstddef>

namespace rubdown::bot {

/// Raises the soft limit on open files towards `wanted` (never above the hard limit) and returns
/// the soft limit in force afterwards. Every connection costs a descriptor, and many systems start
/// processes at 1024, below the default connection cap: past it `accept` fails instead of the cap
/// refusing politely.
std::size_t raise_open_file_limit(std::size_t wanted);

/// Blocks of `bytes` or more (request bodies, large replies) are mapped on their own and given
/// back to the system when freed. glibc's default threshold rises to the size of the largest
/// block freed, after which a burst of 1 MiB bodies stays in the heap once it is over.
void return_large_blocks_to_the_system(std::size_t bytes = 128 * 1024);

}  // namespace rubdown::bot
