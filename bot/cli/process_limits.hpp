#pragma once
/// Limits the operating system puts on the server process, raised where the server needs it.

#include <cstddef>

namespace rubdown::bot {

/// Raises the soft limit on open files towards `wanted` (never above the hard limit) and returns
/// the soft limit in force afterwards. Every connection costs a descriptor, and many systems start
/// processes at 1024, below the default connection cap: past it `accept` fails instead of the cap
/// refusing politely.
std::size_t raise_open_file_limit(std::size_t wanted);

}  // namespace rubdown::bot
