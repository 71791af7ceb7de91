// Package regularfile reads files that must be regular and small: content
// packs and config.toml. A FIFO, a device (/dev/zero, /dev/urandom) or a
// directory is refused before it is read, so it can neither hang the app
// nor exhaust its memory.
package regularfile

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// NotRegularError says what a path is instead of a regular file.
type NotRegularError struct{ Mode fs.FileMode }

func (e NotRegularError) Error() string {
	what := ""
	switch m := e.Mode; {
	case m.IsDir():
		what = " (a directory)"
	case m&fs.ModeNamedPipe != 0:
		what = " (a named pipe)"
	case m&fs.ModeDevice != 0:
		what = " (a device)"
	case m&fs.ModeSocket != 0:
		what = " (a socket)"
	}
	return "is not a regular file" + what
}

// TooLargeError is a file over the limit.
type TooLargeError struct{ Limit int64 }

func (e TooLargeError) Error() string { return fmt.Sprintf("is larger than %d KiB", e.Limit>>10) }

// Read reads path, which must be a regular file of at most limit bytes.
// Errors other than NotRegularError and TooLargeError are the system's.
func Read(path string, limit int64) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, NotRegularError{fi.Mode()}
	}
	// O_NONBLOCK: if the path became a FIFO since the Stat, opening it
	// must not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, NotRegularError{fi.Mode()}
	}
	// The size Stat gives may be wrong (/proc) or grow while we read.
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, err
	}
	if fi.Size() > limit || int64(len(data)) > limit {
		return nil, TooLargeError{limit}
	}
	return data, nil
}
