package journal

import (
	"context"
	"database/sql"
	"fmt"
)

// migrations[i] moves the schema from version i to i+1. Never edit a
// released migration; add a new one.
var migrations = []string{
	// 1: sessions and their steps.
	`CREATE TABLE sessions (
		id          TEXT PRIMARY KEY,
		started     TEXT NOT NULL,
		ended       TEXT NOT NULL DEFAULT '',
		status      TEXT NOT NULL,
		title       TEXT NOT NULL,
		program     TEXT NOT NULL DEFAULT '',
		day         INTEGER NOT NULL DEFAULT 0,
		plan        TEXT NOT NULL DEFAULT '[]',
		pain_before INTEGER,
		pain_after  INTEGER,
		note        TEXT NOT NULL DEFAULT '',
		pid         INTEGER NOT NULL DEFAULT 0,
		seq         INTEGER NOT NULL DEFAULT 0
	);
	CREATE INDEX sessions_started ON sessions(started);
	CREATE TABLE steps (
		session_id      TEXT NOT NULL,
		idx             INTEGER NOT NULL,
		technique       TEXT NOT NULL,
		side            TEXT NOT NULL DEFAULT '',
		rep             INTEGER NOT NULL DEFAULT 1,
		outcome         TEXT NOT NULL,
		planned_seconds REAL NOT NULL,
		actual_seconds  REAL NOT NULL,
		ended           TEXT NOT NULL,
		seq             INTEGER NOT NULL DEFAULT 0,
		PRIMARY KEY (session_id, idx)
	);`,
	// 2: safety answers, intake answers, program progress, preferences.
	`CREATE TABLE safety (
		id       INTEGER PRIMARY KEY AUTOINCREMENT,
		at       TEXT NOT NULL,
		outcome  TEXT NOT NULL,
		answers  TEXT NOT NULL,
		cautions TEXT NOT NULL,
		reason   TEXT NOT NULL DEFAULT ''
	);
	CREATE TABLE intake (
		session_id TEXT PRIMARY KEY,
		at         TEXT NOT NULL,
		answers    TEXT NOT NULL
	);
	CREATE TABLE program_progress (
		program TEXT PRIMARY KEY,
		day     INTEGER NOT NULL,
		days    INTEGER NOT NULL,
		updated TEXT NOT NULL
	);
	CREATE TABLE preferences (
		key     TEXT PRIMARY KEY,
		value   TEXT NOT NULL,
		updated TEXT NOT NULL
	);`,
	// 3: what the safety check remembers beyond its answers: the age band,
	// when the weekly checklists were last asked, assessments, advice (JSON).
	`ALTER TABLE safety ADD COLUMN profile TEXT NOT NULL DEFAULT '{}';`,
	// 4: the coach's tally of the sessions started before "through" (see
	// coach.Tally), one row; the triggers drop it whenever one of those
	// sessions or its steps changes, whoever writes it, so it is never
	// stale. Indexes for what every start reads: the last intake and the
	// sessions left running.
	`CREATE TABLE tally (
		id      INTEGER PRIMARY KEY CHECK (id = 1),
		through TEXT NOT NULL,
		data    BLOB NOT NULL
	);
	CREATE TRIGGER tally_session_added AFTER INSERT ON sessions
		BEGIN DELETE FROM tally WHERE through > NEW.started; END;
	CREATE TRIGGER tally_session_changed AFTER UPDATE ON sessions
		BEGIN DELETE FROM tally WHERE through > OLD.started OR through > NEW.started; END;
	CREATE TRIGGER tally_session_removed AFTER DELETE ON sessions
		BEGIN DELETE FROM tally WHERE through > OLD.started; END;
	CREATE TRIGGER tally_step_added AFTER INSERT ON steps
		BEGIN DELETE FROM tally WHERE through > (SELECT started FROM sessions WHERE id = NEW.session_id); END;
	CREATE TRIGGER tally_step_changed AFTER UPDATE ON steps
		BEGIN DELETE FROM tally WHERE through > (SELECT started FROM sessions WHERE id = NEW.session_id)
			OR through > (SELECT started FROM sessions WHERE id = OLD.session_id); END;
	CREATE TRIGGER tally_step_removed AFTER DELETE ON steps
		BEGIN DELETE FROM tally WHERE through > (SELECT started FROM sessions WHERE id = OLD.session_id); END;
	CREATE INDEX intake_at ON intake(at);
	CREATE INDEX sessions_running ON sessions(status) WHERE status = 'running';`,
	// 5: breaks the nudges offered between sessions, and the answers (IF
	// NOT EXISTS: builds of the nudge branch made the table as version 4).
	`CREATE TABLE IF NOT EXISTS nudges (
		id         INTEGER PRIMARY KEY AUTOINCREMENT,
		due        TEXT NOT NULL,
		at         TEXT NOT NULL,
		answer     TEXT NOT NULL,
		session_id TEXT NOT NULL DEFAULT ''
	);
	CREATE INDEX IF NOT EXISTS nudges_at ON nudges(at);`,
}

// SchemaVersion is the version a fresh journal is migrated to.
var SchemaVersion = len(migrations)

// migrate brings db from its user_version up to target, one transaction
// per step, so a failure leaves the last good version in place. Each step
// reads the version inside its (immediate, write-locked) transaction, so
// two processes opening a new journal at once do not both migrate it.
func migrate(ctx context.Context, db *sql.DB, target int) error {
	for {
		done, err := migrateStep(ctx, db, target)
		if err != nil || done {
			return err
		}
	}
}

func migrateStep(ctx context.Context, db *sql.DB, target int) (done bool, err error) {
	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return false, err
	}
	defer func() {
		if err != nil {
			tx.Rollback()
		}
	}()
	var v int
	if err := tx.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		return false, err
	}
	if v > len(migrations) {
		return false, fmt.Errorf("the journal is from a newer unknot (schema %d, this one knows %d)", v, len(migrations))
	}
	if v >= target {
		return true, tx.Commit()
	}
	if _, err := tx.ExecContext(ctx, migrations[v]); err != nil {
		return false, fmt.Errorf("migration %d: %w", v+1, err)
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf(`PRAGMA user_version = %d`, v+1)); err != nil {
		return false, err
	}
	return false, tx.Commit()
}
