package journal

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	"github.com/unknot/unknot/coach"
)

// Merged is what an import did.
type Merged struct {
	Added, Updated, Unchanged int // sessions
	Steps                     int // steps added or replaced by newer ones
	Intakes                   int // intake answers added or replaced by newer ones
	Safety, Progress, Prefs   int // records added or replaced by newer ones
	Nudges                    int // breaks added
	// Conflicts say, one a line, which side was kept where a session
	// differed: the newer.
	Conflicts []string
}

// Changed reports whether the import wrote anything.
func (m Merged) Changed() bool {
	return m.Added+m.Updated+m.Steps+m.Intakes+m.Safety+m.Progress+m.Prefs+m.Nudges > 0
}

// Import merges a dump (ReadJSONL's, checked) into the journal in one
// transaction: all of it or, on any error, none of it. Sessions are
// matched by ID: a new one is added; one that is the same is left; where
// the two differ the newer is kept (the later end, then the later step)
// and a line says so. Steps are merged by index, so two copies of one
// session keep the steps either has. Safety checks are added unless the
// same one is there, and so are nudges (the breaks offered); progress and
// preferences keep the newer. A session still running where the file was
// made is imported as interrupted.
func (j *Journal) Import(d Dump) (Merged, error) {
	var m Merged
	ctx := context.Background()
	tx, err := j.db.BeginTx(ctx, nil)
	if err != nil {
		return m, describe(err)
	}
	defer tx.Rollback()
	intake := map[string]intakeLine{}
	for _, l := range d.Intakes {
		intake[l.SessionID] = l
	}
	for _, s := range d.Sessions {
		if err := j.mergeSession(ctx, tx, normalise(s), &m); err != nil {
			return Merged{}, describe(err)
		}
		if in, ok := intake[s.ID]; ok {
			n, err := mergeIntake(ctx, tx, in)
			if err != nil {
				return Merged{}, describe(err)
			}
			m.Intakes += n
		}
	}
	for _, l := range d.Nudges {
		n, err := mergeNudge(ctx, tx, l)
		if err != nil {
			return Merged{}, describe(err)
		}
		m.Nudges += n
	}
	for _, l := range d.Safety {
		n, err := mergeSafety(ctx, tx, l)
		if err != nil {
			return Merged{}, describe(err)
		}
		m.Safety += n
	}
	for _, l := range d.Progress {
		res, err := tx.ExecContext(ctx, `INSERT INTO program_progress (program, day, days, updated) VALUES (?, ?, ?, ?)
			ON CONFLICT(program) DO UPDATE SET day = excluded.day, days = excluded.days, updated = excluded.updated
			WHERE excluded.updated > program_progress.updated`, l.Program, l.Day, l.Days, formatTime(l.Updated))
		if err != nil {
			return Merged{}, describe(err)
		}
		m.Progress += affected(res)
	}
	for _, l := range d.Preferences {
		res, err := tx.ExecContext(ctx, `INSERT INTO preferences (key, value, updated) VALUES (?, ?, ?)
			ON CONFLICT(key) DO UPDATE SET value = excluded.value, updated = excluded.updated
			WHERE excluded.updated > preferences.updated`, l.Key, l.Value, formatTime(l.Updated))
		if err != nil {
			return Merged{}, describe(err)
		}
		m.Prefs += affected(res)
	}
	if err := tx.Commit(); err != nil {
		return Merged{}, describe(err)
	}
	return m, nil
}

func affected(res sql.Result) int {
	n, _ := res.RowsAffected()
	return int(n)
}

// normalise puts a file's session in the journal's terms: times in UTC,
// and not running here.
func normalise(s coach.Session) coach.Session {
	s.Started = s.Started.UTC()
	if s.Ended != nil {
		t := s.Ended.UTC()
		s.Ended = &t
	}
	if s.Status == coach.StatusRunning {
		s.Status = coach.StatusInterrupted
	}
	return s
}

