package report

import (
	"fmt"
	"strings"
	"time"

	"github.com/unknot/unknot/content"
)

// The wording every rendering shares, so the text, the Markdown and the
// HTML say the same things.

// Title is the report's heading.
const Title = "unknot: self-care report"

// Range is the days covered, "1 Nov 2026 to 30 Nov 2026".
func (r Report) Range() string {
	return fmt.Sprintf("%s to %s", r.From.Format(dayFormat), r.Last.Format(dayFormat))
}

// GeneratedText says when the report was made.
func (r Report) GeneratedText() string { return "Made " + r.Generated.Format(dayTimeFormat) }

const (
	dayFormat     = "2 Jan 2006"
	dayTimeFormat = "2 Jan 2006 15:04"
)

// EmptyText is what a report on a range without sessions says.
const EmptyText = "No sessions in this period: nothing to report yet. Sessions, pain scores and what was done will show here once there are some."

// Overview is the report's first paragraph.
func (r Report) Overview() []string {
	t := r.Totals
	lines := []string{
		fmt.Sprintf("%s on %d of %d days (%d finished, %d stopped early).",
			content.Plural(t.Sessions, "session"), t.ActiveDays, t.Days, t.Completed, t.Stopped),
		fmt.Sprintf("Holds done: %d of %d planned (%s); %s of holding in all.", t.HoldsDone, t.HoldsPlanned,
			percent(t.HoldsDone, t.HoldsPlanned), minutes(t.Held)),
	}
	if t.Rated > 0 {
		lines = append(lines, fmt.Sprintf("Pain (0–10) averaged %.1f before and %.1f after, over %s scored both times.",
			t.AvgBefore, t.AvgAfter, content.Plural(t.Rated, "session")))
	} else {
		lines = append(lines, "No session has pain scored both before and after.")
	}
	return lines
}

func percent(n, of int) string {
	if of == 0 {
		return "none planned"
	}
	return fmt.Sprintf("%d%%", (n*100+of/2)/of)
}

// minutes is a length of holding in words: whole minutes ("9 min") for
// a minute or more, and under a minute the seconds as the table gives
// them ("0:06"), so a few seconds are never called a minute.
func minutes(d time.Duration) string {
	secs := int(d / time.Second)
	if secs > 0 && secs < 60 {
		return content.Clock(secs)
	}
	return fmt.Sprintf("%d min", content.Minutes(secs))
}

// PainSeries is the pain scores in order, one line before and one
// after, oldest first: the chart's numbers, for text.
func (r Report) PainSeries() []string {
	if len(r.Pain) == 0 {
		return []string{"No pain scores in this period."}
	}
	var before, after []string
	for _, p := range r.Pain {
		before, after = append(before, score(p.Before)), append(after, score(p.After))
	}
	first, last := r.Pain[0].At.Format("2 Jan"), r.Pain[len(r.Pain)-1].At.Format("2 Jan")
	span := "From " + first + " to " + last + ", oldest first"
	if first == last {
		span = "On " + first
	}
	return []string{
		span + " (0–10; – for none given):",
		"Before: " + strings.Join(before, " "),
		"After:  " + strings.Join(after, " "),
	}
}

func score(p *int) string {
	if p == nil {
		return "–"
	}
	return fmt.Sprint(*p)
}

// PainText is "7 → 3", "7 → ?" or "–".
func PainText(before, after *int) string {
	switch {
	case before != nil && after != nil:
		return fmt.Sprintf("%d → %d", *before, *after)
	case before != nil:
		return fmt.Sprintf("%d → ?", *before)
	case after != nil:
		return fmt.Sprintf("? → %d", *after)
	}
	return "–"
}

// Cells is the session as a table row.
func (s SessionRow) Cells() []string {
	length := "–"
	if s.Length > 0 {
		length = content.Clock(int(s.Length / time.Second))
	}
	return []string{s.Started.Format("Mon 2 Jan 15:04"), s.Title, length, fmt.Sprintf("%d of %d", s.Done, s.Planned),
		PainText(s.PainBefore, s.PainAfter), s.Status, s.Note}
}

// SessionHeader heads the sessions table.
var SessionHeader = []string{"Started", "Routine", "Length", "Holds done", "Pain", "Status", "Note"}

// Cells is the program as a table row.
func (p ProgramRow) Cells() []string {
	where := "–"
	if p.Days > 0 {
		where = fmt.Sprintf("%d of %d", p.NextDay, p.Days)
	}
	return []string{p.Name, fmt.Sprintf("%d (%d finished)", p.Sessions, p.Completed),
		fmt.Sprintf("%d of %d (%s)", p.HoldsDone, p.HoldsPlanned, percent(p.HoldsDone, p.HoldsPlanned)), where}
}

// ProgramHeader heads the programs table.
var ProgramHeader = []string{"Program", "Sessions", "Holds done", "Next day"}

// Dose is the hold length planned, "30 s" or "20–30 s".
func (t TechniqueRow) Dose() string {
	if t.MinHold == t.MaxHold {
		return fmt.Sprintf("%d s", t.MinHold)
	}
	return fmt.Sprintf("%d–%d s", t.MinHold, t.MaxHold)
}

// Cells is the technique as a table row.
func (t TechniqueRow) Cells() []string {
	return []string{t.Name, fmt.Sprint(t.Sessions), fmt.Sprint(t.Holds), t.Dose(), content.Clock(int(t.Held / time.Second)), fmt.Sprint(t.Hurt)}
}

// TechniqueHeader heads the techniques table.
var TechniqueHeader = []string{"Technique", "Sessions", "Holds", "Hold", "Time held", "This hurts"}

// Cells is the "this hurts" press as a table row.
func (h HurtRow) Cells() []string {
	side := h.Side
	if side == "" {
		side = "–"
	}
	return []string{h.At.Format("Mon 2 Jan 15:04"), h.Technique, side, h.Session}
}

// HurtHeader heads the "this hurts" table.
var HurtHeader = []string{"When", "Technique", "Side", "Session"}

// Lines is the safety check in force, one fact a line.
func (s *SafetyInForce) Lines() []string {
	if s == nil {
		return []string{"No safety check is on record."}
	}
	lines := []string{fmt.Sprintf("Last safety check: %s; outcome: %s.", s.At.Format(dayTimeFormat), s.Outcome)}
	if s.Reason != "" {
		lines = append(lines, "Reason: "+s.Reason)
	}
	if s.Age != "" {
		lines = append(lines, "Age: "+s.Age+".")
	}
	for _, c := range s.Cautions {
		line := "Caution: " + c.Name
		if c.Adaptation != "" {
			line += ". " + c.Adaptation
		}
		lines = append(lines, line)
	}
	for _, q := range s.Yes {
		lines = append(lines, "Answered yes: "+q)
	}
	for _, a := range s.Assessed {
		lines = append(lines, fmt.Sprintf("Assessed by a clinician (said %s): %s", a.At.Format(dayFormat), a.Question))
	}
	if len(s.Cautions) == 0 && len(s.Yes) == 0 {
		lines = append(lines, "No caution and no question answered yes.")
	}
	return lines
}

// FollowedIntro heads the "what followed" section: association, not cause.
const FollowedIntro = "How pain changed over sessions that included each technique. A session's change is not one technique's effect: these are associations, not causes."
