package journal

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// A data directory and journal left open to other users are made 0700 and
// 0600 on open, and Tightened says so; a directory holding more than the
// journal (a home directory, "/") is not unknot's to change.
func TestOpenMakesAnExistingJournalPrivate(t *testing.T) {
	for _, tc := range []struct {
		name                  string
		dirMode, fileMode     os.FileMode
		otherFile             bool
		wantDir, wantFile     os.FileMode
		wantDirTold, fileTold bool
	}{
		{"open to all", 0o755, 0o644, false, 0o700, 0o600, true, true},
		{"group only", 0o750, 0o640, false, 0o700, 0o600, true, true},
		{"already private", 0o700, 0o600, false, 0o700, 0o600, false, false},
		{"stricter file", 0o700, 0o400, false, 0o700, 0o400, false, false},
		{"shared directory", 0o755, 0o644, true, 0o755, 0o600, false, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := filepath.Join(t.TempDir(), "unknot")
			openTest(t, dir).Close()
			path := filepath.Join(dir, FileName)
			if tc.otherFile {
				os.WriteFile(filepath.Join(dir, "notes.txt"), nil, 0o644)
			}
			os.Chmod(path, tc.fileMode)
			os.Chmod(dir, tc.dirMode)

			j := openTest(t, dir)
			if fi, _ := os.Stat(dir); fi.Mode().Perm() != tc.wantDir {
				t.Errorf("directory %v, want %v", fi.Mode().Perm(), tc.wantDir)
			}
			if fi, _ := os.Stat(path); fi.Mode().Perm() != tc.wantFile {
				t.Errorf("file %v, want %v", fi.Mode().Perm(), tc.wantFile)
			}
			var want []string
			if tc.wantDirTold {
				want = append(want, fmt.Sprintf("%s was %04o, now 0700", dir, tc.dirMode))
			}
			if tc.fileTold {
				want = append(want, fmt.Sprintf("%s was %04o, now 0600", path, tc.fileMode))
			}
			if got := j.Tightened(); !slices.Equal(got, want) {
				t.Errorf("Tightened() = %q, want %q", got, want)
			}
		})
	}
}
