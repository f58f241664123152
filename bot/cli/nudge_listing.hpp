#pragma once
/// `rubdown nudges [--user CHANNEL:ID]`: the pending nudges as a plain-text table, for operators.

#include <cstddef>
#include <optional>
#include <string>

#include "storage/repositories.hpp"

namespace rubdown::bot {

/// A table of pending nudges, earliest first: due instant (ISO UTC), the runner's local time at
/// that instant, kind, user key, and the race date for race nudges. Only `user_key`'s nudges when
/// given. At most `limit` rows, with a closing line saying whether more are pending.
std::string format_pending_nudges(storage::Repositories& repos, std::optional<std::string> user_key,
                                  std::size_t limit = 1000);

}  // namespace rubdown::bot
