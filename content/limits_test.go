package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// Every field and list of a pack has a cap, reported at its line; the
// built-in catalogue is far inside them (TestCatalogueValid).
func TestPackFieldLimits(t *testing.T) {
	long := func(n int) string { return strings.Repeat("a", n) }
	list := func(n int, item string) string {
		return "[" + strings.TrimSuffix(strings.Repeat(item+", ", n), ", ") + "]"
	}
	for _, tc := range []struct {
		name, old, new, want string
	}{
		{"id", "id: test-stretch", "id: " + long(65), `pack.yaml:2: technique id "` + long(40) + `…" is 65 characters long, more than 64`},
		{"name", "name: Test stretch", "name: " + long(81), "pack.yaml:3: technique test-stretch: name is 81 characters long, more than 80"},
		{"summary", "summary: A stretch for tests.", "summary: " + long(2001), "pack.yaml:4: technique test-stretch: summary is 2001 characters long, more than 2000"},
		{"cue", "cue: Reach gently.", "cue: " + long(2001), "pack.yaml:9: technique test-stretch: cue is 2001 characters long, more than 2000"},
		{"why", "why: It moves the upper back.", "why: " + long(2001), "pack.yaml:13: technique test-stretch: why is 2001 characters long, more than 2000"},
		{"a step", "steps: [Sit tall., Reach.]", "steps: [Sit tall., " + long(2001) + "]", "pack.yaml:8: technique test-stretch: step 2 is 2001 characters long, more than 2000"},
		{"steps", "steps: [Sit tall., Reach.]", "steps: " + list(51, "Reach."), "pack.yaml:8: technique test-stretch: 51 steps is more than 50"},
		{"precautions", "precautions: [Stop if it hurts.]", "precautions: " + list(51, "Stop."), "pack.yaml:12: technique test-stretch: 51 precautions is more than 50"},
		{"sources", "sources: [acsm-stretching-2021]", "sources: " + list(51, "notes"), "pack.yaml:14: technique test-stretch: 51 sources is more than 50"},
		{"areas", "areas: [upper-back]", "areas: " + list(51, "upper-back"), "pack.yaml:5: technique test-stretch: 51 areas is more than 50"},
		{"a stage", "max_hold_seconds: 60}", "max_hold_seconds: 60, stages: [" + long(81) + "]}", "pack.yaml:10: technique test-stretch: stage 1 is 81 characters long, more than 80"},
		{"breathing", "intensity: gentle", "intensity: gentle\n    breathing: " + long(2001), "pack.yaml:12: technique test-stretch: breathing is 2001 characters long, more than 2000"},
		{"avoid_if reason", "intensity: gentle", "intensity: gentle\n    avoid_if: {pregnancy: " + long(2001) + "}", "pack.yaml:12: technique test-stretch: avoid_if pregnancy is 2001 characters long, more than 2000"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if !strings.Contains(goodTechnique, tc.old) {
				t.Fatalf("fixture lacks %q", tc.old)
			}
			problems, err := pack(t, strings.Replace(goodTechnique, tc.old, tc.new, 1))
			if err != nil {
				t.Fatal(err)
			}
			if got := ProblemList(problems).Error(); !strings.Contains(got, tc.want) {
				t.Errorf("problems:\n%.2000s\nwant one containing %q", got, tc.want)
			}
		})
	}
}

func TestProgramLimits(t *testing.T) {
	items := func(n int) string { return strings.Repeat("      - technique: shoulder-rolls\n", n) }
	prog := "programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [nhs-back-pain]\n    items:\n"
	for _, tc := range []struct{ name, yaml, want string }{
		{"items", prog + items(51), "pack.yaml:6: program p: 51 items is more than 50"},
		{"note", prog + items(1) + "        note: " + strings.Repeat("n", 2001) + "\n", "pack.yaml:6: program p item 1: note is 2001 characters long, more than 2000"},
		{"name", strings.Replace(prog, "name: P", "name: "+strings.Repeat("n", 81), 1) + items(1), "pack.yaml:3: program p: name is 81 characters long, more than 80"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			problems, err := pack(t, tc.yaml)
			if err != nil {
				t.Fatal(err)
			}
			if got := ProblemList(problems).Error(); !strings.Contains(got, tc.want) {
				t.Errorf("problems:\n%.2000s\nwant one containing %q", got, tc.want)
			}
		})
	}
}

