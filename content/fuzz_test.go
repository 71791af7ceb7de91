package content

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzDecode feeds arbitrary bytes to the strict decoder and the validator:
// neither may panic, and every rejection is an error with the file name.
func FuzzDecode(f *testing.F) {
	seeds, _ := filepath.Glob("data/*.yaml")
	packs, _ := filepath.Glob("testdata/packs/*/*.yaml")
	for _, p := range append(seeds, packs...) {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Add([]byte("techniques:\n  - id: x\n    dosage: {hold_seconds: -1}\n"))
	f.Add([]byte("programs: [{id: p, items: [{technique: nope}]}]"))
	f.Add([]byte("\x00\x1b[2J: [\n"))
	base := MustLoad()
	f.Fuzz(func(t *testing.T, data []byte) {
		file, err := Decode("pack.yaml", data)
		if err != nil {
			if err.Error() == "" {
				t.Fatal("empty error")
			}
			return
		}
		for _, p := range base.merged(file).Validate() {
			if p.Origin == "" || p.Msg == "" {
				t.Fatalf("problem without origin or message: %+v", p)
			}
		}
	})
}

// FuzzWithPacks loads arbitrary bytes as a pack file: what is merged is
// within the caps, and every problem names the file in one short line
// (a 1 MB name used to make a 1 MB problem).
func FuzzWithPacks(f *testing.F) {
	packs, _ := filepath.Glob("testdata/packs/*/*.yaml")
	for _, p := range packs {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	long := strings.Repeat("x", 3000)
	f.Add([]byte("techniques:\n" + packTechnique("a-"+long, long)))
	f.Add([]byte("techniques:\n" + packTechnique("ok", "Fine") + "programs:\n" + packProgram("p", []string{long, "ok"})))
	base := MustLoad()
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(dir, "pack.yaml")
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		merged, problems := base.WithPacks([]string{path})
		for _, p := range problems {
			if !strings.HasPrefix(p.Origin, path) || p.Msg == "" || len(p.String()) > 1024 || strings.Contains(p.Msg, "\n") {
				t.Fatalf("problem not one short line about the file: %.300q", p.String())
			}
		}
		for _, tq := range merged.Techniques[len(base.Techniques):] {
			if utf8.RuneCountInString(tq.Name) > MaxNameLen || len(tq.Steps) > MaxList || utf8.RuneCountInString(tq.ID) > MaxIDLen {
				t.Fatalf("technique over the caps merged: %.200q", tq.ID)
			}
		}
		if n := len(merged.Techniques) - len(base.Techniques); n > MaxPackTechniques {
			t.Fatalf("%d techniques merged", n)
		}
	})
}
