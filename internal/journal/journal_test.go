package journal

import (
	"bufio"
	"bytes"
	"context"
	"database/sql"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/unknot/unknot/coach"
)

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func openTest(t *testing.T, dir string) *Journal {
	t.Helper()
	j, err := open(dir, os.Getpid(), func() time.Time { return t0 })
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

func intp(n int) *int { return &n }

func TestOpenCreatesPrivateFilesInWALMode(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "data", "unknot")
	j := openTest(t, dir)
	if fi, err := os.Stat(dir); err != nil || fi.Mode().Perm() != 0o700 {
		t.Errorf("dir mode = %v, %v; want 0700", fi.Mode().Perm(), err)
	}
	if fi, err := os.Stat(j.Path()); err != nil || fi.Mode().Perm() != 0o600 {
		t.Errorf("file mode = %v, %v; want 0600", fi.Mode().Perm(), err)
	}
	var mode string
	j.db.QueryRow(`PRAGMA journal_mode`).Scan(&mode)
	if mode != "wal" {
		t.Errorf("journal_mode = %q, want wal", mode)
	}
	var v int
	j.db.QueryRow(`PRAGMA user_version`).Scan(&v)
	if v != SchemaVersion {
		t.Errorf("user_version = %d, want %d", v, SchemaVersion)
	}
	if err := j.StartSession(coach.Session{ID: "s1", Started: t0, Title: "x"}); err != nil {
		t.Fatal(err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if fi, err := os.Stat(j.Path() + suffix); err == nil && fi.Mode().Perm()&0o077 != 0 {
			t.Errorf("%s mode = %v, want private", suffix, fi.Mode().Perm())
		}
	}
}

// Every earlier schema version migrates to the current one, keeping data.
func TestMigrationsFromEveryVersion(t *testing.T) {
	for from := 0; from < SchemaVersion; from++ {
		t.Run(fmt.Sprintf("from v%d", from), func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, FileName)
			db, err := sql.Open("sqlite", "file:"+path)
			if err != nil {
				t.Fatal(err)
			}
			if err := migrate(context.Background(), db, from); err != nil {
				t.Fatal(err)
			}
			if from >= 1 {
				if _, err := db.Exec(`INSERT INTO sessions (id, started, status, title, pain_before) VALUES ('old', ?, 'completed', 'Old', 5)`, formatTime(t0)); err != nil {
					t.Fatal(err)
				}
			}
			db.Close()
			j := openTest(t, dir)
			var v int
			j.db.QueryRow(`PRAGMA user_version`).Scan(&v)
			if v != SchemaVersion {
				t.Fatalf("user_version = %d after migrating from %d", v, from)
			}
			if from >= 1 {
				s, err := j.Session("old")
				if err != nil || *s.PainBefore != 5 {
					t.Errorf("old session lost: %+v, %v", s, err)
				}
			}
			if err := j.SaveSafety(coach.SafetyRecord{At: t0, Outcome: "clear"}); err != nil {
				t.Errorf("v2 table missing after migration: %v", err)
			}
		})
	}
}

func TestNewerSchemaIsRefused(t *testing.T) {
	dir := t.TempDir()
	j := openTest(t, dir)
	j.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, SchemaVersion+1))
	j.Close()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), "newer unknot") {
		t.Errorf("err = %v", err)
	}
}

