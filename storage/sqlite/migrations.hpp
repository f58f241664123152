#pragma once
/// The numbered schema migrations. Version N is applied when PRAGMA user_version is below N; each
/// runs in its own transaction, so a crash mid-migration leaves the previous version intact.

#include <span>

namespace rubdown::storage {

struct Migration {
    int version;
    const char* sql;
};

std::span<const Migration> all_migrations();

}  // namespace rubdown::storage
