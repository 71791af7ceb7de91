package content

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// shareAndLoad shares program id of c (as as), writes the pack to a file
// and loads it onto the built-in catalogue, as another unknot would.
func shareAndLoad(t *testing.T, c *Catalogue, id, as string) (*Catalogue, []Problem, []byte) {
	t.Helper()
	sh, err := c.ShareProgram(id, as)
	if err != nil {
		t.Fatal(err)
	}
	data, err := EncodePack(sh.File, "shared")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "shared.yaml")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatal(err)
	}
	merged, problems := Builtin().WithPacks([]string{path})
	return merged, problems, data
}

// Every built-in program, shared as a copy, installs on a plain unknot
// with no problem and comes out the same program.
func TestSharedBuiltinProgramsLoadBack(t *testing.T) {
	for _, p := range Builtin().Programs {
		t.Run(p.ID, func(t *testing.T) {
			merged, problems, data := shareAndLoad(t, Builtin(), p.ID, p.ID+"-mine")
			if len(problems) > 0 {
				t.Fatalf("problems %v in:\n%s", problems, data)
			}
			got, ok := merged.Program(p.ID + "-mine")
			want := p
			want.ID, got.origin, want.origin, got.lines, want.lines = p.ID+"-mine", "", "", nil, nil
			if want.Next != "" {
				if _, builtin := Builtin().Program(want.Next); !builtin {
					want.Next = ""
				}
			}
			if !ok || !reflect.DeepEqual(got, want) {
				t.Errorf("shared program:\n%+v\nwant:\n%+v", got, want)
			}
		})
	}
}

// A pack program carries its pack techniques and references with it,
// and names the built-in ones; a built-in program needs a new id.
func TestShareCarriesPackTechniques(t *testing.T) {
	cat, problems := Builtin().WithPacks([]string{"testdata/packs/good/chair-reset.yaml"})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	sh, err := cat.ShareProgram("chair-reset", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(sh.File.Techniques) != 1 || sh.File.Techniques[0].ID != "seated-arm-cross-rotation" ||
		len(sh.File.References) != 1 || sh.File.References[0].ID != "my-physio-handout" {
		t.Errorf("shared %d techniques, %d references: %+v", len(sh.File.Techniques), len(sh.File.References), sh.File)
	}
	merged, problems, data := shareAndLoad(t, cat, "chair-reset", "")
	if len(problems) > 0 {
		t.Fatalf("problems %v in:\n%s", problems, data)
	}
	if _, ok := merged.Technique("seated-arm-cross-rotation"); !ok {
		t.Error("the pack technique did not travel with its program")
	}
	if _, err := cat.ShareProgram("desk-break", ""); err == nil || !strings.Contains(err.Error(), "--as") {
		t.Errorf("sharing a built-in program without a new id: %v", err)
	}
	if _, err := cat.ShareProgram("no-such", ""); err == nil {
		t.Error("shared a program that does not exist")
	}
}

func TestShareAsNeedsAnID(t *testing.T) {
	for _, as := range []string{"Mine", "my program", "desk-break", strings.Repeat("a", MaxIDLen+1)} {
		if _, err := Builtin().ShareProgram("desk-break", as); err == nil {
			t.Errorf("--as %q was taken", as)
		}
	}
}

// A program's next stage goes with it only when it is built in: a pack's
// own next program would be missing on the other side.
func TestShareDropsANextOfYourOwn(t *testing.T) {
	pack := `programs:
  - id: stage-one
    name: Stage one
    summary: The first stage.
    items: [{technique: chin-tucks}]
    next: stage-two
    sources: [acsm-stretching-2021]
  - id: stage-two
    name: Stage two
    summary: The second stage.
    items: [{technique: shoulder-rolls}]
    next: posture-3-day
    sources: [acsm-stretching-2021]
`
	path := filepath.Join(t.TempDir(), "stages.yaml")
	if err := os.WriteFile(path, []byte(pack), 0o600); err != nil {
		t.Fatal(err)
	}
	cat, problems := Builtin().WithPacks([]string{path})
	if len(problems) > 0 {
		t.Fatal(problems)
	}
	sh, err := cat.ShareProgram("stage-one", "")
	if err != nil || sh.File.Programs[0].Next != "" || len(sh.Dropped) != 1 || !strings.Contains(sh.Dropped[0], "stage-two") {
		t.Errorf("stage one: %v, next %q, dropped %q", err, sh.File.Programs[0].Next, sh.Dropped)
	}
	sh, err = cat.ShareProgram("stage-two", "")
	if err != nil || sh.File.Programs[0].Next != "posture-3-day" || len(sh.Dropped) != 0 {
		t.Errorf("stage two: %v, next %q, dropped %q", err, sh.File.Programs[0].Next, sh.Dropped)
	}
}
