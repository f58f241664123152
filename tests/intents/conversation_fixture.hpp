#pragma once
/// A runner talking to the real engine over a real SQLite file, one transaction per message,
/// the way the dispatcher does it.

#include <chrono>
#include <filesystem>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <date/date.h>

#include "intents/engine.hpp"
#include "intents/handlers/intent_engine.hpp"
#include "storage/sqlite/sqlite_database.hpp"

namespace rubdown::testing {

/// 2026-11-23 is a Monday.
inline intents::Seconds at(int year, unsigned month, unsigned day, int hour = 10, int minute = 0) {
    return date::sys_days{date::year{year} / month / day} + std::chrono::hours{hour} +
           std::chrono::minutes{minute};
}

class TempDatabaseFile {
  public:
    TempDatabaseFile() {
        std::random_device random;
        path_ = std::filesystem::temp_directory_path() /
                ("rubdown-intents-" + std::to_string(random()) + "-" + std::to_string(random()) +
                 ".db");
    }
    ~TempDatabaseFile() {
        std::error_code ignored;
        for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
            std::filesystem::remove(path_.string() + suffix, ignored);
        }
    }
    TempDatabaseFile(const TempDatabaseFile&) = delete;
    TempDatabaseFile& operator=(const TempDatabaseFile&) = delete;
    std::string path() const { return path_.string(); }

  private:
    std::filesystem::path path_;
};

/// The engine is shared: building it trains the NLU, and it keeps no state between messages.
inline intents::handlers::IntentEngine& shared_engine() {
    static intents::handlers::IntentEngine engine;
    return engine;
}

class Conversation {
  public:
    explicit Conversation(intents::Seconds start = at(2026, 11, 23), bool zone_known = true,
                          std::string booking_url = "https://book.example/rubdown")
        : now(start), database_(std::make_unique<storage::SqliteDatabase>(file_.path())) {
        settings.booking_url = std::move(booking_url);
        if (zone_known) {
            auto user = repos().users.find_or_create(user_key, "console", "ana", "Ana",
                                                     start.time_since_epoch().count());
            user.time_zone = "Europe/Berlin";
            user.time_zone_known = true;
            user.time_zone_asked = true;
            repos().users.update(user);
        }
    }

    storage::Repositories& repos() { return database_->repositories(); }

    /// The runner as stored now (nothing after /forget).
    std::optional<storage::User> user() { return repos().users.find_by_key(user_key); }
    std::int64_t user_id() { return user().value().id; }

    std::vector<intents::Reply> say(const std::string& text) { return deliver(text, ""); }
    std::vector<intents::Reply> press(const std::string& action) { return deliver("", action); }
    /// A message as a platform names it: `source_id` and, for an edit, a rising `edit_version`.
    std::vector<intents::Reply> say_as(const std::string& text, const std::string& source_id,
                                       std::int64_t edit_version = 0) {
        return deliver(text, "", source_id, edit_version);
    }

    /// Just the first reply's text, for the common one-reply case.
    std::string say_text(const std::string& text) {
        const auto replies = say(text);
        return replies.empty() ? std::string{} : replies.front().text;
    }

    storage::User last_user;  ///< the context's user after the last message
    intents::Seconds now;
    intents::EngineSettings settings;
    std::string user_key = "console:ana";

  private:
    std::vector<intents::Reply> deliver(const std::string& text, const std::string& action,
                                        const std::string& source_id = "",
                                        std::int64_t edit_version = 0) {
        intents::IncomingMessage message;
        message.channel = "console";
        message.user_key = user_key;
        message.chat_id = "ana";
        message.display_name = "Ana";
        message.text = text;
        message.action = action;
        message.source_id = source_id;
        message.edit_version = edit_version;
        database_->begin();
        auto user = repos().users.find_or_create(user_key, "console", "ana", "Ana",
                                                 now.time_since_epoch().count());
        intents::HandlerContext context{repos(), user, message, now, settings};
        auto replies = shared_engine().respond(context);
        // The dispatcher's rule: a forgotten runner (id 0) is not saved back.
        if (user.id != 0) repos().users.update(user);
        database_->commit();
        last_user = user;
        return replies;
    }

    TempDatabaseFile file_;
    std::unique_ptr<storage::SqliteDatabase> database_;
};

}  // namespace rubdown::testing
