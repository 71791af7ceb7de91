package content

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// packTechnique is one valid technique of about 600 bytes.
func packTechnique(id, name string) string {
	return fmt.Sprintf(`  - id: %s
    name: %s
    summary: A generated technique for measuring how packs scale.
    areas: [upper-back]
    role: mobility
    position: seated
    steps: [Sit tall., Reach forward slowly., Come back.]
    cue: Reach gently.
    dosage: {hold_seconds: 20, min_hold_seconds: 10, max_hold_seconds: 60}
    intensity: gentle
    precautions: [Stop if it hurts.]
    why: It moves the upper back.
    sources: [acsm-stretching-2021]
`, id, name)
}

// packProgram is a program of the given technique IDs.
func packProgram(id string, items []string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "  - id: %s\n    name: %s\n    summary: Generated.\n    sources: [nhs-back-pain]\n    items:\n", id, id)
	for _, it := range items {
		fmt.Fprintf(&b, "      - technique: %s\n", it)
	}
	return b.String()
}

// writeSizedPacks writes a pack directory of one shape and size, in files
// of at most 500 techniques or 5,000 program items (each under the file
// cap), and returns the files.
//   - "techniques": n valid techniques and programs using each once;
//   - "mixed": those, and programs with n items naming techniques that
//     do not exist (one letter off);
//   - "name": one technique whose name is n bytes long.
func writeSizedPacks(tb testing.TB, dir, shape string, n int) []string {
	tb.Helper()
	var files []string
	write := func(body string) {
		path := filepath.Join(dir, fmt.Sprintf("%s-%04d.yaml", shape, len(files)))
		if err := os.WriteFile(path, []byte(body), 0o600); err != nil {
			tb.Fatal(err)
		}
		files = append(files, path)
	}
	switch shape {
	case "techniques":
		for start := 0; start < n; start += 500 {
			var techs, progs strings.Builder
			var ids []string
			for i := start; i < min(n, start+500); i++ {
				id := fmt.Sprintf("generated-technique-%d", i)
				techs.WriteString(packTechnique(id, fmt.Sprintf("Generated technique %d", i)))
				if ids = append(ids, id); len(ids) == 10 {
					progs.WriteString(packProgram(fmt.Sprintf("generated-program-%d", i), ids))
					ids = nil
				}
			}
			write("techniques:\n" + techs.String() + "programs:\n" + progs.String())
		}
	case "mixed":
		writeSizedPacks(tb, dir, "techniques", n)
		for start := 0; start < n; start += 5000 {
			var progs strings.Builder
			var ids []string
			for i := start; i < min(n, start+5000); i++ {
				if ids = append(ids, fmt.Sprintf("generated-techniqe-%d", i)); len(ids) == 50 || i == n-1 {
					progs.WriteString(packProgram(fmt.Sprintf("missing-program-%d", i), ids))
					ids = nil
				}
			}
			write("programs:\n" + progs.String())
		}
		files, _ = PackFiles(dir)
	case "name":
		write("techniques:\n" + packTechnique("long-name", strings.Repeat("n", n)))
	}
	return files
}

// BenchmarkPackSize loads packs of growing size onto the built-in
// catalogue (read, decode, validate, merge): the curve in BENCHMARKS.md.
func BenchmarkPackSize(b *testing.B) {
	base := MustLoad()
	for _, tc := range []struct {
		shape string
		n     int
	}{
		{"techniques", 100}, {"techniques", 500}, {"techniques", 1000}, {"techniques", 5000},
		{"mixed", 100}, {"mixed", 500}, {"mixed", 1000}, {"mixed", 2000},
		{"name", 1000}, {"name", 100_000}, {"name", 1_000_000},
	} {
		b.Run(fmt.Sprintf("%s=%d", tc.shape, tc.n), func(b *testing.B) {
			files := writeSizedPacks(b, b.TempDir(), tc.shape, tc.n)
			b.ReportAllocs()
			for b.Loop() {
				base.WithPacks(files)
			}
		})
	}
}
