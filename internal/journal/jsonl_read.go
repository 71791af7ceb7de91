package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"time"
	"unicode/utf8"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// Caps on an import file: generous for one person's journal, small
// enough that a hostile file cannot take the machine's memory.
const (
	MaxJSONLLine  = 256 << 10 // bytes in one line
	MaxJSONLLines = 2_000_000 // lines in a file
	MaxJSONLBytes = 256 << 20 // bytes in a file (10,000 sessions take about 10 MB)
	maxAnswers    = 500       // answers in one safety or intake record
	maxSeconds    = 24 * 60 * 60
	maxDay        = 1000
)

// LineError is a problem with one line of an import file.
type LineError struct {
	Line int
	Msg  string
}

func (e LineError) Error() string { return fmt.Sprintf("line %d: %s", e.Line, e.Msg) }

func lineErr(line int, format string, args ...any) error {
	return LineError{Line: line, Msg: fmt.Sprintf(format, args...)}
}

// ReadJSONL reads and checks a whole JSON Lines journal: the header
// first, then records it knows, each well-formed and within the caps,
// with text the sanitiser would leave as it is. The first problem is
// returned with its line; nothing is returned half-read.
func ReadJSONL(r io.Reader) (Dump, error) { return readJSONL(r, MaxJSONLBytes) }

// readJSONL is ReadJSONL with a cap on the file's size, for tests.
func readJSONL(r io.Reader, maxBytes int) (Dump, error) {
	var d Dump
	br := bufio.NewReaderSize(r, 64<<10)
	ck := checker{sessions: map[string]int{}, pos: map[string]int{}, steps: map[stepKey]bool{}, intakes: map[string]bool{},
		programs: map[string]bool{}, keys: map[string]bool{}, at: map[string]int{}}
	n, size := 0, 0
	for {
		line, err := readLine(br)
		if err == io.EOF {
			break
		}
		n++
		if err != nil {
			return d, lineErr(n, "%s", err)
		}
		if size += len(line) + 1; size > maxBytes {
			return d, lineErr(n, "the file is larger than %d MiB", maxBytes>>20)
		}
		if n > MaxJSONLLines {
			return d, lineErr(n, "more than %d lines", MaxJSONLLines)
		}
		if n == 1 {
			if err := readHeader(line); err != nil {
				return d, lineErr(1, "%s", err)
			}
			continue
		}
		if len(bytes.TrimSpace(line)) == 0 {
			continue // a blank line, e.g. at the end of a hand-edited file
		}
		if err := ck.record(&d, line, n); err != nil {
			return d, lineErr(n, "%s", err)
		}
	}
	if n == 0 {
		return d, errors.New("the file is empty: an unknot journal export starts with its header line")
	}
	for _, s := range d.Sessions {
		slices.SortFunc(s.Steps, func(a, b coach.Step) int { return a.Index - b.Index })
	}
	return d, ck.orphans(d)
}

// readLine reads one line, without its newline, up to MaxJSONLLine.
func readLine(br *bufio.Reader) ([]byte, error) {
	var line []byte
	for {
		part, isPrefix, err := br.ReadLine()
		if err != nil {
			if err == io.EOF && line != nil {
				return line, nil
			}
			return nil, err
		}
		line = append(line, part...)
		if len(line) > MaxJSONLLine {
			return nil, fmt.Errorf("the line is longer than %d KiB", MaxJSONLLine>>10)
		}
		if !isPrefix {
			return line, nil
		}
	}
}

func readHeader(line []byte) error {
	var h headerLine
	if err := strict(line, &h); err != nil || h.Type != typeHeader || h.Format != JSONLFormat {
		return errors.New("not an unknot journal export (it starts with a header line naming the format unknot-journal); make one with: unknot journal export --jsonl")
	}
	if h.Version != JSONLVersion {
		if h.Version > JSONLVersion {
			return fmt.Errorf("the file is version %d, from a newer unknot; this one reads version %d: update unknot to import it", h.Version, JSONLVersion)
		}
		return fmt.Errorf("the file is version %d; this unknot reads version %d", h.Version, JSONLVersion)
	}
	return nil
}

