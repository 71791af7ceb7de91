package journal

import (
	"context"
	"database/sql"
	"encoding/json"
	"iter"
	"time"

	"github.com/unknot/unknot/coach"
)

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// StartSession writes the session row at the start, status running.
func (j *Journal) StartSession(s coach.Session) error {
	plan, err := json.Marshal(s.Plan)
	if err != nil {
		return err
	}
	_, err = j.db.Exec(`INSERT INTO sessions (id, started, status, title, program, day, plan, pain_before, pid)
		VALUES (?, ?, 'running', ?, ?, ?, ?, ?, ?)
		ON CONFLICT(id) DO NOTHING`,
		s.ID, formatTime(s.Started), s.Title, s.Program, s.Day, string(plan), nullInt(s.PainBefore), j.pid)
	return describe(err)
}

// RecordStep writes one step's outcome when it ends. seq orders writes
// that may arrive out of order: an older write never replaces a newer one.
func (j *Journal) RecordStep(sessionID string, st coach.Step, seq int) error {
	_, err := j.db.Exec(`INSERT INTO steps (session_id, idx, technique, side, rep, outcome, planned_seconds, actual_seconds, ended, seq)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
		ON CONFLICT(session_id, idx) DO UPDATE SET
			technique = excluded.technique, side = excluded.side, rep = excluded.rep, outcome = excluded.outcome,
			planned_seconds = excluded.planned_seconds, actual_seconds = excluded.actual_seconds,
			ended = excluded.ended, seq = excluded.seq
		WHERE excluded.seq > steps.seq`,
		sessionID, st.Index, st.Technique, st.Side, st.Rep, st.Outcome, st.PlannedSeconds, st.ActualSeconds, formatTime(st.Ended), seq)
	return describe(err)
}

// FinishSession records how the session ended.
func (j *Journal) FinishSession(id, status string, ended time.Time) error {
	_, err := j.db.Exec(`UPDATE sessions SET status = ?, ended = ? WHERE id = ?`, status, formatTime(ended), id)
	return describe(err)
}

