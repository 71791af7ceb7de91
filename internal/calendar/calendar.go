// Package calendar reads busy time from iCalendar (.ics) files the person
// exports or a calendar app keeps in sync, for the nudges to wait out.
// It reads local files only: there is no network here.
package calendar

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"
	"time"

	ical "github.com/emersion/go-ical"
	"github.com/teambition/rrule-go"

	"github.com/unknot/unknot/internal/regularfile"
	"github.com/unknot/unknot/nudge"
)

// MaxBytes is the largest .ics file read: years of a busy calendar fit.
const MaxBytes = 32 << 20

// maxOccurrences bounds how far one repeating event is followed, so an
// event that repeats every minute since 1970 cannot stall a check.
const maxOccurrences = 200_000

// event is one busy event: a single one, or the first of a series.
type event struct {
	start time.Time
	dur   time.Duration
	what  string
	// set expands a repeating event; nil for a single one.
	set *rrule.Set
}

// Calendar is the busy events of one or more files.
type Calendar struct {
	events []event
}

// Parse reads one .ics file's events in loc (the zone of times that name
// none). Free, cancelled and all-day events are left out: an all-day
// event is a holiday or a reminder, not a meeting. Events that cannot be
// read are left out too, and counted in the error, which is nil when
// every event was read.
func Parse(data []byte, loc *time.Location) (c *Calendar, err error) {
	// The decoder panics on some malformed lines (an index out of range
	// on "0;0=", found by FuzzParse): that is a bad file, not a crash.
	defer func() {
		if r := recover(); r != nil {
			c, err = &Calendar{}, errors.New("not an iCalendar file: a line is malformed")
		}
	}()
	cal, err := ical.NewDecoder(bytes.NewReader(data)).Decode()
	switch {
	case errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF):
		return &Calendar{}, errors.New("not an iCalendar file: it ends part-way through")
	case err != nil:
		return &Calendar{}, fmt.Errorf("not an iCalendar file: %s", oneLine(err))
	}
	c = &Calendar{}
	var bad []error
	unknown := localZones(cal.Events())
	// A repeat edited on its own comes as its own event with the series'
	// UID and a RECURRENCE-ID naming the occurrence it replaces.
	moved := map[string][]time.Time{}
	for _, e := range cal.Events() {
		if id := e.Props.Get(ical.PropRecurrenceID); id != nil {
			if t, err := id.DateTime(loc); err == nil {
				uid, _ := e.Props.Text(ical.PropUID)
				moved[uid] = append(moved[uid], t)
			}
		}
	}
	for _, e := range cal.Events() {
		ev, keep, err := readEvent(e, loc, moved)
		switch {
		case err != nil:
			bad = append(bad, err)
		case keep:
			c.events = append(c.events, ev)
		}
	}
	var notes []string
	if len(bad) > 0 {
		notes = append(notes, fmt.Sprintf("%d of %d events could not be read and are left out (the first: %s)", len(bad), len(cal.Events()), oneLine(bad[0])))
	}
	if len(unknown) > 0 {
		notes = append(notes, fmt.Sprintf("time zone %q is not known here: its times are read as local time", unknown[0]))
	}
	if len(notes) > 0 {
		return c, errors.New(strings.Join(notes, "; "))
	}
	return c, nil
}

// timeProps are the properties that carry a time and may name a zone.
var timeProps = []string{ical.PropDateTimeStart, ical.PropDateTimeEnd, ical.PropRecurrenceID, ical.PropExceptionDates, ical.PropRecurrenceDates}

// localZones drops each TZID this system does not know (Outlook writes
// Windows names such as "W. Europe Standard Time"), so those times are
// read in the calendar's local zone rather than lost, and lists the
// zones dropped.
func localZones(events []ical.Event) []string {
	known := map[string]bool{}
	var unknown []string
	for _, e := range events {
		for _, name := range timeProps {
			props := e.Props[name]
			for i := range props {
				tz := props[i].Params.Get(ical.PropTimezoneID)
				if tz == "" {
					continue
				}
				ok, seen := known[tz]
				if !seen {
					_, err := time.LoadLocation(tz)
					ok, known[tz] = err == nil, err == nil
					if !ok {
						unknown = append(unknown, tz)
					}
				}
				if !ok {
					props[i].Params.Del(ical.PropTimezoneID)
				}
			}
		}
	}
	return unknown
}

