package content

import (
	"strings"
	"testing"
)

// The file is parsed once; the check for unknown fields walks what was
// parsed, and must catch what the YAML library's own check caught: at any
// depth, through aliases and merge keys, beside type errors, with each
// problem at its line.
func TestDecodeIsStrict(t *testing.T) {
	cases := []struct {
		name, yaml string
		want       []string // problems, in order; none for a good file
	}{
		{"good", goodTechnique, nil},
		{"nested unknown field", strings.Replace(goodTechnique, "max_hold_seconds: 60}", "max_hold_seconds: 60, repeats: 3}", 1),
			[]string{`pack.yaml:10: unknown field "repeats" in dosage`}},
		{"two unknown fields and a wrong type, in line order",
			strings.NewReplacer("    why:", "    colour: red\n    why:", "    summary:", "    shade: 1\n    summary:",
				"role: mobility", "role: [mobility]").Replace(goodTechnique),
			[]string{`pack.yaml:4: unknown field "shade" in technique`, `pack.yaml:7: cannot unmarshal`, `pack.yaml:14: unknown field "colour" in technique`}},
		{"unknown top-level key", "techniquez: []\n", []string{`pack.yaml:1: unknown field "techniquez" in file`}},
		{"unknown field through an alias",
			"techniques:\n  - &a {id: x, name: X, hue: 1}\n  - *a\n",
			[]string{`pack.yaml:2: unknown field "hue" in technique`, `pack.yaml:2: unknown field "hue" in technique`}},
		{"unknown field in a merged mapping",
			"defaults: &d {hue: 1}\n",
			[]string{`pack.yaml:1: unknown field "defaults" in file`}},
		{"merge key takes known fields", strings.Replace(goodTechnique, "techniques:\n  - id: test-stretch\n",
			"techniques:\n  - <<: {id: test-stretch}\n", 1), nil},
		{"merge key with an unknown field", strings.Replace(goodTechnique, "techniques:\n  - id: test-stretch\n",
			"techniques:\n  - <<: {id: test-stretch, hue: 2}\n", 1), []string{`pack.yaml:2: unknown field "hue" in technique`}},
		{"duplicate key", strings.Replace(goodTechnique, "    why:", "    cue: Again.\n    why:", 1), []string{`pack.yaml:13:`}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Decode("pack.yaml", []byte(tc.yaml))
			if len(tc.want) == 0 {
				if err != nil {
					t.Fatalf("refused: %v", err)
				}
				return
			}
			list, ok := err.(ProblemList)
			if !ok {
				t.Fatalf("error %v, want problems %q", err, tc.want)
			}
			if len(list) != len(tc.want) {
				t.Fatalf("problems %q, want %q", list.Error(), tc.want)
			}
			for i, w := range tc.want {
				if !strings.HasPrefix(list[i].String(), w) {
					t.Errorf("problem %d: %q, want %q", i, list[i].String(), w)
				}
			}
		})
	}
}
