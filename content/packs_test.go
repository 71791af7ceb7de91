package content

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
)

// Every kind of mistake in a pack is reported as file:line: message, and
// the rest of the packs still load.
func TestCheckBadPacks(t *testing.T) {
	dir := filepath.Join("testdata", "packs", "bad")
	files, err := PackFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	got := []string{}
	merged, problems := MustLoad().WithPacks(files)
	for _, p := range problems {
		got = append(got, p.String())
	}
	f := func(name string) string { return filepath.Join(dir, name) }
	want := []string{
		f("a-unknown-field.yaml") + `:4: unknown field "colour" in technique`,
		f("b-mistakes.yaml") + `:5: technique nek-glide: unknown area "nek" (did you mean neck?)`,
		f("b-mistakes.yaml") + `:8: technique nek-glide: unknown equipment "foam-rolle" (did you mean foam-roller?)`,
		f("b-mistakes.yaml") + `:11: technique nek-glide: max_hold_seconds 900 is over 600`,
		f("b-mistakes.yaml") + `:16: technique id "doorway-chest-stretch" shadows a built-in technique; choose another id`,
		f("b-mistakes.yaml") + `:29: technique no-why: missing why`,
		f("b-mistakes.yaml") + `:45: program broken-routine item 2: unknown technique "shoulder-rols" (did you mean shoulder-rolls?)`,
		f("c-not-yaml.yaml") + `:1: did not find expected node content`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", got, want)
	}
	base := MustLoad()
	if len(merged.Techniques) != len(base.Techniques) || len(merged.Programs) != len(base.Programs) {
		t.Errorf("broken items were merged: %d techniques, %d programs", len(merged.Techniques), len(merged.Programs))
	}
	if dc, _ := merged.Technique("doorway-chest-stretch"); dc.Name != "Doorway chest stretch" {
		t.Errorf("a pack shadowed a built-in technique: %q", dc.Name)
	}
}

func TestGoodPackMerges(t *testing.T) {
	files, _ := PackFiles(filepath.Join("testdata", "packs", "good"))
	merged, problems := MustLoad().WithPacks(files)
	if len(problems) > 0 {
		t.Fatalf("problems in the good pack: %v", problems)
	}
	tq, ok := merged.Technique("seated-arm-cross-rotation")
	if !ok || !slices.ContainsFunc(merged.InArea("mid-back"), func(x Technique) bool { return x.ID == tq.ID }) {
		t.Fatal("pack technique missing from its area")
	}
	if _, ok := merged.Program("chair-reset"); !ok {
		t.Error("pack program missing")
	}
	if len(merged.Validate()) != 0 {
		t.Errorf("merged catalogue does not validate: %v", merged.Validate())
	}
}

// A program that refers to a technique left out for its own problems is
// left out too, with its own message.
func TestDroppingCascades(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, filepath.Join(dir, "p.yaml"), `techniques:
  - id: broken
    name: Broken
    summary: s
    areas: [nowhere]
    role: mobility
    position: seated
    steps: [x]
    cue: c
    dosage: {hold_seconds: 20, min_hold_seconds: 10, max_hold_seconds: 60}
    intensity: gentle
    precautions: [p]
    why: w
    sources: [s]
programs:
  - id: uses-broken
    name: Uses broken
    summary: s
    items: [{technique: broken}]
    sources: [s]
`)
	files, _ := PackFiles(dir)
	merged, problems := MustLoad().WithPacks(files)
	if len(problems) != 2 {
		t.Errorf("problems = %v", problems)
	}
	if _, ok := merged.Program("uses-broken"); ok {
		t.Error("a program pointing at a dropped technique was kept")
	}
}

func TestSanitize(t *testing.T) {
	for in, want := range map[string]string{
		"plain text":                     "plain text",
		"keep\nnew lines\tand tabs":      "keep\nnew lines\tand tabs",
		"red\x1b[31mtext\x1b[0m":         "redtext",
		"title\x1b]0;owned\x07 after":    "title after",
		"clear\x1b[2J\x1b[H screen":      "clear screen",
		"back\x08space and\rreturn\x00":  "backspace andreturn",
		"bidi \u202eevil\u202c":          "bidi evil",
		"emoji 🙂 and accents é are fine": "emoji 🙂 and accents é are fine",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSanitize: whatever goes in, nothing that controls a terminal comes out.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\x1b]0;t\x07", "\x9b2J", "ok", "\u202e"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if needsSanitizing(out) {
			t.Fatalf("Sanitize(%q) = %q still holds control characters", s, out)
		}
		if Sanitize(out) != out {
			t.Fatalf("Sanitize is not idempotent on %q", s)
		}
	})
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}
