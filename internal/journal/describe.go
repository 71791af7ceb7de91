package journal

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// SQLite result codes (sqlite.org/rescode.html) that describe tells apart.
const (
	sqliteError    = 1
	sqliteBusy     = 5
	sqliteLocked   = 6
	sqliteReadOnly = 8
	sqliteIOErr    = 10
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteCantOpen = 14
	sqliteNotADB   = 26
)

// ioErrWriting are the extended I/O errors of a write that did not fit:
// on a full disk, growing the WAL index gives SQLITE_IOERR_SHMSIZE
// ("disk I/O error (4874)"), not SQLITE_FULL.
var ioErrWriting = []int{
	778,  // SQLITE_IOERR_WRITE
	1034, // SQLITE_IOERR_FSYNC
	1290, // SQLITE_IOERR_DIR_FSYNC
	1546, // SQLITE_IOERR_TRUNCATE
	4874, // SQLITE_IOERR_SHMSIZE
	5386, // SQLITE_IOERR_SHMMAP
}

// code is the (extended) SQLite result code in err's chain, or 0.
func code(err error) int {
	var c interface{ Code() int }
	if errors.As(err, &c) {
		return c.Code()
	}
	return 0
}

// isCode reports whether err is a SQLite error with one of these primary
// result codes (the low byte of an extended code).
func isCode(err error, primary ...int) bool {
	c := code(err)
	return c != 0 && slices.Contains(primary, c&0xff)
}

// errDiskFull is what a full disk looks like, whichever code SQLite gave.
const errDiskFull = "the disk is full"

// describe turns SQLite's errors into one plain line that says what is
// wrong; the code stays in brackets for a bug report.
func describe(err error) error {
	if err == nil {
		return nil
	}
	c := code(err)
	switch {
	case c == sqliteFull:
		return fmt.Errorf("%s (%w)", errDiskFull, err)
	case slices.Contains(ioErrWriting, c):
		return fmt.Errorf("the journal could not be written: is the disk full? (%w)", err)
	case c&0xff == sqliteCorrupt || c&0xff == sqliteNotADB:
		return fmt.Errorf("the file is damaged or is not an unknot journal (%w)", err)
	case c&0xff == sqliteBusy || c&0xff == sqliteLocked:
		return fmt.Errorf("another program is holding the journal locked (%w)", err)
	case c&0xff == sqliteReadOnly:
		return fmt.Errorf("the journal cannot be written here (%w)", err)
	case c != 0:
		return err
	}
	// Errors from outside SQLite (the file system) have no code.
	msg := err.Error()
	switch {
	case strings.Contains(msg, "permission denied"), strings.Contains(msg, "read-only file system"):
		return fmt.Errorf("the journal cannot be written here (%w)", err)
	case strings.Contains(msg, "no space left"):
		return fmt.Errorf("%s (%w)", errDiskFull, err)
	}
	return err
}

// onFullDisk answers describe's "is the disk full?" when the file system
// in dir has no space left.
func onFullDisk(err error, dir string) error {
	if slices.Contains(ioErrWriting, code(err)) && noSpaceLeft(dir) {
		return fmt.Errorf("%s (%w)", errDiskFull, errors.Unwrap(err))
	}
	return err
}
