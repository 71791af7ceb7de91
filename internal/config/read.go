package config

import (
	"fmt"
	"io"
	"os"
	"syscall"
)

// MaxBytes is the largest settings file read; the whole format is five
// lines.
const MaxBytes = 64 << 10

// read reads the settings file, which must be a regular file of at most
// MaxBytes. A FIFO or a device (a symlink to /dev/zero) is refused before
// it is read, so it can neither hang the app nor exhaust its memory.
func read(path string) ([]byte, error) {
	fi, err := os.Stat(path)
	if err != nil {
		return nil, err
	}
	if !fi.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: is not a regular file", path)
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
		return nil, fmt.Errorf("%s: is not a regular file", path)
	}
	data, err := io.ReadAll(io.LimitReader(f, MaxBytes+1))
	if err != nil {
		return nil, err
	}
	if fi.Size() > MaxBytes || len(data) > MaxBytes {
		return nil, fmt.Errorf("%s: is larger than %d KiB, the most a settings file may be", path, MaxBytes>>10)
	}
	return data, nil
}
