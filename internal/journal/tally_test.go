package journal

import (
	"fmt"
	"reflect"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// The tally Load saves is kept while only new sessions are written, and
// dropped by the triggers when an older session, or one of its steps,
// changes, whoever writes it.
func TestTallyDroppedWhenAnOlderSessionChanges(t *testing.T) {
	cases := []struct {
		name   string
		change func(j *Journal) error
		drops  bool
	}{
		{"a new session", func(j *Journal) error {
			return j.StartSession(coach.Session{ID: "new", Started: t0, Title: "Now"})
		}, false},
		{"today's session and its steps", func(j *Journal) error {
			if err := j.StartSession(coach.Session{ID: "today", Started: t0, Title: "Now"}); err != nil {
				return err
			}
			if err := j.RecordStep("today", coach.Step{Index: 0, Technique: "cat-cow", Outcome: coach.OutcomeHurt, Ended: t0}, 1); err != nil {
				return err
			}
			return j.SetPainAfter("today", 2, "")
		}, false},
		{"pain after on an old session", func(j *Journal) error { return j.SetPainAfter("s000002", 9, "") }, true},
		{"an old session finished", func(j *Journal) error { return j.FinishSession("s000003", coach.StatusQuit, t0) }, true},
		{"a step of an old session", func(j *Journal) error {
			return j.RecordStep("s000004", coach.Step{Index: 2, Technique: "cat-cow", Outcome: coach.OutcomeHurt, Ended: t0}, 99)
		}, true},
		{"a new step of an old session", func(j *Journal) error {
			return j.RecordStep("s000004", coach.Step{Index: 7, Technique: "cat-cow", Outcome: coach.OutcomeHurt, Ended: t0}, 99)
		}, true},
		{"an old session written again (an import)", func(j *Journal) error {
			_, err := j.db.Exec(`INSERT INTO sessions (id, started, status, title) VALUES ('old', ?, 'completed', 'Old')`,
				formatTime(t0.AddDate(0, 0, -30)))
			return err
		}, true},
		{"an old session deleted", func(j *Journal) error {
			_, err := j.db.Exec(`DELETE FROM sessions WHERE id = 's000001'`)
			return err
		}, true},
		{"an old step deleted", func(j *Journal) error {
			_, err := j.db.Exec(`DELETE FROM steps WHERE session_id = 's000001' AND idx = 0`)
			return err
		}, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			j := openTest(t, t.TempDir())
			fill(t, j, 40, t0)
			if _, err := coach.Load(j, t0); err != nil {
				t.Fatal(err)
			}
			if data, err := j.LoadTally(); err != nil || data == nil {
				t.Fatalf("no tally saved by Load: %v", err)
			}
			if err := tc.change(j); err != nil {
				t.Fatal(err)
			}
			data, err := j.LoadTally()
			if err != nil {
				t.Fatal(err)
			}
			if dropped := data == nil; dropped != tc.drops {
				t.Fatalf("tally dropped = %v, want %v", dropped, tc.drops)
			}
			// Either way, what Load gives is what every session gives.
			k, err := coach.Load(j, t0)
			if err != nil {
				t.Fatal(err)
			}
			all, err := j.Sessions(time.Time{})
			if err != nil {
				t.Fatal(err)
			}
			if got, want := k.Stats(t0), coach.Summarise(all, t0); !reflect.DeepEqual(got, want) {
				t.Errorf("stats after the change:\n got %+v\nwant %+v", got, want)
			}
		})
	}
}

