package plan

// WithoutHurt is the selection p without the techniques marked "this
// hurts" the last time they were done: a routine or a repeat of a session
// the person picked as a whole, not technique by technique, so "left out
// next time" holds for it too. They are listed with the reason, and stay
// in the pool to swap back in. A single technique picked by name is the
// person choosing it again, so callers keep it (see HurtReason).
func WithoutHurt(p Plan, hist History) Plan {
	if len(hist.Hurt) == 0 {
		return p
	}
	kept := p.Items[:0:0]
	for _, it := range p.Items {
		if hist.Hurt[it.Technique.ID] {
			p.Left = append(p.Left, Exclusion{ID: it.Technique.ID, Name: it.Technique.Name, Reason: HurtReason, Kind: WhyHurt})
			p.Pool = append(p.Pool, it)
			continue
		}
		kept = append(kept, it)
	}
	p.Items = kept
	return p
}
