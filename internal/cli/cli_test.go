package cli

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/ui"
)

// firstGate answers a first safety check in plain mode, all clear: age
// 20 to 50, nothing happening now, none of the three checklists, no
// cautions.
const firstGate = "2\nn\nn\nn\nn\nn\n\n"

func runCLI(args ...string) (code int, stdout, stderr string) {
	return runCLIWith("", args...)
}

// runCLIWith runs the command line with stdin holding input.
func runCLIWith(input string, args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(input), &out, &errb)
	return code, out.String(), errb.String()
}

func TestBadInputExitsTwoWithOneLine(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"session", "--technique", "doorway-chest-strech"}, `unknown technique "doorway-chest-strech" (did you mean doorway-chest-stretch`},
		{[]string{"session", "--program", "desk-brake"}, `unknown program "desk-brake" (did you mean desk-break`},
		{[]string{"session", "--program", "posture-3"}, "unknown program \"posture-3\" (did you mean posture-3-day?); `unknot list programs` lists them"},
		{[]string{"session", "--program", "zzzzzzzz"}, "unknown program \"zzzzzzzz\"; `unknot list programs` lists them"},
		{[]string{"session", "--technique", "zzzzzzzz"}, "unknown technique \"zzzzzzzz\"; `unknot list` lists them"},
		{[]string{"list", "--area", "zzzzzzzz"}, "unknown area \"zzzzzzzz\"; `unknot list areas` lists them"},
		{[]string{"session", "--equipment", "zzzzzzzz"}, "unknown equipment \"zzzzzzzz\"; `unknot list equipment` lists them"},
		{[]string{"list", "programs", "extra"}, "unknown command"},
		{[]string{"session", "--hold", "abc"}, `--hold "abc" is not a duration`},
		{[]string{"session", "--hold", "0"}, "--hold 0 is not between 1 second and 30 minutes"},
		{[]string{"session", "--hold", "-5s"}, "--hold -5s is not between 1 second and 30 minutes"},
		{[]string{"session", "--hold", "31m"}, "--hold 31m is not between 1 second and 30 minutes"},
		{[]string{"session", "--hold", "1.5s"}, "must be whole seconds"},
		{[]string{"session", "--lead-in", "-3s"}, "--lead-in -3s is not between 0 seconds and 1 minute"},
		{[]string{"session", "--program", "desk-break", "--technique", "shoulder-rolls"}, "not both"},
		{[]string{"--bogus"}, "unknown flag: --bogus"},
		{[]string{"frobnicate"}, "unknown command"},
		{[]string{"list", "extra"}, "unknown command"},
		{[]string{"session", "--area", "uper-back"}, `unknown area "uper-back" (did you mean upper-back`},
		{[]string{"session", "--equipment", "foam"}, `unknown equipment "foam" (did you mean foam-roller`},
		{[]string{"session", "--minutes", "7"}, "--minutes 7 is not one of"},
		{[]string{"session", "--minutes", "0"}, "--minutes 0 is not one of"},
		{[]string{"session", "--program", ""}, "--program needs a program ID; `unknot list programs` lists them"},
		{[]string{"completion", "bogus"}, `unknown shell "bogus"`},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, stdout, stderr := runCLI(tc.args...)
			if code != 2 {
				t.Errorf("exit = %d, want 2", code)
			}
			if stdout != "" {
				t.Errorf("stdout = %q, want nothing", stdout)
			}
			if strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, tc.want) {
				t.Errorf("stderr = %q, want one line containing %q", stderr, tc.want)
			}
		})
	}
}

