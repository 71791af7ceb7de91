package journal

import (
	"time"

	"github.com/unknot/unknot/coach"
)

// nudgesVersion is the schema version that added the nudges table.
const nudgesVersion = 5

// SaveNudge keeps a nudge's answer.
func (j *Journal) SaveNudge(n coach.Nudge) error {
	_, err := j.db.Exec(`INSERT INTO nudges (due, at, answer, session_id) VALUES (?, ?, ?, ?)`,
		formatTime(n.Due), formatTime(n.At), n.Answer, n.SessionID)
	return describe(err)
}

// Nudges lists the nudges answered at or after since (all when zero),
// oldest first. A journal read as it is from before nudges has none.
func (j *Journal) Nudges(since time.Time) ([]coach.Nudge, error) {
	var v int
	if err := j.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return nil, describe(err)
	}
	if v < nudgesVersion {
		return nil, nil
	}
	rows, err := j.db.Query(`SELECT due, at, answer, session_id FROM nudges WHERE at >= ? ORDER BY at, id`, formatTime(since))
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []coach.Nudge
	for rows.Next() {
		var n coach.Nudge
		var due, at string
		if err := rows.Scan(&due, &at, &n.Answer, &n.SessionID); err != nil {
			return nil, describe(err)
		}
		n.Due, n.At = parseTime(due), parseTime(at)
		out = append(out, n)
	}
	return out, describe(rows.Err())
}
