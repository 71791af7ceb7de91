package journal

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// sqliteErr stands for the driver's *sqlite.Error, which has a Code.
type sqliteErr struct {
	code int
	msg  string
}

func (e sqliteErr) Error() string { return fmt.Sprintf("%s (%d)", e.msg, e.code) }
func (e sqliteErr) Code() int     { return e.code }

func TestDescribe(t *testing.T) {
	for _, tc := range []struct {
		name string
		err  error
		want string
	}{
		{"full", sqliteErr{13, "database or disk is full"}, "the disk is full (database or disk is full (13))"},
		{"WAL index on a full disk", sqliteErr{4874, "disk I/O error"}, "the journal could not be written: is the disk full? (disk I/O error (4874))"},
		{"write", sqliteErr{778, "disk I/O error"}, "the journal could not be written: is the disk full?"},
		{"fsync", sqliteErr{1034, "disk I/O error"}, "the journal could not be written: is the disk full?"},
		{"not a database", sqliteErr{26, "file is not a database"}, "the file is damaged or is not an unknot journal"},
		{"malformed", sqliteErr{11, "database disk image is malformed"}, "the file is damaged"},
		{"busy", sqliteErr{5, "database is locked"}, "another program is holding the journal locked"},
		{"busy snapshot", sqliteErr{517, "database is locked"}, "another program is holding the journal locked"},
		{"read-only", sqliteErr{8, "attempt to write a readonly database"}, "the journal cannot be written here"},
		{"read-only directory", sqliteErr{1544, "attempt to write a readonly database"}, "the journal cannot be written here"},
		{"wrapped", fmt.Errorf("migration 2: %w", sqliteErr{13, "database or disk is full"}), "the disk is full (migration 2: "},
		// A SQL error whose text holds "busy" is not a lock.
		{"logic error", sqliteErr{1, "SQL logic error: no such access mode: busy_timeout"}, "SQL logic error"},
		{"no space (file system)", errors.New("open x: no space left on device"), "the disk is full (open x: no space left on device)"},
		{"permission (file system)", errors.New("open x: permission denied"), "the journal cannot be written here"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := describe(tc.err)
			if !strings.HasPrefix(got.Error(), tc.want) {
				t.Errorf("describe(%v) = %q, want it to start %q", tc.err, got, tc.want)
			}
			if !errors.Is(got, tc.err) {
				t.Errorf("describe lost the original error")
			}
		})
	}
	if describe(nil) != nil {
		t.Error("describe(nil) is not nil")
	}
}

// A FIFO (or anything but a file) as unknot.db is named for what it is,
// at once: it used to be "disk I/O error (10)".
func TestJournalThatIsNotAFile(t *testing.T) {
	root := t.TempDir()
	fifo := filepath.Join(root, "fifo")
	os.Mkdir(fifo, 0o700)
	if err := syscall.Mkfifo(filepath.Join(fifo, FileName), 0o600); err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(root, "dir")
	os.MkdirAll(filepath.Join(dir, FileName), 0o700)
	device := filepath.Join(root, "device")
	os.Mkdir(device, 0o700)
	os.Symlink("/dev/null", filepath.Join(device, FileName))
	for _, d := range []string{fifo, dir, device} {
		t.Run(filepath.Base(d), func(t *testing.T) {
			done := make(chan error, 1)
			go func() {
				j, err := Open(d)
				if err == nil {
					j.Close()
				}
				done <- err
			}()
			var err error
			select {
			case err = <-done:
			case <-time.After(20 * time.Second): // a watchdog, not a wait
				t.Fatal("Open is still waiting after 20 s")
			}
			want := filepath.Join(d, FileName) + " is not a regular file"
			if err == nil || err.Error() != want {
				t.Errorf("err = %v, want %q", err, want)
			}
		})
	}
}

// "The disk is full" only when it is: with space left, an I/O error while
// writing stays a question. (On a full tmpfs, mounted by hand, the same
// error reads "the disk is full (disk I/O error (4874))".)
func TestOnFullDiskWithSpaceLeft(t *testing.T) {
	err := onFullDisk(describe(sqliteErr{4874, "disk I/O error"}), t.TempDir())
	if !strings.HasPrefix(err.Error(), "the journal could not be written: is the disk full?") {
		t.Errorf("err = %v", err)
	}
}
