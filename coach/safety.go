package coach

import "github.com/unknot/unknot/safety"

// SafetyRecordOf is a safety result as the journal keeps it.
func SafetyRecordOf(r safety.Result) SafetyRecord {
	return SafetyRecord{At: r.At, Outcome: r.Outcome.String(), Answers: r.Answers, Cautions: r.Cautions, Reason: r.Reason,
		Profile: SafetyProfile{Age: r.Age, Checked: r.Checked, Assessed: r.Assessed, Advice: r.Advice}}
}

// SafetyResultOf is a safety result read back from the journal.
func SafetyResultOf(rec SafetyRecord) safety.Result {
	r := safety.Result{At: rec.At, Answers: rec.Answers, Cautions: rec.Cautions, Reason: rec.Reason,
		Age: rec.Profile.Age, Checked: rec.Profile.Checked, Assessed: rec.Profile.Assessed, Advice: rec.Profile.Advice}
	for o := safety.Clear; o <= safety.Emergency; o++ {
		if o.String() == rec.Outcome {
			r.Outcome = o
		}
	}
	return r
}

// LatestSafety is the most recent safety result the store holds (the zero
// result, never current, when there is none or it cannot be read).
func LatestSafety(s Store) safety.Result {
	if s == nil {
		return safety.Result{}
	}
	rec, ok, err := s.LatestSafety()
	if err != nil || !ok {
		return safety.Result{}
	}
	return SafetyResultOf(rec)
}
