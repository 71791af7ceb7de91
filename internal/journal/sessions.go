package journal

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"time"

	"github.com/unknot/unknot/session"
)

// Session statuses.
const (
	StatusRunning     = "running"
	StatusCompleted   = "completed"
	StatusQuit        = "quit"
	StatusInterrupted = "interrupted"
)

// Step outcomes (as in session.Outcome).
const (
	OutcomeDone    = "done"
	OutcomeSkipped = "skipped"
	OutcomePartial = "partial"
	OutcomeHurt    = "hurt"
)

// Session is one guided session. Field names are the stable JSON export.
type Session struct {
	ID         string     `json:"id"`
	Started    time.Time  `json:"started"`
	Ended      *time.Time `json:"ended"`
	Status     string     `json:"status"`
	Title      string     `json:"title"`
	Program    string     `json:"program"`
	Day        int        `json:"day"`
	Plan       []PlanItem `json:"plan"`
	PainBefore *int       `json:"pain_before"`
	PainAfter  *int       `json:"pain_after"`
	Note       string     `json:"note"`
	Steps      []Step     `json:"steps"`
}

// PlanItem is one technique of the plan as it was started.
type PlanItem struct {
	Technique   string `json:"technique"`
	HoldSeconds int    `json:"hold_seconds"`
}

// Step is how one hold ended.
type Step struct {
	Index          int       `json:"index"`
	Technique      string    `json:"technique"`
	Side           string    `json:"side"`
	Rep            int       `json:"rep"`
	Outcome        string    `json:"outcome"`
	PlannedSeconds float64   `json:"planned_seconds"`
	ActualSeconds  float64   `json:"actual_seconds"`
	Ended          time.Time `json:"ended"`
}

// StepOf is the record of step i of a running session as it stands, ended
// at ended: what the TUI and plain mode write when a step ends.
func StepOf(i int, st session.Step, r session.Record, ended time.Time) Step {
	return Step{Index: i, Technique: st.TechniqueID, Side: st.Side.String(), Rep: st.Rep,
		Outcome: r.Outcome.String(), PlannedSeconds: r.Planned.Seconds(), ActualSeconds: r.Actual.Seconds(), Ended: ended}
}

// Change is pain after minus pain before, when both were given.
func (s Session) Change() (int, bool) {
	if s.PainBefore == nil || s.PainAfter == nil {
		return 0, false
	}
	return *s.PainAfter - *s.PainBefore, true
}

// Duration is how long the session ran (to now for a running one).
func (s Session) Duration() time.Duration {
	if s.Ended == nil {
		return 0
	}
	return s.Ended.Sub(s.Started)
}

func nullInt(p *int) any {
	if p == nil {
		return nil
	}
	return *p
}

// StartSession writes the session row at the start, status running.
func (j *Journal) StartSession(s Session) error {
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
func (j *Journal) RecordStep(sessionID string, st Step, seq int) error {
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
// oldest first, each with its steps.
func (j *Journal) Sessions(since time.Time) ([]Session, error) {
	rows, err := j.db.Query(`SELECT id, started, ended, status, title, program, day, plan, pain_before, pain_after, note
		FROM sessions WHERE started >= ? ORDER BY started, id`, formatTime(since))
	if err != nil {
		return nil, describe(err)
	}
	var out []Session
	for rows.Next() {
		s, err := scanSession(rows)
		if err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, describe(err)
	}
	for i := range out {
		if out[i].Steps, err = j.steps(out[i].ID); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// Session returns one session with its steps.
func (j *Journal) Session(id string) (Session, error) {
	row := j.db.QueryRow(`SELECT id, started, ended, status, title, program, day, plan, pain_before, pain_after, note
		FROM sessions WHERE id = ?`, id)
	s, err := scanSession(row)
	if err == sql.ErrNoRows {
		return Session{}, ErrNotFound
	}
	if err != nil {
		return Session{}, err
	}
	s.Steps, err = j.steps(id)
	return s, err
}

// Last returns the most recent session, if any.
func (j *Journal) Last() (Session, bool, error) {
	var id string
	err := j.db.QueryRow(`SELECT id FROM sessions ORDER BY started DESC, id DESC LIMIT 1`).Scan(&id)
	if err == sql.ErrNoRows {
		return Session{}, false, nil
	}
	if err != nil {
		return Session{}, false, describe(err)
	}
	s, err := j.Session(id)
	return s, err == nil, err
}

type scanner interface{ Scan(...any) error }

func scanSession(r scanner) (Session, error) {
	var s Session
	var started, ended, plan string
	var before, after sql.NullInt64
	if err := r.Scan(&s.ID, &started, &ended, &s.Status, &s.Title, &s.Program, &s.Day, &plan, &before, &after, &s.Note); err != nil {
		return s, err
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
		s.Plan = []PlanItem{}
	}
	s.Steps = []Step{}
	return s, nil
}

func (j *Journal) steps(id string) ([]Step, error) {
	rows, err := j.db.QueryContext(context.Background(), `SELECT idx, technique, side, rep, outcome, planned_seconds, actual_seconds, ended
		FROM steps WHERE session_id = ? ORDER BY idx`, id)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	out := []Step{}
	for rows.Next() {
		var st Step
		var ended string
		if err := rows.Scan(&st.Index, &st.Technique, &st.Side, &st.Rep, &st.Outcome, &st.PlannedSeconds, &st.ActualSeconds, &ended); err != nil {
			return nil, err
		}
		st.Ended = parseTime(ended)
		out = append(out, st)
	}
	return out, describe(rows.Err())
}

// Writer is what a running session writes to the journal; *Journal is
// one, and the UIs take this interface so tests can use a fake.
type Writer interface {
	StartSession(Session) error
	RecordStep(sessionID string, st Step, seq int) error
	FinishSession(id, status string, ended time.Time) error
	SetPainAfter(id string, pain int, note string) error
	SaveSafety(SafetyRecord) error
	SaveIntake(sessionID string, at time.Time, answers any) error
	SetProgress(Progress) error
}

// NewID makes a session ID that sorts by start time and is unique enough
// for one person's journal. It reads no random device, so the UI may call
// it while handling a key.
func NewID(now time.Time) string {
	return fmt.Sprintf("%s-%06x", now.UTC().Format("20060102-150405"), rand.Uint32()&0xffffff)
}
