package report

import (
	"fmt"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/unknot/unknot/content"
)

// The printed page has room for one A4 or Letter sheet, so the HTML lays
// a busy month out more compactly than the text and the Markdown, which
// list everything: sessions a week a row once there are more than fit,
// the techniques done most with a count of the rest, "this hurts" in the
// techniques' table, and the most recent notes.
const (
	// paperSessionRows is the most sessions listed one a row; past it,
	// the page has one row a week.
	paperSessionRows = 10
	// paperTechniqueRows is the most techniques listed.
	paperTechniqueRows = 12
	// paperNoteRunes is the most of a note quoted; the rest is in the
	// Markdown.
	paperNoteRunes = 120
	// paperNoteCount is the most notes quoted under the weeks.
	paperNoteCount = 2
)

// WeekHeader heads the weeks table.
var WeekHeader = []string{"Week", "Sessions", "Days active", "Holds done", "Pain before → after (mean)"}

// Cells is the week as a table row.
func (w WeekRow) Cells() []string {
	span := w.From.Format("2 Jan")
	switch {
	case w.Last.Equal(w.From):
	case w.Last.Month() == w.From.Month():
		span = w.From.Format("2") + "–" + w.Last.Format("2 Jan")
	default:
		span += " – " + w.Last.Format("2 Jan")
	}
	sessions := "–"
	if w.Sessions > 0 {
		sessions = fmt.Sprintf("%d (%d finished)", w.Sessions, w.Completed)
	}
	holds := "–"
	if w.HoldsPlanned > 0 {
		holds = fmt.Sprintf("%d of %d (%s)", w.HoldsDone, w.HoldsPlanned, percent(w.HoldsDone, w.HoldsPlanned))
	}
	pain := "–"
	if w.Rated > 0 {
		pain = fmt.Sprintf("%.1f → %.1f (%d scored)", w.AvgBefore, w.AvgAfter, w.Rated)
	}
	return []string{span, sessions, fmt.Sprintf("%d of %d", w.ActiveDays, w.Days), holds, pain}
}

// paperTechniqueHeader heads the printed techniques table: the text's
// columns and the change in pain that followed.
var paperTechniqueHeader = append(slices.Clone(TechniqueHeader), "Pain change with it")

// paperTechniques is the printed techniques table: the most done first,
// the rest counted in a last row; "this hurts" with its days, and the
// change in pain that followed as a column when one stands out.
func paperTechniques(rows []TechniqueRow, hurts []HurtRow) htmlTable {
	hurt := paperHurts(hurts)
	header := TechniqueHeader
	withChange := slices.ContainsFunc(rows, func(t TechniqueRow) bool { return t.Followed != nil })
	if withChange {
		header = paperTechniqueHeader
	}
	var out [][]string
	for i, t := range rows {
		if i == paperTechniqueRows && len(rows) > paperTechniqueRows+1 {
			holds := 0
			for _, rest := range rows[i:] {
				holds += rest.Holds
			}
			last := make([]string, len(header))
			last[0] = fmt.Sprintf("and %d more (%s); every one is in the Markdown report", len(rows)-i, content.Plural(holds, "hold"))
			out = append(out, last)
			break
		}
		change := "–"
		if e := t.Followed; e != nil {
			change = fmt.Sprintf("%+.1f (%d sessions)", e.AvgChange, e.Sessions)
			change = strings.Replace(change, "-", "−", 1)
		}
		row := t.Cells()
		if h, ok := hurt[t.Name]; ok {
			row[5] = h
		} else {
			row[5] = "–"
		}
		if withChange {
			row = append(row, change)
		}
		out = append(out, row)
	}
	return newHTMLTable(header, out)
}

// paperHurts is "this hurts" by technique name, as the techniques table
// prints it: how often, on which side, on which days ("3 (left 2; 3, 12,
// 27 Nov)").
func paperHurts(hurts []HurtRow) map[string]string {
	type group struct {
		times int
		sides map[string]int
		days  []time.Time
	}
	at := map[string]*group{}
	for _, h := range hurts {
		g := at[h.Technique]
		if g == nil {
			g = &group{sides: map[string]int{}}
			at[h.Technique] = g
		}
		g.times++
		if h.Side != "" {
			g.sides[h.Side]++
		}
		if !slices.ContainsFunc(g.days, func(d time.Time) bool { return sameDay(d, h.At) }) {
			g.days = append(g.days, h.At)
		}
	}
	out := map[string]string{}
	for name, g := range at {
		var sides []string
		for _, side := range []string{"left", "right"} {
			if n := g.sides[side]; n > 0 {
				sides = append(sides, fmt.Sprintf("%s %d", side, n))
			}
		}
		when := dayList(g.days)
		if len(sides) > 0 {
			when = strings.Join(sides, ", ") + "; " + when
		}
		out[name] = fmt.Sprintf("%d (%s)", g.times, when)
	}
	return out
}

// dayList is the days, oldest first, each month named once: "3, 12 Nov,
// 1 Dec".
func dayList(days []time.Time) string {
	var b strings.Builder
	for i, d := range days {
		b.WriteString(d.Format("2"))
		if i == len(days)-1 || days[i+1].Month() != d.Month() {
			b.WriteString(d.Format(" Jan"))
		}
		if i < len(days)-1 {
			b.WriteString(", ")
		}
	}
	return b.String()
}

func sameDay(a, b time.Time) bool {
	ay, am, ad := a.Date()
	by, bm, bd := b.Date()
	return ay == by && am == bm && ad == bd
}

// PaperSource is a citation as the page prints it: its text and the
// site it is on (the full address is in the text and the Markdown).
type PaperSource struct{ Text, Site string }

// paperSources names each source's site as a person would type it: no
// scheme, no "www.", no path.
func paperSources(refs []content.Reference) []PaperSource {
	out := make([]PaperSource, 0, len(refs))
	for _, r := range refs {
		src := PaperSource{Text: r.Text()}
		if u, err := url.Parse(r.URL); err == nil && u.Host != "" {
			src.Site = strings.TrimPrefix(u.Hostname(), "www.")
		}
		out = append(out, src)
	}
	return out
}

// PaperNote is a session's note with its day.
type PaperNote struct {
	Day  string
	Text string
}

// paperNotes are the most recent notes, newest last, and how many older
// ones are left out.
func paperNotes(sessions []SessionRow) ([]PaperNote, int) {
	var all []PaperNote
	for _, s := range sessions {
		if s.Note != "" {
			all = append(all, PaperNote{Day: s.Started.Format("Mon 2 Jan"), Text: clip(oneLine(s.Note), paperNoteRunes)})
		}
	}
	if len(all) <= paperNoteCount {
		return all, 0
	}
	return all[len(all)-paperNoteCount:], len(all) - paperNoteCount
}

// clip is s cut to at most n runes, at a space where there is one near,
// with "…" when anything was cut.
func clip(s string, n int) string {
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	cut := string(r[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)*3/4 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;.") + "…"
}