func TestSessionRoundTrip(t *testing.T) {
	j := openTest(t, t.TempDir())
	s := coach.Session{ID: "a", Started: t0, Title: "Desk break", Program: "desk-break", Day: 1,
		Plan: []coach.PlanItem{{Technique: "shoulder-rolls", HoldSeconds: 30}}, PainBefore: intp(5)}
	if err := j.StartSession(s); err != nil {
		t.Fatal(err)
	}
	step := coach.Step{Index: 0, Technique: "shoulder-rolls", Rep: 1, Outcome: coach.OutcomeDone, PlannedSeconds: 30, ActualSeconds: 30, Ended: t0.Add(35 * time.Second)}
	if err := j.RecordStep("a", step, 2); err != nil {
		t.Fatal(err)
	}
	// An older write arriving late does not replace a newer one.
	stale := step
	stale.Outcome = coach.OutcomeSkipped
	if err := j.RecordStep("a", stale, 1); err != nil {
		t.Fatal(err)
	}
	if err := j.FinishSession("a", coach.StatusCompleted, t0.Add(time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := j.SetPainAfter("a", 3, "better, \"much\"\nthanks"); err != nil {
		t.Fatal(err)
	}
	got, err := j.Session("a")
	if err != nil {
		t.Fatal(err)
	}
	if got.Status != coach.StatusCompleted || *got.PainAfter != 3 || got.Steps[0].Outcome != coach.OutcomeDone || got.Duration() != time.Minute {
		t.Errorf("session = %+v", got)
	}
	if c, ok := got.Change(); !ok || c != -2 {
		t.Errorf("change = %d, %v", c, ok)
	}
	if err := j.SetPainAfter("nope", 1, ""); err != ErrNotFound {
		t.Errorf("unknown session: %v", err)
	}
	last, ok, err := j.Last()
	if !ok || err != nil || last.ID != "a" {
		t.Errorf("Last = %v %v %v", last.ID, ok, err)
	}
}

func TestRecords(t *testing.T) {
	j := openTest(t, t.TempDir())
	if _, ok, _ := j.LatestSafety(); ok {
		t.Error("safety found in an empty journal")
	}
	j.SaveSafety(coach.SafetyRecord{At: t0, Outcome: "cautions", Answers: map[string]bool{"bones": true}, Cautions: []string{"osteoporosis"}})
	r, ok, err := j.LatestSafety()
	if !ok || err != nil || !r.At.Equal(t0) || r.Cautions[0] != "osteoporosis" || !r.Answers["bones"] {
		t.Errorf("safety = %+v", r)
	}
	j.SaveIntake("s", t0, map[string]int{"pain": 4})
	var in map[string]int
	if ok, err := j.Intake("s", &in); !ok || err != nil || in["pain"] != 4 {
		t.Errorf("intake = %v", in)
	}
	j.SetProgress(coach.Progress{Program: "posture-3-day", Day: 2, Days: 3, Updated: t0})
	j.SetProgress(coach.Progress{Program: "other", Day: 4, Days: 3, Updated: t0})
	ps, _ := j.InProgress()
	if len(ps) != 1 || ps[0].Day != 2 {
		t.Errorf("in progress = %+v", ps)
	}
	j.SetPreference("gentler", "yes")
	if v, _ := j.Preference("gentler"); v != "yes" {
		t.Errorf("preference = %q", v)
	}
	if v, _ := j.Preference("unset"); v != "" {
		t.Errorf("unset preference = %q", v)
	}
}

func TestRunningSessionOfADeadProcessIsInterrupted(t *testing.T) {
	dir := t.TempDir()
	const gone = 1 << 22 // above Linux's pid_max default
	j, err := open(dir, gone, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	j.StartSession(coach.Session{ID: "dead", Started: t0, Title: "x"})
	j.Close()
	live, err := open(dir, os.Getpid(), time.Now)
	if err != nil {
		t.Fatal(err)
	}
	live.StartSession(coach.Session{ID: "alive", Started: t0.Add(time.Second), Title: "y"})
	live.Close()
	j2 := openTest(t, dir)
	if s, _ := j2.Session("dead"); s.Status != coach.StatusInterrupted {
		t.Errorf("dead process's session is %q", s.Status)
	}
	if s, _ := j2.Session("alive"); s.Status != coach.StatusRunning {
		t.Errorf("a live process's session was changed to %q", s.Status)
	}
}

// Read-only, nothing is written, yet a dead process's running session
// reads as interrupted (unknot history after a kill -9).
func TestReadOnlyShowsADeadProcessSessionAsInterrupted(t *testing.T) {
	dir := t.TempDir()
	const gone = 1 << 22
	j, err := open(dir, gone, time.Now)
	if err != nil {
		t.Fatal(err)
	}
	j.StartSession(coach.Session{ID: "dead", Started: t0, Title: "x"})
	j.Close()
	ro, err := OpenReadOnly(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	sessions, err := ro.Sessions(time.Time{})
	if err != nil || len(sessions) != 1 || sessions[0].Status != coach.StatusInterrupted {
		t.Errorf("read-only sessions = %+v, %v", sessions, err)
	}
}

// The journal file is never overwritten when it cannot be opened.
func TestCorruptFileIsLeftAlone(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, FileName)
	garbage := bytes.Repeat([]byte("this is not a database \x00\xff"), 200)
	os.WriteFile(path, garbage, 0o600)
	_, err := Open(dir)
	if err == nil || !strings.Contains(err.Error(), "damaged") {
		t.Fatalf("err = %v, want a 'damaged' explanation", err)
	}
	if strings.Count(err.Error(), "\n") > 0 {
		t.Errorf("error is more than one line: %q", err)
	}
	after, _ := os.ReadFile(path)
	if !bytes.Equal(after, garbage) {
		t.Error("the damaged file was changed")
	}
}

// A data directory that cannot exist (a file is in the way) gives one
// plain line, whoever runs the test.
func TestDataDirBlockedByAFile(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	os.WriteFile(file, []byte("x"), 0o600)
	_, err := Open(filepath.Join(file, "unknot"))
	if err == nil || strings.Contains(err.Error(), "\n") {
		t.Errorf("err = %v", err)
	}
}

func TestUnwritableDirectory(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("root ignores directory permissions")
	}
	dir := t.TempDir()
	os.Chmod(dir, 0o500)
	defer os.Chmod(dir, 0o700)
	if _, err := Open(filepath.Join(dir, "sub")); err == nil {
		t.Error("opened a journal in an unwritable directory")
	}
}

func TestExportRoundTrip(t *testing.T) {
	ended := t0.Add(time.Minute)
	sessions := []coach.Session{{ID: "a", Started: t0, Ended: &ended, Status: coach.StatusCompleted, Title: "T, with comma",
		PainBefore: intp(5), PainAfter: intp(3), Note: "said \"ouch\",\nthen 🙂 ok\x07",
		Plan: []coach.PlanItem{}, Steps: []coach.Step{{Index: 0, Technique: "x", Outcome: coach.OutcomeHurt, PlannedSeconds: 30, ActualSeconds: 12.5, Ended: ended}}},
		{ID: "b", Started: t0, Status: coach.StatusInterrupted, Plan: []coach.PlanItem{}, Steps: []coach.Step{}}}
	var jb bytes.Buffer
	if err := WriteJSON(&jb, sessions); err != nil {
		t.Fatal(err)
	}
	var back []coach.Session
	if err := json.Unmarshal(jb.Bytes(), &back); err != nil || back[0].Note != sessions[0].Note || back[0].Steps[0].ActualSeconds != 12.5 {
		t.Errorf("JSON round trip: %v %+v", err, back)
	}
	var cb bytes.Buffer
	if err := WriteCSV(&cb, sessions); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&cb).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[1][9] != sessions[0].Note || rows[1][4] != "T, with comma" || rows[2][10] != "" {
		t.Errorf("CSV rows = %q", rows)
	}
}

// Two processes writing at once both keep every write (WAL, busy timeout),
// whether the journal existed or both create it at the same moment.
func TestConcurrentWriters(t *testing.T) {
	for _, fresh := range []bool{false, true} {
		t.Run(fmt.Sprintf("fresh=%v", fresh), func(t *testing.T) { concurrentWriters(t, fresh) })
	}
}

func concurrentWriters(t *testing.T, fresh bool) {
	dir := t.TempDir()
	if !fresh {
		openTest(t, dir).Close()
	}
	const each = 40
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			out, err := helper(t, "write", dir, fmt.Sprint(w), fmt.Sprint(each)).CombinedOutput()
			if err != nil {
				t.Errorf("writer %d: %v\n%s", w, err, out)
			}
		}()
	}
	wg.Wait()
	j := openTest(t, dir)
	all, err := j.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 2*each {
		t.Fatalf("%d sessions, want %d", len(all), 2*each)
	}
	for _, s := range all {
		if len(s.Steps) != 2 || s.Status != coach.StatusCompleted {
			t.Fatalf("session %s: %d steps, %s", s.ID, len(s.Steps), s.Status)
		}
	}
}

