package content

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestReadPackLimit(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		size int
		ok   bool
	}{{0, true}, {MaxPackBytes, true}, {MaxPackBytes + 1, false}} {
		path := filepath.Join(dir, "p.yaml")
		writeFile(t, path, strings.Repeat("#", tc.size))
		data, err := readPack(path)
		if (err == nil) != tc.ok || (tc.ok && len(data) != tc.size) {
			t.Errorf("%d bytes: read %d, err %v; want ok=%v", tc.size, len(data), err, tc.ok)
		}
	}
}
