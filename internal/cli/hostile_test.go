package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
)

// evil is text that would act on a terminal: the clipboard (OSC 52), the
// window title, erase line, the bell, and C1 controls (8-bit CSI, as UTF-8
// and as a raw byte).
const evil = "\x1b]52;c;cm0gLXJmIH4K\x07\x1b]0;pwned\x07\x1b[2K\x07\u009b2J\x9b31m"

// hostileHome makes a config directory with a pack that is wrong in every
// way that quotes its own bytes (a file name, an unknown field, a type
// error, names and text), and a journal whose notes and titles carry the
// same bytes.
func hostileHome(t *testing.T) (config, data string) {
	t.Helper()
	config, data = t.TempDir(), t.TempDir()
	dir := filepath.Join(config, "unknot", "content")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(filepath.Join("..", "..", "content", "testdata", "packs", "good", "chair-reset.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	pack := strings.ReplaceAll(string(good), "Seated rotation with arms crossed", "Seated "+evil+" rotation")
	pack = strings.ReplaceAll(pack, "Turn only as far as feels easy.", "Turn "+evil+" gently.")
	files := map[string]string{
		"ok" + evil + ".yaml":  pack,
		"bad" + evil + ".yaml": "techniques:\n  - id: x\n    \"na me" + evil + "\": 1\n    dosage: {hold_seconds: \"" + evil[:10] + "\"}\n",
	}
	for name, text := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	j, err := journal.Open(data)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	start := time.Date(2026, 11, 20, 8, 0, 0, 0, time.Local)
	pain := 5
	j.StartSession(coach.Session{ID: "s1", Started: start, Title: "Title " + evil, PainBefore: &pain})
	j.RecordStep("s1", coach.Step{Index: 0, Technique: "shoulder-rolls" + evil, Outcome: "done", Ended: start.Add(time.Minute)}, 1)
	j.FinishSession("s1", coach.StatusCompleted, start.Add(2*time.Minute))
	j.SetPainAfter("s1", 3, "note "+evil)
	return config, data
}

// unsafeBytes finds bytes a terminal may act on: ESC, BEL, other C0
// controls but newline and tab, DEL, and C1 controls as UTF-8 or raw.
func unsafeBytes(s string) []string {
	var found []string
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			found = append(found, fmt.Sprintf("raw byte %#02x", s[i]))
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
			found = append(found, fmt.Sprintf("%U", r))
		}
		i += size
	}
	return found
}

// Every command's output, standard and error, is free of bytes a terminal
// acts on, whatever a pack or the journal holds.
func TestNoCommandWritesControlBytes(t *testing.T) {
	config, data := hostileHome(t)
	t.Setenv("XDG_CONFIG_HOME", config)
	t.Setenv("UNKNOT_DATA_DIR", data)
	packs := filepath.Join(config, "unknot", "content")
	for _, args := range [][]string{
		{"check"},
		{"check", packs},
		{"check", filepath.Join(packs, "bad"+evil+".yaml")},
		{"check", "no/such" + evil},
		{"list"},
		{"list", "--json"},
		{"show", "seated-arm-cross-rotation"},
		{"show", "seated-arm-cross-rotation", "--json"},
		{"show", "nope" + evil},
		{"history"},
		{"history", "--csv"},
		{"history", "--json"},
		{"history", "--since", evil},
		{"list", "--area", evil},
		{"session", "--program", evil},
		{evil},
		{"--help"},
		{"man"},
	} {
		code, out, errOut := runCLI(args...)
		for stream, text := range map[string]string{"stdout": out, "stderr": errOut} {
			if bad := unsafeBytes(text); len(bad) > 0 {
				t.Errorf("unknot %q (exit %d): %s has %v\n%q", args, code, stream, bad, text)
			}
		}
	}
}

// One long field does not stretch every row of a table.
func TestTableWidthIgnoresOneLongField(t *testing.T) {
	config := t.TempDir()
	dir := filepath.Join(config, "unknot", "content")
	os.MkdirAll(dir, 0o700)
	good, _ := os.ReadFile(filepath.Join("..", "..", "content", "testdata", "packs", "good", "chair-reset.yaml"))
	long := strings.Repeat("Very long name ", 6)[:79]
	os.WriteFile(filepath.Join(dir, "long.yaml"), []byte(strings.ReplaceAll(string(good), "Seated rotation with arms crossed", long)), 0o600)
	t.Setenv("XDG_CONFIG_HOME", config)
	code, out, errOut := runCLI("list")
	if code != 0 || !strings.Contains(out, "Very long name") {
		t.Fatalf("exit %d: %s %s", code, out, errOut)
	}
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	_, plain, _ := runCLI("list")
	widest := func(s string) int {
		w := 0
		for _, l := range strings.Split(s, "\n") {
			w = max(w, utf8.RuneCountInString(l))
		}
		return w
	}
	if a, b := widest(out), widest(plain); a > b+maxCell {
		t.Errorf("a long name widened the table from %d to %d columns", b, a)
	}
}

// The built-in content is never cut short in a table, piped or not: cells
// are capped only to stop a pack's runaway field stretching every row.
func TestBuiltInTablesAreWhole(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", t.TempDir())
	dir := t.TempDir()
	j, err := journal.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	cat := content.Builtin()
	start := time.Date(2026, 11, 18, 8, 0, 0, 0, time.Local)
	for i, p := range cat.Programs {
		for day := 1; day <= len(p.Days) || day == 1; day++ {
			title := coach.Request{}.ForProgram(cat, p, day).Title
			id := fmt.Sprintf("p%d-%d", i, day)
			j.StartSession(coach.Session{ID: id, Started: start.Add(time.Duration(i*10+day) * time.Hour), Title: title})
			j.FinishSession(id, coach.StatusQuit, start.Add(time.Duration(i*10+day)*time.Hour+time.Minute))
		}
	}
	j.Close()
	for _, args := range [][]string{{"list"}, {"list", "areas"}, {"list", "equipment"}, {"programs"}, {"--data-dir", dir, "history"}} {
		code, out, errOut := runCLI(args...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", args, code, errOut)
		}
		for _, line := range strings.Split(out, "\n") {
			if strings.Contains(line, "…") {
				t.Errorf("%v cuts a cell short: %q", args, line)
			}
		}
	}
}
