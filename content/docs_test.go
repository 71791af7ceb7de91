package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// docBlock is the first ```yaml block under the heading in
// docs/content-format.md.
func docBlock(t *testing.T, heading string) string {
	t.Helper()
	doc, err := os.ReadFile(filepath.Join("..", "docs", "content-format.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, section, ok := strings.Cut(string(doc), "\n"+heading+"\n")
	if !ok {
		t.Fatalf("no %q in docs/content-format.md", heading)
	}
	_, block, ok := strings.Cut(section, "```yaml\n")
	block, _, closed := strings.Cut(block, "```\n")
	if !ok || !closed {
		t.Fatalf("no yaml block under %q", heading)
	}
	return block
}

// The example packs in docs/content-format.md pass `unknot check` and
// add what the text says.
func TestDocExamplePacksCheck(t *testing.T) {
	for _, c := range []struct {
		heading, file string
		programs      []string
		techniques    []string
	}{
		{"## A worked example", "example.yaml", []string{"chair-reset"}, []string{"seated-crossed-arm-rotation"}},
		{"## For clinicians: a programme for a patient", "riverside-upper-back.yaml", []string{"riverside-upper-back"}, []string{"seated-shoulder-blade-setting"}},
	} {
		t.Run(c.file, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), c.file)
			if err := os.WriteFile(path, []byte(docBlock(t, c.heading)), 0o600); err != nil {
				t.Fatal(err)
			}
			merged, problems := Builtin().WithPacks([]string{path})
			for _, p := range problems {
				t.Errorf("%s", p)
			}
			for _, id := range c.programs {
				if _, ok := merged.Program(id); !ok {
					t.Errorf("no program %s", id)
				}
			}
			for _, id := range c.techniques {
				if _, ok := merged.Technique(id); !ok {
					t.Errorf("no technique %s", id)
				}
			}
		})
	}
}
