package content

import "fmt"

// Tier is how serious a "yes" to a safety question is (CLINICAL.md §1).
type Tier string

const (
	// TierEmergency (A): call the emergency number now; no session.
	TierEmergency Tier = "emergency"
	// TierClinician (B): see a clinician before self-treating; browsing only.
	TierClinician Tier = "clinician"
	// TierCaution (C): go ahead gently; the plan adapts.
	TierCaution Tier = "caution"
)

// Tiers in the order they are asked.
var Tiers = []Tier{TierEmergency, TierClinician, TierCaution}

// Question is one yes/no question of the safety screen.
type Question struct {
	ID string `yaml:"id" json:"id"`
	// Ref is the CLINICAL.md reference: A1–A9, B1–B18, C1–C10.
	Ref  string `yaml:"ref" json:"ref"`
	Tier Tier   `yaml:"tier" json:"tier"`
	// Text is the question, phrased for a layperson, answerable yes or no.
	Text string `yaml:"text" json:"text"`
	// Hint adds examples or a clarification under the question.
	Hint string `yaml:"hint,omitempty" json:"hint,omitempty"`
	// Why explains, when a "yes" stops the session, what it may point to
	// and what to do.
	Why string `yaml:"why" json:"why"`
	// Caution is the caution a "yes" records (Tier C only).
	Caution string `yaml:"caution,omitempty" json:"caution,omitempty"`
}

// Safety is the safety screen's content.
type Safety struct {
	Intro string `yaml:"intro" json:"intro"`
	// Emergency is what to do now after a Tier A "yes" (names 999/112/911).
	Emergency []string `yaml:"emergency" json:"emergency"`
	// Clinician explains the "see a clinician first" outcome.
	Clinician []string   `yaml:"clinician" json:"clinician"`
	Questions []Question `yaml:"questions" json:"questions"`
}

// expectedRefs are the CLINICAL.md §1 questions the screen must ask.
func expectedRefs() map[string]Tier {
	refs := map[string]Tier{}
	for i := 1; i <= 9; i++ {
		refs[fmt.Sprintf("A%d", i)] = TierEmergency
	}
	for i := 1; i <= 18; i++ {
		refs[fmt.Sprintf("B%d", i)] = TierClinician
	}
	for i := 1; i <= 10; i++ {
		refs[fmt.Sprintf("C%d", i)] = TierCaution
	}
	return refs
}

// QuestionsIn returns the safety questions of one tier, in order.
func (c *Catalogue) QuestionsIn(t Tier) []Question {
	var out []Question
	for _, q := range c.Safety.Questions {
		if q.Tier == t {
			out = append(out, q)
		}
	}
	return out
}

func (v *validator) safety() {
	s := v.c.Safety
	if v.c.safetyFiles == 0 {
		return // user packs carry no safety screen
	}
	const o = "safety"
	v.required(o, "safety intro", s.Intro)
	if len(s.Emergency) == 0 {
		v.add(o, "safety has no emergency advice")
	}
	if len(s.Clinician) == 0 {
		v.add(o, "safety has no clinician advice")
	}
	want := expectedRefs()
	seenRef := map[string]bool{}
	seenID := map[string]string{}
	asked := map[string]bool{}
	lastTier := 0
	for _, q := range s.Questions {
		label := "safety question " + q.ID
		v.checkID(o, "safety question", q.ID, seenID)
		v.required(o, label+" text", q.Text)
		v.required(o, label+" why", q.Why)
		tier, ok := want[q.Ref]
		switch {
		case !ok:
			v.add(o, "%s: unknown ref %q (A1–A9, B1–B18, C1–C10)", label, q.Ref)
		case seenRef[q.Ref]:
			v.add(o, "%s: ref %s is asked twice", label, q.Ref)
		case tier != q.Tier:
			v.add(o, "%s: ref %s belongs to tier %s, not %q", label, q.Ref, tier, q.Tier)
		}
		seenRef[q.Ref] = true
		for i, t := range Tiers {
			if t == q.Tier {
				if i < lastTier {
					v.add(o, "%s: tier %s comes after a later tier; ask emergency, then clinician, then caution", label, q.Tier)
				}
				lastTier = i
			}
		}
		switch {
		case q.Tier == TierCaution && q.Caution == "":
			v.add(o, "%s: a caution question must name its caution", label)
		case q.Tier != TierCaution && q.Caution != "":
			v.add(o, "%s: only caution questions record a caution", label)
		case q.Caution != "":
			if _, ok := v.c.Caution(q.Caution); !ok {
				v.add(o, "%s: unknown caution %q%s", label, q.Caution, v.suggest("caution", q.Caution))
			}
			asked[q.Caution] = true
		}
	}
	for ref := range want {
		if !seenRef[ref] {
			v.add(o, "safety screen does not ask %s", ref)
		}
	}
	for _, k := range v.c.Cautions {
		if !asked[k.ID] {
			v.add(o, "no safety question records caution %s", k.ID)
		}
	}
}