// Without a terminal the session runs in plain mode: numbered questions
// answered from stdin, then one line per event, no escape codes.
func TestSessionWithoutTerminalIsPlain(t *testing.T) {
	t.Setenv("UNKNOT_DATA_DIR", t.TempDir())
	answers := firstGate + "3\n\n" + "2\n\n"
	code, out, errOut := runCLIWith(answers, "--no-voice", "--no-bell", "session", "--technique", "chin-tucks", "--hold", "1s", "--lead-in", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{"How old are you?", "Any of these? [y/n]", "Step 1 of 2: Chin tucks", "Done.", "Session complete: 2 done", "From 3 to 2"} {
		if !strings.Contains(out, want) {
			t.Errorf("plain output lacks %q:\n%s", want, out)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("escape codes in plain output")
	}
	// It was saved like any other session.
	_, js, _ := runCLI("history", "--json")
	if !strings.Contains(js, `"status": "completed"`) || !strings.Contains(js, `"pain_after": 2`) {
		t.Errorf("not saved: %s", js)
	}
}

func TestListJSON(t *testing.T) {
	code, stdout, _ := runCLI("list", "--json")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	var raw []map[string]any
	if err := json.Unmarshal([]byte(stdout), &raw); err != nil {
		t.Fatal(err)
	}
	if len(raw) == 0 {
		t.Fatal("no techniques")
	}
	for _, field := range []string{"id", "name", "areas", "role", "equipment", "duration_seconds", "bilateral"} {
		if _, ok := raw[0][field]; !ok {
			t.Errorf("JSON lacks %q", field)
		}
	}
	var typed []listEntry
	_ = json.Unmarshal([]byte(stdout), &typed)
	for _, e := range typed {
		if e.ID == "doorway-chest-stretch" {
			if !e.Bilateral || e.DurationSeconds < e.Holds*e.HoldSeconds {
				t.Errorf("doorway stretch entry = %+v", e)
			}
			return
		}
	}
	t.Error("doorway-chest-stretch not listed")
}

func TestListTableIsPlainText(t *testing.T) {
	code, stdout, _ := runCLI("list")
	if code != 0 || strings.Contains(stdout, "\x1b") {
		t.Fatalf("exit %d, escapes in output: %v", code, strings.Contains(stdout, "\x1b"))
	}
	if !strings.HasPrefix(stdout, "ID") || !strings.Contains(stdout, "doorway-chest-stretch") {
		t.Errorf("unexpected table:\n%s", stdout)
	}
}

// The names the flags take have commands that list them, as tables and
// as JSON; `unknot programs` is `unknot list programs`.
func TestNameListings(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want []string // in the table, in order
	}{
		{[]string{"programs"}, []string{"ID", "NAME", "DAYS", "LENGTH", "desk-break", "Desk break", "3 min", "posture-3-day", "3", "min a day"}},
		{[]string{"list", "programs"}, []string{"ID", "NAME", "DAYS", "LENGTH", "desk-break"}},
		{[]string{"list", "areas"}, []string{"ID", "NAME", "INTAKE", "upper-back", "Between the shoulder blades", "hips", "-"}},
		{[]string{"list", "equipment"}, []string{"ID", "NAME", "foam-roller", "foam roller", "none"}},
	} {
		t.Run(strings.Join(tc.args, " "), func(t *testing.T) {
			code, out, errOut := runCLI(tc.args...)
			if code != 0 || errOut != "" {
				t.Fatalf("exit %d, stderr %q", code, errOut)
			}
			rest := out
			for _, w := range tc.want {
				i := strings.Index(rest, w)
				if i < 0 {
					t.Fatalf("%q missing (or out of order) in:\n%s", w, out)
				}
				rest = rest[i+len(w):]
			}
			code, js, _ := runCLI(append(tc.args, "--json")...)
			var v []map[string]any
			if err := json.Unmarshal([]byte(js), &v); code != 0 || err != nil || len(v) == 0 || v[0]["id"] == nil {
				t.Errorf("--json: exit %d, %v: %.200s", code, err, js)
			}
		})
	}
	_, programs, _ := runCLI("programs")
	if _, list, _ := runCLI("list", "programs"); list != programs {
		t.Errorf("`unknot programs` and `unknot list programs` differ:\n%s\n%s", programs, list)
	}
	_, js, _ := runCLI("programs", "--json")
	var entries []programEntry
	_ = json.Unmarshal([]byte(js), &entries)
	for _, e := range entries {
		if e.ID == "posture-3-day" && (e.Days != 3 || e.Minutes < 5) {
			t.Errorf("posture-3-day = %+v", e)
		}
	}
}

func TestSessionRequest(t *testing.T) {
	a := &app{}
	req, err := a.sessionRequest(sessionFlags{techniques: []string{"doorway-chest-stretch", "shoulder-rolls"},
		hold: durationFlag{raw: "20s", set: true}, leadIn: durationFlag{raw: "0", set: true}})
	if err != nil {
		t.Fatal(err)
	}
	if !req.direct || len(req.req.Techniques) != 2 || req.req.Techniques[0].ID != "doorway-chest-stretch" {
		t.Fatalf("request = %+v", req.req)
	}
	if req.req.Expand.Hold != 20*time.Second || req.req.Expand.LeadIn != 0 {
		t.Errorf("expand = %+v", req.req.Expand)
	}
	req, err = a.sessionRequest(sessionFlags{program: "desk-break"})
	if err != nil || !strings.HasPrefix(req.req.Title, "Desk") || req.req.Expand.LeadIn >= 0 {
		t.Errorf("program request: %v, %+v", err, req)
	}
	req, err = a.sessionRequest(sessionFlags{areas: []string{"mid-back"}, equipment: []string{"none"}, minutes: 5})
	if err != nil || !req.req.Personal() {
		t.Fatalf("personal request: %v %+v", err, req.req)
	}
	if p := req.req.Preset; !p.AreasGiven || !p.EquipmentGiven || !p.MinutesGiven || p.Minutes != 5 || len(p.Equipment) != 0 {
		t.Errorf("preset = %+v", p)
	}
}

func TestParseDuration(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"20s", 20 * time.Second, true},
		{"20", 20 * time.Second, true},
		{"1m30s", 90 * time.Second, true},
		{" 5s ", 5 * time.Second, true},
		{"0", 0, false},
		{"-1", 0, false},
		{"31m", 0, false},
		{"500ms", 0, false},
		{"", 0, false},
		{"ten", 0, false},
	} {
		got, err := parseDuration("hold", tc.in, minHoldFlag, maxHoldFlag)
		if (err == nil) != tc.ok || got != tc.want {
			t.Errorf("parseDuration(%q) = %v, %v", tc.in, got, err)
		}
	}
}

// FuzzParseDuration: any input either parses into range or is a usage error.
func FuzzParseDuration(f *testing.F) {
	for _, s := range []string{"20s", "0", "1m30s", "-5", "9999999999999999999", "1e9s", "1.5s", "", "∞"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseDuration("hold", s, minHoldFlag, maxHoldFlag)
		if err != nil {
			if _, ok := err.(usageError); !ok {
				t.Fatalf("error %v is not a usage error", err)
			}
			return
		}
		if d < minHoldFlag || d > maxHoldFlag || d%time.Second != 0 {
			t.Fatalf("parseDuration(%q) = %v, out of range", s, d)
		}
	})
}

func seedJournal(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	for i, day := range []string{"2026-11-18", "2026-11-19", "2026-11-20"} {
		start, _ := time.ParseInLocation(time.DateOnly, day, time.Local)
		start = start.Add(8 * time.Hour)
		before := 6 - i
		id := fmt.Sprintf("s%d", i)
		j.StartSession(coach.Session{ID: id, Started: start, Title: "Desk break", Program: "desk-break", Day: 1, PainBefore: &before})
		j.RecordStep(id, coach.Step{Index: 0, Technique: "shoulder-rolls", Rep: 1, Outcome: "done", PlannedSeconds: 30, ActualSeconds: 30, Ended: start.Add(time.Minute)}, 1)
		j.FinishSession(id, coach.StatusCompleted, start.Add(3*time.Minute))
		j.SetPainAfter(id, before-2, "note, with \"quotes\"")
	}
	return dir
}

