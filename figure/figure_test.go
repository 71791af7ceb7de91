package figure

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/unknot/unknot/content"
)

var update = flag.Bool("update", false, "rewrite the golden files")

// stageFigure is one figure of a technique: its own (stage 0) or a
// stage's.
type stageFigure struct {
	stage int
	fig   content.Figure
}

func techniqueFigures(t content.Technique) []stageFigure {
	out := []stageFigure{{0, t.Figure}}
	for _, s := range t.StageFigures {
		out = append(out, stageFigure{s.Stage, s.Figure})
	}
	return out
}

func goldenName(id string, stage, k int, mirror bool) string {
	name := id
	if stage > 0 {
		name += fmt.Sprintf("-stage%d", stage)
	}
	if k > 0 {
		name += fmt.Sprintf("-key%d", k)
	}
	if mirror {
		name += "-right"
	} else {
		name += "-left"
	}
	return name
}

// Every built-in figure, every keyframe, both sides, at the default size,
// as the text a terminal shows. Review a change with -update and git diff.
func TestGoldenFigures(t *testing.T) {
	for _, tech := range content.Builtin().Techniques {
		for _, f := range techniqueFigures(tech) {
			var b strings.Builder
			for k := range f.fig.Frames() {
				for _, mirror := range []bool{false, true} {
					pic := Draw(f.fig, k, mirror, DefaultWidth, DefaultHeight)
					if pic.Empty() {
						t.Errorf("%s: nothing drawn", goldenName(tech.ID, f.stage, k, mirror))
					}
					fmt.Fprintf(&b, "── %s\n%s\n", goldenName(tech.ID, f.stage, k, mirror), pic)
				}
			}
			name := tech.ID
			if f.stage > 0 {
				name += fmt.Sprintf("-stage%d", f.stage)
			}
			golden(t, filepath.Join("testdata", name+".golden"), b.String())
		}
	}
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./figure -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs from the drawing:\n%s", path, got)
	}
}
