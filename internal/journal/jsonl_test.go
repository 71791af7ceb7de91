package journal

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// fillSync writes sessions named by ids into j, one a day from day, each with
// steps, pain before and after, a note, an intake and the break taken
// that started it; then a break snoozed, a safety check, a program's
// progress and a preference.
func fillSync(t *testing.T, j *Journal, day int, ids ...string) {
	t.Helper()
	for i, id := range ids {
		start := t0.AddDate(0, 0, day+i)
		before := 6 - i%3
		ok(t, j.StartSession(coach.Session{ID: id, Started: start, Title: "Desk break · Day 1: Loosen up", Program: "desk-break",
			Day: 1, Plan: []coach.PlanItem{{Technique: "shoulder-rolls", HoldSeconds: 30}}, PainBefore: &before}))
		for k := range 2 {
			ok(t, j.RecordStep(id, coach.Step{Index: k, Technique: "shoulder-rolls", Side: "left", Rep: k + 1, Outcome: coach.OutcomeDone,
				PlannedSeconds: 30, ActualSeconds: 29.5, Ended: start.Add(time.Duration(k+1) * 40 * time.Second)}, k+1))
		}
		ok(t, j.FinishSession(id, coach.StatusCompleted, start.Add(3*time.Minute)))
		ok(t, j.SetPainAfter(id, before-2, "felt \"looser\", a bit\nsore"))
		ok(t, j.SaveIntake(id, start, map[string]any{"pain": before, "areas": []string{"upper-back"}}))
		ok(t, j.SaveNudge(coach.Nudge{Due: start.Add(-5 * time.Minute), At: start, Answer: coach.AnswerTaken, SessionID: id}))
	}
	ok(t, j.SaveNudge(coach.Nudge{Due: t0.AddDate(0, 0, day).Add(-time.Hour), At: t0.AddDate(0, 0, day).Add(-59 * time.Minute), Answer: coach.AnswerSnoozed}))
	ok(t, j.SaveSafety(coach.SafetyRecord{At: t0.AddDate(0, 0, day), Outcome: "cautions", Answers: map[string]bool{"osteoporosis": true},
		Cautions: []string{"osteoporosis"}, Profile: coach.SafetyProfile{Age: "51-64", Checked: t0}}))
	ok(t, j.SetProgress(coach.Progress{Program: "three-days", Day: 2, Days: 3, Updated: t0.AddDate(0, 0, day)}))
	ok(t, j.SetPreference(coach.PrefGentler, "yes"))
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// export is the journal's JSON Lines as the command writes them
// (streamed), checked against the dump written whole.
func export(t *testing.T, j *Journal) string {
	t.Helper()
	var streamed, whole bytes.Buffer
	ok(t, j.ExportJSONL(&streamed))
	d, err := j.Dump()
	ok(t, err)
	ok(t, WriteJSONL(&whole, d))
	if streamed.String() != whole.String() {
		t.Fatalf("the streamed export differs from the dump:\n%s\nwant:\n%s", streamed.String(), whole.String())
	}
	return streamed.String()
}

func history(t *testing.T, j *Journal) string {
	t.Helper()
	s, err := j.Sessions(time.Time{})
	ok(t, err)
	var b bytes.Buffer
	ok(t, WriteJSON(&b, s))
	return b.String()
}

// breaks is every nudge in j, as `unknot history --breaks --json` reads them.
func breaks(t *testing.T, j *Journal) []coach.Nudge {
	t.Helper()
	n, err := j.Nudges(time.Time{})
	ok(t, err)
	return n
}

func importText(t *testing.T, j *Journal, file string) Merged {
	t.Helper()
	d, err := ReadJSONL(strings.NewReader(file))
	ok(t, err)
	m, err := j.Import(d)
	ok(t, err)
	return m
}

// Export, then import on a fresh journal: the history is the same, to
// the byte, and so is a second export; importing it again is a no-op.
func TestJSONLRoundTripReproducesHistory(t *testing.T) {
	a := openTest(t, t.TempDir())
	fillSync(t, a, 0, "s1", "s2", "s3")
	file := export(t, a)
	for _, typ := range []string{"header", "session", "step", "intake", "safety", "progress", "preference", "nudge"} {
		if !strings.Contains(file, `{"type":"`+typ+`"`) {
			t.Errorf("no %s line in the export:\n%s", typ, file)
		}
	}
	b := openTest(t, t.TempDir())
	m := importText(t, b, file)
	if m.Added != 3 || m.Steps != 6 || m.Intakes != 3 || m.Safety != 1 || m.Progress != 1 || m.Prefs != 1 || m.Nudges != 4 {
		t.Errorf("first import: %+v", m)
	}
	if got, want := history(t, b), history(t, a); got != want {
		t.Errorf("history differs after the import:\n%s\nwant:\n%s", got, want)
	}
	if got, want := breaks(t, b), breaks(t, a); !reflect.DeepEqual(got, want) || len(got) != 4 {
		t.Errorf("breaks after the import:\n%+v\nwant:\n%+v", got, want)
	}
	if got := export(t, b); got != file {
		t.Errorf("second export differs:\n%s\nwant:\n%s", got, file)
	}
	m = importText(t, b, file)
	if m.Changed() || m.Unchanged != 3 || len(m.Conflicts) != 0 {
		t.Errorf("importing twice changed something: %+v", m)
	}
	if got := export(t, b); got != file {
		t.Error("the journal changed on the second import")
	}
	var gotSafety coach.SafetyRecord
	gotSafety, _, _ = b.LatestSafety()
	if gotSafety.Profile.Age != "51-64" || !gotSafety.Answers["osteoporosis"] {
		t.Errorf("safety check after import: %+v", gotSafety)
	}
}

// Two machines with some sessions in common: the merge keeps every
// session of both, and the steps either copy of a shared one has.
func TestImportOverlappingJournalsKeepsBothSides(t *testing.T) {
	laptop := openTest(t, t.TempDir())
	fillSync(t, laptop, 0, "s1", "s2")
	desktop := openTest(t, t.TempDir())
	fillSync(t, desktop, 2, "s2", "s3") // its s2 starts a day later than the laptop's: a conflict
	ok(t, desktop.RecordStep("s2", coach.Step{Index: 2, Technique: "chin-tucks", Outcome: coach.OutcomeHurt,
		PlannedSeconds: 20, ActualSeconds: 4, Ended: t0.AddDate(0, 0, 2).Add(2 * time.Minute)}, 3))
	m := importText(t, laptop, export(t, desktop))
	if m.Added != 1 || m.Updated != 1 || len(m.Conflicts) != 1 || !strings.Contains(m.Conflicts[0], "kept the file's copy, the newer") {
		t.Errorf("merge: %+v", m)
	}
	sessions, err := laptop.Sessions(time.Time{})
	ok(t, err)
	if len(sessions) != 3 {
		t.Fatalf("%d sessions after the merge, want 3", len(sessions))
	}
	s2, err := laptop.Session("s2")
	ok(t, err)
	if len(s2.Steps) != 3 || s2.Steps[2].Outcome != coach.OutcomeHurt || !s2.Started.Equal(t0.AddDate(0, 0, 2)) {
		t.Errorf("s2 after the merge: %d steps, started %v", len(s2.Steps), s2.Started)
	}
	// The other way round the laptop's s2 is the older: the desktop keeps its own, and says so.
	m = importText(t, desktop, export(t, openTestFilled(t, 1, "s2")))
	if len(m.Conflicts) != 1 || !strings.Contains(m.Conflicts[0], "kept this journal's copy, the newer") {
		t.Errorf("older copy: %+v", m)
	}
	if s2, _ := desktop.Session("s2"); !s2.Started.Equal(t0.AddDate(0, 0, 2)) {
		t.Errorf("an older copy replaced a newer one: started %v", s2.Started)
	}
}

func openTestFilled(t *testing.T, day int, ids ...string) *Journal {
	j := openTest(t, t.TempDir())
	fillSync(t, j, day, ids...)
	return j
}

// A malformed or hostile file is refused with its line, whole: ReadJSONL
// returns the first problem and the importer is never reached.
func TestReadJSONLRefusesBadFiles(t *testing.T) {
	head := `{"type":"header","format":"unknot-journal","version":1}` + "\n"
	sess := `{"type":"session","id":"s1","started":"2026-11-21T09:00:00Z","ended":null,"status":"completed","title":"T","program":"","day":0,"plan":[],"pain_before":5,"pain_after":null,"note":%s}` + "\n"
	note := func(n string) string { return head + fmt.Sprintf(sess, n) }
	// nudge is a file whose third line is a nudge ending in last, with
	// each pair of edits then made to that line.
	nudge := func(last string, edits ...string) string {
		l := `{"type":"nudge","due":"2026-11-21T08:55:00Z","at":"2026-11-21T09:00:00Z","answer":"taken",` + last + "}"
		for i := 0; i+1 < len(edits); i += 2 {
			l = strings.Replace(l, edits[i], edits[i+1], 1)
		}
		return note(`""`) + l + "\n"
	}
	cases := []struct{ name, file, want string }{
		{"empty", "", "empty"},
		{"not an export", "id,started\n", "line 1: not an unknot journal export"},
		{"newer version", `{"type":"header","format":"unknot-journal","version":2}` + "\n", "line 1: the file is version 2, from a newer unknot"},
		{"older version", `{"type":"header","format":"unknot-journal","version":0}` + "\n", "line 1: the file is version 0"},
		{"unknown type", head + `{"type":"reminder","at":"2026-11-21T09:00:00Z"}` + "\n", `line 2: unknown record type "reminder"`},
		{"no type", head + `{"id":"x"}` + "\n", `line 2: the record has no "type"`},
		{"broken JSON", head + `{"type":"session",` + "\n", "line 2: not a JSON record"},
		{"unknown field", head + `{"type":"preference","key":"k","value":"v","updated":"2026-11-21T09:00:00Z","evil":1}` + "\n", `line 2: json: unknown field "evil"`},
		{"escape sequence", note(`"\u001b]0;pwned\u0007"`), "line 2: note holds escape sequences or control characters"},
		{"C1 control", note(`"a\u009bb"`), "line 2: note holds escape sequences"},
		{"bidi override", note(`"\u202eevil"`), "line 2: note holds escape sequences"},
		{"huge field", note(`"` + strings.Repeat("x", 3000) + `"`), "line 2: note is 3000 characters long, more than 2000"},
		{"huge line", head + strings.Repeat(" ", MaxJSONLLine+1) + "\n", "line 2: the line is longer than 256 KiB"},
		{"pain out of range", head + strings.Replace(fmt.Sprintf(sess, `""`), `"pain_before":5`, `"pain_before":11`, 1), "line 2: pain_before 11 is outside 0–10"},
		{"wrong type", head + strings.Replace(fmt.Sprintf(sess, `""`), `"day":0`, `"day":"one"`, 1), "line 2: day should be int"},
		{"duplicate session", note(`""`) + fmt.Sprintf(sess, `""`), `line 3: session "s1" again (first on line 2)`},
		{"orphan step", head + `{"type":"step","session_id":"nope","index":0,"technique":"t","side":"","rep":1,"outcome":"done","planned_seconds":1,"actual_seconds":1,"ended":"2026-11-21T09:00:00Z"}` + "\n", `line 2: step of session "nope", which no line before it holds`},
		{"bad status", head + strings.Replace(fmt.Sprintf(sess, `""`), `"completed"`, `"pwned"`, 1), `line 2: status "pwned" is not one of`},
		{"second header", head + head, "line 2: a second header line"},
		{"nudge unknown field", nudge(`"session_id":"","evil":1`), `line 3: json: unknown field "evil"`},
		{"nudge bad time", nudge(`"session_id":""`, `"due":"2026-11-21T08:55:00Z"`, `"due":"yesterday"`), `line 3: the time "yesterday" is not one like 2026-11-21T09:00:00Z`},
		{"nudge bad offset", nudge(`"session_id":""`, `09:00:00Z"`, `09:00:00+25:00"`), `line 3: the time "2026-11-21T09:00:00+25:00" is not`},
		{"nudge no at", nudge(`"session_id":""`, `"at":"2026-11-21T09:00:00Z",`, ``), "line 3: at is missing"},
		{"nudge zero due", nudge(`"session_id":""`, `2026-11-21T08:55:00Z`, `0001-01-01T00:00:00Z`), "line 3: due is missing"},
		{"nudge bad answer", nudge(`"session_id":""`, `"taken"`, `"pwned"`), `line 3: answer "pwned" is not one of [taken snoozed skipped]`},
		{"nudge answer case", nudge(`"session_id":""`, `"taken"`, `"Taken"`), `line 3: answer "Taken" is not one of`},
		{"nudge answer wrong type", nudge(`"session_id":""`, `"taken"`, `1`), "line 3: answer should be string"},
		{"nudge huge session_id", nudge(`"session_id":"` + strings.Repeat("s", 3000) + `"`), "line 3: session_id is 3000 characters long"},
		{"nudge escape", nudge(`"session_id":"\u001b[2J"`), "line 3: session_id holds escape sequences"},
		{"nudge tab in session_id", nudge(`"session_id":"a\tb"`), "line 3: session_id holds a newline or a tab"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := ReadJSONL(strings.NewReader(c.file))
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %v, want one with %q", err, c.want)
			}
			if err != nil && strings.ContainsAny(err.Error(), "\x1b\x07\u009b\u202e\n") {
				t.Errorf("the error carries the file's control characters: %q", err)
			}
		})
	}
}

