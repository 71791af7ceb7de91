package journal

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"
)

// ErrNoJournal is returned by OpenReadOnly when the data directory holds
// no journal yet: nothing has been saved.
var ErrNoJournal = errors.New("no journal yet")

// OpenReadOnly opens the journal in dir for commands that only read
// (history, export). Unlike Open it never creates the directory or the
// file, never migrates, never marks interrupted sessions and takes no
// write lock: it works on read-only media and while another unknot is
// writing. Without a journal it returns an error wrapping ErrNoJournal.
// Writes through it fail.
func OpenReadOnly(dir string) (*Journal, error) {
	path := filepath.Join(dir, FileName)
	fi, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil, fmt.Errorf("%s: %w", path, ErrNoJournal)
	case err != nil:
		return nil, fmt.Errorf("cannot open %s: %w", path, err)
	case !fi.Mode().IsRegular():
		return nil, fmt.Errorf("%s is not a regular file", path)
	case fi.Size() == 0:
		return nil, fmt.Errorf("%s: %w", path, ErrNoJournal) // created, never written
	}
	j, err := openRead(path, readPragmas)
	if isCode(err, sqliteReadOnly, sqliteCantOpen) {
		// A WAL journal needs its -shm file to be read; where that cannot
		// be made (read-only media, another user's directory) and none is
		// left over, nothing is writing it: read the file as it is.
		j, err = openRead(path, readPragmas+"&immutable=1")
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return j, nil
}

func openRead(path, query string) (*Journal, error) {
	name, err := dsn(path, query)
	if err != nil {
		return nil, err
	}
	db, err := sql.Open("sqlite", name)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := readableVersion(context.Background(), db); err != nil {
		db.Close()
		return nil, err
	}
	return &Journal{db: db, path: path, pid: os.Getpid(), now: time.Now}, nil
}

// readableVersion checks the schema can be read as it is: an older one
// is read as far as it goes (it cannot be migrated here), a newer one not.
func readableVersion(ctx context.Context, db *sql.DB) error {
	var v int
	if err := db.QueryRowContext(ctx, `PRAGMA user_version`).Scan(&v); err != nil {
		if isCode(err, sqliteReadOnly, sqliteCantOpen) {
			return err // OpenReadOnly tries again
		}
		return describe(err)
	}
	switch {
	case v == 0:
		return ErrNoJournal
	case v > len(migrations):
		return fmt.Errorf("the journal is from a newer unknot (schema %d, this one knows %d)", v, len(migrations))
	}
	return nil
}
