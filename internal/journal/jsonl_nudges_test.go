package journal

import (
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
)

// A nudge is the same record when due, at and answer match: the same
// nudge twice in a file, or written in another time zone, or already in
// the journal, is added once; another answer to the same break is
// another nudge. Its session_id comes as the file has it.
func TestImportNudgesOnceEach(t *testing.T) {
	head := `{"type":"header","format":"unknot-journal","version":1}` + "\n"
	line := func(due, at, answer, session string) string {
		return fmt.Sprintf(`{"type":"nudge","due":%q,"at":%q,"answer":%q,"session_id":%q}`+"\n", due, at, answer, session)
	}
	file := head +
		line("2026-11-21T08:55:00Z", "2026-11-21T09:00:00.5Z", "snoozed", "") +
		line("2026-11-21T08:55:00Z", "2026-11-21T09:00:00.5Z", "snoozed", "") +
		line("2026-11-21T09:55:00+01:00", "2026-11-21T10:00:00.5+01:00", "snoozed", "") +
		line("2026-11-21T08:55:00Z", "2026-11-21T09:00:00.5Z", "skipped", "") +
		line("2026-11-21T09:30:00Z", "2026-11-21T09:31:00Z", "taken", "elsewhere")
	j := openTest(t, t.TempDir())
	if m := importText(t, j, file); m.Nudges != 3 || !m.Changed() {
		t.Errorf("first import: %+v", m)
	}
	if m := importText(t, j, file); m.Nudges != 0 || m.Changed() {
		t.Errorf("second import: %+v", m)
	}
	at := time.Date(2026, 11, 21, 9, 0, 0, 5e8, time.UTC)
	want := []coach.Nudge{
		{Due: at.Add(-5*time.Minute - 5e8), At: at, Answer: coach.AnswerSnoozed},
		{Due: at.Add(-5*time.Minute - 5e8), At: at, Answer: coach.AnswerSkipped},
		{Due: t0.Add(30 * time.Minute), At: t0.Add(31 * time.Minute), Answer: coach.AnswerTaken, SessionID: "elsewhere"},
	}
	if got := breaks(t, j); !reflect.DeepEqual(got, want) {
		t.Errorf("nudges:\n%+v\nwant:\n%+v", got, want)
	}
}

// A break taken stays linked to the session it started: the imported
// nudge names the imported session, which the journal then holds.
func TestImportKeepsANudgeLinkedToItsSession(t *testing.T) {
	b := openTest(t, t.TempDir())
	importText(t, b, export(t, openTestFilled(t, 0, "s1")))
	n := breaks(t, b)
	if len(n) != 2 || n[1].SessionID != "s1" || n[1].Answer != coach.AnswerTaken {
		t.Fatalf("nudges after the import: %+v", n)
	}
	if s, err := b.Session(n[1].SessionID); err != nil || !s.Started.Equal(n[1].At) {
		t.Errorf("the break's session: %+v, %v", s, err)
	}
}

// AllNudges yields, a chunk at a time, every nudge oldest first: across
// chunk boundaries, with nudges answered at the same instant, and from a
// time; and the streamed export holds them all.
func TestAllNudgesInChunks(t *testing.T) {
	j := openTest(t, t.TempDir())
	n := 2*exportChunk + 3
	tx, err := j.db.Begin()
	ok(t, err)
	for i := range n {
		// Ten nudges either side of the first boundary are answered together.
		at := t0.Add(time.Duration(i) * time.Minute)
		if i >= exportChunk-5 && i < exportChunk+5 {
			at = t0.Add(time.Duration(exportChunk) * time.Minute)
		}
		_, err := tx.Exec(`INSERT INTO nudges (due, at, answer, session_id) VALUES (?, ?, ?, ?)`,
			formatTime(at.Add(-time.Minute)), formatTime(at), coach.AnswerSkipped, fmt.Sprintf("s%d", i))
		ok(t, err)
	}
	ok(t, tx.Commit())
	for _, first := range []int{0, 10} {
		var got, want []string
		for nu, err := range j.AllNudges(t0.Add(time.Duration(first) * time.Minute)) {
			ok(t, err)
			got = append(got, nu.SessionID)
		}
		for i := first; i < n; i++ {
			want = append(want, fmt.Sprintf("s%d", i))
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("from the %dth: %d nudges, want %d, in order", first, len(got), len(want))
		}
	}
	if c := strings.Count(export(t, j), `{"type":"nudge"`); c != n {
		t.Errorf("the export holds %d nudges, want %d", c, n)
	}
}

// A journal from before nudges, exported as it is (read-only, not
// migrated), exports without nudge lines and without an error.
func TestExportAnOlderJournalWithoutNudges(t *testing.T) {
	dir := t.TempDir()
	old := openTest(t, dir)
	fillSync(t, old, 0, "s1")
	old.db.Exec(`DROP TABLE nudges`)
	old.db.Exec(fmt.Sprintf(`PRAGMA user_version = %d`, nudgesVersion-1))
	old.Close()
	ro, err := OpenReadOnly(filepath.Clean(dir))
	ok(t, err)
	defer ro.Close()
	file := export(t, ro)
	if strings.Contains(file, `"nudge"`) || !strings.Contains(file, `{"type":"session"`) {
		t.Errorf("export of an older journal:\n%s", file)
	}
}
