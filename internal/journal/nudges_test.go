package journal

import (
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

func TestNudgesRoundTrip(t *testing.T) {
	dir := t.TempDir()
	j := openTest(t, dir)
	want := []coach.Nudge{
		{Due: t0, At: t0.Add(time.Minute), Answer: coach.AnswerSnoozed},
		{Due: t0.Add(10 * time.Minute), At: t0.Add(12 * time.Minute), Answer: coach.AnswerTaken, SessionID: "s1"},
		{Due: t0.Add(2 * time.Hour), At: t0.Add(2 * time.Hour), Answer: coach.AnswerSkipped},
	}
	for _, n := range want {
		if err := coach.SaveNudge(n)(j); err != nil {
			t.Fatal(err)
		}
	}
	got, err := j.Nudges(t0.Add(5 * time.Minute))
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != want[1] || got[1] != want[2] {
		t.Errorf("Nudges since the snooze = %+v, want %+v", got, want[1:])
	}
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if all, err := ro.Nudges(time.Time{}); err != nil || len(all) != 3 {
		t.Errorf("read-only: %d nudges, %v; want 3", len(all), err)
	}
}

// A journal from before nudges, read as it is, has none (and no error).
func TestNudgesInAnOlderJournal(t *testing.T) {
	dir := t.TempDir()
	j := openTest(t, dir)
	j.db.Exec(`DROP TABLE nudges`)
	j.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, nudgesVersion-1))
	j.Close()
	ro, err := OpenReadOnly(filepath.Clean(dir))
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if got, err := ro.Nudges(time.Time{}); err != nil || len(got) != 0 {
		t.Errorf("Nudges = %v, %v; want none", got, err)
	}
}
