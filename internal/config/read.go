package config

import (
	"errors"
	"fmt"

	"github.com/unknot/unknot/internal/regularfile"
)

// MaxBytes is the largest settings file read; the whole format is five
// lines.
const MaxBytes = 64 << 10

// read reads the settings file, which must be a regular file of at most
// MaxBytes (regularfile.Read).
func read(path string) ([]byte, error) {
	data, err := regularfile.Read(path, MaxBytes)
	var notRegular regularfile.NotRegularError
	var tooLarge regularfile.TooLargeError
	switch {
	case errors.As(err, &notRegular):
		return nil, fmt.Errorf("%s: %w", path, err)
	case errors.As(err, &tooLarge):
		return nil, fmt.Errorf("%s: %w, the most a settings file may be", path, err)
	}
	return data, err
}