func TestHistoryCommand(t *testing.T) {
	dir := seedJournal(t)
	code, out, _ := runCLI("--data-dir", dir, "history")
	if code != 0 || !strings.Contains(out, "Desk break") || strings.Count(out, "\n") != 4 || !strings.Contains(out, "6 → 4") {
		t.Errorf("table (%d):\n%s", code, out)
	}
	code, out, _ = runCLI("--data-dir", dir, "history", "--json", "--since", "2026-11-19")
	var sessions []coach.Session
	if err := json.Unmarshal([]byte(out), &sessions); code != 0 || err != nil || len(sessions) != 2 {
		t.Fatalf("json (%d, %v): %s", code, err, out)
	}
	if s := sessions[0]; s.ID != "s1" || *s.PainBefore != 5 || *s.PainAfter != 3 || s.Status != "completed" || s.Steps[0].Outcome != "done" {
		t.Errorf("first session = %+v", s)
	}
	code, out, _ = runCLI("--data-dir", dir, "history", "--csv")
	rows, err := csv.NewReader(strings.NewReader(out)).ReadAll()
	if code != 0 || err != nil || len(rows) != 4 || rows[0][0] != "session_id" || rows[1][9] != "note, with \"quotes\"" {
		t.Errorf("csv (%d, %v): %q", code, err, rows)
	}
	t.Setenv("UNKNOT_DATA_DIR", dir)
	if code, out, _ = runCLI("history", "--json"); code != 0 || !strings.Contains(out, `"s2"`) {
		t.Errorf("UNKNOT_DATA_DIR not used: %s", out)
	}
}

func TestHistoryBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"--data-dir", dir, "history", "--since", "yesterday"},
		{"--data-dir", dir, "history", "--json", "--csv"},
	} {
		code, out, errOut := runCLI(args...)
		if code != 2 || out != "" || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%v: exit %d, stdout %q, stderr %q", args, code, out, errOut)
		}
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("bad input wrote %d files", len(entries))
	}
}

func TestHistoryOnACorruptJournal(t *testing.T) {
	dir := t.TempDir()
	garbage := []byte("garbage, not a database")
	os.WriteFile(filepath.Join(dir, journal.FileName), garbage, 0o600)
	code, _, errOut := runCLI("--data-dir", dir, "history")
	if code != 1 || !strings.Contains(errOut, "damaged") || strings.Count(errOut, "\n") != 1 {
		t.Errorf("exit %d, stderr %q", code, errOut)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, journal.FileName)); string(b) != string(garbage) {
		t.Error("the damaged journal was changed")
	}
}

func TestListFilters(t *testing.T) {
	code, out, _ := runCLI("list", "--area", "mid-back", "--equipment", "none", "--json")
	var list []listEntry
	if err := json.Unmarshal([]byte(out), &list); code != 0 || err != nil || len(list) == 0 {
		t.Fatalf("exit %d, %v", code, err)
	}
	for _, e := range list {
		if !slices.Contains(e.Areas, "mid-back") || len(e.Equipment) != 0 {
			t.Errorf("%s does not match the filters: %v %v", e.ID, e.Areas, e.Equipment)
		}
	}
	_, withRoller, _ := runCLI("list", "--area", "mid-back", "--equipment", "foam-roller")
	if !strings.Contains(withRoller, "foam-roller-upper-back-roll") {
		t.Errorf("a foam roller does not list roller techniques:\n%s", withRoller)
	}
	for _, args := range [][]string{{"list", "--area", "midback"}, {"list", "--equipment", "foamroller"}} {
		code, out, errOut := runCLI(args...)
		if code != 2 || out != "" || !strings.Contains(errOut, "did you mean") {
			t.Errorf("%v: exit %d, stderr %q", args, code, errOut)
		}
	}
}

// show's dosage line says what the detail page says: no "hold(s)", the
// count only when there is more than one hold, and "each side" once and
// only for two-sided techniques.
func TestShowDosageWords(t *testing.T) {
	for id, want := range map[string]string{
		"foam-roller-upper-back-roll": "Hold 60 s (30–90 s), 2 times, 20 s rest between. About 2:30 in all.",
		"thread-the-needle":           "Hold 30 s (15–60 s), each side. About 1:10 in all.",
	} {
		code, out, _ := runCLI("show", id, "--no-figure")
		if code != 0 || !strings.Contains(out, "Dosage\n  "+want+"\n") {
			t.Errorf("show %s: exit %d, want the dosage %q in\n%s", id, code, want, out)
		}
	}
	cat := content.MustLoad()
	for _, id := range cat.TechniqueIDs() {
		tq, _ := cat.Technique(id)
		_, out, _ := runCLI("show", id, "--no-figure")
		_, dose, _ := strings.Cut(out, "Dosage\n")
		dose, _, _ = strings.Cut(dose, "\n")
		if strings.Contains(dose, "(s)") || strings.Contains(dose, "per side") || strings.Count(dose, "each side") != map[bool]int{true: 1}[tq.Dosage.Bilateral] {
			t.Errorf("show %s (two-sided %v): dosage %q", id, tq.Dosage.Bilateral, dose)
		}
	}
}

