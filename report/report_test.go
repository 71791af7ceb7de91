package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"
	"github.com/unknot/unknot/content"
)

func TestBuildCountsTheRangeOnly(t *testing.T) {
	r := Build(fixture())
	tot := r.Totals
	checks := []struct {
		name      string
		got, want int
	}{
		{"sessions (October's left out)", tot.Sessions, 5},
		{"finished", tot.Completed, 4},
		{"stopped", tot.Stopped, 1},
		{"active days", tot.ActiveDays, 5},
		{"days in November", tot.Days, 30},
		{"rated", tot.Rated, 4},
		{"holds done (one hurt)", tot.HoldsDone, 17},
		{"holds planned", tot.HoldsPlanned, 18},
		{"pain points", len(r.Pain), 5},
		{"this hurts", len(r.Hurts), 1},
		{"programs", len(r.Programs), 1},
		{"techniques", len(r.Techniques), 2},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s: %d, want %d", c.name, c.got, c.want)
		}
	}
	if tot.AvgBefore != 5.75 || tot.AvgAfter != 3.25 {
		t.Errorf("average pain %.2f → %.2f, want 5.75 → 3.25", tot.AvgBefore, tot.AvgAfter)
	}
	if r.Techniques[0].ID != "chin-tucks" || r.Techniques[0].Holds != 10 || r.Techniques[0].Dose() != "30 s" {
		t.Errorf("first technique %+v, want chin tucks with 10 holds of 30 s", r.Techniques[0])
	}
	if len(r.Sources) == 0 {
		t.Error("no sources for the techniques done")
	}
	if r.Safety == nil || len(r.Safety.Cautions) != 1 || len(r.Safety.Yes) != 0 {
		t.Errorf("safety in force %+v, want one caution, its question not repeated", r.Safety)
	}
}

// A question answered yes is listed as asked unless a caution in force
// stands for it: a clinician's question, a caution's question whose
// caution is no longer recorded.
func TestSafetyInForceListsEveryYes(t *testing.T) {
	in := fixture()
	var clinician, otherCaution content.Question
	for _, q := range in.Catalogue.Safety.Questions {
		switch {
		case q.Tier == content.TierClinician && clinician.ID == "":
			clinician = q
		case q.Caution != "" && !in.Safety.Answers[q.ID] && otherCaution.ID == "":
			otherCaution = q
		}
	}
	in.Safety.Answers[clinician.ID] = true
	in.Safety.Answers[otherCaution.ID] = true
	got := Build(in).Safety.Yes
	if len(got) != 2 || !slices.Contains(got, clinician.Text) || !slices.Contains(got, otherCaution.Text) {
		t.Errorf("answered yes %q, want the clinician's question and the caution question without its caution", got)
	}
}

// What followed sessions goes by the history screen's rules: nothing
// before plan.HistoryFrom rated sessions, then only effects that stand
// out (3 sessions or more, 2 points or more).
func TestFollowedKeepsTheCoachThresholds(t *testing.T) {
	in := fixture()
	r := Build(in)
	if len(r.Followed) != 1 || !strings.Contains(r.Followed[0], "Chin tucks were followed by pain 2.5 points lower on average (4 sessions)") {
		t.Errorf("followed %q, want only chin tucks, 2.5 points lower over 4 sessions", r.Followed)
	}
	in.Until = time.Date(2026, 11, 6, 0, 0, 0, 0, time.UTC) // two rated sessions
	r = Build(in)
	if len(r.Followed) != 0 || !strings.Contains(r.FollowedNote, "Too few sessions") {
		t.Errorf("with 2 rated sessions: followed %q, note %q", r.Followed, r.FollowedNote)
	}
	in = fixture()
	for i := range in.Sessions {
		if in.Sessions[i].PainAfter != nil {
			in.Sessions[i].PainAfter = ptr(*in.Sessions[i].PainBefore - 1) // one point: does not stand out
		}
	}
	r = Build(in)
	if len(r.Followed) != 0 || !strings.Contains(r.FollowedNote, "Nothing stands out") {
		t.Errorf("with one-point changes: followed %q, note %q", r.Followed, r.FollowedNote)
	}
}

func TestMarkdownGolden(t *testing.T) {
	var b bytes.Buffer
	if err := WriteMarkdown(&b, Build(fixture())); err != nil {
		t.Fatal(err)
	}
	golden.RequireEqual(t, b.Bytes())
}

func TestEmptyReportSaysSoPlainly(t *testing.T) {
	in := fixture()
	in.Sessions = nil
	r := Build(in)
	for name, write := range map[string]func(*bytes.Buffer) error{
		"text":     func(b *bytes.Buffer) error { return WriteText(b, r) },
		"markdown": func(b *bytes.Buffer) error { return WriteMarkdown(b, r) },
		"html":     func(b *bytes.Buffer) error { return WriteHTML(b, r) },
	} {
		var b bytes.Buffer
		if err := write(&b); err != nil {
			t.Fatal(name, err)
		}
		if !strings.Contains(b.String(), "No sessions in this period") {
			t.Errorf("%s: an empty report does not say so:\n%s", name, b.String())
		}
		if strings.Contains(b.String(), "Techniques and doses") {
			t.Errorf("%s: an empty report has empty sections", name)
		}
	}
}

func TestTextKeepsNotesOnTheirRow(t *testing.T) {
	in := fixture()
	in.Sessions[2].Note = "line one\nline two\tand a tab"
	var b bytes.Buffer
	if err := WriteText(&b, Build(in)); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "line one line two and a tab") {
		t.Errorf("the note is not kept on its row:\n%s", b.String())
	}
}

// Pain scored on one day only is "on" that day, not "from it to it".
func TestPainSeriesOnOneDay(t *testing.T) {
	in := fixture()
	in.Sessions = in.Sessions[2:3]
	if got := Build(in).PainSeries()[0]; got != "On 5 Nov (0–10; – for none given):" {
		t.Errorf("one day: %q", got)
	}
	if got := Build(fixture()).PainSeries()[0]; got != "From 2 Nov to 20 Nov, oldest first (0–10; – for none given):" {
		t.Errorf("a month: %q", got)
	}
}
