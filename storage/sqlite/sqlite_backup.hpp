#pragma once
/// A consistent copy of a live SQLite database, made with SQLite's online backup API while the
/// server keeps writing: the copy holds the database as of one instant (one read transaction;
/// the write-ahead log lets writers go on meanwhile). It is written beside the target, checked,
/// and renamed into place, so a failed backup never leaves a partial file under the target name.

#include <cstdint>
#include <stdexcept>
#include <string>

namespace rubdown::storage {

struct BackupReport {
    std::int64_t pages = 0;
    std::uintmax_t bytes = 0;
};

/// Raised with a message fit for an operator: which file, and what is wrong with it.
class BackupError : public std::runtime_error {
  public:
    using std::runtime_error::runtime_error;
};

/// Copies the database at `source` (which must exist; it is never created or changed) to
/// `target`, replacing a file there. Throws BackupError.
BackupReport backup_database(const std::string& source, const std::string& target);

}  // namespace rubdown::storage
