package coach

import "github.com/unknot/unknot/content"

// GuideSection is one part of the guidance: a heading and its lines.
type GuideSection struct {
	Title string
	Lines []string
}

// Guide is all the advice that is not a technique, in reading order: the
// full disclaimer, preparing, principles, posture, how often, general
// precautions, when to stop, when to see a professional, and the sources.
// Both front ends draw it: Home → Guidance, and `unknot guide`.
func Guide(c *content.Catalogue) []GuideSection {
	g := c.Guidance
	tips := func(ts []content.Tip) []string {
		out := make([]string, len(ts))
		for i, t := range ts {
			out[i] = t.Title + ": " + t.Text
		}
		return out
	}
	sections := []GuideSection{
		{"Please read", []string{g.DisclaimerFull}},
		{"Before you start", tips(g.Preparation)},
		{"Principles", tips(g.Principles)},
		{"Posture at the desk", tips(g.Posture)},
		{"How often", g.BestPractices},
		{"Take care", g.GeneralPrecautions},
		{"When to stop", g.StopRules},
		{"See a doctor or physiotherapist if", g.SeeAProfessional},
		{"Where the advice comes from", citations(c, g.Sources)},
	}
	out := sections[:0]
	for _, s := range sections {
		if len(s.Lines) > 0 && s.Lines[0] != "" {
			out = append(out, s)
		}
	}
	return out
}

// citations are the sources as citations, each with its web address on
// a line of its own.
func citations(c *content.Catalogue, sources []string) []string {
	refs := c.Citations(sources)
	out := make([]string, len(refs))
	for i, r := range refs {
		out[i] = CitationLines(r)
	}
	return out
}

// CitationLines is a citation for reading on screen: the work, then its
// web address (which has no spaces to wrap at) on the next line.
func CitationLines(r content.Reference) string {
	if r.URL == "" {
		return r.Text()
	}
	return r.Text() + "\n" + r.URL
}
