package journal

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// damagedJournal writes a journal with enough steps to fill several pages,
// then breaks one page of the steps table, which opening does not read.
func damagedJournal(t *testing.T) (dir string, before []byte) {
	t.Helper()
	dir = t.TempDir()
	j := openTest(t, dir)
	if err := j.StartSession(coach.Session{ID: "s", Started: t0, Title: "x"}); err != nil {
		t.Fatal(err)
	}
	marker := strings.Repeat("STEPMARKER", 20)
	for i := range 200 {
		if err := j.RecordStep("s", coach.Step{Index: i, Technique: marker, Outcome: coach.OutcomeDone, Ended: t0.Add(time.Duration(i) * time.Second)}, i+1); err != nil {
			t.Fatal(err)
		}
	}
	if err := j.FinishSession("s", coach.StatusCompleted, t0.Add(time.Hour)); err != nil {
		t.Fatal(err)
	}
	var pageSize int64
	j.db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	j.Close() // checkpoints the WAL into the file
	path := filepath.Join(dir, FileName)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	at := int64(bytes.LastIndex(data, []byte(marker)))
	if at < pageSize {
		t.Fatalf("marker not found past the first page (at %d)", at)
	}
	page := at / pageSize * pageSize
	copy(data[page:page+16], bytes.Repeat([]byte{0xff}, 16)) // an impossible b-tree page header
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	return dir, data
}

// A journal damaged in a page that opening does not read is refused on
// open, before the new session's rows go into it; the file is unchanged.
func TestDamageBeyondTheFirstPagesIsRefusedOnOpen(t *testing.T) {
	dir, before := damagedJournal(t)
	j, err := Open(dir)
	if err == nil {
		j.StartSession(coach.Session{ID: "new", Started: t0, Title: "would be written into the damaged file"})
		j.Close()
		t.Fatal("a damaged journal was opened for writing")
	}
	if !strings.Contains(err.Error(), "damaged") || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %q, want one line saying it is damaged", err)
	}
	after, _ := os.ReadFile(filepath.Join(dir, FileName))
	if !bytes.Equal(after, before) {
		t.Error("the damaged file was changed")
	}
}
