package journal

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// Reading commands never create anything: without a journal (or its
// directory) OpenReadOnly says so with ErrNoJournal and leaves no trace.
func TestOpenReadOnlyWithoutAJournal(t *testing.T) {
	root := t.TempDir()
	empty := filepath.Join(root, "empty")
	os.Mkdir(empty, 0o700)
	zero := filepath.Join(root, "zero")
	os.Mkdir(zero, 0o700)
	os.WriteFile(filepath.Join(zero, FileName), nil, 0o600)
	for _, tc := range []struct{ name, dir string }{
		{"no directory", filepath.Join(root, "missing", "unknot")},
		{"empty directory", empty},
		{"empty file", zero},
	} {
		t.Run(tc.name, func(t *testing.T) {
			before := tree(t, root)
			j, err := OpenReadOnly(tc.dir)
			if err == nil {
				j.Close()
			}
			if !errors.Is(err, ErrNoJournal) {
				t.Errorf("err = %v, want ErrNoJournal", err)
			}
			if after := tree(t, root); after != before {
				t.Errorf("files changed:\n%s\nwant:\n%s", after, before)
			}
		})
	}
}

// tree lists every path under root with its size.
func tree(t *testing.T, root string) string {
	t.Helper()
	var b strings.Builder
	filepath.Walk(root, func(p string, fi os.FileInfo, err error) error {
		if err == nil {
			fmt.Fprintf(&b, "%s %d\n", strings.TrimPrefix(p, root), fi.Size())
		}
		return nil
	})
	return b.String()
}

func TestOpenReadOnlyReadsAndNeverWrites(t *testing.T) {
	dir := t.TempDir()
	const gone = 1 << 22 // a process that is not running
	w, err := open(dir, gone, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	w.StartSession(coach.Session{ID: "a", Started: t0, Title: "left running"})
	w.Close()
	path := filepath.Join(dir, FileName)
	before, _ := os.ReadFile(path)

	j, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	got, err := j.Sessions(time.Time{})
	// It reads as interrupted (its process is gone), and the file stays
	// untouched (below).
	if err != nil || len(got) != 1 || got[0].Status != coach.StatusInterrupted {
		t.Fatalf("sessions = %+v, %v; want the one left running, read as interrupted", got, err)
	}
	if err := j.StartSession(coach.Session{ID: "b", Started: t0, Title: "x"}); err == nil {
		t.Error("wrote through a read-only journal")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(after, before) {
		t.Error("the journal file changed")
	}
}

// While another unknot holds a write transaction (BEGIN IMMEDIATE), a
// reader opens and reads at once, seeing what was committed.
func TestOpenReadOnlyWhileAWriterHoldsTheLock(t *testing.T) {
	dir := t.TempDir()
	w := openTest(t, dir)
	w.StartSession(coach.Session{ID: "committed", Started: t0, Title: "x"})
	ctx := context.Background()
	tx, err := w.db.BeginTx(ctx, nil) // _txlock=immediate: takes the write lock now
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (id, started, status, title) VALUES ('pending', ?, 'running', 'y')`, formatTime(t0)); err != nil {
		t.Fatal(err)
	}

	start := time.Now()
	j, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	got, err := j.Sessions(time.Time{})
	if err != nil || len(got) != 1 || got[0].ID != "committed" {
		t.Fatalf("sessions = %+v, %v; want only the committed one", got, err)
	}
	if took := time.Since(start); took >= BusyTimeout {
		t.Errorf("waited %v for the writer", took)
	}
}

// On a directory and file it may not write (read-only media, another
// user's journal), the journal is still read. As root it skips; run it as
// another user: setpriv --reuid=65534 --regid=65534 --clear-groups
// ./journal.test -test.run OnReadOnlyFiles
func TestOpenReadOnlyOnReadOnlyFiles(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores file permissions")
	}
	dir := t.TempDir()
	w := openTest(t, dir)
	w.StartSession(coach.Session{ID: "a", Started: t0, Title: "x"})
	w.Close()
	os.Chmod(filepath.Join(dir, FileName), 0o400)
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	j, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if got, err := j.Sessions(time.Time{}); err != nil || len(got) != 1 {
		t.Errorf("sessions = %+v, %v", got, err)
	}
}

func TestOpenReadOnlyRefuses(t *testing.T) {
	newer := t.TempDir()
	j := openTest(t, newer)
	j.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion+1))
	j.Close()
	garbage := t.TempDir()
	os.WriteFile(filepath.Join(garbage, FileName), bytes.Repeat([]byte("not a database "), 300), 0o600)
	fifo := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(fifo, FileName), 0o600); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ name, dir, want string }{
		{"newer schema", newer, "newer unknot"},
		{"not a database", garbage, "damaged"},
		{"a FIFO", fifo, "is not a regular file"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			j, err := OpenReadOnly(tc.dir)
			if err == nil {
				j.Close()
			}
			if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
				t.Errorf("err = %v, want one line with %q", err, tc.want)
			}
		})
	}
}
