package calendar

import (
	"fmt"
	"io"
	"time"

	ical "github.com/emersion/go-ical"
)

// Day is one day of a program as a calendar event.
type Day struct {
	Title   string // "Three days to better posture · Day 2 of 3: Open the front"
	Summary string // what the day is about
	Minutes int
}

// ProgramEvents writes a program's days as an iCalendar file: one event a
// day from the first start, each with a reminder `alarm` before it, and
// the command that starts the day in its description. program is the
// program's ID; stamp is when the file was made (DTSTAMP).
func ProgramEvents(w io.Writer, program string, days []Day, first time.Time, alarm time.Duration, stamp time.Time) error {
	cal := ical.NewCalendar()
	cal.Props.SetText(ical.PropVersion, "2.0")
	cal.Props.SetText(ical.PropProductID, "-//unknot//program//EN")
	cal.Props.SetText("CALSCALE", "GREGORIAN")
	command := "unknot session --program " + program
	for i, d := range days {
		y, m, dd := first.Date()
		h, min, _ := first.Clock()
		// Wall-clock time each day: the same hour across a DST change.
		start := time.Date(y, m, dd+i, h, min, 0, 0, first.Location())
		ev := ical.NewEvent()
		ev.Props.SetText(ical.PropUID, fmt.Sprintf("%s-day-%d-%s@unknot", program, i+1, first.UTC().Format("20060102T150405Z")))
		ev.Props.SetDateTime(ical.PropDateTimeStamp, stamp.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeStart, start.UTC())
		ev.Props.SetDateTime(ical.PropDateTimeEnd, start.Add(time.Duration(max(d.Minutes, 1))*time.Minute).UTC())
		ev.Props.SetText(ical.PropSummary, "unknot: "+d.Title)
		ev.Props.SetText(ical.PropDescription, d.Summary+"\n\nStart it in a terminal:\n"+command)
		ev.Props.SetText(ical.PropTransparency, "TRANSPARENT") // a session is not a meeting: it holds no nudge
		alarmComp := ical.NewComponent(ical.CompAlarm)
		alarmComp.Props.SetText(ical.PropAction, "DISPLAY")
		alarmComp.Props.SetText(ical.PropDescription, d.Title+": "+command)
		trigger := ical.NewProp(ical.PropTrigger)
		trigger.SetValueType(ical.ValueDuration)
		trigger.Value = fmt.Sprintf("-PT%dM", int(alarm/time.Minute)) // whole minutes: what calendars offer
		alarmComp.Props.Set(trigger)
		ev.Children = append(ev.Children, alarmComp)
		cal.Children = append(cal.Children, ev.Component)
	}
	return ical.NewEncoder(w).Encode(cal)
}