// SetPainAfter records the pain score and note given on the finish screen.
func (j *Journal) SetPainAfter(id string, pain int, note string) error {
	res, err := j.db.Exec(`UPDATE sessions SET pain_after = ?, note = ? WHERE id = ?`, pain, note, id)
	if err != nil {
		return describe(err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return ErrNotFound
	}
	return nil
}

// Sessions lists sessions started at or after since (all when zero),
// oldest first, each with its steps: two queries, whatever the number of
// sessions.
func (j *Journal) Sessions(since time.Time) ([]coach.Session, error) {
	return j.SessionsBetween(since, time.Time{})
}

// SessionsBetween lists the sessions started at or after from and before
// to (either unbounded when zero), oldest first, with their steps.
func (j *Journal) SessionsBetween(from, to time.Time) ([]coach.Session, error) {
	where, args := `started >= ?`, []any{formatTime(from)}
	if !to.IsZero() {
		where, args = where+` AND started < ?`, append(args, formatTime(to))
	}
	return j.sessionsWhere(`WHERE `+where+` ORDER BY started, id`, args...)
}

// SessionPage lists up to n sessions started before before (any when
// zero), newest first, with their steps.
func (j *Journal) SessionPage(before time.Time, n int) ([]coach.Session, error) {
	where, args := ``, []any{}
	if !before.IsZero() {
		where, args = `WHERE started < ?`, append(args, formatTime(before))
	}
	return j.sessionsWhere(where+` ORDER BY started DESC, id DESC LIMIT ?`, append(args, n)...)
}

// sessionsWhere reads the sessions that choose (a WHERE, ORDER BY and
// LIMIT clause) picks, in its order, and their steps: two queries.
func (j *Journal) sessionsWhere(choose string, args ...any) ([]coach.Session, error) {
	rows, err := j.db.Query(`SELECT id, started, ended, status, title, program, day, plan, pain_before, pain_after, note, pid
		FROM sessions `+choose, args...)
	if err != nil {
		return nil, describe(err)
	}
	var out []coach.Session
	at := map[string]int{}
	for rows.Next() {
		s, err := j.scanSession(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		at[s.ID] = len(out)
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, describe(err)
	}
	if len(out) == 0 {
		return out, nil
	}
	// Every step of those sessions, in the primary key's order (session,
	// then index): no sort, and one pass.
	steps, err := j.db.Query(`SELECT session_id, idx, technique, side, rep, outcome, planned_seconds, actual_seconds, ended
		FROM steps WHERE session_id IN (SELECT id FROM sessions `+choose+`) ORDER BY session_id, idx`, args...)
	if err != nil {
		return nil, describe(err)
	}
	defer steps.Close()
	var id string
	for steps.Next() {
		st, err := scanStep(steps, &id)
		if err != nil {
			return nil, err
		}
		if i, ok := at[id]; ok {
			out[i].Steps = append(out[i].Steps, st)
		}
	}
	return out, describe(steps.Err())
}

// Session returns one session with its steps.
func (j *Journal) Session(id string) (coach.Session, error) {
	row := j.db.QueryRow(`SELECT id, started, ended, status, title, program, day, plan, pain_before, pain_after, note, pid
		FROM sessions WHERE id = ?`, id)
	s, err := j.scanSession(row)
	if err == sql.ErrNoRows {
		return coach.Session{}, ErrNotFound
	}
	if err != nil {
		return coach.Session{}, err
	}
	s.Steps, err = j.steps(id)
	return s, err
}

// Last returns the most recent session, if any.
func (j *Journal) Last() (coach.Session, bool, error) {
	var id string
	err := j.db.QueryRow(`SELECT id FROM sessions ORDER BY started DESC, id DESC LIMIT 1`).Scan(&id)
	if err == sql.ErrNoRows {
		return coach.Session{}, false, nil
	}
	if err != nil {
		return coach.Session{}, false, describe(err)
	}
	s, err := j.Session(id)
	return s, err == nil, err
}

type scanner interface{ Scan(...any) error }

// scanSession reads one session row. A session still "running" whose
// process is gone reads as interrupted, as Open marks it, so a read-only
// journal shows it the same way.
func (j *Journal) scanSession(r scanner) (coach.Session, error) {
	var s coach.Session
	var started, ended, plan string
	var before, after sql.NullInt64
	var pid int
	if err := r.Scan(&s.ID, &started, &ended, &s.Status, &s.Title, &s.Program, &s.Day, &plan, &before, &after, &s.Note, &pid); err != nil {
		return s, err
	}
	if s.Status == coach.StatusRunning && pid != j.pid && !alive(pid) {
		s.Status = coach.StatusInterrupted
	}
	s.Started = parseTime(started)
	if ended != "" {
		t := parseTime(ended)
		s.Ended = &t
	}
	if before.Valid {
		v := int(before.Int64)
		s.PainBefore = &v
	}
	if after.Valid {
		v := int(after.Int64)
		s.PainAfter = &v
	}
	_ = json.Unmarshal([]byte(plan), &s.Plan)
	if s.Plan == nil {
		s.Plan = []coach.PlanItem{}
	}
	s.Steps = []coach.Step{}
	return s, nil
}

func (j *Journal) steps(id string) ([]coach.Step, error) {
	rows, err := j.db.QueryContext(context.Background(), `SELECT session_id, idx, technique, side, rep, outcome, planned_seconds, actual_seconds, ended
		FROM steps WHERE session_id = ? ORDER BY idx`, id)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	out := []coach.Step{}
	var sid string
	for rows.Next() {
		st, err := scanStep(rows, &sid)
		if err != nil {
			return nil, err
		}
		out = append(out, st)
	}
	return out, describe(rows.Err())
}

// scanStep reads one step row (session_id first, into *sessionID).
func scanStep(r scanner, sessionID *string) (coach.Step, error) {
	var st coach.Step
	var ended string
	if err := r.Scan(sessionID, &st.Index, &st.Technique, &st.Side, &st.Rep, &st.Outcome, &st.PlannedSeconds, &st.ActualSeconds, &ended); err != nil {
		return st, err
	}
	st.Ended = parseTime(ended)
	return st, nil
}

// The journal is the coach's store.
var _ coach.Store = (*Journal)(nil)

// exportChunk is how many rows AllSessions and AllNudges read at a time.
const exportChunk = 500

// inChunks yields what read returns, a chunk at a time: read gives the
// chunk after a key and the key of its last row, and a chunk shorter than
// exportChunk is the last. An export of years holds one chunk in memory,
// not the journal.
func inChunks[T, K any](key K, read func(after K) ([]T, K, error)) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for {
			chunk, last, err := read(key)
			for _, row := range chunk {
				if !yield(row, nil) {
					return
				}
			}
			if err != nil {
				var zero T
				yield(zero, err)
				return
			}
			if len(chunk) < exportChunk {
				return
			}
			key = last
		}
	}
}

// AllSessions yields the sessions started at or after since (all when
// zero), oldest first, with their steps, reading them a chunk at a time.
func (j *Journal) AllSessions(since time.Time) iter.Seq2[coach.Session, error] {
	from := formatTime(since)
	type key struct{ started, id string }
	return inChunks(key{}, func(after key) ([]coach.Session, key, error) {
		chunk, err := j.sessionsWhere(`WHERE started >= ? AND (started > ? OR (started = ? AND id > ?))
			ORDER BY started, id LIMIT ?`, from, after.started, after.started, after.id, exportChunk)
		if err != nil || len(chunk) < exportChunk {
			return chunk, after, err // the last chunk: no next key
		}
		// The next chunk starts after the last one's key as stored.
		last := key{id: chunk[len(chunk)-1].ID}
		err = j.db.QueryRow(`SELECT started FROM sessions WHERE id = ?`, last.id).Scan(&last.started)
		return chunk, last, describe(err)
	})
}
