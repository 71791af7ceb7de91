package content

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode"
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
		f("d-citations.yaml") + `:16: technique cited-by-file: source "seeds/002_28efeff4e764ea89.txt" is a file name, not a citation: add it under references: with a title or author, and an author, publisher or url to find it by (if none is known, a note saying what it is), and cite its id`,
		f("d-citations.yaml") + `:18: reference id "nhs-back-pain" shadows a built-in reference; cite the built-in one, or choose another id`,
		f("d-citations.yaml") + `:21: reference just-a-file needs a title or author, and an author, publisher or url to find it by (if none is known, a note saying what it is)`,
		f("d-citations.yaml") + `:22: reference just-a-file: title "notes.md" is a file name, not a citation; a reference needs a title or author, and an author, publisher or url to find it by (if none is known, a note saying what it is)`,
		f("e-ladder.yaml") + `:6: ladder neck-ease: rung 2 names unknown technique "neck-side-strech" (did you mean neck-side-stretch?)`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("problems:\n%q\nwant:\n%q", got, want)
	}
	base := MustLoad()
	if len(merged.Techniques) != len(base.Techniques) || len(merged.Programs) != len(base.Programs) || len(merged.References) != len(base.References) {
		t.Errorf("broken items were merged: %d techniques, %d programs, %d references", len(merged.Techniques), len(merged.Programs), len(merged.References))
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
	cites := merged.Citations(tq.Sources)
	if len(cites) != 2 || cites[0].Title != "Exercises for a stiff upper back" || cites[1].ID != "acsm-stretching-2021" {
		t.Errorf("pack technique citations = %v", cites)
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
    sources: [nhs-back-pain]
programs:
  - id: uses-broken
    name: Uses broken
    summary: s
    items: [{technique: broken}]
    sources: [nhs-back-pain]
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
		"plain text":                                             "plain text",
		"keep\nnew lines\tand tabs":                              "keep\nnew lines\tand tabs",
		"red\x1b[31mtext\x1b[0m":                                 "redtext",
		"title\x1b]0;owned\x07 after":                            "title after",
		"clear\x1b[2J\x1b[H screen":                              "clear screen",
		"back\x08space and\rreturn\x00":                          "backspace andreturn",
		"bidi \u202eevil\u202c":                                  "bidi evil",
		"emoji 🙂 and accents é are fine":                         "emoji 🙂 and accents é are fine",
		"zero\u200bwidth\u200c\u200d\u2060\ufeff":                "zerowidth",
		"marks \u200eltr\u200f\u061c":                            "marks ltr",
		"line\u2028para\u2029":                                   "linepara",
		"tags\U000e0001\U000e0041\U000e007f":                     "tags",
		"soft\u00adhyphen":                                       "softhyphen",
		"zalgo a\u0301\u0302\u0303\u0304\u0305\u0306\u0307":      "zalgo a\u0301\u0302\u0303\u0304",
		"run across a gap a\u0301\u0302\u200b\u0303\u0304\u0305": "run across a gap a\u0301\u0302\u0303\u0304",
		"keycap 1\ufe0f\u20e3 and heart \u2764\ufe0f stay":       "keycap 1\ufe0f\u20e3 and heart \u2764\ufe0f stay",
		"Vietnamese e\u0323\u0302 stays":                         "Vietnamese e\u0323\u0302 stays",
	} {
		if got := Sanitize(in); got != want {
			t.Errorf("Sanitize(%q) = %q, want %q", in, got, want)
		}
	}
}

// FuzzSanitize: whatever goes in, nothing that controls a terminal or
// hides text comes out: no control or format character (zero-width, bidi
// marks, tag characters), no line or paragraph separator, no run of more
// than MaxCombining combining marks.
func FuzzSanitize(f *testing.F) {
	for _, s := range []string{"a\x1b[31mb", "\x1b]0;t\x07", "\x9b2J", "ok", "\u202e", "a\u200bb\u2028", "\U000e0041", "e" + strings.Repeat("\u0301", 20)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := Sanitize(s)
		if needsSanitizing(out) {
			t.Fatalf("Sanitize(%q) = %q still holds control characters", s, out)
		}
		for _, r := range out {
			if (unicode.IsControl(r) && r != '\n' && r != '\t') || unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp) {
				t.Fatalf("Sanitize(%q) = %q keeps %U", s, out, r)
			}
		}
		if n := longestMarkRun(out); n > 4 {
			t.Fatalf("Sanitize(%q) = %q keeps a run of %d combining marks", s, out, n)
		}
		if Sanitize(out) != out {
			t.Fatalf("Sanitize is not idempotent on %q", s)
		}
	})
}

func longestMarkRun(s string) int {
	longest, run := 0, 0
	for _, r := range s {
		if unicode.Is(unicode.M, r) {
			run++
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return longest
}

func writeFile(t *testing.T, path, data string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
}