// A file past the size cap is refused at the line that passes it.
func TestReadJSONLCapsTheFile(t *testing.T) {
	file := export(t, openTestFilled(t, 0, "s1", "s2", "s3"))
	if _, err := readJSONL(strings.NewReader(file), len(file)); err != nil {
		t.Fatalf("a file at the cap: %v", err)
	}
	_, err := readJSONL(strings.NewReader(file), len(file)-1)
	if err == nil || !strings.Contains(err.Error(), fmt.Sprintf("line %d: the file is larger than", strings.Count(file, "\n"))) {
		t.Errorf("a file one byte past the cap: %v", err)
	}
}

// An imported session older than the coach's saved tally drops the
// tally, as a session written here would: the next start counts afresh.
func TestImportDropsAStaleTally(t *testing.T) {
	j := openTestFilled(t, 5, "late")
	ok(t, j.SaveTally(t0.AddDate(0, 0, 10), []byte("tally")))
	if data, err := j.LoadTally(); err != nil || data == nil {
		t.Fatalf("no tally saved: %v", err)
	}
	importText(t, j, export(t, openTestFilled(t, 0, "early")))
	if data, err := j.LoadTally(); err != nil || data != nil {
		t.Errorf("the tally outlived an import of an older session: %q, %v", data, err)
	}
}