func TestShow(t *testing.T) {
	code, out, _ := runCLI("show", "doorway-chest-stretch")
	for _, want := range []string{"Doorway chest stretch", "How to do it", "Dosage", "Precautions", "Sources"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("show lacks %q (exit %d)", want, code)
		}
	}
	if strings.Contains(out, "\x1b") {
		t.Error("show printed escape codes")
	}
	code, out, _ = runCLI("show", "doorway-chest-stretch", "--json")
	var v map[string]any
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || v["id"] != "doorway-chest-stretch" || v["duration_seconds"] == nil {
		t.Errorf("show --json: %v %v", err, v)
	}
	code, _, errOut := runCLI("show", "doorway")
	if code != 2 || !strings.Contains(errOut, "did you mean doorway-chest-stretch") {
		t.Errorf("bad id: exit %d, %q", code, errOut)
	}
}

// `unknot show` lists real citations (title, author or publisher, year,
// web address), not the file names of notes no reader can look up; --json
// gives each as an object.
func TestShowCitesSources(t *testing.T) {
	code, out, _ := runCLI("show", "tennis-ball-spine-release")
	_, sources, _ := strings.Cut(out, "\nSources\n")
	for _, want := range []string{
		"  - Transcript of a video in which a clinician shows self-massage of the upper back with two tennis balls",
		"  - Podium Runner (practitioner guidance, quoting a physical therapist)\n    https://www.podiumrunner.com/training/how-to-tennis-ball-upper-back-massage/\n",
		`  - "Foam Rolling Prescription: A Clinical Commentary", Behm DG et al., J Strength Cond Res 34(11):3301-8, 2020` + "\n    https://pubmed.ncbi.nlm.nih.gov/33105383/\n",
	} {
		if code != 0 || !strings.Contains(sources, want) {
			t.Errorf("show's sources lack %q (exit %d):\n%s", want, code, sources)
		}
	}
	for _, bad := range []string{"seeds/", ".txt", "CLINICAL.md", "§"} {
		if strings.Contains(out, bad) {
			t.Errorf("show names a file (%q):\n%s", bad, sources)
		}
	}

	code, out, _ = runCLI("show", "tennis-ball-spine-release", "--json")
	var v struct {
		Sources []struct {
			ID, Title, Author, Publisher, URL, Note, Citation string
			Year                                              int
		} `json:"sources"`
	}
	if err := json.Unmarshal([]byte(out), &v); code != 0 || err != nil || len(v.Sources) == 0 {
		t.Fatalf("show --json: exit %d, %v\n%s", code, err, out)
	}
	var found bool
	for _, s := range v.Sources {
		if s.ID == "behm-2020" {
			found = s.Title == "Foam Rolling Prescription: A Clinical Commentary" && s.Author == "Behm DG et al." && s.Year == 2020 &&
				s.URL == "https://pubmed.ncbi.nlm.nih.gov/33105383/" && strings.HasSuffix(s.Citation, ", 2020, https://pubmed.ncbi.nlm.nih.gov/33105383/")
		}
	}
	if !found {
		t.Errorf("show --json lacks the Behm 2020 citation as an object: %+v", v.Sources)
	}
}

// The guide's sources are citations, each web address whole on its own
// line so it can be copied.
func TestGuideCitesWholeAddresses(t *testing.T) {
	code, out, _ := runCLI("guide")
	_, sources, _ := strings.Cut(out, "WHERE THE ADVICE COMES FROM\n")
	want := "- \"Exercise and your health\", Newcastle upon Tyne Hospitals NHS\n  https://www.newcastle-hospitals.nhs.uk/services/newcastle-occupational-health-service/information-for-staff/physiotherapy/self-help-leaflets/exercise-and-your-health-a-guide-to-getting-started\n"
	if code != 0 || !strings.Contains(sources, want) || strings.Contains(sources, "seeds/") {
		t.Errorf("guide sources (exit %d) lack %q:\n%s", code, want, sources)
	}
	// The guidelines behind the safety check's "get checked first" items.
	for _, nice := range []string{"https://www.nice.org.uk/guidance/NG234/chapter/recommendations", "https://www.nice.org.uk/guidance/ng65/chapter/recommendations"} {
		if !strings.Contains(sources, nice) {
			t.Errorf("guide sources lack NICE's %s", nice)
		}
	}
}