// latest is when a copy of a session last changed: its end, or its last
// step's, or its start.
func latest(s coach.Session) time.Time {
	t := s.Started
	if s.Ended != nil && s.Ended.After(t) {
		t = *s.Ended
	}
	for _, st := range s.Steps {
		if st.Ended.After(t) {
			t = st.Ended
		}
	}
	return t
}

// sameRow reports whether two copies of a session agree, steps aside.
func sameRow(a, b coach.Session) bool {
	ja, _ := json.Marshal(sessionLineOf(a))
	jb, _ := json.Marshal(sessionLineOf(b))
	return bytes.Equal(ja, jb)
}

func (j *Journal) mergeSession(ctx context.Context, tx *sql.Tx, s coach.Session, m *Merged) error {
	row := tx.QueryRowContext(ctx, `SELECT id, started, ended, status, title, program, day, plan, pain_before, pain_after, note, pid
		FROM sessions WHERE id = ?`, s.ID)
	have, err := j.scanSession(row)
	if err == sql.ErrNoRows {
		m.Added++
		if err := insertSession(ctx, tx, s); err != nil {
			return err
		}
		return mergeSteps(ctx, tx, s, m)
	}
	if err != nil {
		return err
	}
	if have.Steps, err = stepsIn(ctx, tx, s.ID); err != nil {
		return err
	}
	fileNewer := latest(s).After(latest(have))
	switch {
	case sameRow(have, s):
	case have.Status == coach.StatusRunning:
		m.Conflicts = append(m.Conflicts, fmt.Sprintf("session %s is running here: kept this journal's copy", s.ID))
	case fileNewer:
		m.Conflicts = append(m.Conflicts, fmt.Sprintf("session %s differs: kept the file's copy, the newer (%s)", s.ID, latest(s).Local().Format("2006-01-02 15:04")))
		if err := updateSession(ctx, tx, s); err != nil {
			return err
		}
	default:
		m.Conflicts = append(m.Conflicts, fmt.Sprintf("session %s differs: kept this journal's copy, the newer (%s)", s.ID, latest(have).Local().Format("2006-01-02 15:04")))
	}
	before := m.Steps
	if err := mergeSteps(ctx, tx, s, m); err != nil {
		return err
	}
	if sameRow(have, s) && m.Steps == before {
		m.Unchanged++
	} else {
		m.Updated++
	}
	return nil
}

func insertSession(ctx context.Context, tx *sql.Tx, s coach.Session) error {
	plan, err := json.Marshal(s.Plan)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO sessions (id, started, ended, status, title, program, day, plan, pain_before, pain_after, note, pid)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
		s.ID, formatTime(s.Started), endedText(s), s.Status, s.Title, s.Program, s.Day, string(plan), nullInt(s.PainBefore), nullInt(s.PainAfter), s.Note)
	return err
}

func updateSession(ctx context.Context, tx *sql.Tx, s coach.Session) error {
	plan, err := json.Marshal(s.Plan)
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, `UPDATE sessions SET started = ?, ended = ?, status = ?, title = ?, program = ?, day = ?, plan = ?,
		pain_before = ?, pain_after = ?, note = ? WHERE id = ?`,
		formatTime(s.Started), endedText(s), s.Status, s.Title, s.Program, s.Day, string(plan), nullInt(s.PainBefore), nullInt(s.PainAfter), s.Note, s.ID)
	return err
}

func endedText(s coach.Session) string {
	if s.Ended == nil {
		return ""
	}
	return formatTime(*s.Ended)
}

