package report

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// Weeks run seven days from the first day, the last one short; a week
// without sessions still has its row, and pain is the mean of the
// sessions scored both times.
func TestWeeks(t *testing.T) {
	from := time.Date(2026, 11, 1, 0, 0, 0, 0, time.UTC)
	day := func(d, h int) time.Time { return from.AddDate(0, 0, d-1).Add(time.Duration(h) * time.Hour) }
	sessions := []SessionRow{
		{Started: day(1, 9), Status: "completed", Done: 4, Planned: 4, PainBefore: ptr(6), PainAfter: ptr(3)},
		{Started: day(1, 18), Status: "quit", Done: 1, Planned: 4, PainBefore: ptr(5)},
		{Started: day(7, 23), Status: "completed", Done: 4, Planned: 4, PainBefore: ptr(7), PainAfter: ptr(4)},
		{Started: day(8, 0), Status: "completed", Done: 2, Planned: 2},
		{Started: day(30, 12), Status: "completed", Done: 3, Planned: 3, PainBefore: ptr(2), PainAfter: ptr(1)},
	}
	got := weeks(sessions, from, from.AddDate(0, 0, 30))
	var rows []string
	for _, w := range got {
		rows = append(rows, strings.Join(w.Cells(), " | "))
	}
	want := []string{
		"1–7 Nov | 3 (2 finished) | 2 of 7 | 9 of 12 (75%) | 6.5 → 3.5 (2 scored)",
		"8–14 Nov | 1 (1 finished) | 1 of 7 | 2 of 2 (100%) | –",
		"15–21 Nov | – | 0 of 7 | – | –",
		"22–28 Nov | – | 0 of 7 | – | –",
		"29–30 Nov | 1 (1 finished) | 1 of 2 | 3 of 3 (100%) | 2.0 → 1.0 (1 scored)",
	}
	if !slices.Equal(rows, want) {
		t.Errorf("weeks:\n%s\nwant:\n%s", strings.Join(rows, "\n"), strings.Join(want, "\n"))
	}
	across := weeks(nil, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC), time.Date(2026, 12, 3, 0, 0, 0, 0, time.UTC))
	if len(across) != 1 || across[0].Cells()[0] != "28 Nov – 2 Dec" {
		t.Errorf("a week across a month's end: %+v", across)
	}
}

// The printed techniques table: "this hurts" with its sides and days,
// the change that followed when one stands out (a column only then), and
// past the cap one row counting the rest.
func TestPaperTechniques(t *testing.T) {
	at := func(d int) time.Time { return time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC) }
	rows := []TechniqueRow{
		{Name: "Chin tucks", Sessions: 5, Holds: 10, MinHold: 30, MaxHold: 30, Followed: &plan.Effect{Sessions: 5, AvgChange: -2.5}},
		{Name: "Open book", Sessions: 3, Holds: 6, MinHold: 20, MaxHold: 30},
	}
	hurts := []HurtRow{{At: at(3), Technique: "Open book", Side: "left"}, {At: at(3).Add(time.Hour), Technique: "Open book", Side: "left"},
		{At: at(12), Technique: "Open book", Side: "right"}, {At: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC), Technique: "Open book"}}
	tab := paperTechniques(rows, hurts)
	if got := tab.Header[len(tab.Header)-1]; got != "Pain change with it" {
		t.Errorf("last column %q, want the change that followed", got)
	}
	if got := tab.Rows[0][5] + " / " + tab.Rows[0][6]; got != "– / −2.5 (5 sessions)" {
		t.Errorf("chin tucks: %q", got)
	}
	if got := tab.Rows[1][5] + " / " + tab.Rows[1][6]; got != "4 (left 2, right 1; 3, 12 Nov, 1 Dec) / –" {
		t.Errorf("open book: %q", got)
	}

	rows[0].Followed = nil
	if tab := paperTechniques(rows, nil); len(tab.Header) != len(TechniqueHeader) {
		t.Errorf("no change stands out, yet the columns are %q", tab.Header)
	}

	var many []TechniqueRow
	for i := range paperTechniqueRows + 3 {
		many = append(many, TechniqueRow{Name: fmt.Sprint("T", i), Holds: 2})
	}
	tab = paperTechniques(many, nil)
	if len(tab.Rows) != paperTechniqueRows+1 || tab.Rows[paperTechniqueRows][0] != "and 3 more (6 holds); every one is in the Markdown report" {
		t.Errorf("%d rows, the last %q", len(tab.Rows), tab.Rows[len(tab.Rows)-1])
	}
	if tab := paperTechniques(many[:paperTechniqueRows+1], nil); len(tab.Rows) != paperTechniqueRows+1 || tab.Rows[paperTechniqueRows][0] != "T12" {
		t.Error("one past the cap is listed, not counted")
	}
}

