package journal

import (
	"fmt"
	"os"
	"runtime"
	"strings"
)

// makePrivate makes the data directory 0700 and the journal 0600 when
// they are open to other users, as the spec promises, and says what it
// changed. The directory is changed only when it holds nothing but the
// journal: "/" or a home directory given as the data directory is not
// unknot's to close.
func makePrivate(dir, path string) []string {
	if runtime.GOOS == "windows" {
		return nil // no group and other permission bits to tighten
	}
	var done []string
	if fi, err := os.Stat(dir); err == nil && fi.Mode().Perm()&0o077 != 0 && onlyJournal(dir) && os.Chmod(dir, 0o700) == nil {
		done = append(done, fmt.Sprintf("%s was %04o, now 0700", dir, fi.Mode().Perm()))
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && fi.Mode().Perm()&0o077 != 0 && os.Chmod(path, 0o600) == nil {
		done = append(done, fmt.Sprintf("%s was %04o, now 0600", path, fi.Mode().Perm()))
	}
	return done
}

// onlyJournal reports whether dir holds nothing but the journal and the
// files SQLite keeps beside it (-wal, -shm).
func onlyJournal(dir string) bool {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return false
	}
	for _, e := range entries {
		if !strings.HasPrefix(e.Name(), FileName) {
			return false
		}
	}
	return true
}