func TestCheckCommand(t *testing.T) {
	t.Chdir(filepath.Join("..", "..")) // names relative to the repository, as a user types them
	code, out, errOut := runCLI("check", filepath.Join("content", "testdata", "packs", "bad"))
	if code != 1 || strings.Count(out, "\n") != 13 || !strings.Contains(errOut, "13 problems") {
		t.Errorf("bad packs: exit %d\n%s%s", code, out, errOut)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		if !regexp.MustCompile(`^content/testdata/packs/bad/[a-z-]+\.yaml:\d+: `).MatchString(line) {
			t.Errorf("not file:line: message: %q", line)
		}
	}
	code, out, _ = runCLI("check", filepath.Join("content", "testdata", "packs", "good"))
	if code != 0 || !strings.Contains(out, "no problems") {
		t.Errorf("good pack: exit %d, %q", code, out)
	}
	if code, _, _ := runCLI("check", "no/such/path"); code != 2 {
		t.Errorf("missing path: exit %d", code)
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	if code, out, _ := runCLI("check"); code != 0 || !strings.Contains(out, "No content packs in") {
		t.Errorf("empty pack dir: exit %d, %q", code, out)
	}
}

// A pack in the config directory shows up in list; a broken one does not
// stop anything.
func TestPacksAreMergedAtStart(t *testing.T) {
	t.Chdir(filepath.Join("..", ".."))
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	dir := filepath.Join(config, "unknot", "content")
	os.MkdirAll(dir, 0o700)
	good, _ := os.ReadFile(filepath.Join("content", "testdata", "packs", "good", "chair-reset.yaml"))
	bad, _ := os.ReadFile(filepath.Join("content", "testdata", "packs", "bad", "b-mistakes.yaml"))
	os.WriteFile(filepath.Join(dir, "good.yaml"), good, 0o600)
	os.WriteFile(filepath.Join(dir, "bad.yaml"), bad, 0o600)
	code, out, _ := runCLI("list")
	if code != 0 || !strings.Contains(out, "seated-arm-cross-rotation") || strings.Contains(out, "nek-glide") {
		t.Errorf("exit %d:\n%s", code, out)
	}
}

func TestCommandsWithoutATerminal(t *testing.T) {
	t.Setenv("UNKNOT_DATA_DIR", t.TempDir())
	for _, args := range [][]string{{}, {"break"}} {
		code, _, errOut := runCLI(args...)
		if code != 1 || !strings.Contains(errOut, "no answer") {
			t.Errorf("%v with no input: exit %d, stderr %q", args, code, errOut)
		}
	}
	if code, _, errOut := runCLI("browse"); code != 1 || !strings.Contains(errOut, "needs a terminal") {
		t.Errorf("browse: exit %d, %q", code, errOut)
	}
	if code, _, errOut := runCLI("browse", "midback"); code != 2 || !strings.Contains(errOut, "did you mean mid-back") {
		t.Errorf("bad area: exit %d, %q", code, errOut)
	}
}

// The man page is one page: every command, the TUI's keys from the
// bindings the help line shows, the environment, the files, and no
// reference to pages that are not generated.
func TestManPage(t *testing.T) {
	code, out, _ := runCLI("man")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, want := range []string{".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH COMMANDS", ".SS unknot session",
		".SS unknot list programs", ".SS unknot programs", ".SH KEYS", ".SH ENVIRONMENT", ".SH FILES", ".SH EXIT STATUS",
		"NO_COLOR", "UNKNOT_DATA_DIR", "XDG_DATA_HOME", "XDG_CONFIG_HOME",
		"$XDG_DATA_HOME/unknot/unknot.db", "$XDG_CONFIG_HOME/unknot/config.toml", "$XDG_CONFIG_HOME/unknot/content/*",
		"\\fB--program\\fP \\fIID\\fP"} {
		if !strings.Contains(out, want) {
			t.Errorf("man page lacks %q", want)
		}
	}
	for _, bad := range []string{"SEE ALSO", "unknot-", "Auto generated"} {
		if strings.Contains(out, bad) {
			t.Errorf("man page has %q", bad)
		}
	}
	keys := out[strings.Index(out, ".SH KEYS"):strings.Index(out, ".SH ENVIRONMENT")]
	for _, s := range ui.KeyReference() {
		if !strings.Contains(keys, ".SS "+s.Where) {
			t.Errorf("KEYS lacks the section %q", s.Where)
		}
		for _, k := range s.Keys {
			if !strings.Contains(keys, k.Desc) {
				t.Errorf("KEYS lacks %s: %q", k.Key, k.Desc)
			}
		}
	}
}

func TestManCompletionVersion(t *testing.T) {
	code, out, _ := runCLI("man")
	if code != 0 || !strings.Contains(out, ".TH \"UNKNOT\"") || !strings.Contains(out, "session") {
		t.Errorf("man: exit %d, %.200q", code, out)
	}
	for _, shell := range []string{"bash", "zsh", "fish"} {
		if code, out, _ := runCLI("completion", shell); code != 0 || !strings.Contains(out, "unknot") {
			t.Errorf("completion %s: exit %d", shell, code)
		}
	}
	if code, out, _ := runCLI("--version"); code != 0 || !strings.HasPrefix(out, "unknot version ") {
		t.Errorf("--version: exit %d, %q", code, out)
	}
	if code, out, _ := runCLI("--help"); code != 0 || !strings.Contains(out, "Examples:") {
		t.Errorf("--help: exit %d", code)
	}
}

// FuzzParseSince: any --since either parses as a date or is a usage error.
func FuzzParseSince(f *testing.F) {
	for _, s := range []string{"2026-11-01", "", "yesterday", "2026-13-01", "2026-02-30", " 2026-11-01 ", "0000-00-00", "2026-11-01T10:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := parseSince(s)
		if err != nil {
			if _, ok := err.(usageError); !ok {
				t.Fatalf("error %v is not a usage error", err)
			}
			return
		}
		if s != "" && d.Format(time.DateOnly) != strings.TrimSpace(s) {
			t.Fatalf("parseSince(%q) = %v", s, d)
		}
	})
}

// The binary has no networking: no HTTP client or server in its imports.
func TestNoNetworkInTheBinary(t *testing.T) {
	out, err := exec.Command("go", "list", "-deps", "github.com/unknot/unknot").Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, pkg := range strings.Fields(string(out)) {
		if pkg == "net/http" || strings.HasPrefix(pkg, "net/http/") || pkg == "net/rpc" || pkg == "net/smtp" {
			t.Errorf("the binary imports %s", pkg)
		}
	}
}

