package journal

import (
	"database/sql"
	"time"
)

// LoadTally returns the coach's saved tally, nil when there is none (or
// the journal is older than the table).
func (j *Journal) LoadTally() ([]byte, error) {
	var data []byte
	err := j.db.QueryRow(`SELECT data FROM tally WHERE id = 1`).Scan(&data)
	switch {
	case err == sql.ErrNoRows:
		return nil, nil
	case err != nil && isCode(err, sqliteError):
		return nil, nil // a read-only journal from before the tally table
	}
	return data, describe(err)
}

// SaveTally keeps the coach's tally of the sessions started before
// through; the journal's triggers drop it when one of them changes.
func (j *Journal) SaveTally(through time.Time, data []byte) error {
	_, err := j.db.Exec(`INSERT INTO tally (id, through, data) VALUES (1, ?, ?)
		ON CONFLICT(id) DO UPDATE SET through = excluded.through, data = excluded.data`, formatTime(through), data)
	return describe(err)
}
