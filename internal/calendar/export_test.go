package calendar

import (
	"bytes"
	"strings"
	"testing"
	"time"

	ical "github.com/emersion/go-ical"
)

func TestProgramEvents(t *testing.T) {
	loc := london(t)
	first := time.Date(2026, time.March, 28, 8, 0, 0, 0, loc) // the clocks go forward overnight
	days := []Day{{"Posture · Day 1 of 3: Loosen up", "Loosen the upper back.", 12},
		{"Posture · Day 2 of 3: Open the front", "Open the chest.", 12}, {"Posture · Day 3 of 3: Stand tall", "Put it together.", 12}}
	var b bytes.Buffer
	if err := ProgramEvents(&b, "posture-3-day", days, first, 10*time.Minute, first.Add(-time.Hour)); err != nil {
		t.Fatal(err)
	}
	text := b.String()
	for _, want := range []string{"BEGIN:VALARM", "TRIGGER:-PT10M", "ACTION:DISPLAY", "unknot session --program posture-3-day"} {
		if !strings.Contains(text, want) {
			t.Errorf("the file lacks %q:\n%s", want, text)
		}
	}
	// It reads back: three events at 08:00 London time each day, 12
	// minutes long, and none holds a nudge (they are free time).
	cal, err := ical.NewDecoder(strings.NewReader(text)).Decode()
	if err != nil {
		t.Fatal(err)
	}
	events := cal.Events()
	if len(events) != 3 {
		t.Fatalf("%d events", len(events))
	}
	for i, ev := range events {
		start, _ := ev.DateTimeStart(loc)
		end, _ := ev.DateTimeEnd(loc)
		if want := time.Date(2026, time.March, 28+i, 8, 0, 0, 0, loc); !start.Equal(want) || end.Sub(start) != 12*time.Minute {
			t.Errorf("event %d: %v–%v, want %v for 12 minutes", i, start.In(loc), end.In(loc), want)
		}
		if desc, _ := ev.Props.Text(ical.PropDescription); !strings.HasSuffix(desc, "\nunknot session --program posture-3-day") {
			t.Errorf("event %d: description %q", i, desc)
		}
	}
	c, err := Parse(b.Bytes(), loc)
	if err != nil || c.Len() != 0 {
		t.Errorf("read as busy time: %d events, %v", c.Len(), err)
	}
}
