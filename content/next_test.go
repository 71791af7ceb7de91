package content

import (
	"path/filepath"
	"strings"
	"testing"
)

// A program's next: must name another program, built-in or from a pack:
// not itself, and not one that does not exist (with a suggestion for a
// typo). A good next: loads.
func TestProgramNext(t *testing.T) {
	for _, c := range []struct {
		name, next, want string
	}{
		{"a built-in program", "posture-stage-2", ""},
		{"a program in the same pack", "chair-reset-2", ""},
		{"itself", "chair-reset", `:9: program chair-reset: next names the program itself; name another program to follow it`},
		{"a typo", "posture-stage2", `:9: program chair-reset: next names "posture-stage2", which is not another program (did you mean posture-stage-2?)`},
		{"nothing", "no-such-program-at-all", `:9: program chair-reset: next names "no-such-program-at-all", which is not another program`},
	} {
		t.Run(c.name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "p.yaml")
			writeFile(t, path, `programs:
  - id: chair-reset
    name: Chair reset
    summary: A few minutes at the desk.
    items:
      - technique: shoulder-rolls
      - technique: doorway-chest-stretch
    sources: [nhs-back-pain]
    next: `+c.next+`
  - id: chair-reset-2
    name: Chair reset, stage 2
    summary: A few more minutes at the desk.
    items:
      - technique: chin-tucks
    sources: [nhs-back-pain]
`)
			merged, problems := MustLoad().WithPacks([]string{path})
			var got []string
			for _, p := range problems {
				got = append(got, strings.TrimPrefix(p.String(), path))
			}
			switch {
			case c.want == "" && len(got) > 0:
				t.Errorf("problems: %q", got)
			case c.want != "" && (len(got) != 1 || got[0] != c.want):
				t.Errorf("problems: %q, want %q", got, c.want)
			}
			p, ok := merged.Program("chair-reset")
			if loaded := ok && p.Next == c.next; loaded != (c.want == "") {
				t.Errorf("loaded %v with next %q", ok, p.Next)
			}
		})
	}
}