// strict decodes one JSON value: unknown fields and trailing data are
// errors.
func strict(line []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(line))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("more than one JSON value on the line")
	}
	return nil
}

type stepKey struct {
	session string
	index   int
}

// checker follows what the file has declared so far, to find
// duplicates and records that point at no session.
type checker struct {
	sessions map[string]int // session ID → its line
	pos      map[string]int // session ID → its place in the dump
	steps    map[stepKey]bool
	intakes  map[string]bool
	programs map[string]bool
	keys     map[string]bool
	at       map[string]int // a step's or intake's session ID → its first line, for orphans
}

func (ck *checker) record(d *Dump, line []byte, n int) error {
	var tag struct {
		Type string `json:"type"`
	}
	if err := json.Unmarshal(line, &tag); err != nil {
		return fmt.Errorf("not a JSON record: %s", jsonMsg(err))
	}
	switch tag.Type {
	case typeSession:
		var l sessionLine
		if err := decode(line, &l); err != nil {
			return err
		}
		if first, dup := ck.sessions[l.ID]; dup {
			return fmt.Errorf("session %q again (first on line %d)", clip(l.ID), first)
		}
		ck.sessions[l.ID], ck.pos[l.ID] = n, len(d.Sessions)
		d.Sessions = append(d.Sessions, l.session())
		return checkSession(l)
	case typeStep:
		var l stepLine
		if err := decode(line, &l); err != nil {
			return err
		}
		k := stepKey{l.SessionID, l.Index}
		if ck.steps[k] {
			return fmt.Errorf("step %d of session %q again", l.Index, clip(l.SessionID))
		}
		ck.steps[k] = true
		ck.pointsAt(l.SessionID, n)
		i, ok := ck.pos[l.SessionID]
		if !ok {
			return fmt.Errorf("step of session %q, which no line before it holds", clip(l.SessionID))
		}
		d.Sessions[i].Steps = append(d.Sessions[i].Steps, l.Step)
		return checkStep(l)
	case typeIntake:
		var l intakeLine
		if err := decode(line, &l); err != nil {
			return err
		}
		if ck.intakes[l.SessionID] {
			return fmt.Errorf("intake of session %q again", clip(l.SessionID))
		}
		ck.intakes[l.SessionID] = true
		ck.pointsAt(l.SessionID, n)
		d.Intakes = append(d.Intakes, l)
		return checkIntake(l)
	case typeSafety:
		var l safetyLine
		if err := decode(line, &l); err != nil {
			return err
		}
		d.Safety = append(d.Safety, l)
		return checkSafety(l)
	case typeProgress:
		var l progressLine
		if err := decode(line, &l); err != nil {
			return err
		}
		if ck.programs[l.Program] {
			return fmt.Errorf("progress of program %q again", clip(l.Program))
		}
		ck.programs[l.Program] = true
		d.Progress = append(d.Progress, l)
		return checkProgress(l)
	case typePreference:
		var l preferenceLine
		if err := decode(line, &l); err != nil {
			return err
		}
		if ck.keys[l.Key] {
			return fmt.Errorf("preference %q again", clip(l.Key))
		}
		ck.keys[l.Key] = true
		d.Preferences = append(d.Preferences, l)
		return firstErr(id("key", l.Key), text("value", l.Value, content.MaxTextLen), when("updated", l.Updated, true))
	case typeNudge:
		// Not checked for duplicates: the merge keeps one of the same
		// nudge, however often the file holds it.
		var l nudgeLine
		if err := decode(line, &l); err != nil {
			return err
		}
		d.Nudges = append(d.Nudges, l)
		return checkNudge(l)
	case typeHeader:
		return errors.New("a second header line")
	case "":
		return errors.New(`the record has no "type"`)
	}
	return fmt.Errorf("unknown record type %q: the file may be from a newer unknot; update unknot to import it", clip(tag.Type))
}

