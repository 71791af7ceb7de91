package content

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"syscall"
)

// MaxPackBytes is the largest pack file read. The built-in catalogue is
// about 130 KB in eight files; a pack is a handful of techniques.
const MaxPackBytes = 1 << 20

// readPack reads a pack file, which must be a regular file of at most
// MaxPackBytes; its errors read after the path ("x.yaml: is not …"). A FIFO, a device (/dev/zero, /dev/urandom) or a directory
// is refused before it is read, so it can neither hang nor exhaust memory.
func readPack(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, cannotRead(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(fi.Mode())
	}
	// O_NONBLOCK: if the path became a FIFO since the Stat, opening it
	// must not wait for a writer.
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, cannotRead(err)
	}
	defer f.Close()
	if fi, err = f.Stat(); err != nil {
		return nil, cannotRead(err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular(fi.Mode())
	}
	// The size Stat gives may be wrong (/proc) or grow while we read.
	data, err := io.ReadAll(io.LimitReader(f, MaxPackBytes+1))
	if err != nil {
		return nil, cannotRead(err)
	}
	if fi.Size() > MaxPackBytes || len(data) > MaxPackBytes {
		return nil, fmt.Errorf("is larger than %d KiB, the most a pack file may be", MaxPackBytes>>10)
	}
	return data, nil
}

func cannotRead(err error) error { return fmt.Errorf("cannot be read: %w", err) }

// notRegular says what a path is instead of a regular file.
func notRegular(m fs.FileMode) error {
	what := ""
	switch {
	case m.IsDir():
		what = " (a directory)"
	case m&fs.ModeNamedPipe != 0:
		what = " (a named pipe)"
	case m&fs.ModeDevice != 0:
		what = " (a device)"
	case m&fs.ModeSocket != 0:
		what = " (a socket)"
	}
	return fmt.Errorf("is not a regular file%s; only regular files are read", what)
}
