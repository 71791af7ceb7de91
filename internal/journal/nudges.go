package journal

import (
	"iter"
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

// hasNudges reports whether the journal has the nudges table: one read as
// it is (read-only, not migrated) from before nudges has not.
func (j *Journal) hasNudges() (bool, error) {
	var v int
	if err := j.db.QueryRow(`PRAGMA user_version`).Scan(&v); err != nil {
		return false, describe(err)
	}
	return v >= nudgesVersion, nil
}

// Nudges lists the nudges answered at or after since (all when zero),
// oldest first. A journal read as it is from before nudges has none.
func (j *Journal) Nudges(since time.Time) ([]coach.Nudge, error) {
	var out []coach.Nudge
	for n, err := range j.AllNudges(since) {
		if err != nil {
			return nil, err
		}
		out = append(out, n)
	}
	return out, nil
}

// AllNudges yields the nudges answered at or after since (all when
// zero), oldest first, reading them a chunk at a time as AllSessions does.
func (j *Journal) AllNudges(since time.Time) iter.Seq2[coach.Nudge, error] {
	return func(yield func(coach.Nudge, error) bool) {
		if ok, err := j.hasNudges(); err != nil || !ok {
			if err != nil {
				yield(coach.Nudge{}, err)
			}
			return
		}
		inChunks(nudgeKey{at: formatTime(since), id: -1}, j.nudgesAfter)(yield)
	}
}

// nudgeKey is where a nudge stands in the order AllNudges reads: its
// answer's time as stored, then its row.
type nudgeKey struct {
	at string
	id int64
}

// nudgesAfter reads a chunk of the nudges after key, and the last one's key.
func (j *Journal) nudgesAfter(key nudgeKey) ([]coach.Nudge, nudgeKey, error) {
	// "at >= ?" first: a range of the nudges_at index, which the OR alone
	// might not use.
	rows, err := j.db.Query(`SELECT id, due, at, answer, session_id FROM nudges WHERE at >= ? AND (at > ? OR id > ?)
		ORDER BY at, id LIMIT ?`, key.at, key.at, key.id, exportChunk)
	if err != nil {
		return nil, key, describe(err)
	}
	defer rows.Close()
	var out []coach.Nudge
	for rows.Next() {
		var n coach.Nudge
		var due string
		if err := rows.Scan(&key.id, &due, &key.at, &n.Answer, &n.SessionID); err != nil {
			return nil, key, describe(err)
		}
		n.Due, n.At = parseTime(due), parseTime(key.at)
		out = append(out, n)
	}
	return out, key, describe(rows.Err())
}
