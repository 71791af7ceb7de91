package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/internal/journal"
)

// Export, then import on a fresh data directory: `unknot history --json`
// and `unknot history --breaks --json` print the same, to the byte; a
// second import changes nothing.
func TestJournalExportImportReproducesHistory(t *testing.T) {
	dir := seedJournal(t)
	seedBreaks(t, dir)
	code, file, errOut := runCLI("--data-dir", dir, "journal", "export", "--jsonl")
	if code != 0 || !strings.HasPrefix(file, `{"type":"header","format":"unknot-journal","version":1}`) {
		t.Fatalf("export (%d, %q):\n%s", code, errOut, file)
	}
	path := filepath.Join(t.TempDir(), "laptop.jsonl")
	os.WriteFile(path, []byte(file), 0o600)
	fresh := filepath.Join(t.TempDir(), "data")
	code, out, errOut := runCLI("--data-dir", fresh, "journal", "import", path)
	if code != 0 || !strings.Contains(out, "3 sessions added") || !strings.Contains(out, "3 breaks") {
		t.Fatalf("import (%d, %q): %s", code, errOut, out)
	}
	for _, args := range []string{"history --json", "history --breaks --json"} {
		_, want, _ := runCLI(append([]string{"--data-dir", dir}, strings.Fields(args)...)...)
		_, got, _ := runCLI(append([]string{"--data-dir", fresh}, strings.Fields(args)...)...)
		if got != want || !strings.Contains(want, `"s1"`) {
			t.Errorf("%s after import:\n%s\nwant:\n%s", args, got, want)
		}
	}
	if _, b, _ := runCLI("--data-dir", fresh, "history", "--breaks", "--json"); !strings.Contains(b, `"session_id": "s1"`) {
		t.Errorf("the break taken lost its session:\n%s", b)
	}
	code, out, _ = runCLI("--data-dir", fresh, "journal", "import", path)
	if code != 0 || !strings.Contains(out, "Nothing new") {
		t.Errorf("second import (%d): %s", code, out)
	}
	if _, again, _ := runCLI("--data-dir", fresh, "journal", "export"); again != file {
		t.Error("the second import changed the journal")
	}
}

// seedBreaks adds to dir's journal three breaks, one of them taken to
// start session s1.
func seedBreaks(t *testing.T, dir string) {
	t.Helper()
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	day, _ := time.ParseInLocation(time.DateOnly, "2026-11-19", time.Local)
	for _, n := range []coach.Nudge{
		{Due: day.Add(7 * time.Hour), At: day.Add(7*time.Hour + time.Minute), Answer: coach.AnswerSnoozed},
		{Due: day.Add(7*time.Hour + 50*time.Minute), At: day.Add(8 * time.Hour), Answer: coach.AnswerTaken, SessionID: "s1"},
		{Due: day.Add(26 * time.Hour), At: day.Add(26 * time.Hour), Answer: coach.AnswerSkipped},
	} {
		if err := j.SaveNudge(n); err != nil {
			t.Fatal(err)
		}
	}
}

// A bad file is refused with its line, and nothing is written: not even
// a journal in an empty data directory.
func TestJournalImportRefusesAndWritesNothing(t *testing.T) {
	files := t.TempDir()
	head := `{"type":"header","format":"unknot-journal","version":1}` + "\n"
	for name, c := range map[string]struct{ body, want string }{
		"escape.jsonl":  {head + `{"type":"preference","key":"k","value":"\u001b]52;c;cHduZWQ=\u0007","updated":"2026-11-21T09:00:00Z"}` + "\n", "line 2: value"},
		"newer.jsonl":   {`{"type":"header","format":"unknot-journal","version":9}` + "\n", "line 1: "},
		"unknown.jsonl": {head + `{"type":"reminder","at":"2026-11-21T09:00:00Z"}` + "\n", "line 2: unknown record type"},
		"nudge.jsonl": {head + `{"type":"nudge","due":"2026-11-21T08:55:00Z","at":"2026-11-21T09:00:00Z","answer":"taken","session_id":""}` + "\n" +
			`{"type":"nudge","due":"2026-11-21T08:55:00Z","at":"2026-11-21T09:00:00Z","answer":"\u001b[2Jtaken","session_id":""}` + "\n", "line 3: answer"},
	} {
		path := filepath.Join(files, name)
		os.WriteFile(path, []byte(c.body), 0o600)
		data := filepath.Join(t.TempDir(), "data")
		code, out, errOut := runCLI("--data-dir", data, "journal", "import", path)
		if code != 1 || out != "" || !strings.Contains(errOut, c.want) || !strings.Contains(errOut, "nothing was imported") ||
			strings.ContainsAny(errOut, "\x1b\x07") || strings.Count(errOut, "\n") != 1 {
			t.Errorf("%s: exit %d, stdout %q, stderr %q", name, code, out, errOut)
		}
		if _, err := os.Stat(data); !os.IsNotExist(err) {
			t.Errorf("%s: the refused import created %s", name, data)
		}
	}
	code, _, errOut := runCLI("--data-dir", t.TempDir(), "journal", "import", filepath.Join(files, "missing.jsonl"))
	if code != 2 || !strings.Contains(errOut, "no such file") {
		t.Errorf("missing file: exit %d, %q", code, errOut)
	}
	code, _, errOut = runCLI("--data-dir", t.TempDir(), "journal", "import", files)
	if code != 2 || !strings.Contains(errOut, "not a regular file") {
		t.Errorf("a directory: exit %d, %q", code, errOut)
	}
}

func TestJournalExportWithoutAJournal(t *testing.T) {
	dir := t.TempDir()
	code, out, _ := runCLI("--data-dir", dir, "journal", "export")
	if code != 0 || strings.Count(out, "\n") != 1 {
		t.Errorf("exit %d:\n%s", code, out)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Error("export created files")
	}
}

// FILE - reads the export from stdin, as a pipe from another machine's
// export would give it.
func TestJournalImportFromStdin(t *testing.T) {
	_, file, _ := runCLI("--data-dir", seedJournal(t), "journal", "export")
	fresh := t.TempDir()
	code, out, errOut := runCLIWith(file, "--data-dir", fresh, "journal", "import", "-")
	if code != 0 || !strings.Contains(out, "3 sessions added") {
		t.Errorf("exit %d, %q, %q", code, out, errOut)
	}
	code, _, errOut = runCLIWith("not an export\n", "--data-dir", t.TempDir(), "journal", "import", "-")
	if code != 1 || !strings.Contains(errOut, "-: line 1: not an unknot journal export") {
		t.Errorf("garbage on stdin: exit %d, %q", code, errOut)
	}
}
