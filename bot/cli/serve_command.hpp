#pragma once
/// `rubdown serve`: the server with every channel the configuration enables, until SIGINT or
/// SIGTERM.

#include "bot/cli/config.hpp"

namespace rubdown::bot {

/// Returns the process exit code (0 after a graceful stop). Throws on a start-up problem (a bad
/// token, a port in use), which main reports in one line.
int run_serve(const Config& config);

}  // namespace rubdown::bot
