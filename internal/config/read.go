package config

import (
	"errors"
	"fmt"
	"io/fs"

	"github.com/unknot/unknot/internal/regularfile"
)

// MaxBytes is the largest settings file read; the whole format is five
// lines.
const MaxBytes = 64 << 10

// read reads the settings file, which must be a regular file of at most
// MaxBytes (regularfile.Read). Its errors do not repeat the path.
func read(path string) ([]byte, error) {
	data, err := regularfile.Read(path, MaxBytes)
	var tooLarge regularfile.TooLargeError
	var pathErr *fs.PathError
	switch {
	case errors.As(err, &tooLarge):
		return nil, fmt.Errorf("%w, the most a settings file may be", err)
	case errors.Is(err, fs.ErrNotExist):
		return nil, err
	case errors.As(err, &pathErr):
		return nil, pathErr.Err
	}
	return data, err
}
