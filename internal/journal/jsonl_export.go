package journal

import (
	"bufio"
	"encoding/json"
	"io"
	"iter"
	"strings"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// ExportJSONL writes everything the journal holds as JSON Lines (see
// WriteJSONL), reading the sessions a chunk at a time: an export of years
// holds one chunk in memory, not the journal.
func (j *Journal) ExportJSONL(w io.Writer) error {
	d, err := j.records()
	if err != nil {
		return err
	}
	return writeJSONL(w, j.AllSessions(time.Time{}), j.nudgeLines(), d)
}

// nudgeLines yields every nudge as its line, oldest first, streamed.
func (j *Journal) nudgeLines() iter.Seq2[nudgeLine, error] {
	return func(yield func(nudgeLine, error) bool) {
		for n, err := range j.AllNudges(time.Time{}) {
			if !yield(nudgeLineOf(n), err) || err != nil {
				return
			}
		}
	}
}

// Dump reads everything the journal holds: sessions with their steps,
// intake answers, every safety check, program progress, preferences and
// nudges.
func (j *Journal) Dump() (Dump, error) {
	d, err := j.records()
	if err != nil {
		return d, err
	}
	if d.Sessions, err = j.Sessions(time.Time{}); err != nil {
		return d, err
	}
	for l, err := range j.nudgeLines() {
		if err != nil {
			return d, err
		}
		d.Nudges = append(d.Nudges, l)
	}
	return d, nil
}

// records reads all but the sessions: intake answers, safety checks,
// program progress and preferences, all small.
func (j *Journal) records() (Dump, error) {
	var d Dump
	rows, err := j.db.Query(`SELECT session_id, at, answers FROM intake ORDER BY session_id`)
	if err != nil {
		return d, describe(err)
	}
	for rows.Next() {
		var l intakeLine
		var at, answers string
		if err := rows.Scan(&l.SessionID, &at, &answers); err != nil {
			rows.Close()
			return d, err
		}
		l.Type, l.At, l.Answers = typeIntake, parseTime(at), json.RawMessage(answers)
		d.Intakes = append(d.Intakes, l)
	}
	rows.Close()
	if d.Safety, err = j.safetyRows(); err != nil {
		return d, err
	}
	rows, err = j.db.Query(`SELECT program, day, days, updated FROM program_progress ORDER BY program`)
	if err != nil {
		return d, describe(err)
	}
	for rows.Next() {
		l := progressLine{Type: typeProgress}
		var updated string
		if err := rows.Scan(&l.Program, &l.Day, &l.Days, &updated); err != nil {
			rows.Close()
			return d, err
		}
		l.Updated = parseTime(updated)
		d.Progress = append(d.Progress, l)
	}
	rows.Close()
	rows, err = j.db.Query(`SELECT key, value, updated FROM preferences ORDER BY key`)
	if err != nil {
		return d, describe(err)
	}
	defer rows.Close()
	for rows.Next() {
		l := preferenceLine{Type: typePreference}
		var updated string
		if err := rows.Scan(&l.Key, &l.Value, &updated); err != nil {
			return d, err
		}
		l.Updated = parseTime(updated)
		d.Preferences = append(d.Preferences, l)
	}
	return d, describe(rows.Err())
}

// safetyRows is every safety check, oldest first.
func (j *Journal) safetyRows() ([]safetyLine, error) {
	rows, err := j.db.Query(`SELECT at, outcome, answers, cautions, reason, profile FROM safety ORDER BY id`)
	if err != nil {
		return nil, describe(err)
	}
	defer rows.Close()
	var out []safetyLine
	for rows.Next() {
		l := safetyLine{Type: typeSafety}
		var at, answers, cautions, profile string
		if err := rows.Scan(&at, &l.Outcome, &answers, &cautions, &l.Reason, &profile); err != nil {
			return nil, err
		}
		l.At = parseTime(at)
		_ = json.Unmarshal([]byte(answers), &l.Answers)
		_ = json.Unmarshal([]byte(profile), &l.Profile)
		l.Cautions = []string{}
		if cautions != "" {
			l.Cautions = strings.Split(cautions, ",")
		}
		out = append(out, l)
	}
	return out, describe(rows.Err())
}

// WriteJSONL writes the dump as JSON Lines: the header, then each session
// followed by its steps and intake, then the nudges (after the sessions
// they name), the safety checks, progress and preferences. Text goes out
// as the sanitiser leaves it, so that every file written here is one
// ReadJSONL accepts.
func WriteJSONL(w io.Writer, d Dump) error {
	return writeJSONL(w, seqOf(d.Sessions), seqOf(d.Nudges), d)
}

// writeJSONL is WriteJSONL with the sessions and nudges as they come;
// d's Sessions and Nudges are not read.
func writeJSONL(w io.Writer, sessions iter.Seq2[coach.Session, error], nudges iter.Seq2[nudgeLine, error], d Dump) error {
	bw := bufio.NewWriter(w)
	enc := json.NewEncoder(bw)
	put := func(v any) {
		content.SanitizeAll(v)
		_ = enc.Encode(v) // the writer's error is kept and returned by Flush
	}
	put(&headerLine{Type: typeHeader, Format: JSONLFormat, Version: JSONLVersion})
	intake := map[string]intakeLine{}
	for _, l := range d.Intakes {
		intake[l.SessionID] = l
	}
	for s, err := range sessions {
		if err != nil {
			return err
		}
		l := sessionLineOf(s)
		put(&l)
		for _, st := range s.Steps {
			put(&stepLine{Type: typeStep, SessionID: s.ID, Step: st})
		}
		if in, ok := intake[s.ID]; ok {
			put(&in)
			delete(intake, s.ID)
		}
	}
	for l, err := range nudges {
		if err != nil {
			return err
		}
		put(&l)
	}
	for _, l := range d.Safety {
		put(&l)
	}
	for _, l := range d.Progress {
		put(&l)
	}
	for _, l := range d.Preferences {
		put(&l)
	}
	return bw.Flush()
}
