package journal

import (
	"database/sql"
	"encoding/json"
	"strings"
	"time"

	"github.com/unknot/unknot/coach"
)

// SaveSafety keeps a safety screen's answers, with their date.
func (j *Journal) SaveSafety(r coach.SafetyRecord) error {
	answers, err := json.Marshal(r.Answers)
	if err != nil {
		return err
	}
	profile, err := json.Marshal(r.Profile)
	if err != nil {
		return err
	}
	_, err = j.db.Exec(`INSERT INTO safety (at, outcome, answers, cautions, reason, profile) VALUES (?, ?, ?, ?, ?, ?)`,
		formatTime(r.At), r.Outcome, string(answers), strings.Join(r.Cautions, ","), r.Reason, string(profile))
	return describe(err)
}

// LatestSafety returns the most recent safety screen, if any: by its
// time, as an import may add older ones after it.
func (j *Journal) LatestSafety() (coach.SafetyRecord, bool, error) {
	var r coach.SafetyRecord
	var at, answers, cautions, profile string
	err := j.db.QueryRow(`SELECT at, outcome, answers, cautions, reason, profile FROM safety ORDER BY at DESC, id DESC LIMIT 1`).
		Scan(&at, &r.Outcome, &answers, &cautions, &r.Reason, &profile)
	if err == sql.ErrNoRows {
		return r, false, nil
	}
	if err != nil {
		return r, false, describe(err)
	}
	r.At = parseTime(at)
	_ = json.Unmarshal([]byte(answers), &r.Answers)
	_ = json.Unmarshal([]byte(profile), &r.Profile)
	if cautions != "" {
		r.Cautions = strings.Split(cautions, ",")
	}
	return r, true, nil
}

// SaveIntake keeps the intake answers given before a session.
func (j *Journal) SaveIntake(sessionID string, at time.Time, answers any) error {
	b, err := json.Marshal(answers)
	if err != nil {
		return err
	}
	_, err = j.db.Exec(`INSERT INTO intake (session_id, at, answers) VALUES (?, ?, ?)
		ON CONFLICT(session_id) DO UPDATE SET at = excluded.at, answers = excluded.answers`,
		sessionID, formatTime(at), string(b))
	return describe(err)
}

// Intake reads back a session's intake answers into v.
func (j *Journal) Intake(sessionID string, v any) (bool, error) {
	var s string
	err := j.db.QueryRow(`SELECT answers FROM intake WHERE session_id = ?`, sessionID).Scan(&s)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, describe(err)
	}
	return true, json.Unmarshal([]byte(s), v)
}

// LastIntake reads the most recent personal intake's answers into v: a
// repeat, routine or single technique asks only pain and feelings and saves
// the rest empty, which must not wipe out the areas and equipment to offer
// again. A Duration marks a personal intake: only that intake asks it.
func (j *Journal) LastIntake(v any) (bool, error) {
	var s string
	err := j.db.QueryRow(`SELECT answers FROM intake WHERE json_extract(answers, '$.Duration') <> ''
		ORDER BY at DESC, rowid DESC LIMIT 1`).Scan(&s)
	if err == sql.ErrNoRows {
		return false, nil
	}
	if err != nil {
		return false, describe(err)
	}
	return true, json.Unmarshal([]byte(s), v)
}

// SetProgress records the next day to do in a program.
func (j *Journal) SetProgress(p coach.Progress) error {
	_, err := j.db.Exec(`INSERT INTO program_progress (program, day, days, updated) VALUES (?, ?, ?, ?)
		ON CONFLICT(program) DO UPDATE SET day = excluded.day, days = excluded.days, updated = excluded.updated`,
		p.Program, p.Day, p.Days, formatTime(p.Updated))
	return describe(err)
}

// InProgress lists programs started and not finished, most recent first.
func (j *Journal) InProgress() ([]coach.Progress, error) {
	rows, err := j.db.Query(`SELECT program, day, days, updated FROM program_progress WHERE day <= days ORDER BY updated DESC`)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []coach.Progress
	for rows.Next() {
		var p coach.Progress
		var updated string
		if err := rows.Scan(&p.Program, &p.Day, &p.Days, &updated); err != nil {
			return nil, err
		}
		p.Updated = parseTime(updated)
		out = append(out, p)
	}
	return out, describe(rows.Err())
}

// SetPreference stores a named preference (e.g. "gentler").
func (j *Journal) SetPreference(key, value string) error {
	_, err := j.db.Exec(`INSERT INTO preferences (key, value, updated) VALUES (?, ?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated = excluded.updated`,
		key, value, formatTime(j.now()))
	return describe(err)
}

// Preference reads a named preference ("" when unset).
func (j *Journal) Preference(key string) (string, error) {
	var v string
	err := j.db.QueryRow(`SELECT value FROM preferences WHERE key = ?`, key).Scan(&v)
	if err == sql.ErrNoRows {
		return "", nil
	}
	return v, describe(err)
}