// Today's sessions come in full and the older ones only in the tally:
// a journal of years is read as a day.
func TestLoadReadsOnlyTodaysSessions(t *testing.T) {
	j := openTest(t, t.TempDir())
	fill(t, j, 400, t0) // one a day, up to yesterday
	for i, at := range []time.Time{t0.Add(-time.Hour), t0} {
		if err := j.StartSession(coach.Session{ID: fmt.Sprint("today", i), Started: at, Title: "Today"}); err != nil {
			t.Fatal(err)
		}
	}
	k, err := coach.Load(j, t0.Add(time.Hour))
	if err != nil {
		t.Fatal(err)
	}
	if n := len(k.Recent); n != 2 {
		t.Errorf("%d recent sessions, want today's 2", n)
	}
	if k.Tally == nil || k.Tally.Sessions != 400 {
		t.Fatalf("tally %+v", k.Tally)
	}
	if st := k.Stats(t0); st.Sessions != 402 || st.Streak != 401 || st.ThisWeek != 7 {
		t.Errorf("stats %+v", st)
	}
}

// Pages come newest first, each from where the last ended, with steps.
func TestSessionPage(t *testing.T) {
	j := openTest(t, t.TempDir())
	fill(t, j, 25, t0)
	var ids []string
	before := time.Time{}
	for {
		page, err := j.SessionPage(before, 10)
		if err != nil {
			t.Fatal(err)
		}
		if len(page) == 0 {
			break
		}
		for _, s := range page {
			if len(s.Steps) != 6 {
				t.Fatalf("%s has %d steps", s.ID, len(s.Steps))
			}
			ids = append(ids, s.ID)
		}
		before = page[len(page)-1].Started
	}
	if len(ids) != 25 || ids[0] != "s000024" || ids[24] != "s000000" {
		t.Errorf("pages gave %v", ids)
	}
}

// SessionsBetween takes from and stops before to.
func TestSessionsBetween(t *testing.T) {
	j := openTest(t, t.TempDir())
	fill(t, j, 10, t0)
	all, _ := j.Sessions(time.Time{})
	got, err := j.SessionsBetween(all[2].Started, all[5].Started)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 3 || got[0].ID != all[2].ID || got[2].ID != all[4].ID || len(got[1].Steps) != 6 {
		t.Errorf("between the 3rd and the 6th: %d sessions", len(got))
	}
}

// A journal opened read-only from before the tally table has no tally,
// and Load still reads it, in full.
func TestLoadTallyOnAnOlderReadOnlyJournal(t *testing.T) {
	dir := t.TempDir()
	j := openTest(t, dir)
	fill(t, j, 12, t0)
	if _, err := j.db.Exec(`DROP TABLE tally; PRAGMA user_version = 3`); err != nil {
		t.Fatal(err)
	}
	j.Close()
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	data, err := ro.LoadTally()
	if err != nil || data != nil {
		t.Fatalf("tally %q, %v", data, err)
	}
	k, err := coach.Load(ro, t0)
	if err != nil {
		t.Fatal(err)
	}
	if st := k.Stats(t0); st.Sessions != 12 {
		t.Errorf("%d sessions", st.Sessions)
	}
}

// AllSessions yields, a chunk at a time, what Sessions returns at once:
// across chunk boundaries, with sessions that started at the same
// instant, and from a date.
func TestAllSessionsInChunks(t *testing.T) {
	j := openTest(t, t.TempDir())
	n := 2*exportChunk + 3
	fill(t, j, n, t0)
	// Ten sessions either side of the first boundary start together.
	if _, err := j.db.Exec(`UPDATE sessions SET started = ? WHERE id BETWEEN ? AND ?`,
		formatTime(t0.AddDate(0, 0, -n+exportChunk)), fmt.Sprintf("s%06d", exportChunk-5), fmt.Sprintf("s%06d", exportChunk+4)); err != nil {
		t.Fatal(err)
	}
	for _, since := range []time.Time{{}, t0.AddDate(0, 0, -exportChunk-10)} {
		want, err := j.Sessions(since)
		if err != nil {
			t.Fatal(err)
		}
		var got []coach.Session
		for s, err := range j.AllSessions(since) {
			if err != nil {
				t.Fatal(err)
			}
			got = append(got, s)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("since %v: %d sessions in chunks, %d at once", since, len(got), len(want))
		}
	}
}