// A process killed with SIGKILL mid-session loses only the step in
// progress; the next open shows the session as interrupted.
func TestKilledMidSession(t *testing.T) {
	dir := t.TempDir()
	cmd := helper(t, "crash", dir)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	line, _ := bufio.NewReader(stdout).ReadString('\n')
	if strings.TrimSpace(line) != "ready" {
		t.Fatalf("helper said %q", line)
	}
	cmd.Process.Signal(syscall.SIGKILL)
	cmd.Wait()
	j := openTest(t, dir)
	s, err := j.Session("crash")
	if err != nil {
		t.Fatal(err)
	}
	if s.Status != coach.StatusInterrupted || len(s.Steps) != 2 {
		t.Errorf("after kill -9: status %q, %d steps; want interrupted with 2", s.Status, len(s.Steps))
	}
}

// helper runs this test binary as a child process doing journal work.
func helper(t *testing.T, args ...string) *exec.Cmd {
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperProcess$")
	cmd.Env = append(os.Environ(), "UNKNOT_JOURNAL_HELPER="+strings.Join(args, "|"))
	return cmd
}

func TestHelperProcess(t *testing.T) {
	spec := os.Getenv("UNKNOT_JOURNAL_HELPER")
	if spec == "" {
		t.Skip("only runs as a child of the journal tests")
	}
	args := strings.Split(spec, "|")
	j, err := Open(args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	switch args[0] {
	case "write":
		var n int
		fmt.Sscan(args[3], &n)
		for i := range n {
			id := fmt.Sprintf("w%s-%d", args[2], i)
			must(j.StartSession(coach.Session{ID: id, Started: time.Now(), Title: id, PainBefore: intp(4)}))
			for k := range 2 {
				must(j.RecordStep(id, coach.Step{Index: k, Technique: "t", Outcome: coach.OutcomeDone, Ended: time.Now()}, k+1))
			}
			must(j.FinishSession(id, coach.StatusCompleted, time.Now()))
		}
		os.Exit(0)
	case "crash":
		must(j.StartSession(coach.Session{ID: "crash", Started: time.Now(), Title: "crash"}))
		for k := range 2 {
			must(j.RecordStep("crash", coach.Step{Index: k, Technique: "t", Outcome: coach.OutcomeDone, Ended: time.Now()}, k+1))
		}
		fmt.Println("ready")
		wait := make(chan os.Signal, 1) // never sent: wait to be killed mid-session
		signal.Notify(wait, syscall.SIGUSR1)
		<-wait
	}
}

func must(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// FuzzExportRoundTrip: whatever a note holds (commas, quotes, new lines,
// emoji, control characters), CSV and JSON give it back exactly.
func FuzzExportRoundTrip(f *testing.F) {
	for _, s := range []string{"plain", "a, b", "say \"hi\"", "two\nlines", "🙂 emoji", "bell\x07 nul\x00", "\r\n", ""} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, note, title string) {
		if !utf8.ValidString(note) || !utf8.ValidString(title) {
			t.Skip("the journal stores text as given on screen: valid UTF-8")
		}
		s := []coach.Session{{ID: "x", Started: t0, Status: coach.StatusCompleted, Title: title, Note: note, Plan: []coach.PlanItem{},
			Steps: []coach.Step{{Index: 0, Technique: "t", Outcome: coach.OutcomeDone}}}}
		var jb bytes.Buffer
		if err := WriteJSON(&jb, s); err != nil {
			t.Fatal(err)
		}
		var back []coach.Session
		if err := json.Unmarshal(jb.Bytes(), &back); err != nil || back[0].Note != note || back[0].Title != title {
			t.Fatalf("JSON: %v, %+v", err, back)
		}
		var cb bytes.Buffer
		if err := WriteCSV(&cb, s); err != nil {
			t.Fatal(err)
		}
		rows, err := csv.NewReader(&cb).ReadAll()
		// encoding/csv reads "\r\n" inside a quoted field back as "\n".
		want := strings.ReplaceAll(note, "\r\n", "\n")
		if err != nil || len(rows) != 2 || rows[1][9] != want {
			t.Fatalf("CSV: %v, %q, want note %q", err, rows, want)
		}
	})
}

// What the safety check remembers beyond its answers comes back whole.
func TestSafetyProfileRoundTrip(t *testing.T) {
	j := openTest(t, t.TempDir())
	want := coach.SafetyProfile{Age: "65-plus", Checked: t0, Assessed: map[string]time.Time{"cancer": t0}, Advice: []string{"inflammatory-back-pain"}}
	if err := j.SaveSafety(coach.SafetyRecord{At: t0, Outcome: "clear", Profile: want}); err != nil {
		t.Fatal(err)
	}
	got, ok, err := j.LatestSafety()
	if err != nil || !ok || got.Profile.Age != want.Age || !got.Profile.Checked.Equal(t0) ||
		!got.Profile.Assessed["cancer"].Equal(t0) || len(got.Profile.Advice) != 1 {
		t.Errorf("profile = %+v (%v, %v)", got.Profile, ok, err)
	}
}