// A huge value is quoted short in every message: a 1 MB name used to make
// `unknot list` print hundreds of MB.
func TestProblemsQuoteHugeValuesShort(t *testing.T) {
	huge := strings.Repeat("x", 900_000)
	for _, yaml := range []string{
		strings.Replace(goodTechnique, "id: test-stretch", "id: "+huge, 1),
		strings.Replace(goodTechnique, "areas: [upper-back]", "areas: ["+huge+"]", 1),
		"programs:\n  - id: p\n    name: P\n    summary: S\n    sources: [nhs-back-pain]\n    items: [{technique: " + huge + "}]\n",
	} {
		problems, err := pack(t, yaml)
		if err != nil {
			t.Fatal(err)
		}
		if len(problems) == 0 {
			t.Error("no problem reported")
		}
		for _, p := range problems {
			if len(p.String()) > 300 {
				t.Errorf("a problem of %d bytes: %.200s…", len(p.String()), p)
			}
		}
	}
}

// The packs together hold at most 500 techniques and 100 programs; the
// first one over is reported once, and the rest still load; a file that
// could add nothing more is not read, and says so.
func TestPackCountLimits(t *testing.T) {
	base := MustLoad()
	files := writeSizedPacks(t, t.TempDir(), "techniques", 1010)
	merged, problems := base.WithPacks(files)
	var got []string
	for _, p := range problems {
		// The rest are programs naming techniques left out.
		if strings.Contains(p.Msg, "in the packs") || strings.Contains(p.Msg, "not read") {
			got = append(got, filepath.Base(p.Origin)+": "+p.Msg)
		}
	}
	want := []string{
		"techniques-0001.yaml:2: more than 500 techniques in the packs; this one and those after it are left out",
		"techniques-0002.yaml: not read: the packs already hold 500 techniques and 100 programs, the most allowed",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if n := len(merged.Techniques) - len(base.Techniques); n != 500 {
		t.Errorf("%d pack techniques merged, want 500", n)
	}
	if n := len(merged.Programs) - len(base.Programs); n != 50 {
		t.Errorf("%d pack programs merged, want 50 (those whose techniques all loaded)", n)
	}
}

// Validation is linear in the size of the catalogue: 2,000 techniques and
// 2,000 references to techniques that do not exist took 8 s (each miss
// was compared with every ID for a "did you mean"); now well under one.
func TestValidationScalesLinearly(t *testing.T) {
	var b strings.Builder
	b.WriteString("techniques:\n")
	var missing []string
	for i := range 2000 {
		b.WriteString(packTechnique(fmt.Sprintf("generated-technique-%d", i), "Generated"))
		missing = append(missing, fmt.Sprintf("generated-techniqe-%d", i))
	}
	b.WriteString("programs:\n" + packProgram("p", missing))
	f, err := Decode("big.yaml", []byte(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	c := MustLoad().merged(f)
	start := time.Now()
	problems := c.Validate()
	if took := time.Since(start); took > 5*time.Second {
		t.Errorf("validating 2,000 techniques and 2,000 missing references took %v", took)
	}
	if len(problems) < 2000 {
		t.Errorf("%d problems, want one per missing reference", len(problems))
	}
}

// Past 2 MiB of pack files in all, the rest are left out with one
// problem, and not even read.
func TestPacksTotalSizeCap(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("testdata", "packs", "good", "chair-reset.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "a-good.yaml"), string(good))
	filler := "# " + strings.Repeat("x", 900_000) + "\n"
	for i := range 6 {
		writeFile(t, filepath.Join(dir, fmt.Sprintf("b-filler-%d.yaml", i)), filler)
	}
	files, _ := PackFiles(dir)
	merged, problems := MustLoad().WithPacks(files)
	want := filepath.Join(dir, "b-filler-2.yaml") + ": the packs together are over 2 MiB; this file and those after it are left out"
	if len(problems) != 1 || problems[0].String() != want {
		t.Errorf("problems = %v, want [%s]", problems, want)
	}
	if _, ok := merged.Program("chair-reset"); !ok {
		t.Error("the pack before the cap was not loaded")
	}
}
