#!/usr/bin/env bash
# Writes a database for the webhook benchmark to start from (SEED_DB of bench/run_webhooks.sh):
# ROWS processed inbox entries and ROWS sent outbox rows, all received and sent AGE_DAYS ago, so
# that a Rubdown with retention has them all to prune (texts scrubbed, entries and rows deleted)
# while wrk runs, and one without retention simply carries them.
#
# Usage: bench/retention/make_seed_db.sh OUT.db RUBDOWN_BINARY [ROWS=100000] [AGE_DAYS=8]
# The schema is the one RUBDOWN_BINARY migrates to, so the oldest binary of a before/after
# comparison should write it (a newer one migrates it further when it opens it).
set -euo pipefail
(($# >= 2)) || { sed -n '2,9p' "$0" >&2; exit 2; }
OUT=$1 RUBDOWN=$2 ROWS=${3:-100000} AGE_DAYS=${4:-8}
command -v sqlite3 >/dev/null || { echo "needs sqlite3" >&2; exit 2; }
[[ ! -e $OUT ]] || { echo "$OUT exists; not overwriting it" >&2; exit 2; }

env -i PATH="$PATH" RUBDOWN_DB="$OUT" RUBDOWN_LOG_LEVEL=warn "$RUBDOWN" migrate
# One runner in fifty writes again and again, as a club's regulars do; texts are typical lengths.
sqlite3 "$OUT" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS)
INSERT INTO inbox (dedup_key, channel, user_key, chat_id, display_name, text, received_at,
                   processed)
SELECT 'telegram:update:' || (900000000 + i), 'telegram', 'telegram:' || (i % 2000),
       CAST(i % 2000 AS TEXT), 'Runner ' || (i % 2000),
       'ran ' || (5 + i % 15) || 'k easy this morning, legs a bit heavy after the hills',
       unixepoch() - $AGE_DAYS * 86400 - i % 3600, 1
FROM n;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $ROWS)
INSERT INTO outbox (channel, chat_id, text, status, attempts, created_at, sent_at)
SELECT 'telegram', CAST(i % 2000 AS TEXT),
       'Logged: ' || (5 + i % 15) || ' km easy. That is ' || (20 + i % 40) || ' km this week.',
       'sent', 1, unixepoch() - $AGE_DAYS * 86400 - i % 3600,
       unixepoch() - $AGE_DAYS * 86400 - i % 3600 + 1
FROM n;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
SQL
echo "$OUT: $(sqlite3 "$OUT" 'SELECT count(*) FROM inbox') inbox entries and" \
    "$(sqlite3 "$OUT" 'SELECT count(*) FROM outbox') outbox rows, $AGE_DAYS days old"
