package nudger

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/coach/coachtest"
	"github.com/unknot/unknot/nudge"
)

func allDay() nudge.Schedule {
	s := nudge.Default()
	s.Loc, s.Start, s.End = time.UTC, 0, 24*60
	for d := range s.Days {
		s.Days[d] = true
	}
	return s
}

var t0 = time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)

func TestRunnerNotifiesOnceAndRecordsAnswers(t *testing.T) {
	dir := t.TempDir()
	store := coachtest.NewMemStore()
	r := New(allDay(), dir, nil)
	r.Store = store
	check := func(now time.Time) (nudge.Status, bool) {
		t.Helper()
		st, notify, err := r.Check(now)
		if err != nil {
			t.Fatal(err)
		}
		return st, notify
	}
	if st, n := check(t0); st.Kind != nudge.Waiting || n {
		t.Fatalf("first check: %+v, notify %v", st, n)
	}
	due := t0.Add(45 * time.Minute)
	st, n := check(due)
	if st.Kind != nudge.Due || !n {
		t.Fatalf("at the due time: %+v, notify %v", st, n)
	}
	if _, n := check(due.Add(time.Minute)); n {
		t.Error("told twice")
	}
	if _, n := check(due.Add(45 * time.Minute)); !n {
		t.Error("not reminded an interval later, unanswered")
	}
	late := due.Add(46 * time.Minute)
	for i := 0; i < 2; i++ {
		if err := r.Answer(late, st, coach.AnswerSnoozed, ""); err != nil {
			t.Fatal(err)
		}
	}
	if err := r.Answer(late, st, coach.AnswerSnoozed, ""); !errors.Is(err, nudge.ErrSnoozeLimit) {
		t.Errorf("third snooze: %v", err)
	}
	if err := r.Answer(late, st, coach.AnswerTaken, "s1"); err != nil {
		t.Fatal(err)
	}
	if st, _ := check(late.Add(time.Minute)); st.Kind != nudge.Waiting || !st.At.Equal(late.Add(45*time.Minute)) {
		t.Errorf("after taking it: %+v", st)
	}
	today := r.Today(late)
	if today.Taken != 1 || today.Snoozed != 2 || today.Nudges[2].SessionID != "s1" || !today.Nudges[0].Due.Equal(due) {
		t.Errorf("today = %+v", today)
	}
	// A second process sees the same schedule.
	other := New(allDay(), dir, nil)
	if st, _, _ := other.Check(late.Add(time.Minute)); !st.At.Equal(late.Add(45 * time.Minute)) {
		t.Errorf("another process: %+v", st)
	}
}

func TestRunnerTimeAway(t *testing.T) {
	r := New(allDay(), t.TempDir(), nil)
	idle, reads := time.Duration(0), 0
	r.Idle = func() (time.Duration, error) { reads++; return idle, nil }
	r.Check(t0)
	r.Check(t0.Add(time.Second))
	if reads != 1 {
		t.Errorf("the idle time was read %d times in a second, want once", reads)
	}
	idle = 10 * time.Minute
	st, _, _ := r.Check(t0.Add(40 * time.Minute))
	if !st.At.Equal(t0.Add(85 * time.Minute)) {
		t.Errorf("after time away the break is due at %v, want 40+45 min", st.At)
	}
	var said []string
	r.Say = func(s string) { said = append(said, s) }
	r.Idle = func() (time.Duration, error) { return 0, errors.New("no display") }
	r.Check(t0.Add(41 * time.Minute))
	r.Check(t0.Add(42 * time.Minute))
	if len(said) != 1 || !strings.Contains(said[0], "breaks run on the clock") {
		t.Errorf("said %q", said)
	}
}

func TestRunnerCalendars(t *testing.T) {
	dir := t.TempDir()
	ics := filepath.Join(dir, "work.ics")
	meeting := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Sync\r\n" +
		"DTSTART:20261201T094000Z\r\nDTEND:20261201T101500Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
	os.WriteFile(ics, []byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:soon"), 0o600)
	var said []string
	r := New(allDay(), dir, []string{ics, filepath.Join(dir, "missing.ics")})
	r.Say = func(s string) { said = append(said, s) }
	r.Check(t0)
	if st, _, _ := r.Check(t0.Add(45 * time.Minute)); st.Kind != nudge.Due {
		t.Errorf("a malformed calendar: %+v, want due by the clock", st)
	}
	if len(said) != 2 || !strings.HasPrefix(said[0], "work.ics: not an iCalendar file") || !strings.Contains(said[1], "missing.ics: no such file or directory; breaks go on by the clock") {
		t.Errorf("said %q", said)
	}
	os.WriteFile(ics, []byte(meeting), 0o600)
	os.Chtimes(ics, t0, t0.Add(time.Hour))
	st, _, _ := r.Check(t0.Add(45 * time.Minute))
	if st.Kind != nudge.Held || !st.At.Equal(t0.Add(75*time.Minute)) {
		t.Errorf("after the calendar was fixed: %+v, want held until 10:15", st)
	}
	if len(said) != 2 {
		t.Errorf("said again: %q", said)
	}
}

// The busy time is worked out again when a calendar changes or goes, not
// at every check.
func TestRunnerCalendarGoes(t *testing.T) {
	dir := t.TempDir()
	ics := filepath.Join(dir, "work.ics")
	os.WriteFile(ics, []byte("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Sync\r\n"+
		"DTSTART:20261201T094000Z\r\nDTEND:20261201T101500Z\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"), 0o600)
	r := New(allDay(), dir, []string{ics})
	r.Check(t0)
	if st, _, _ := r.Check(t0.Add(45 * time.Minute)); st.Kind != nudge.Held {
		t.Fatalf("in the meeting: %+v", st)
	}
	os.Remove(ics)
	if st, _, _ := r.Check(t0.Add(46 * time.Minute)); st.Kind != nudge.Due {
		t.Errorf("after the calendar went: %+v, want due by the clock", st)
	}
}
