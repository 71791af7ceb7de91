//go:build unix

package journal

import (
	"os"
	"syscall"
)

// lockOpening holds an exclusive lock on the journal's directory while a
// journal is opened, and returns its release. Two processes opening a new
// journal at the same moment (the nudger and the app on a first run) both
// switch it to WAL; SQLite then fails one of them at once with "database
// is locked", without waiting, to avoid a deadlock. Taken in turn, the
// second finds the file set up. flock on the directory, not the file:
// closing any descriptor of the file would drop SQLite's own locks on it.
// Best effort: without the lock, opening goes on as it did before.
func lockOpening(dir string) (release func()) {
	f, err := os.Open(dir)
	if err != nil {
		return func() {}
	}
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX); err != nil {
		f.Close()
		return func() {}
	}
	return func() {
		_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
		f.Close()
	}
}
