#pragma once
/// `rubdown chat`: a conversation on stdin/stdout through the same dispatcher, engine and database
/// as the platforms.

#include <iosfwd>

#include "bot/cli/config.hpp"

namespace rubdown::bot {

/// Returns the process exit code. `interactive` adds a prompt and a greeting line.
int run_chat(const Config& config, const std::string& user, std::istream& in, std::ostream& out,
             bool interactive);

}  // namespace rubdown::bot
