#include "storage/sqlite/sqlite_backup.hpp"

#include <chrono>
#include <filesystem>
#include <system_error>
#include <thread>

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/Database.h>
#include <SQLiteCpp/Exception.h>
#include <sqlite3.h>

namespace rubdown::storage {

namespace fs = std::filesystem;

namespace {

/// The copy is written here first, in the target's folder, so the final rename cannot cross
/// file systems.
std::string partial_name(const std::string& target) {
    return target + ".partial";
}

void remove_partial(const std::string& partial) {
    std::error_code ignored;
    fs::remove(partial, ignored);
    fs::remove(partial + "-journal", ignored);
}

void check_paths(const std::string& source, const std::string& target) {
    std::error_code error;
    if (!fs::is_regular_file(source, error)) throw BackupError("no database at " + source);
    const auto folder = fs::absolute(target).parent_path();
    if (!fs::is_directory(folder, error))
        throw BackupError("cannot write " + target + ": no folder " + folder.string());
    if (fs::exists(target, error) && fs::equivalent(source, target, error))
        throw BackupError("the backup must go to another file than the database itself");
}

/// Every page at once: one read transaction, so the copy is one instant of the database. In
/// WAL mode that transaction does not block the server's writers.
std::int64_t copy_pages(SQLite::Database& from, const std::string& partial) {
    SQLite::Database to(partial, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    std::int64_t pages = 0;
    {
        SQLite::Backup backup(to, from);
        // Busy only while a checkpoint restarts the log; the source's busy timeout waits first.
        int result = backup.executeStep(-1);
        for (int attempt = 1; result != SQLITE_DONE && attempt < 20; ++attempt) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            result = backup.executeStep(-1);
        }
        if (result != SQLITE_DONE) throw BackupError("the database stayed busy; try again");
        pages = backup.getTotalPageCount();
    }
    const auto check = to.execAndGet("PRAGMA quick_check").getString();
    if (check != "ok") throw BackupError("the copy failed its integrity check: " + check);
    return pages;
}

}  // namespace

BackupReport backup_database(const std::string& source, const std::string& target) {
    check_paths(source, target);
    const auto partial = partial_name(target);
    remove_partial(partial);
    BackupReport report;
    try {
        // Read and write, never create: a read-only connection could not use the server's
        // write-ahead log index. Nothing is written through it.
        SQLite::Database from(source, SQLite::OPEN_READWRITE);
        from.setBusyTimeout(10000);
        report.pages = copy_pages(from, partial);
    } catch (const SQLite::Exception& error) {
        remove_partial(partial);
        throw BackupError(std::string("backup of ") + source + " failed: " + error.what());
    } catch (...) {
        remove_partial(partial);
        throw;
    }
    std::error_code error;
    fs::rename(partial, target, error);
    if (error) {
        remove_partial(partial);
        throw BackupError("cannot write " + target + ": " + error.message());
    }
    report.bytes = fs::file_size(target, error);
    return report;
}

}  // namespace rubdown::storage