func (ck *checker) pointsAt(session string, n int) {
	if _, ok := ck.at[session]; !ok {
		ck.at[session] = n
	}
}

// orphans finds an intake whose session the file does not hold.
func (ck *checker) orphans(d Dump) error {
	for _, l := range d.Intakes {
		if _, ok := ck.sessions[l.SessionID]; !ok {
			return lineErr(ck.at[l.SessionID], "intake of session %q, which the file does not hold", clip(l.SessionID))
		}
	}
	return nil
}

func decode(line []byte, v any) error {
	if err := strict(line, v); err != nil {
		return errors.New(jsonMsg(err))
	}
	return nil
}

// jsonMsg is a decoding error on one line, as short as it can say it.
func jsonMsg(err error) string {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var tm *time.ParseError
	switch {
	case errors.As(err, &syn):
		return fmt.Sprintf("not valid JSON at byte %d: %s", syn.Offset, syn.Error())
	case errors.As(err, &typ):
		return fmt.Sprintf("%s should be %s, not %s", typ.Field, typ.Type, typ.Value)
	case errors.As(err, &tm):
		// encoding/json does not say which field held it.
		return fmt.Sprintf("the time %q is not one like 2026-11-21T09:00:00Z (RFC 3339)", clip(tm.Value))
	}
	return clip(err.Error())
}

func clip(s string) string {
	s = content.Sanitize(s)
	if utf8.RuneCountInString(s) > 40 {
		r := []rune(s)
		return string(r[:40]) + "…"
	}
	return s
}

