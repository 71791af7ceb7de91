// Package journal keeps unknot's history in one SQLite file (pure Go,
// modernc.org/sqlite): sessions and their steps, pain before and after,
// safety answers, intake answers and program progress.
//
// Durability follows SPEC §7: a session row is written when a session
// starts, each step's outcome when the step ends, and the finish at the
// end, each in its own transaction. A killed process loses at most the step
// in progress; the next Open marks its session "interrupted". A file that
// cannot be opened is never overwritten or removed.
package journal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	_ "modernc.org/sqlite" // the "sqlite" driver
)

// FileName is the journal's file inside the data directory.
const FileName = "unknot.db"

// BusyTimeout is how long a write waits for another unknot process.
const BusyTimeout = 5 * time.Second

// Journal is an open journal. It is safe for concurrent use.
type Journal struct {
	db        *sql.DB
	path      string
	pid       int
	now       func() time.Time
	tightened []string
}

// Path is the journal file's path.
func (j *Journal) Path() string { return j.path }

// Tightened lists what Open found open to other users and made private,
// one line each ("/home/x/.local/share/unknot was 0755, now 0700"), for
// the caller to say once. Empty when nothing was changed.
func (j *Journal) Tightened() []string { return j.tightened }

// Open opens (creating if needed) the journal in dir: the directory is made
// 0700 and the file 0600 (or tightened to that, see Tightened), WAL is
// switched on and migrations run. Sessions left "running" by a process
// that is gone are marked interrupted.
func Open(dir string) (*Journal, error) {
	return open(dir, os.Getpid(), time.Now)
}

func open(dir string, pid int, now func() time.Time) (*Journal, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("cannot create %s: %w", dir, err)
	}
	defer lockOpening(dir)() // one process at a time sets a journal up
	path := filepath.Join(dir, FileName)
	if err := createFile(path); err != nil {
		return nil, err
	}
	// Before SQLite makes the -wal and -shm files, which take the
	// journal's mode.
	tightened := makePrivate(dir, path)
	name, err := dsn(path, writePragmas)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	}
	// One connection: writes are serialised anyway, and it keeps memory low.
	db.SetMaxOpenConns(1)
	j := &Journal{db: db, path: path, pid: pid, now: now, tightened: tightened}
	if err := j.setUp(); err != nil {
		db.Close()
		return nil, fmt.Errorf("%s: %w", path, onFullDisk(err, dir))
	}
	return j, nil
}

// createFile makes the journal file if there is none, so that it is 0600
// from the first byte, and checks it is a regular file: SQLite's answer
// to a FIFO or a device is "disk I/O error". O_NONBLOCK: opening a FIFO
// must not wait for a writer.
func createFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|syscall.O_NONBLOCK, 0o600)
	if err != nil {
		if fi, serr := os.Stat(path); serr == nil && !fi.Mode().IsRegular() {
			return fmt.Errorf("%s is not a regular file", path)
		}
		return fmt.Errorf("cannot open %s: %w", path, describe(err))
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("cannot open %s: %w", path, err)
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%s is not a regular file", path)
	}
	return nil
}

func (j *Journal) setUp() error {
	ctx := context.Background()
	if err := j.db.PingContext(ctx); err != nil {
		return describe(err)
	}
	if err := quickCheck(ctx, j.db); err != nil {
		return err
	}
	if err := migrate(ctx, j.db, len(migrations)); err != nil {
		return describe(err)
	}
	// WAL files are created by SQLite with the main file's mode; keep
	// them private too.
	for _, suffix := range []string{"-wal", "-shm"} {
		_ = os.Chmod(j.path+suffix, 0o600)
	}
	return describe(j.markInterrupted(ctx))
}

// quickCheck reads every page before anything is written: damage in a
// page that opening does not read would otherwise show only after the
// new session's rows had gone into the damaged file.
func quickCheck(ctx context.Context, db *sql.DB) error {
	var first string
	if err := db.QueryRowContext(ctx, `PRAGMA quick_check(1)`).Scan(&first); err != nil {
		return describe(err)
	}
	if first != "ok" {
		// "*** in database main ***\nTree 5 page 5: btreeInitPage() …"
		if _, rest, ok := strings.Cut(first, "***\n"); ok {
			first = rest
		}
		return fmt.Errorf("the file is damaged or is not an unknot journal (quick_check: %s)", firstLine(first))
	}
	return nil
}

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// Close closes the journal.
func (j *Journal) Close() error { return j.db.Close() }

// markInterrupted ends sessions still "running" whose process is gone.
func (j *Journal) markInterrupted(ctx context.Context) error {
	rows, err := j.db.QueryContext(ctx, `SELECT id, pid FROM sessions WHERE status = 'running'`)
	if err != nil {
		return err
	}
	var dead []string
	for rows.Next() {
		var id string
		var pid int
		if err := rows.Scan(&id, &pid); err != nil {
			rows.Close()
			return err
		}
		if pid != j.pid && !alive(pid) {
			dead = append(dead, id)
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	for _, id := range dead {
		if _, err := j.db.ExecContext(ctx, `UPDATE sessions SET status = 'interrupted' WHERE id = ? AND status = 'running'`, id); err != nil {
			return err
		}
	}
	return nil
}

// ErrNotFound is returned for a session that does not exist.
var ErrNotFound = errors.New("no such session")

func formatTime(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.RFC3339Nano)
}

func parseTime(s string) time.Time {
	t, _ := time.Parse(time.RFC3339Nano, s)
	return t
}
