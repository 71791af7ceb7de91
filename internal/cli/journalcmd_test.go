package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Export, then import on a fresh data directory: `unknot history --json`
// prints the same, to the byte; a second import changes nothing.
func TestJournalExportImportReproducesHistory(t *testing.T) {
	dir := seedJournal(t)
	code, file, errOut := runCLI("--data-dir", dir, "journal", "export", "--jsonl")
	if code != 0 || !strings.HasPrefix(file, `{"type":"header","format":"unknot-journal","version":1}`) {
		t.Fatalf("export (%d, %q):\n%s", code, errOut, file)
	}
	path := filepath.Join(t.TempDir(), "laptop.jsonl")
	os.WriteFile(path, []byte(file), 0o600)
	fresh := filepath.Join(t.TempDir(), "data")
	code, out, errOut := runCLI("--data-dir", fresh, "journal", "import", path)
	if code != 0 || !strings.Contains(out, "3 sessions added") {
		t.Fatalf("import (%d, %q): %s", code, errOut, out)
	}
	_, want, _ := runCLI("--data-dir", dir, "history", "--json")
	_, got, _ := runCLI("--data-dir", fresh, "history", "--json")
	if got != want {
		t.Errorf("history after import:\n%s\nwant:\n%s", got, want)
	}
	code, out, _ = runCLI("--data-dir", fresh, "journal", "import", path)
	if code != 0 || !strings.Contains(out, "Nothing new") {
		t.Errorf("second import (%d): %s", code, out)
	}
	if _, again, _ := runCLI("--data-dir", fresh, "journal", "export"); again != file {
		t.Error("the second import changed the journal")
	}
}

// A bad file is refused with its line, and nothing is written: not even
// a journal in an empty data directory.
func TestJournalImportRefusesAndWritesNothing(t *testing.T) {
	files := t.TempDir()
	head := `{"type":"header","format":"unknot-journal","version":1}` + "\n"
	for name, body := range map[string]string{
		"escape.jsonl":  head + `{"type":"preference","key":"k","value":"\u001b]52;c;cHduZWQ=\u0007","updated":"2026-11-21T09:00:00Z"}` + "\n",
		"newer.jsonl":   `{"type":"header","format":"unknot-journal","version":9}` + "\n",
		"unknown.jsonl": head + head[:0] + `{"type":"nudge","at":"2026-11-21T09:00:00Z"}` + "\n",
	} {
		path := filepath.Join(files, name)
		os.WriteFile(path, []byte(body), 0o600)
		data := filepath.Join(t.TempDir(), "data")
		code, out, errOut := runCLI("--data-dir", data, "journal", "import", path)
		if code != 1 || out != "" || !strings.Contains(errOut, "line ") || !strings.Contains(errOut, "nothing was imported") ||
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
