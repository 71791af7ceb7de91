package safety

import "github.com/unknot/unknot/internal/journal"

// Record is the result as the journal keeps it.
func (r Result) Record() journal.SafetyRecord {
	return journal.SafetyRecord{At: r.At, Outcome: r.Outcome.String(), Answers: r.Answers, Cautions: r.Cautions, Reason: r.Reason}
}

// FromRecord is a result read back from the journal.
func FromRecord(rec journal.SafetyRecord) Result {
	r := Result{At: rec.At, Answers: rec.Answers, Cautions: rec.Cautions, Reason: rec.Reason}
	for o := Clear; o <= Emergency; o++ {
		if o.String() == rec.Outcome {
			r.Outcome = o
		}
	}
	return r
}
