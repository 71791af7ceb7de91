package content

import (
	"fmt"
	"slices"
	"strings"
)

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
	// Ref is the CLINICAL.md reference: A1–A9, B1–B19, C1–C10.
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
	// Group is where a Tier A or B question is asked (Safety.Groups).
	Group string `yaml:"group,omitempty" json:"group,omitempty"`
	// Assessable: after a yes, the person may say a doctor or physio has
	// assessed it and said gentle self-care is fine (kept for 3 months).
	Assessable bool `yaml:"assessable,omitempty" json:"assessable,omitempty"`
	// Advisory: a yes gives the advice (Why) and does not stop the session.
	Advisory bool `yaml:"advisory,omitempty" json:"advisory,omitempty"`
	// Ages are the age bands the question is asked in (all when empty).
	Ages []string `yaml:"ages,omitempty" json:"ages,omitempty"`
	// TickedFromAge ticks this caution for that age band and older.
	TickedFromAge string `yaml:"ticked_from_age,omitempty" json:"ticked_from_age,omitempty"`
}

// Age bands, youngest first: what the safety check asks once, to leave out
// questions that cannot apply and to answer the 65-and-over caution.
var AgeBands = []string{"under-20", "20-50", "51-64", "65-plus"}

// AgeBandLabel is how an age band is offered.
func AgeBandLabel(band string) string {
	switch band {
	case "under-20":
		return "Under 20"
	case "20-50":
		return "20 to 50"
	case "51-64":
		return "51 to 64"
	case "65-plus":
		return "65 or older"
	}
	return band
}

// Group is a set of safety questions asked together.
type Group struct {
	ID    string `yaml:"id" json:"id"`
	Title string `yaml:"title" json:"title"`
	Hint  string `yaml:"hint,omitempty" json:"hint,omitempty"`
	// Why explains a yes to the group as a whole (the urgent checklist,
	// whose items are not asked one by one).
	Why string `yaml:"why,omitempty" json:"why,omitempty"`
}

// The groups the safety check is built from.
const (
	GroupChest  = "chest"  // A1 alone, every session
	GroupUrgent = "urgent" // the other Tier A questions, every session
)

// Safety is the safety screen's content.
type Safety struct {
	Intro string `yaml:"intro" json:"intro"`
	// Emergency is what to do now after a Tier A "yes" (names 999/112/911).
	Emergency []string `yaml:"emergency" json:"emergency"`
	// Clinician explains the "see a clinician first" outcome.
	Clinician []string   `yaml:"clinician" json:"clinician"`
	Groups    []Group    `yaml:"groups" json:"groups"`
	Questions []Question `yaml:"questions" json:"questions"`
}

// InGroup returns the questions of a group, in order.
func (s Safety) InGroup(id string) []Question {
	var out []Question
	for _, q := range s.Questions {
		if q.Group == id {
			out = append(out, q)
		}
	}
	return out
}

// Question returns the safety question with the given ID.
func (s Safety) Question(id string) (Question, bool) {
	for _, q := range s.Questions {
		if q.ID == id {
			return q, true
		}
	}
	return Question{}, false
}

// QuestionByRef returns the safety question with the given CLINICAL.md
// reference (A1–A9, B1–B19, C1–C10).
func (s Safety) QuestionByRef(ref string) (Question, bool) {
	for _, q := range s.Questions {
		if q.Ref == ref {
			return q, true
		}
	}
	return Question{}, false
}

// AskedAt reports whether q is asked of someone in the age band (every
// question is asked when the band is unknown).
func (q Question) AskedAt(band string) bool {
	return band == "" || len(q.Ages) == 0 || slices.Contains(q.Ages, band)
}

// AgeAtLeast reports whether band is from (an age band) or older.
func AgeAtLeast(band, from string) bool {
	b, f := slices.Index(AgeBands, band), slices.Index(AgeBands, from)
	return b >= 0 && f >= 0 && b >= f
}

// expectedRefs are the CLINICAL.md §1 questions the screen must ask, and
// B19: new dizziness on moving the neck is checked first (the clinical
// review, newer than CLINICAL.md), C9 being the caution for a known one.
func expectedRefs() map[string]Tier {
	refs := map[string]Tier{}
	for i := 1; i <= 9; i++ {
		refs[fmt.Sprintf("A%d", i)] = TierEmergency
	}
	for i := 1; i <= 19; i++ {
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
			v.add(o, "%s: unknown ref %q (A1–A9, B1–B19, C1–C10)", label, q.Ref)
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
	v.safetyGroups()
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

// safetyGroups checks that every red-flag question is asked in a group of
// its tier, and that the age and assessment settings make sense.
func (v *validator) safetyGroups() {
	s := v.c.Safety
	const o = "safety"
	groups := map[string]bool{}
	for _, g := range s.Groups {
		if g.ID == "" || g.Title == "" {
			v.add(o, "a safety group needs an id and a title")
		}
		groups[g.ID] = true
	}
	for _, id := range []string{GroupChest, GroupUrgent} {
		if !groups[id] {
			v.add(o, "safety has no %q group", id)
		}
	}
	used := map[string]int{}
	for _, q := range s.Questions {
		label := "safety question " + q.ID
		switch {
		case q.Tier == TierCaution && q.Group != "":
			v.add(o, "%s: cautions are asked as one list, not in a group", label)
		case q.Tier != TierCaution && !groups[q.Group]:
			v.add(o, "%s: unknown or missing group %q", label, q.Group)
		case q.Tier == TierEmergency && q.Group != GroupChest && q.Group != GroupUrgent:
			v.add(o, "%s: urgent questions are asked every session, in the %q or %q group", label, GroupChest, GroupUrgent)
		case q.Tier == TierClinician && (q.Group == GroupChest || q.Group == GroupUrgent):
			v.add(o, "%s: only urgent questions go in the %q group", label, q.Group)
		}
		used[q.Group]++
		if (q.Assessable || q.Advisory) && q.Tier != TierClinician {
			v.add(o, "%s: only \"get checked first\" questions can be assessable or advisory", label)
		}
		for _, a := range q.Ages {
			if !slices.Contains(AgeBands, a) {
				v.add(o, "%s: unknown age band %q (%s)", label, a, strings.Join(AgeBands, ", "))
			}
		}
		if q.TickedFromAge != "" && (q.Tier != TierCaution || !slices.Contains(AgeBands, q.TickedFromAge)) {
			v.add(o, "%s: ticked_from_age needs a caution question and an age band", label)
		}
	}
	if used[GroupChest] != 1 {
		v.add(o, "the %q group must hold exactly one question, asked on its own", GroupChest)
	}
	for _, g := range s.Groups {
		if used[g.ID] == 0 {
			v.add(o, "safety group %s has no questions", g.ID)
		}
	}
}