// A whole plain session writes only to the data directory.
func TestNothingWrittenOutsideTheDataAndConfigDirs(t *testing.T) {
	root := t.TempDir()
	home, data, config, cwd := filepath.Join(root, "home"), filepath.Join(root, "data"), filepath.Join(root, "config"), filepath.Join(root, "cwd")
	for _, d := range []string{home, config, cwd} {
		os.MkdirAll(d, 0o700)
	}
	t.Setenv("HOME", home)
	t.Setenv("XDG_DATA_HOME", data)
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("XDG_CACHE_HOME", filepath.Join(root, "cache"))
	t.Setenv("XDG_STATE_HOME", filepath.Join(root, "state"))
	t.Setenv("UNKNOT_DATA_DIR", "")
	wd, _ := os.Getwd()
	defer os.Chdir(wd)
	os.Chdir(cwd)
	code, _, errOut := runCLIWith(firstGate+"3\n\n2\n\n", "--no-voice", "--no-bell",
		"session", "--technique", filepath.Base("chin-tucks"), "--hold", "1s", "--lead-in", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	var written []string
	filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			written = append(written, p)
		}
		return nil
	})
	for _, p := range written {
		if !strings.HasPrefix(p, filepath.Join(data, "unknot")+string(filepath.Separator)) {
			t.Errorf("wrote %s", p)
		}
	}
	if len(written) == 0 {
		t.Error("nothing saved at all")
	}
	if fi, err := os.Stat(filepath.Join(data, "unknot")); err != nil || fi.Mode().Perm() != 0o700 {
		t.Fatalf("data dir: %v", err)
	}
	for _, p := range written {
		if fi, _ := os.Stat(p); fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s is %v, want private", p, fi.Mode().Perm())
		}
	}
}

// --lead-in 0 on its own turns lead-ins off (it is not mistaken for "no
// flags given").
func TestLeadInZeroAlone(t *testing.T) {
	req, err := (&app{}).sessionRequest(sessionFlags{techniques: []string{"chin-tucks"}, leadIn: durationFlag{raw: "0", set: true}})
	if err != nil || req.req.Expand.LeadIn != 0 || req.req.Expand.Hold != 0 {
		t.Fatalf("%+v, %v", req.req.Expand, err)
	}
	t.Setenv("UNKNOT_DATA_DIR", t.TempDir())
	code, out, _ := runCLIWith(firstGate+"3\n\n", "--no-bell", "--no-voice", "session", "--technique", "chin-tucks", "--hold", "1s", "--lead-in", "0")
	if code != 0 || strings.Contains(out, "Get into position") {
		t.Errorf("exit %d; lead-in shown with --lead-in 0:\n%s", code, out)
	}
}

// A relative XDG base directory is ignored, as the XDG spec says.
func TestRelativeXDGDirsAreIgnored(t *testing.T) {
	t.Setenv("UNKNOT_DATA_DIR", "")
	for _, env := range []string{"XDG_DATA_HOME", "XDG_CONFIG_HOME"} {
		t.Setenv(env, "relative/dir")
	}
	a := &app{}
	for _, p := range []string{a.dataPath(), configDir(), packDir()} {
		if !filepath.IsAbs(p) || strings.Contains(p, "relative") {
			t.Errorf("path %q comes from a relative XDG variable", p)
		}
	}
	abs := t.TempDir()
	t.Setenv("XDG_DATA_HOME", abs)
	if got := a.dataPath(); got != filepath.Join(abs, "unknot") {
		t.Errorf("data path %q, want under %s", got, abs)
	}
}

// A plain-mode transcript piped to a file has no bell in it, even with
// --bell.
func TestPlainTranscriptHasNoBell(t *testing.T) {
	t.Setenv("UNKNOT_DATA_DIR", t.TempDir())
	answers := firstGate + "3\n\n3\n\n"
	code, out, _ := runCLIWith(answers, "session", "--plain", "--bell", "--technique", "chin-tucks", "--hold", "1s", "--lead-in", "0")
	if code != 0 || !strings.Contains(out, "Session complete") {
		t.Fatalf("exit %d:\n%s", code, out)
	}
	if strings.Contains(out, "\a") {
		t.Errorf("BEL in a piped transcript")
	}
}

// Reading commands never create files: history on a data directory with
// no journal (even /) says there is nothing and leaves nothing behind.
func TestHistoryCreatesNothing(t *testing.T) {
	for _, dir := range []string{filepath.Join(t.TempDir(), "none"), "/"} {
		code, out, errOut := runCLI("--data-dir", dir, "history")
		if code != 0 || !strings.Contains(out, "No sessions yet") {
			t.Errorf("%s: exit %d, %q %q", dir, code, out, errOut)
		}
		if _, err := os.Stat(filepath.Join(dir, journal.FileName)); err == nil {
			t.Errorf("%s: history created a journal", dir)
		}
	}
	if _, err := os.Stat(filepath.Join(t.TempDir(), "none")); err == nil {
		t.Error("history created the data directory")
	}
}

// history reads while another program holds the journal's write lock.
func TestHistoryReadsBesideAWriter(t *testing.T) {
	dir := seedJournal(t)
	db, err := sql.Open("sqlite", filepath.Join(dir, journal.FileName))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	conn, err := db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), "BEGIN IMMEDIATE"); err != nil {
		t.Fatal(err)
	}
	defer conn.ExecContext(context.Background(), "ROLLBACK")
	code, out, errOut := runCLI("--data-dir", dir, "history", "--json")
	if code != 0 || !strings.Contains(out, `"pain_after"`) {
		t.Errorf("exit %d while a writer holds the lock: %s %s", code, out, errOut)
	}
}

