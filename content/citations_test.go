package content

import (
	"slices"
	"strings"
	"testing"
)

// checkable reports whether a reader can look a citation up: it has a web
// address or a named publisher.
func checkable(r Reference) bool { return r.URL != "" || r.Publisher != "" }

// Every built-in technique and program cites at least one work a reader
// can look up, every source resolves to a reference, and no source or
// citation is a file name.
func TestBuiltInsCiteCheckableWorks(t *testing.T) {
	c := MustLoad()
	check := func(what string, sources []string) {
		t.Helper()
		cites := c.Citations(sources)
		if len(cites) != len(sources) {
			t.Errorf("%s: %d of its sources %v resolve", what, len(cites), sources)
		}
		if !slices.ContainsFunc(cites, checkable) {
			t.Errorf("%s cites nothing with a URL or publisher: %v", what, sources)
		}
		for _, s := range sources {
			if looksLikeFileName(s) || strings.ContainsAny(s, "/§") || strings.Contains(s, "CLINICAL") {
				t.Errorf("%s: source %q is a file name", what, s)
			}
		}
		for _, r := range cites {
			if text := r.String(); strings.Contains(text, "seeds/") || strings.Contains(text, "CLINICAL.md") || strings.Contains(text, ".txt") {
				t.Errorf("%s: citation %q names a file", what, text)
			}
		}
	}
	for _, tq := range c.Techniques {
		check("technique "+tq.ID, tq.Sources)
	}
	for _, p := range c.Programs {
		check("program "+p.ID, p.Sources)
	}
	check("guidance", c.Guidance.Sources)
}

// Every built-in reference is cited somewhere and reads as a citation.
func TestEveryReferenceIsCited(t *testing.T) {
	c := MustLoad()
	cited := map[string]bool{}
	for _, tq := range c.Techniques {
		for _, s := range tq.Sources {
			cited[s] = true
		}
	}
	for _, p := range c.Programs {
		for _, s := range p.Sources {
			cited[s] = true
		}
	}
	for _, s := range c.Guidance.Sources {
		cited[s] = true
	}
	for _, r := range c.References {
		if !cited[r.ID] {
			t.Errorf("reference %s is never cited", r.ID)
		}
		if r.Text() == "" {
			t.Errorf("reference %s has no text", r.ID)
		}
	}
}

// The seed articles and the video did not describe these seven techniques,
// so they cite what does support them (stretching guidance, exercise and
// stop-rule pages) and none of the seeds.
func TestTechniquesTheSeedsDoNotDescribeDoNotCiteThem(t *testing.T) {
	c := MustLoad()
	seeds := []string{"tennis-ball-video", "self-massage-upper-back", "decompress-upper-back", "yoga-mid-back", "thoracic-foam-rolling"}
	for _, id := range seeds {
		if _, ok := c.Reference(id); !ok {
			t.Fatalf("seed reference %s is missing", id)
		}
	}
	for _, id := range []string{"chin-tucks", "knees-to-chest", "pelvic-tilts", "figure-four-stretch", "hip-flexor-stretch", "hamstring-stretch", "wrist-forearm-stretch"} {
		tq, ok := c.Technique(id)
		if !ok {
			t.Errorf("technique %s is missing", id)
			continue
		}
		for _, s := range tq.Sources {
			if slices.Contains(seeds, s) {
				t.Errorf("%s cites the seed %s, which never mentions it", id, s)
			}
		}
	}
	for _, id := range []string{"figure-four-stretch", "hip-flexor-stretch", "hamstring-stretch", "wrist-forearm-stretch", "knees-to-chest"} {
		if tq, _ := c.Technique(id); !slices.Contains(tq.Sources, "acsm-stretching-2021") {
			t.Errorf("the static stretch %s does not cite the ACSM stretching guidance", id)
		}
	}
}

func TestReferenceText(t *testing.T) {
	for _, tc := range []struct {
		r    Reference
		want string
	}{
		{Reference{Title: "Stretching and flexibility guidelines update", Publisher: "ACSM", Year: 2021, URL: "https://x.example/a"},
			`"Stretching and flexibility guidelines update", ACSM, 2021, https://x.example/a`},
		{Reference{Author: "Cheatham SW et al.", Publisher: "IJSPT 10(6):827", Year: 2015}, "Cheatham SW et al., IJSPT 10(6):827, 2015"},
		{Reference{Title: "How to Decompress Your Upper Back?", Note: "web article"}, `"How to Decompress Your Upper Back?" (web article)`},
		{Reference{Note: "Transcript of a video"}, "Transcript of a video"},
	} {
		if got := tc.r.String(); got != tc.want {
			t.Errorf("String() = %q, want %q", got, tc.want)
		}
	}
}
