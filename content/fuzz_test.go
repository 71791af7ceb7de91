package content

import (
	"os"
	"path/filepath"
	"testing"
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