// A data directory and journal others can read are made private, and that
// is said once.
func TestLooseJournalIsMadePrivateOnce(t *testing.T) {
	dir := seedJournal(t)
	os.Chmod(dir, 0o755)
	os.Chmod(filepath.Join(dir, journal.FileName), 0o644)
	answers := firstGate + "3\n\n3\n\n"
	var said []int
	for run := range 2 {
		if run == 1 {
			answers = "n\nn\n\n3\n\n3\n\n" // within the week: nothing happening now, cautions as they were
		}
		_, _, errOut := runCLIWith(answers, "--data-dir", dir, "session", "--plain", "--technique", "chin-tucks", "--hold", "1s", "--lead-in", "0")
		said = append(said, strings.Count(errOut, "made private"))
	}
	if said[0] != 2 || said[1] != 0 {
		t.Errorf("\"made private\" said %v times on the two runs, want [2 0]", said)
	}
	for path, want := range map[string]os.FileMode{dir: 0o700, filepath.Join(dir, journal.FileName): 0o600} {
		if fi, err := os.Stat(path); err != nil || fi.Mode().Perm() != want {
			t.Errorf("%s: mode %v, want %v", path, fi.Mode().Perm(), want)
		}
	}
}

// unknot guide prints every section of the guidance as text.
func TestGuideCommand(t *testing.T) {
	code, out, _ := runCLI("guide")
	for _, want := range []string{"PLEASE READ", "WHEN TO STOP", "SEE A DOCTOR OR PHYSIOTHERAPIST IF", "POSTURE"} {
		if code != 0 || !strings.Contains(out, want) {
			t.Errorf("guide (exit %d) lacks %q", code, want)
		}
	}
}

// unknot session --again runs the last session's techniques and holds.
func TestSessionAgain(t *testing.T) {
	dir := seedJournal(t) // the last one is the desk break's shoulder rolls
	t.Setenv("UNKNOT_DATA_DIR", dir)
	a := &app{}
	req, err := a.sessionRequest(sessionFlags{again: true})
	if err != nil || !req.direct || len(req.req.Techniques) != 1 || req.req.Techniques[0].ID != "shoulder-rolls" || req.req.Title != "Desk break" {
		t.Fatalf("--again: %+v, %v", req.req, err)
	}
	t.Setenv("UNKNOT_DATA_DIR", t.TempDir())
	if _, err := a.sessionRequest(sessionFlags{again: true}); err == nil || !strings.Contains(err.Error(), "no session to repeat") {
		t.Errorf("--again with no journal: %v", err)
	}
	if code, _, _ := runCLI("session", "--again", "--program", "desk-break"); code != 2 {
		t.Errorf("--again with --program: exit %d", code)
	}
}

