package journal

import (
	"encoding/json"
	"time"

	"github.com/unknot/unknot/coach"
)

// The journal as JSON Lines, to carry it to another machine: a header
// line, then one tagged record a line ({"type":"session",…}). A newer
// unknot may add record types; this one reads only those below and says
// which line holds one it does not know.

// JSONLVersion is the version of the line format this unknot writes and
// reads. A new record type leaves it as it is: every reader of version 1
// refuses a line of a type it does not know, with the line's number,
// rather than dropping it (so the nudge lines came). It changes when a
// line an older reader accepts would mean something else.
const JSONLVersion = 1

// JSONLFormat names the format in the header line.
const JSONLFormat = "unknot-journal"

// Record types, the "type" of each line.
const (
	typeHeader     = "header"
	typeSession    = "session"
	typeStep       = "step"
	typeIntake     = "intake"
	typeSafety     = "safety"
	typeProgress   = "progress"
	typePreference = "preference"
	typeNudge      = "nudge"
)

type headerLine struct {
	Type    string `json:"type"`
	Format  string `json:"format"`
	Version int    `json:"version"`
}

// sessionLine is a session without its steps, which follow it as lines
// of their own.
type sessionLine struct {
	Type       string           `json:"type"`
	ID         string           `json:"id"`
	Started    time.Time        `json:"started"`
	Ended      *time.Time       `json:"ended"`
	Status     string           `json:"status"`
	Title      string           `json:"title"`
	Program    string           `json:"program"`
	Day        int              `json:"day"`
	Plan       []coach.PlanItem `json:"plan"`
	PainBefore *int             `json:"pain_before"`
	PainAfter  *int             `json:"pain_after"`
	Note       string           `json:"note"`
}

type stepLine struct {
	Type      string `json:"type"`
	SessionID string `json:"session_id"`
	coach.Step
}

type intakeLine struct {
	Type      string          `json:"type"`
	SessionID string          `json:"session_id"`
	At        time.Time       `json:"at"`
	Answers   json.RawMessage `json:"answers"`
}

type safetyLine struct {
	Type     string              `json:"type"`
	At       time.Time           `json:"at"`
	Outcome  string              `json:"outcome"`
	Answers  map[string]bool     `json:"answers"`
	Cautions []string            `json:"cautions"`
	Reason   string              `json:"reason"`
	Profile  coach.SafetyProfile `json:"profile"`
}

type progressLine struct {
	Type    string    `json:"type"`
	Program string    `json:"program"`
	Day     int       `json:"day"`
	Days    int       `json:"days"`
	Updated time.Time `json:"updated"`
}

type preferenceLine struct {
	Type    string    `json:"type"`
	Key     string    `json:"key"`
	Value   string    `json:"value"`
	Updated time.Time `json:"updated"`
}

// nudgeLine is a break the nudges offered and its answer. SessionID
// names the session a break taken started, "" when none.
type nudgeLine struct {
	Type      string    `json:"type"`
	Due       time.Time `json:"due"`
	At        time.Time `json:"at"`
	Answer    string    `json:"answer"`
	SessionID string    `json:"session_id"`
}

// Dump is everything the journal holds, as the lines carry it.
type Dump struct {
	Sessions    []coach.Session
	Intakes     []intakeLine
	Safety      []safetyLine
	Progress    []progressLine
	Preferences []preferenceLine
	Nudges      []nudgeLine
}

func sessionLineOf(s coach.Session) sessionLine {
	return sessionLine{Type: typeSession, ID: s.ID, Started: s.Started, Ended: s.Ended, Status: s.Status, Title: s.Title,
		Program: s.Program, Day: s.Day, Plan: s.Plan, PainBefore: s.PainBefore, PainAfter: s.PainAfter, Note: s.Note}
}

func nudgeLineOf(n coach.Nudge) nudgeLine {
	return nudgeLine{Type: typeNudge, Due: n.Due, At: n.At, Answer: n.Answer, SessionID: n.SessionID}
}

func (l sessionLine) session() coach.Session {
	plan := l.Plan
	if plan == nil {
		plan = []coach.PlanItem{}
	}
	return coach.Session{ID: l.ID, Started: l.Started, Ended: l.Ended, Status: l.Status, Title: l.Title, Program: l.Program,
		Day: l.Day, Plan: plan, PainBefore: l.PainBefore, PainAfter: l.PainAfter, Note: l.Note, Steps: []coach.Step{}}
}
