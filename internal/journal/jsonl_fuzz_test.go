package journal

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// FuzzReadJSONL: whatever the bytes, reading never panics, and a file it
// accepts writes back as a file it reads the same.
func FuzzReadJSONL(f *testing.F) {
	head := `{"type":"header","format":"unknot-journal","version":1}` + "\n"
	f.Add(head)
	f.Add(head + `{"type":"session","id":"s1","started":"2026-11-21T09:00:00Z","ended":null,"status":"running","title":"T","program":"p","day":1,"plan":[{"technique":"a","hold_seconds":30}],"pain_before":5,"pain_after":2,"note":"n"}` + "\n" +
		`{"type":"step","session_id":"s1","index":0,"technique":"a","side":"left","rep":1,"outcome":"hurt","planned_seconds":30,"actual_seconds":3.5,"ended":"2026-11-21T09:01:00Z"}` + "\n" +
		`{"type":"intake","session_id":"s1","at":"2026-11-21T09:00:00Z","answers":{"pain":5,"areas":["neck"]}}` + "\n" +
		`{"type":"safety","at":"2026-11-21T08:59:00Z","outcome":"clear","answers":{"q":false},"cautions":[],"reason":"","profile":{"age":"20-50"}}` + "\n" +
		`{"type":"progress","program":"p","day":2,"days":3,"updated":"2026-11-21T09:05:00Z"}` + "\n" +
		`{"type":"preference","key":"gentler","value":"yes","updated":"2026-11-21T09:05:00Z"}` + "\n" +
		`{"type":"nudge","due":"2026-11-21T08:55:00Z","at":"2026-11-21T09:00:00.123+01:00","answer":"taken","session_id":"s1"}` + "\n" +
		`{"type":"nudge","due":"2026-11-21T08:55:00Z","at":"2026-11-21T09:00:00.123+01:00","answer":"taken","session_id":"s1"}`)
	f.Add(head + `{"type":"nudge"}`)
	f.Add(head + `{"type":"nudge","due":"2026-11-21T08:55:00Z","at":"2026-11-21T09:00:00Z","answer":"snoozed","session_id":"\u202e"}`)
	f.Add(head + `{"type":"session","note":"\u001b[31m"}`)
	f.Fuzz(func(t *testing.T, file string) {
		d, err := ReadJSONL(strings.NewReader(file))
		if err != nil {
			if _, ok := err.(LineError); !ok && !strings.Contains(err.Error(), "empty") {
				t.Fatalf("an error without its line: %v", err)
			}
			return
		}
		var once bytes.Buffer
		if err := WriteJSONL(&once, d); err != nil {
			t.Fatal(err)
		}
		back, err := ReadJSONL(bytes.NewReader(once.Bytes()))
		if err != nil {
			t.Fatalf("an accepted file, written back, is refused: %v\n%s", err, once.String())
		}
		var twice bytes.Buffer
		WriteJSONL(&twice, back)
		if once.String() != twice.String() {
			t.Fatalf("not stable:\n%s\n%s", once.String(), twice.String())
		}
	})
}

// FuzzJSONLRoundTrip: whatever the text of a session, export then import
// on a fresh journal gives the same export, and the same history when the
// text is what the sanitiser leaves.
func FuzzJSONLRoundTrip(f *testing.F) {
	for _, s := range []string{"plain", "a, b", "say \"hi\"", "two\nlines", "🙂 emoji", "bell\x07 nul\x00", "\x1b[2J", "\u202e", ""} {
		f.Add(s, s, 3)
	}
	f.Fuzz(func(t *testing.T, note, title string, pain int) {
		if !utf8.ValidString(note) || !utf8.ValidString(title) || len(note) > 2000 || len(title) > 2000 {
			t.Skip("the journal stores text as typed on screen: valid UTF-8, within the caps")
		}
		pain = ((pain % 11) + 11) % 11
		a := openTest(t, t.TempDir())
		ok(t, a.StartSession(coach.Session{ID: "x", Started: t0, Title: title, PainBefore: &pain, Plan: []coach.PlanItem{}}))
		ok(t, a.RecordStep("x", coach.Step{Index: 0, Technique: "t", Outcome: coach.OutcomeDone, PlannedSeconds: 30, ActualSeconds: 12.25, Ended: t0.Add(time.Minute)}, 1))
		ok(t, a.FinishSession("x", coach.StatusCompleted, t0.Add(2*time.Minute)))
		ok(t, a.SetPainAfter("x", 10-pain, note))
		ok(t, a.SaveNudge(coach.Nudge{Due: t0.Add(-time.Minute), At: t0, Answer: coach.AnswerTaken, SessionID: "x"}))
		file := export(t, a)
		d, err := ReadJSONL(strings.NewReader(file))
		if err != nil {
			t.Fatalf("our own export is refused: %v\n%s", err, file)
		}
		b := openTest(t, t.TempDir())
		if _, err := b.Import(d); err != nil {
			t.Fatal(err)
		}
		if got := export(t, b); got != file {
			t.Fatalf("export after import:\n%s\nwant:\n%s", got, file)
		}
		if content.Sanitize(note) == note && content.Sanitize(title) == title && history(t, b) != history(t, a) {
			t.Fatalf("history differs:\n%s\nwant:\n%s", history(t, b), history(t, a))
		}
		if got, want := breaks(t, b), breaks(t, a); !reflect.DeepEqual(got, want) {
			t.Fatalf("breaks differ:\n%+v\nwant:\n%+v", got, want)
		}
	})
}