// Notes: the latest few with their days; sources: the site, not the
// whole address.
func TestPaperNotesAndSources(t *testing.T) {
	var sessions []SessionRow
	for d := 1; d <= 5; d++ {
		sessions = append(sessions, SessionRow{Started: time.Date(2026, 11, d, 9, 0, 0, 0, time.UTC), Note: fmt.Sprint("note ", d)})
	}
	sessions = append(sessions, SessionRow{Started: time.Date(2026, 11, 6, 9, 0, 0, 0, time.UTC)})
	notes, left := paperNotes(sessions)
	if len(notes) != paperNoteCount || left != 5-paperNoteCount || notes[len(notes)-1] != (PaperNote{Day: "Thu 5 Nov", Text: "note 5"}) {
		t.Errorf("notes %+v, %d left", notes, left)
	}
	long := strings.Repeat("the left side is tighter than the right ", 40)
	notes, _ = paperNotes([]SessionRow{{Started: time.Date(2026, 11, 6, 9, 0, 0, 0, time.UTC), Note: "two\nlines " + long}})
	if text := notes[0].Text; len([]rune(text)) > paperNoteRunes || !strings.HasSuffix(text, "…") ||
		!strings.HasPrefix("two lines "+long, strings.TrimSuffix(text, "…")+" ") {
		t.Errorf("a long note on paper: %q", text)
	}
	if got := clip("short enough", 20); got != "short enough" {
		t.Errorf("clip cut %q", got)
	}
	got := paperSources([]content.Reference{
		{Title: "Neck pain", Publisher: "An NHS trust", URL: "https://www.example.nhs.uk/services/msk/self-help/neck/"},
		{Title: "A paper", Author: "Someone"},
	})
	if got[0].Site != "example.nhs.uk" || got[1].Site != "" || got[0].Text != `"Neck pain", An NHS trust` {
		t.Errorf("sources %+v", got)
	}
}

// A month lists its weeks and quotes the latest notes; five sessions are
// listed one a row.
func TestHTMLFoldsABusyMonth(t *testing.T) {
	var b strings.Builder
	if err := WriteHTML(&b, Build(month())); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, want := range []string{"Sessions, a week a row", "1–7 Nov", "29–30 Nov", "Notes, the latest", "3 older in the Markdown report", "Pain change with it"} {
		if !strings.Contains(page, want) {
			t.Errorf("the month's page has no %q", want)
		}
	}
	if strings.Contains(page, "Mon 2 Nov 09:00") {
		t.Error("the month's page lists sessions one a row")
	}
	b.Reset()
	if err := WriteHTML(&b, Build(fixture())); err != nil {
		t.Fatal(err)
	}
	if page := b.String(); strings.Contains(page, "a week a row") || !strings.Contains(page, "Mon 2 Nov 09:00") {
		t.Error("five sessions are not listed one a row")
	}
}

// With neither notes nor programs, the safety check takes the page's
// width rather than half of it beside nothing.
func TestHTMLSafetyAloneIsFullWidth(t *testing.T) {
	in := fixture()
	in.Sessions = in.Sessions[2:4] // two sessions, neither a program's nor noted, one "this hurts"
	var b strings.Builder
	if err := WriteHTML(&b, Build(in)); err != nil {
		t.Fatal(err)
	}
	if page := b.String(); strings.Contains(page, `class="pair"`) || !strings.Contains(page, `id="safety"`) {
		t.Error("the safety check sits in half the page beside nothing")
	}
	if page := b.String(); !strings.Contains(page, "was pressed once") {
		t.Error(`one "this hurts" is not "once"`)
	}
	b.Reset()
	if err := WriteHTML(&b, Build(fixture())); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `class="pair"`) {
		t.Error("the programs are not beside the safety check")
	}
}
