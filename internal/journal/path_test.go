package journal

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/unknot/unknot/coach"
)

// A data directory whose name holds URI syntax ('#', '?', '%', spaces)
// keeps the journal inside it: with "b#frag" SQLite used to write the
// sibling file "b" instead, with the default mode.
func TestDataDirWithURICharacters(t *testing.T) {
	root := t.TempDir() // subtests' own TempDirs would carry the odd names too
	for i, name := range []string{"b#frag", "what?mode=ro", "100%", "%41%2F", "with space", "semi;colon&amp=1"} {
		t.Run(name, func(t *testing.T) {
			parent := filepath.Join(root, fmt.Sprint(i))
			dir := filepath.Join(parent, name)
			j := openTest(t, dir)
			if err := j.StartSession(coach.Session{ID: "s1", Started: t0, Title: "x"}); err != nil {
				t.Fatal(err)
			}
			j.Close()

			entries, _ := os.ReadDir(parent)
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			if !slices.Equal(names, []string{name}) {
				t.Errorf("the parent directory holds %q; want only %q", names, name)
			}
			data, err := os.ReadFile(filepath.Join(dir, FileName))
			if err != nil || !bytes.HasPrefix(data, []byte("SQLite format 3\x00")) {
				t.Fatalf("%s is not the database (%d bytes, %v)", FileName, len(data), err)
			}
			if s, err := openTest(t, dir).Session("s1"); err != nil || s.Title != "x" {
				t.Errorf("reopened: %+v, %v", s, err)
			}
		})
	}
}
