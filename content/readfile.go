package content

import (
	"errors"
	"fmt"

	"github.com/unknot/unknot/internal/regularfile"
)

// MaxPackBytes is the largest pack file read. The built-in catalogue is
// about 130 KB in eight files; a pack is a handful of techniques.
const MaxPackBytes = 1 << 20

// readPack reads a pack file, which must be a regular file of at most
// MaxPackBytes; its errors read after the path ("x.yaml: is not …").
func readPack(path string) ([]byte, error) {
	data, err := regularfile.Read(path, MaxPackBytes)
	var notRegular regularfile.NotRegularError
	var tooLarge regularfile.TooLargeError
	switch {
	case err == nil:
		return data, nil
	case errors.As(err, &notRegular):
		return nil, fmt.Errorf("%w; only regular files are read", err)
	case errors.As(err, &tooLarge):
		return nil, fmt.Errorf("%w, the most a pack file may be", err)
	}
	return nil, fmt.Errorf("cannot be read: %w", err)
}
