// Package nudgestate keeps the nudges' state in a small JSON file beside
// the journal: what the answers set and the busy time ahead, so `unknot
// status` can answer by reading one file, and several `unknot nudge`
// processes (a pane, a --once timer) share one schedule.
package nudgestate

import (
	"encoding/json"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/unknot/unknot/nudge"
)

// FileName is the state file's name in the data directory.
const FileName = "nudge.json"

// maxBytes bounds what Load reads: the file holds a day of meetings.
const maxBytes = 1 << 20

// File is the state file's contents.
type File struct {
	State nudge.State `json:"state"`
	// Busy is the calendars' busy time from Written to BusyUntil, as the
	// last running nudge read it.
	Busy      []nudge.Busy `json:"busy,omitempty"`
	BusyUntil time.Time    `json:"busy_until,omitzero"`
	Written   time.Time    `json:"written"`
}

// BusyAhead is how far ahead the file keeps busy time.
const BusyAhead = 24 * time.Hour

// Path is the state file in the data directory dir.
func Path(dir string) string { return filepath.Join(dir, FileName) }

// Load reads the state file in dir; a missing one is an empty File and no
// error (ok false).
func Load(dir string) (f File, ok bool, err error) {
	fh, err := os.Open(Path(dir))
	if errors.Is(err, fs.ErrNotExist) {
		return f, false, nil
	}
	if err != nil {
		return f, false, err
	}
	defer fh.Close()
	dec := json.NewDecoder(io.LimitReader(fh, maxBytes))
	if err := dec.Decode(&f); err != nil {
		return File{}, false, errors.New(FileName + " is damaged; it will be written afresh")
	}
	return f, true, nil
}

// Save writes f to the state file in dir at once: a reader never sees
// half a file. The directory must exist (the journal made it).
func Save(dir string, f File) error {
	b, err := json.Marshal(f)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(dir, FileName+".*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), Path(dir))
}