func stepsIn(ctx context.Context, tx *sql.Tx, id string) ([]coach.Step, error) {
	rows, err := tx.QueryContext(ctx, `SELECT session_id, idx, technique, side, rep, outcome, planned_seconds, actual_seconds, ended
		FROM steps WHERE session_id = ? ORDER BY idx`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []coach.Step
	var sid string
	for rows.Next() {
		st, err := scanStep(rows, &sid)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, rows.Err()
}

// mergeSteps adds the file's steps the journal lacks, and replaces one
// the file has as ending later.
func mergeSteps(ctx context.Context, tx *sql.Tx, s coach.Session, m *Merged) error {
	for _, st := range s.Steps {
		ended := formatTime(st.Ended.UTC())
		res, err := tx.ExecContext(ctx, `INSERT INTO steps (session_id, idx, technique, side, rep, outcome, planned_seconds, actual_seconds, ended, seq)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)
			ON CONFLICT(session_id, idx) DO UPDATE SET
				technique = excluded.technique, side = excluded.side, rep = excluded.rep, outcome = excluded.outcome,
				planned_seconds = excluded.planned_seconds, actual_seconds = excluded.actual_seconds, ended = excluded.ended
			WHERE excluded.ended > steps.ended`,
			s.ID, st.Index, st.Technique, st.Side, st.Rep, st.Outcome, st.PlannedSeconds, st.ActualSeconds, ended)
		if err != nil {
			return err
		}
		m.Steps += affected(res)
	}
	return nil
}

// mergeIntake keeps the newer intake of a session.
func mergeIntake(ctx context.Context, tx *sql.Tx, l intakeLine) (int, error) {
	var compact bytes.Buffer
	if err := json.Compact(&compact, l.Answers); err != nil {
		return 0, err
	}
	res, err := tx.ExecContext(ctx, `INSERT INTO intake (session_id, at, answers) VALUES (?, ?, ?)
		ON CONFLICT(session_id) DO UPDATE SET at = excluded.at, answers = excluded.answers WHERE excluded.at > intake.at`,
		l.SessionID, formatTime(l.At.UTC()), compact.String())
	if err != nil {
		return 0, err
	}
	return affected(res), nil
}

// mergeSafety adds a safety check unless the journal has the same one.
func mergeSafety(ctx context.Context, tx *sql.Tx, l safetyLine) (int, error) {
	answers, err := json.Marshal(l.Answers)
	if err != nil {
		return 0, err
	}
	profile, err := json.Marshal(l.Profile)
	if err != nil {
		return 0, err
	}
	at, cautions := formatTime(l.At.UTC()), strings.Join(l.Cautions, ",")
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM safety WHERE at = ? AND outcome = ? AND answers = ? AND cautions = ? AND reason = ? AND profile = ?`,
		at, l.Outcome, string(answers), cautions, l.Reason, string(profile)).Scan(&n); err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, nil
	}
	_, err = tx.ExecContext(ctx, `INSERT INTO safety (at, outcome, answers, cautions, reason, profile) VALUES (?, ?, ?, ?, ?, ?)`,
		at, l.Outcome, string(answers), cautions, l.Reason, string(profile))
	return 1, err
}

// mergeNudge adds a nudge unless the journal has the same one: the same
// due, at and answer (times to the nanosecond, as stored). Its session_id
// comes as the file has it: a session keeps its ID on every machine, so a
// break taken still names the session it started. No unique index is
// needed: the import's transaction holds the write lock from its start
// (_txlock=immediate), so nothing adds a nudge between the look and the
// insert, and the nudges_at index makes the look cheap.
func mergeNudge(ctx context.Context, tx *sql.Tx, l nudgeLine) (int, error) {
	due, at := formatTime(l.Due), formatTime(l.At)
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT COUNT(*) FROM nudges WHERE at = ? AND due = ? AND answer = ?`, at, due, l.Answer).Scan(&n); err != nil {
		return 0, err
	}
	if n > 0 {
		return 0, nil
	}
	_, err := tx.ExecContext(ctx, `INSERT INTO nudges (due, at, answer, session_id) VALUES (?, ?, ?, ?)`, due, at, l.Answer, l.SessionID)
	return 1, err
}
