package content_test

import (
	"testing"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

// BenchmarkPackAndPlan is a start with content and a plan for today:
// "builtin-yaml" decodes and validates the built-in YAML (as every start
// did before it was generated into Go), "builtin" starts from the
// generated catalogue, and "pack=5000" adds a pack of 5,000 techniques
// in ten files (read, decoded, validated, merged). Each then builds a
// 15-minute upper-back plan.
func BenchmarkPackAndPlan(b *testing.B) {
	in := plan.Intake{Areas: []string{"upper-back"}, Pain: 3, Minutes: 15}
	files := content.WriteSizedPacks(b, b.TempDir(), "techniques", 5000)
	for _, tc := range []struct {
		name string
		load func() *content.Catalogue
	}{
		{"builtin-yaml", content.MustLoad},
		{"builtin", content.Builtin},
		{"pack=5000", func() *content.Catalogue {
			c, _ := content.Builtin().WithPacks(files)
			return c
		}},
	} {
		b.Run(tc.name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if p := plan.Build(tc.load(), in, safety.Result{}, plan.History{}); len(p.Techniques()) == 0 {
					b.Fatal("an empty plan")
				}
			}
		})
	}
}