func firstErr(errs ...error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// text checks a field of free text: valid UTF-8, nothing the sanitiser
// would remove (escape sequences, control characters other than newline
// and tab, invisible format characters), and at most limit characters.
func text(field, s string, limit int) error {
	if !utf8.ValidString(s) {
		return fmt.Errorf("%s is not valid UTF-8", field)
	}
	if content.Sanitize(s) != s {
		return fmt.Errorf("%s holds escape sequences or control characters", field)
	}
	if n := utf8.RuneCountInString(s); n > limit {
		return fmt.Errorf("%s is %d characters long, more than %d", field, n, limit)
	}
	return nil
}

// id checks a name: text on one line, not empty, at most MaxIDLen.
func id(field, s string) error {
	if s == "" {
		return fmt.Errorf("%s is empty", field)
	}
	if err := text(field, s, content.MaxIDLen); err != nil {
		return err
	}
	if bytes.ContainsAny([]byte(s), "\n\t") {
		return fmt.Errorf("%s holds a newline or a tab", field)
	}
	return nil
}

// optID is an id that may be empty (a session outside any program).
func optID(field, s string) error {
	if s == "" {
		return nil
	}
	return id(field, s)
}

func when(field string, t time.Time, required bool) error {
	if required && t.IsZero() {
		return fmt.Errorf("%s is missing", field)
	}
	return nil
}

func within(field string, n, lo, hi int) error {
	if n < lo || n > hi {
		return fmt.Errorf("%s %d is outside %d–%d", field, n, lo, hi)
	}
	return nil
}

func pain(field string, p *int) error {
	if p == nil {
		return nil
	}
	return within(field, *p, 0, 10)
}

func oneOf(field, s string, valid ...string) error {
	if !slices.Contains(valid, s) {
		return fmt.Errorf("%s %q is not one of %v", field, clip(s), valid)
	}
	return nil
}

func checkSession(l sessionLine) error {
	errs := []error{id("id", l.ID), when("started", l.Started, true),
		oneOf("status", l.Status, coach.StatusRunning, coach.StatusCompleted, coach.StatusQuit, coach.StatusInterrupted),
		text("title", l.Title, content.MaxTextLen), optID("program", l.Program), within("day", l.Day, 0, maxDay),
		pain("pain_before", l.PainBefore), pain("pain_after", l.PainAfter), text("note", l.Note, content.MaxTextLen)}
	if len(l.Plan) > content.MaxList*10 {
		errs = append(errs, fmt.Errorf("plan has %d items, more than %d", len(l.Plan), content.MaxList*10))
	}
	for _, it := range l.Plan {
		errs = append(errs, id("plan technique", it.Technique), within("plan hold_seconds", it.HoldSeconds, 0, maxSeconds))
	}
	return firstErr(errs...)
}

func checkStep(l stepLine) error {
	return firstErr(id("session_id", l.SessionID), within("index", l.Index, 0, 100_000), id("technique", l.Technique),
		oneOf("side", l.Side, "", "left", "right", "both"), within("rep", l.Rep, 0, 1000),
		oneOf("outcome", l.Outcome, "pending", coach.OutcomeDone, coach.OutcomeSkipped, coach.OutcomePartial, coach.OutcomeHurt),
		seconds("planned_seconds", l.PlannedSeconds), seconds("actual_seconds", l.ActualSeconds))
}

func seconds(field string, s float64) error {
	if math.IsNaN(s) || s < 0 || s > maxSeconds {
		return fmt.Errorf("%s %v is outside 0–%d", field, s, maxSeconds)
	}
	return nil
}

func checkIntake(l intakeLine) error {
	if err := id("session_id", l.SessionID); err != nil {
		return err
	}
	var answers map[string]any
	if err := json.Unmarshal(l.Answers, &answers); err != nil || answers == nil {
		return errors.New("answers is not a JSON object")
	}
	return checkValue("answers", answers, 0)
}

// checkValue checks every string in a decoded JSON value (the intake's
// answers, whose shape belongs to the planner).
func checkValue(field string, v any, depth int) error {
	if depth > 4 {
		return fmt.Errorf("%s is nested too deep", field)
	}
	switch v := v.(type) {
	case string:
		return text(field, v, content.MaxTextLen)
	case []any:
		if len(v) > maxAnswers {
			return fmt.Errorf("%s has more than %d items", field, maxAnswers)
		}
		for _, e := range v {
			if err := checkValue(field, e, depth+1); err != nil {
				return err
			}
		}
	case map[string]any:
		if len(v) > maxAnswers {
			return fmt.Errorf("%s has more than %d items", field, maxAnswers)
		}
		for k, e := range v {
			if err := firstErr(id(field+" key", k), checkValue(field+"."+clip(k), e, depth+1)); err != nil {
				return err
			}
		}
	}
	return nil
}

func checkSafety(l safetyLine) error {
	errs := []error{when("at", l.At, true), text("outcome", l.Outcome, content.MaxNameLen), text("reason", l.Reason, content.MaxTextLen),
		optID("profile.age", l.Profile.Age)}
	if len(l.Answers)+len(l.Cautions)+len(l.Profile.Assessed)+len(l.Profile.Advice) > maxAnswers {
		errs = append(errs, fmt.Errorf("more than %d answers", maxAnswers))
	}
	for k := range l.Answers {
		errs = append(errs, id("answers key", k))
	}
	for _, c := range l.Cautions {
		errs = append(errs, id("caution", c))
		if bytes.ContainsRune([]byte(c), ',') {
			errs = append(errs, fmt.Errorf("caution %q holds a comma", clip(c)))
		}
	}
	for k := range l.Profile.Assessed {
		errs = append(errs, id("profile.assessed key", k))
	}
	for _, a := range l.Profile.Advice {
		errs = append(errs, id("profile.advice", a))
	}
	return firstErr(errs...)
}

func checkProgress(l progressLine) error {
	return firstErr(id("program", l.Program), within("day", l.Day, 0, maxDay+1), within("days", l.Days, 0, maxDay),
		when("updated", l.Updated, true))
}

// checkNudge checks a nudge. Its session_id may name a session neither
// the file nor the journal holds (the routine of a break taken may not
// have been saved): it is kept as it is, and links once that session
// comes.
func checkNudge(l nudgeLine) error {
	return firstErr(when("due", l.Due, true), when("at", l.At, true),
		oneOf("answer", l.Answer, coach.AnswerTaken, coach.AnswerSnoozed, coach.AnswerSkipped), optID("session_id", l.SessionID))
}
