// Package report assembles the one-page summary a person can bring to a
// physiotherapist: sessions and how much of each was done, pain before
// and after, the techniques and their doses, "this hurts" events, the
// safety answers in force, what followed sessions with each technique,
// and the sources. It is pure: the journal's records come in, a Report
// comes out, and the renderers (text, Markdown, HTML) only lay it out.
package report

import (
	"cmp"
	"slices"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// Input is what the report is made from.
type Input struct {
	// Sessions are the journal's sessions, oldest first; those outside
	// From–Until are left out.
	Sessions []coach.Session
	// Safety is the latest safety check, if any.
	Safety *coach.SafetyRecord
	// Progress is how far each multi-day program has got.
	Progress []coach.Progress
	// From is the first day (its midnight) and Until the day after the
	// last one (its midnight), in the time zone the report is read in.
	From, Until time.Time
	Now         time.Time
	Catalogue   *content.Catalogue
}

// Report is everything the renderers lay out.
type Report struct {
	From, Last time.Time // the first and last day covered
	Generated  time.Time
	Totals     Totals
	Sessions   []SessionRow
	// Weeks are the sessions seven days a row from the first day, for a
	// page that cannot list every session.
	Weeks      []WeekRow
	Pain       []PainPoint
	Programs   []ProgramRow
	Techniques []TechniqueRow
	Hurts      []HurtRow
	Safety     *SafetyInForce
	// Followed are what followed sessions with a technique, worded as the
	// history screen words them, only for clear patterns.
	Followed []string
	// FollowedNote says why Followed is empty, when it is.
	FollowedNote string
	Sources      []content.Reference
	Disclaimer   string
}

// Empty reports whether the range holds no session.
func (r Report) Empty() bool { return r.Totals.Sessions == 0 }

// Totals are the counts over the range.
type Totals struct {
	Sessions, Completed, Stopped int
	ActiveDays, Days             int // days with a session, of the days in the range
	Rated                        int // sessions with pain before and after
	HoldsDone, HoldsPlanned      int
	Held                         time.Duration
	// AvgBefore and AvgAfter are the mean pain over the rated sessions.
	AvgBefore, AvgAfter float64
}

// SessionRow is one session as the report lists it.
type SessionRow struct {
	Started            time.Time
	Title              string
	Length             time.Duration
	Done, Planned      int
	PainBefore         *int
	PainAfter          *int
	Status, Note       string
	ProgramID, Program string
	Day                int
}

// PainPoint is one session with a pain score: before, after or both.
type PainPoint struct {
	At            time.Time
	Before, After *int
}

// ProgramRow is how a program was kept to: its sessions, how many were
// finished, how many of their holds were done, and where it stands.
type ProgramRow struct {
	ID, Name                string
	Sessions, Completed     int
	HoldsDone, HoldsPlanned int
	// NextDay of Days, for a multi-day program under way (0 when not).
	NextDay, Days int
}

// TechniqueRow is one technique done in the range, with its dose.
type TechniqueRow struct {
	ID, Name string
	Sessions int // sessions it was done in
	Holds    int // holds done through or in part
	// MinHold and MaxHold are the planned hold lengths, in seconds.
	MinHold, MaxHold int
	Held             time.Duration
	Hurt             int // "this hurts" presses
	// Followed is the change in pain over sessions with it, when it
	// stands out (as Report.Followed words it).
	Followed *plan.Effect
}

// HurtRow is one "this hurts" press.
type HurtRow struct {
	At        time.Time
	Technique string
	Side      string
	Session   string
}

// SafetyInForce is the latest safety check as it stands.
type SafetyInForce struct {
	At       time.Time
	Outcome  string
	Age      string
	Cautions []Caution
	// Yes are the questions answered yes, as asked, but for those a
	// caution in Cautions stands for.
	Yes []string
	// Assessed are questions a clinician has looked at, with when.
	Assessed []Assessed
	Reason   string
}

// Caution is one caution in force and what the coach changes for it.
type Caution struct{ Name, Adaptation string }

// Assessed is one question a clinician assessed.
type Assessed struct {
	Question string
	At       time.Time
}

// Build assembles the report.
func Build(in Input) Report {
	c := in.Catalogue
	r := Report{From: in.From, Last: in.Until.AddDate(0, 0, -1), Generated: in.Now, Disclaimer: c.Guidance.Disclaimer}
	var inRange []coach.Session
	for _, s := range in.Sessions {
		if !s.Started.Before(in.From) && s.Started.Before(in.Until) {
			inRange = append(inRange, s)
		}
	}
	r.Totals.Days = daysBetween(in.From, in.Until)
	loc := in.Now.Location()
	r.Safety = safetyInForce(c, in.Safety, loc)
	if len(inRange) == 0 {
		return r
	}
	days := map[string]bool{}
	var before, after int
	sources := map[string]bool{}
	var cited []string
	cite := func(ids []string) {
		for _, id := range ids {
			if !sources[id] {
				sources[id] = true
				cited = append(cited, id)
			}
		}
	}
	for _, s := range inRange {
		days[s.Started.In(loc).Format(time.DateOnly)] = true
		sum := s.Summary(c)
		row := SessionRow{Started: s.Started.In(loc), Title: s.Title, Length: s.Duration(), Done: sum.Done,
			Planned: sum.Done + sum.Skipped + sum.Partial + sum.Hurt + sum.Pending, PainBefore: s.PainBefore,
			PainAfter: s.PainAfter, Status: s.Status, Note: s.Note, ProgramID: s.Program, Day: s.Day}
		r.Sessions = append(r.Sessions, row)
		r.Totals.Sessions++
		if s.Status == coach.StatusCompleted {
			r.Totals.Completed++
		} else {
			r.Totals.Stopped++
		}
		r.Totals.HoldsDone += row.Done
		r.Totals.HoldsPlanned += row.Planned
		r.Totals.Held += sum.Held
		if s.PainBefore != nil || s.PainAfter != nil {
			r.Pain = append(r.Pain, PainPoint{At: s.Started, Before: s.PainBefore, After: s.PainAfter})
		}
		if _, ok := s.Change(); ok {
			r.Totals.Rated++
			before += *s.PainBefore
			after += *s.PainAfter
		}
		if p, ok := c.Program(s.Program); ok {
			cite(p.Sources)
		}
		for _, st := range s.Steps {
			if t, ok := c.Technique(st.Technique); ok && st.Outcome != coach.OutcomeSkipped {
				cite(t.Sources)
			}
			if st.Outcome == coach.OutcomeHurt {
				r.Hurts = append(r.Hurts, HurtRow{At: st.Ended.In(loc), Technique: techniqueName(c, st.Technique), Side: st.Side, Session: s.Title})
			}
		}
	}
	r.Totals.ActiveDays = len(days)
	if r.Totals.Rated > 0 {
		r.Totals.AvgBefore = float64(before) / float64(r.Totals.Rated)
		r.Totals.AvgAfter = float64(after) / float64(r.Totals.Rated)
	}
	r.Programs = programs(c, inRange, in.Progress)
	r.Techniques = techniques(c, inRange)
	var effects map[string]plan.Effect
	r.Followed, effects, r.FollowedNote = followed(c, inRange, in.Now)
	for i := range r.Techniques {
		if e, ok := effects[r.Techniques[i].ID]; ok {
			r.Techniques[i].Followed = &e
		}
	}
	r.Weeks = weeks(r.Sessions, in.From, in.Until)
	r.Sources = c.Citations(cited)
	return r
}

func daysBetween(from, until time.Time) int {
	n := 0
	for d := from; d.Before(until); d = d.AddDate(0, 0, 1) {
		n++
	}
	return n
}

func techniqueName(c *content.Catalogue, id string) string {
	if t, ok := c.Technique(id); ok {
		return t.Name
	}
	return id // a pack technique no longer installed
}

// programs sums the sessions of each program, in the order first done.
func programs(c *content.Catalogue, sessions []coach.Session, progress []coach.Progress) []ProgramRow {
	var out []ProgramRow
	at := map[string]int{}
	for _, s := range sessions {
		if s.Program == "" {
			continue
		}
		i, ok := at[s.Program]
		if !ok {
			name := s.Program
			if p, found := c.Program(s.Program); found {
				name = p.Name
			}
			i = len(out)
			at[s.Program] = i
			out = append(out, ProgramRow{ID: s.Program, Name: name})
		}
		sum := s.Summary(c)
		row := &out[i]
		row.Sessions++
		if s.Status == coach.StatusCompleted {
			row.Completed++
		}
		row.HoldsDone += sum.Done
		row.HoldsPlanned += sum.Done + sum.Skipped + sum.Partial + sum.Hurt + sum.Pending
	}
	for _, p := range progress {
		if i, ok := at[p.Program]; ok && !p.Done() {
			out[i].NextDay, out[i].Days = p.Day, p.Days
		}
	}
	return out
}

// techniques sums each technique's holds, most done first.
func techniques(c *content.Catalogue, sessions []coach.Session) []TechniqueRow {
	at := map[string]*TechniqueRow{}
	for _, s := range sessions {
		seen := map[string]bool{}
		for _, st := range s.Steps {
			if st.Outcome == coach.OutcomeSkipped {
				continue
			}
			row := at[st.Technique]
			if row == nil {
				hold := int(st.PlannedSeconds + 0.5)
				row = &TechniqueRow{ID: st.Technique, Name: techniqueName(c, st.Technique), MinHold: hold, MaxHold: hold}
				at[st.Technique] = row
			}
			if !seen[st.Technique] {
				seen[st.Technique] = true
				row.Sessions++
			}
			hold := int(st.PlannedSeconds + 0.5)
			row.MinHold, row.MaxHold = min(row.MinHold, hold), max(row.MaxHold, hold)
			row.Holds++
			row.Held += time.Duration(st.ActualSeconds * float64(time.Second)).Round(time.Second)
			if st.Outcome == coach.OutcomeHurt {
				row.Hurt++
			}
		}
	}
	out := make([]TechniqueRow, 0, len(at))
	for _, row := range at {
		out = append(out, *row)
	}
	slices.SortFunc(out, func(a, b TechniqueRow) int {
		return cmp.Or(cmp.Compare(b.Holds, a.Holds), cmp.Compare(a.Name, b.Name))
	})
	return out
}
