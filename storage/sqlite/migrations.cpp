#include "storage/sqlite/migrations.hpp"

#include <array>

namespace rubdown::storage {

namespace {
constexpr std::array kMigrations{
    Migration{1, R"sql(
CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    time_zone TEXT NOT NULL DEFAULT 'UTC',
    time_zone_known INTEGER NOT NULL DEFAULT 0,
    time_zone_asked INTEGER NOT NULL DEFAULT 0,
    active INTEGER NOT NULL DEFAULT 1,
    nudges_stopped INTEGER NOT NULL DEFAULT 0,
    nudges_paused_until INTEGER NOT NULL DEFAULT 0,
    quiet_start_minute INTEGER NOT NULL DEFAULT 1260,
    quiet_end_minute INTEGER NOT NULL DEFAULT 480,
    created_at INTEGER NOT NULL
);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    distance_km REAL,
    duration_s INTEGER,
    effort TEXT NOT NULL DEFAULT '',
    hard INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    logged_at INTEGER NOT NULL
);
CREATE INDEX runs_by_user_date ON runs(user_id, date);
CREATE TABLE races (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    date TEXT NOT NULL,
    distance_km REAL,
    name TEXT NOT NULL DEFAULT '',
    cancelled INTEGER NOT NULL DEFAULT 0,
    updated_at INTEGER NOT NULL
);
CREATE INDEX races_by_user_date ON races(user_id, date);
CREATE TABLE bookings (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    date TEXT,
    recorded_at INTEGER NOT NULL
);
CREATE INDEX bookings_by_user ON bookings(user_id);
CREATE TABLE inbox (
    id INTEGER PRIMARY KEY,
    dedup_key TEXT NOT NULL UNIQUE,
    channel TEXT NOT NULL,
    user_key TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    display_name TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL DEFAULT '',
    action TEXT NOT NULL DEFAULT '',
    reply_context TEXT NOT NULL DEFAULT '',
    received_at INTEGER NOT NULL,
    processed INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX inbox_unprocessed ON inbox(id) WHERE processed = 0;
CREATE TABLE outbox (
    id INTEGER PRIMARY KEY,
    channel TEXT NOT NULL,
    chat_id TEXT NOT NULL,
    user_id INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL,
    buttons_json TEXT NOT NULL DEFAULT '[]',
    reply_context TEXT NOT NULL DEFAULT '',
    nudge_id INTEGER,
    edit_original INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    not_before INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    sent_at INTEGER NOT NULL DEFAULT 0,
    last_error TEXT NOT NULL DEFAULT ''
);
CREATE INDEX outbox_waiting ON outbox(channel, not_before) WHERE status = 'pending';
CREATE INDEX outbox_in_flight ON outbox(id) WHERE status = 'sending';
CREATE TABLE nudges (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    due_at INTEGER NOT NULL,
    not_after INTEGER NOT NULL DEFAULT 0,
    race_id INTEGER,
    run_id INTEGER,
    state TEXT NOT NULL DEFAULT 'pending',
    attempts INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    sent_at INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX nudges_pending_by_due ON nudges(due_at) WHERE state = 'pending';
CREATE INDEX nudges_by_user ON nudges(user_id, state);
CREATE TABLE conversations (
    user_id INTEGER PRIMARY KEY REFERENCES users(id) ON DELETE CASCADE,
    state_json TEXT NOT NULL
);
)sql"},
    // The recent-runs reads (ORDER BY date DESC, logged_at DESC, id DESC) walk this index in order
    // and stop at their LIMIT; with (user_id, date) alone SQLite sorted every run of the latest
    // dates first, so a runner with many runs on one day made every new run slower to log.
    Migration{2, R"sql(
CREATE INDEX runs_by_user_recent ON runs(user_id, date, logged_at);
DROP INDEX runs_by_user_date;
)sql"},
    // The outbox read (pending rows of a channel, due now, ORDER BY id LIMIT n) walks this index in
    // id order and stops at its LIMIT; by (channel, not_before) it sorted every pending row first,
    // so a backlog waiting for the platform's rate limit made each read slower.
    Migration{3, R"sql(
CREATE INDEX outbox_pending ON outbox(channel, id) WHERE status = 'pending';
DROP INDEX outbox_waiting;
)sql"},
    // The change journal /undo reads: a log, an edit or a delete, with the run as it was.
    Migration{4, R"sql(
CREATE TABLE run_changes (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    kind TEXT NOT NULL,
    run_id INTEGER NOT NULL,
    date TEXT NOT NULL,
    distance_km REAL,
    duration_s INTEGER,
    effort TEXT NOT NULL DEFAULT '',
    hard INTEGER NOT NULL DEFAULT 0,
    text TEXT NOT NULL DEFAULT '',
    logged_at INTEGER NOT NULL,
    changed_at INTEGER NOT NULL
);
CREATE INDEX run_changes_by_user ON run_changes(user_id, id);
)sql"},
    // The platform message a run or a race came from, so that an edit of it changes what it made;
    // existing rows have none.
    Migration{5, R"sql(
ALTER TABLE runs ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
ALTER TABLE runs ADD COLUMN source_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE races ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
ALTER TABLE races ADD COLUMN source_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE run_changes ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
ALTER TABLE run_changes ADD COLUMN source_version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE inbox ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
ALTER TABLE inbox ADD COLUMN edit_version INTEGER NOT NULL DEFAULT 0;
CREATE INDEX runs_by_source ON runs(user_id, source_id) WHERE source_id <> '';
CREATE INDEX races_by_source ON races(user_id, source_id) WHERE source_id <> '';
)sql"},
    // The runner's view: days without nudges, and the unit of distance they read.
    Migration{6, R"sql(
ALTER TABLE users ADD COLUMN quiet_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN units TEXT NOT NULL DEFAULT '';
ALTER TABLE users ADD COLUMN units_chosen INTEGER NOT NULL DEFAULT 0;
)sql"},
    // Replies sent again after a crash: how many platform calls of a row went out, so that a
    // reply split into parts resumes after the last part that arrived.
    Migration{7, R"sql(
ALTER TABLE outbox ADD COLUMN calls_done INTEGER NOT NULL DEFAULT 0;
)sql"},
    // Retention: processed entries and finished outbox rows by age, so that pruning reads only
    // what it removes. A dedup key that has expired is replaced by 'expired:<id>' (the column is
    // UNIQUE NOT NULL), and an entry whose texts were removed is marked scrubbed; the partial
    // indexes leave those out, so each pruning step never reads a row twice.
    Migration{8, R"sql(
ALTER TABLE inbox ADD COLUMN scrubbed INTEGER NOT NULL DEFAULT 0;
CREATE INDEX inbox_processed_by_time ON inbox(received_at) WHERE processed = 1;
CREATE INDEX inbox_live_keys_by_time ON inbox(received_at)
    WHERE processed = 1 AND substr(dedup_key, 1, 8) <> 'expired:';
CREATE INDEX inbox_texts_by_time ON inbox(received_at) WHERE processed = 1 AND scrubbed = 0;
CREATE INDEX outbox_finished_by_time ON outbox(created_at) WHERE status IN ('sent', 'failed');
CREATE INDEX outbox_by_user ON outbox(user_id);
)sql"},
    // Where the bot may write to a runner privately (their own log asked for in a group goes
    // there). A chat a runner was last seen in is private unless it is a Telegram group (a
    // negative id); Slack's chat is always the runner's own id or direct-message channel.
    Migration{9, R"sql(
ALTER TABLE users ADD COLUMN private_chat TEXT NOT NULL DEFAULT '';
UPDATE users SET private_chat = chat_id WHERE NOT (channel = 'telegram' AND chat_id LIKE '-%');
)sql"},
    // The web chat shows a runner's conversation from the database: what they said, by their key.
    Migration{10, R"sql(
CREATE INDEX inbox_by_user ON inbox(user_key);
)sql"},
    // The operator's dashboard: when each runner was last seen, what the messages of each day
    // were understood as (the inbox is pruned within days; these counts stay), and the messages
    // not understood (pruned with the inbox's texts, and with their runner by /forget). Existing
    // runners count as seen when they joined. And the web chat's replies by chat (an index's
    // entries end in the row id, so a chat's rows are read in id order).
    Migration{11, R"sql(
ALTER TABLE users ADD COLUMN last_seen_at INTEGER NOT NULL DEFAULT 0;
UPDATE users SET last_seen_at = created_at;
CREATE INDEX users_by_last_seen ON users(last_seen_at);
CREATE TABLE activity_days (
    day TEXT NOT NULL,
    channel TEXT NOT NULL,
    understood_as TEXT NOT NULL,
    messages INTEGER NOT NULL,
    PRIMARY KEY (day, channel, understood_as)
) WITHOUT ROWID;
CREATE TABLE not_understood (
    id INTEGER PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    channel TEXT NOT NULL,
    text TEXT NOT NULL,
    received_at INTEGER NOT NULL
);
CREATE INDEX not_understood_by_time ON not_understood(received_at);
CREATE INDEX not_understood_by_user ON not_understood(user_id);
CREATE INDEX runs_by_date ON runs(date);
CREATE INDEX outbox_by_chat ON outbox(channel, chat_id);
)sql"},
    // Replies with an image (a mileage chart): the PNG file's bytes, kept with the row until it
    // is sent and pruned with it, and its description.
    Migration{12, R"sql(
ALTER TABLE outbox ADD COLUMN image_png BLOB;
ALTER TABLE outbox ADD COLUMN image_alt TEXT NOT NULL DEFAULT '';
)sql"},
};
}  // namespace

std::span<const Migration> all_migrations() {
    return kMigrations;
}

}  // namespace rubdown::storage