// show prints a technique's ladder, in words and in JSON.
func TestShowLadder(t *testing.T) {
	_, out, _ := runCLI("show", "towel-roll-extension")
	if !strings.Contains(out, "Easier and harder\n  Bending the upper back backwards, easiest first: Chair back bend → Towel roll back bend (this one) → Foam roller back bend") {
		t.Errorf("show has no ladder:\n%s", out)
	}
	_, out, _ = runCLI("show", "towel-roll-extension", "--json")
	var got struct {
		Ladder struct{ Easier, Harder string }
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil || got.Ladder.Easier != "chair-back-extension" || got.Ladder.Harder != "foam-roller-thoracic-extension" {
		t.Errorf("show --json ladder = %+v (%v)", got.Ladder, err)
	}
}

// Every flag that takes a value shows a word in capitals as its
// placeholder in --help (`--program ID`, `--hold DURATION`), never a
// content ID, a command or the value's Go type.
func TestFlagPlaceholdersAreWords(t *testing.T) {
	root := newRootCmd(&app{})
	cat, err := (&app{}).catalogue()
	if err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, list := range [][]string{cat.TechniqueIDs(), cat.ProgramIDs(), cat.AreaIDs(), cat.EquipmentIDs()} {
		for _, id := range list {
			ids[strings.ToLower(id)] = true
		}
	}
	word := regexp.MustCompile(`^[A-Z]+(-[A-Z]+)*$`)
	var walk func(c *cobra.Command)
	walk = func(c *cobra.Command) {
		c.InitDefaultHelpFlag()
		c.Flags().VisitAll(func(f *pflag.Flag) {
			name, _ := pflag.UnquoteUsage(f)
			switch {
			case f.Value.Type() == "bool":
				if name != "" {
					t.Errorf("%s --%s: a switch shows the placeholder %q", c.CommandPath(), f.Name, name)
				}
			case !word.MatchString(name) || ids[strings.ToLower(name)]:
				t.Errorf("%s --%s: placeholder %q is not a word in capitals", c.CommandPath(), f.Name, name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	_, out, _ := runCLI("session", "--help")
	for _, want := range []string{"--program ID ", "--technique ID ", "--area AREA ", "--hold DURATION ", "--minutes MINUTES "} {
		if !strings.Contains(out, want) {
			t.Errorf("session --help lacks %q", want)
		}
	}
}

// Plain mode prints every mistake in config.toml at the start, once, and
// the settings without a mistake apply; the TUI gets them as lines named
// after the file alone, for its home screen.
func TestConfigProblemsAreAllSaid(t *testing.T) {
	t.Setenv("UNKNOT_DATA_DIR", t.TempDir())
	config := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", config)
	os.MkdirAll(filepath.Join(config, "unknot"), 0o700)
	path := filepath.Join(config, "unknot", "config.toml")
	os.WriteFile(path, []byte("volume = 3\nbell = false\nbreathe_in = 1\n"), 0o600)
	answers := firstGate + "3\n\n" + "2\n\n"
	code, out, errOut := runCLIWith(answers, "--no-voice", "session", "--technique", "chin-tucks", "--hold", "1s", "--lead-in", "0")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errOut)
	}
	for _, want := range []string{path + ":1: unknown setting volume", path + ":3: breathe_in = 1 is outside 2–15 seconds; using 4"} {
		if strings.Count(errOut, want) != 1 {
			t.Errorf("stderr has %q %d times, want once:\n%s", want, strings.Count(errOut, want), errOut)
		}
	}
	if strings.Index(errOut, "volume") > strings.Index(errOut, "breathe_in") || !strings.Contains(out, "Session complete") {
		t.Errorf("not in file order, or the session did not run:\n%s\n%s", errOut, out)
	}
	cfg, problems := (&app{}).settings()
	if cfg.Bell || len(problems) != 2 {
		t.Errorf("settings = %+v, %v: bell = false applies beside the mistakes", cfg, problems)
	}
	if lines := configProblemLines(problems); len(lines) != 2 || !strings.HasPrefix(lines[0], "config.toml:1: unknown setting volume") {
		t.Errorf("home screen lines = %q", lines)
	}
}

// runCLIAt runs the command line as if stdout were a terminal this wide.
func runCLIAt(columns int, args ...string) (code int, stdout string) {
	var out, errb bytes.Buffer
	code = runApp(&app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, columns: columns}, args)
	return code, out.String()
}

// On a terminal, list and show fit its width, wrapping on word
// boundaries; piped, nothing is wrapped.
func TestOutputFitsTheTerminal(t *testing.T) {
	cmds := [][]string{{"show", "doorway-chest-stretch"}, {"show", "foam-roller-thoracic-extension"}, {"list"},
		{"list", "--area", "mid-back"}, {"programs"}, {"list", "areas"}, {"list", "equipment"}}
	for _, width := range []int{40, 60, 80, 100} {
		for _, args := range cmds {
			t.Run(fmt.Sprintf("%d %s", width, strings.Join(args, " ")), func(t *testing.T) {
				code, out := runCLIAt(width, args...)
				if code != 0 || out == "" {
					t.Fatalf("exit %d", code)
				}
				for _, line := range strings.Split(out, "\n") {
					if w := utf8.RuneCountInString(line); w > width && !isAddress(line) {
						t.Errorf("%d columns: %q", w, line)
					}
				}
				// Every word of show is still there, in the same order (a
				// line may end after a hyphen).
				words := func(s string) string {
					return strings.Join(strings.Fields(regexp.MustCompile(`-\n *`).ReplaceAllString(s, "-")), " ")
				}
				if _, piped, _ := runCLI(args...); args[0] == "show" && words(out) != words(piped) {
					t.Errorf("wrapping changed the words:\n%s", out)
				}
			})
		}
	}
	// Piped, the show text keeps its long lines and list its one row a
	// technique.
	_, show, _ := runCLI("show", "doorway-chest-stretch")
	if !slices.ContainsFunc(strings.Split(show, "\n"), func(l string) bool { return utf8.RuneCountInString(l) > 100 }) {
		t.Error("piped show was wrapped")
	}
	_, list, _ := runCLI("list")
	_, js, _ := runCLI("list", "--json")
	var entries []listEntry
	_ = json.Unmarshal([]byte(js), &entries)
	if got := strings.Count(list, "\n"); got != len(entries)+1 {
		t.Errorf("piped list has %d lines for %d techniques", got, len(entries))
	}
}

// `unknot session --program` continues a program under way at its next
// day, and says which.
func TestSessionProgramContinues(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("UNKNOT_DATA_DIR", dir)
	a := &app{}
	req, err := a.sessionRequest(sessionFlags{program: "posture-3-day"})
	if err != nil || req.req.Day != 1 {
		t.Fatalf("a new journal: day %d, %v", req.req.Day, err)
	}
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	j.SetProgress(coach.Progress{Program: "posture-3-day", Day: 2, Days: 3, Updated: time.Now().AddDate(0, 0, -1)})
	j.Close()
	req, err = a.sessionRequest(sessionFlags{program: "posture-3-day"})
	if err != nil || req.req.Day != 2 || !strings.Contains(req.req.Title, "Day 2 of 3: Open the front") || req.req.Early {
		t.Errorf("under way: day %d %q, early %v, %v", req.req.Day, req.req.Title, req.req.Early, err)
	}
	// Day 1 done today: Day 2 is still the one asked for, marked early
	// (the plan says it was meant for tomorrow).
	j, err = journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	j.SetProgress(coach.Progress{Program: "posture-3-day", Day: 2, Days: 3, Updated: time.Now()})
	j.Close()
	req, err = a.sessionRequest(sessionFlags{program: "posture-3-day"})
	if err != nil || req.req.Day != 2 || !req.req.Early {
		t.Errorf("the same day: day %d, early %v, %v", req.req.Day, req.req.Early, err)
	}
}

// The history table counts a session's steps as the History screen does:
// those never reached count too ("0 of 4", not "0 of 1").
func TestHistoryCountsStepsNotReached(t *testing.T) {
	dir := t.TempDir()
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	start := time.Date(2026, 11, 18, 8, 0, 0, 0, time.Local)
	plan := []coach.PlanItem{{Technique: "shoulder-rolls", HoldSeconds: 30}, {Technique: "chin-tucks", HoldSeconds: 5}}
	j.StartSession(coach.Session{ID: "q1", Started: start, Title: "Your plan for today", Plan: plan})
	j.RecordStep("q1", coach.Step{Index: 0, Technique: "shoulder-rolls", Rep: 1, Outcome: "skipped", PlannedSeconds: 30, Ended: start.Add(time.Minute)}, 1)
	j.FinishSession("q1", coach.StatusQuit, start.Add(2*time.Minute))
	j.Close()
	cat := content.Builtin()
	rolls, _ := cat.Technique("shoulder-rolls")
	tucks, _ := cat.Technique("chin-tucks")
	want := fmt.Sprintf("0 of %d", rolls.Dosage.Holds()+tucks.Dosage.Holds())
	if code, out, _ := runCLI("--data-dir", dir, "history"); code != 0 || !strings.Contains(out, want) {
		t.Errorf("want %q in:\n%s", want, out)
	}
}