// readEvent reads one VEVENT; keep is false for one that never holds a
// break.
func readEvent(e ical.Event, loc *time.Location, moved map[string][]time.Time) (ev event, keep bool, err error) {
	what, _ := e.Props.Text(ical.PropSummary)
	if transp, _ := e.Props.Text(ical.PropTransparency); strings.EqualFold(transp, "TRANSPARENT") {
		return ev, false, nil
	}
	if status, _ := e.Props.Text(ical.PropStatus); strings.EqualFold(status, "CANCELLED") {
		return ev, false, nil
	}
	startProp := e.Props.Get(ical.PropDateTimeStart)
	if startProp == nil {
		return ev, false, fmt.Errorf("%q has no start", what)
	}
	if startProp.ValueType() == ical.ValueDate || len(startProp.Value) == len("20060102") {
		return ev, false, nil // all day
	}
	start, err := e.DateTimeStart(loc)
	if err != nil {
		return ev, false, fmt.Errorf("%q: start: %s", what, oneLine(err))
	}
	end, err := e.DateTimeEnd(loc)
	if err != nil {
		return ev, false, fmt.Errorf("%q: end: %s", what, oneLine(err))
	}
	ev = event{start: start, dur: end.Sub(start), what: what}
	if ev.dur <= 0 {
		return ev, false, nil // a point in time holds nothing
	}
	if ev.set, err = recurrence(e, start, loc); err != nil {
		return ev, false, fmt.Errorf("%q: %s", what, oneLine(err))
	}
	if ev.set != nil && e.Props.Get(ical.PropRecurrenceID) == nil {
		uid, _ := e.Props.Text(ical.PropUID)
		for _, t := range moved[uid] {
			ev.set.ExDate(t)
		}
	}
	return ev, true, nil
}

// recurrence is the set of a repeating event's starts, or nil for an
// event that does not repeat.
func recurrence(e ical.Event, start time.Time, loc *time.Location) (*rrule.Set, error) {
	opt, err := e.Props.RecurrenceRule()
	if err != nil || opt == nil {
		return nil, err
	}
	opt.Dtstart = start
	rule, err := rrule.NewRRule(*opt)
	if err != nil {
		return nil, err
	}
	set := &rrule.Set{}
	set.RRule(rule)
	for name, add := range map[string]func(time.Time){ical.PropExceptionDates: set.ExDate, ical.PropRecurrenceDates: set.RDate} {
		for _, p := range e.Props.Values(name) {
			// One property may list several times, comma-separated.
			for v := range strings.SplitSeq(p.Value, ",") {
				one := p
				one.Value = strings.TrimSpace(v)
				t, err := one.DateTime(loc)
				if err != nil {
					return nil, fmt.Errorf("%s: %s", strings.ToLower(name), oneLine(err))
				}
				add(t)
			}
		}
	}
	return set, nil
}

// Merge is the busy events of several calendars as one.
func Merge(cals ...*Calendar) *Calendar {
	out := &Calendar{}
	for _, c := range cals {
		if c != nil {
			out.events = append(out.events, c.events...)
		}
	}
	return out
}

// Busy is every busy interval that overlaps [from, to), by start.
func (c *Calendar) Busy(from, to time.Time) []nudge.Busy {
	var out []nudge.Busy
	for _, ev := range c.events {
		if ev.set == nil {
			if ev.start.Before(to) && ev.start.Add(ev.dur).After(from) {
				out = append(out, nudge.Busy{Start: ev.start, End: ev.start.Add(ev.dur), What: ev.what})
			}
			continue
		}
		next := ev.set.Iterator()
		for i := 0; i < maxOccurrences; i++ {
			s, ok := next()
			if !ok || !s.Before(to) {
				break
			}
			if s.Add(ev.dur).After(from) {
				out = append(out, nudge.Busy{Start: s, End: s.Add(ev.dur), What: ev.what})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Start.Before(out[j].Start) })
	return out
}

// Len is how many events (single ones and series) the calendar holds.
func (c *Calendar) Len() int { return len(c.events) }

// ReadFile reads one .ics file (see Parse). An error that comes with a
// calendar says some events were left out; the rest are there.
func ReadFile(path string, loc *time.Location) (*Calendar, error) {
	data, err := regularfile.Read(path, MaxBytes)
	if err != nil {
		var pathErr interface{ Unwrap() error }
		if errors.As(err, &pathErr) {
			err = pathErr.Unwrap()
		}
		return &Calendar{}, err
	}
	return Parse(data, loc)
}

// oneLine keeps an error to one line for the one line a bad file gets.
func oneLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return strings.TrimPrefix(s, "ical: ")
}
