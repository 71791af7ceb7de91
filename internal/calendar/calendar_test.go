package calendar

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	_ "time/tzdata" // the fixture names Europe/London

	"github.com/unknot/unknot/nudge"
)

func london(t *testing.T) *time.Location {
	t.Helper()
	loc, err := time.LoadLocation("Europe/London")
	if err != nil {
		t.Fatal(err)
	}
	return loc
}

func TestBusyFromFixture(t *testing.T) {
	loc := london(t)
	c, err := ReadFile("testdata/work.ics", loc)
	if err != nil {
		t.Fatal(err)
	}
	at := func(m time.Month, d, h, min int) time.Time { return time.Date(2026, m, d, h, min, 0, 0, loc) }
	got := c.Busy(at(time.March, 9, 0, 0), at(time.April, 21, 0, 0))
	want := []nudge.Busy{
		{Start: at(time.March, 9, 9, 40), End: at(time.March, 9, 10, 15), What: "Weekly sync"},
		{Start: at(time.March, 16, 9, 40), End: at(time.March, 16, 10, 15), What: "Weekly sync"},
		// 23 March was moved to the afternoon.
		{Start: at(time.March, 23, 14, 0), End: at(time.March, 23, 14, 30), What: "Weekly sync (moved)"},
		// Clocks went forward on 29 March: still 09:40 in London.
		{Start: at(time.March, 30, 9, 40), End: at(time.March, 30, 10, 15), What: "Weekly sync"},
		{Start: at(time.March, 30, 14, 0), End: at(time.March, 30, 15, 0), What: "Design review"},
		// 6 and 13 April are excluded; the all-day holiday holds nothing.
		{Start: at(time.April, 20, 9, 40), End: at(time.April, 20, 10, 15), What: "Weekly sync"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d busy intervals, want %d: %v", len(got), len(want), got)
	}
	for i := range want {
		if !got[i].Start.Equal(want[i].Start) || !got[i].End.Equal(want[i].End) || got[i].What != want[i].What {
			t.Errorf("busy %d = %v–%v %q, want %v–%v %q", i, got[i].Start, got[i].End, got[i].What, want[i].Start, want[i].End, want[i].What)
		}
	}
}

// The scheduler waits out the weekly meeting from the fixture, on both
// sides of the change to summer time.
func TestScheduleWaitsOutRecurringMeeting(t *testing.T) {
	loc := london(t)
	c, err := ReadFile("testdata/work.ics", loc)
	if err != nil {
		t.Fatal(err)
	}
	s := nudge.Default()
	s.Loc = loc
	for _, day := range []int{16, 30} { // Mondays before and after the change
		at := func(h, m int) time.Time { return time.Date(2026, time.March, day, h, m, 0, 0, loc) }
		st := nudge.State{Anchor: at(8, 0)}
		busy := c.Busy(at(0, 0), at(24, 0))
		steps := []struct {
			now    time.Time
			want   nudge.Kind
			wantAt time.Time
		}{
			{at(9, 10), nudge.Waiting, at(10, 15)}, // due 09:45, in the meeting
			{at(9, 45), nudge.Held, at(10, 15)},
			{at(10, 15), nudge.Due, at(9, 45)},
		}
		for _, step := range steps {
			got := s.Status(st, busy, step.now)
			if got.Kind != step.want || !got.At.Equal(step.wantAt) {
				t.Errorf("%d March %s: %v at %v, want %v at %v", day, step.now.Format("15:04"), got.Kind, got.At, step.want, step.wantAt)
			}
		}
	}
}

func TestMalformed(t *testing.T) {
	loc := london(t)
	tests := []struct {
		name, data, want string
		events           int
	}{
		{"not a calendar", "hello\n", "not an iCalendar file", 0},
		{"cut short", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:Broken\r\nDTSTART:tomorrow\r\n", "not an iCalendar file", 0},
		{"one bad event of two", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" +
			"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Bad\r\nDTSTART:soon\r\nDTEND:later\r\nEND:VEVENT\r\n" +
			"BEGIN:VEVENT\r\nUID:b\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Good\r\nDTSTART:20260330T130000Z\r\nDTEND:20260330T140000Z\r\nEND:VEVENT\r\n" +
			"END:VCALENDAR\r\n", `1 of 2 events could not be read and are left out (the first: "Bad": start:`, 1},
		{"a bad rule", "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\n" +
			"BEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Loop\r\nDTSTART:20260330T130000Z\r\nDTEND:20260330T140000Z\r\nRRULE:FREQ=OFTEN\r\nEND:VEVENT\r\n" +
			"END:VCALENDAR\r\n", `1 of 1 events could not be read and are left out (the first: "Loop":`, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.data), loc)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) || strings.Contains(err.Error(), "\n") {
				t.Fatalf("error = %v, want one line starting %q", err, tt.want)
			}
			if c == nil || c.Len() != tt.events {
				t.Fatalf("calendar %v, want %d events", c, tt.events)
			}
		})
	}
	if _, err := ReadFile("testdata/malformed.ics", loc); err == nil {
		t.Error("the malformed fixture was read")
	}
	if _, err := ReadFile(filepath.Join(t.TempDir(), "missing.ics"), loc); !os.IsNotExist(err) {
		t.Errorf("a missing file: %v", err)
	}
}

// FuzzParse: no input panics or stalls, and every busy interval ends
// after it starts.
func FuzzParse(f *testing.F) {
	data, err := os.ReadFile("testdata/work.ics")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART:20260330T130000Z\r\nDURATION:PT1H\r\nRRULE:FREQ=MINUTELY\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"))
	from := time.Date(2026, time.March, 1, 0, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, data []byte) {
		c, _ := Parse(data, time.UTC)
		for _, b := range c.Busy(from, from.Add(48*time.Hour)) {
			if !b.End.After(b.Start) {
				t.Fatalf("busy %v ends before it starts", b)
			}
		}
	})
}

// A zone this system does not know (Outlook's Windows names) is read as
// local time, and said once.
func TestUnknownZoneIsLocal(t *testing.T) {
	loc := london(t)
	data := "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nBEGIN:VEVENT\r\nUID:a\r\nDTSTAMP:20260101T000000Z\r\nSUMMARY:Sync\r\n" +
		"DTSTART;TZID=W. Europe Standard Time:20260330T094000\r\nDTEND;TZID=W. Europe Standard Time:20260330T101500\r\n" +
		"END:VEVENT\r\nEND:VCALENDAR\r\n"
	c, err := Parse([]byte(data), loc)
	if err == nil || err.Error() != `time zone "W. Europe Standard Time" is not known here: its times are read as local time` {
		t.Errorf("error = %v", err)
	}
	busy := c.Busy(time.Date(2026, time.March, 30, 0, 0, 0, 0, loc), time.Date(2026, time.March, 31, 0, 0, 0, 0, loc))
	if len(busy) != 1 || !busy[0].Start.Equal(time.Date(2026, time.March, 30, 9, 40, 0, 0, loc)) {
		t.Errorf("busy = %v", busy)
	}
}
