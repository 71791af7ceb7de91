package journal

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"testing"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

var (
	fillDir = flag.String("fill-dir", "", "TestFillJournal: write a journal of -fill sessions into this directory (for bench/ scripts)")
	fillN   = flag.Int("fill", 10000, "TestFillJournal: how many sessions")
)

// growthTechniques are the techniques the generated sessions take turns
// with.
var growthTechniques = []string{"doorway-chest-stretch", "posture-reset", "wall-angels", "thread-the-needle",
	"cat-cow", "foam-roller-thoracic-extension", "neck-fingertip-massage", "open-book-rotation"}

// fill writes n daily sessions ending the day before now, oldest first,
// each with six steps, pain before and after and an intake, in one
// transaction: about five years of daily use at n = 2,000.
func fill(tb testing.TB, j *Journal, n int, now time.Time) {
	tb.Helper()
	ctx := context.Background()
	tx, err := j.db.BeginTx(ctx, nil)
	if err != nil {
		tb.Fatal(err)
	}
	defer tx.Rollback()
	for i := range n {
		id := fmt.Sprintf("s%06d", i)
		started := now.AddDate(0, 0, i-n).Add(time.Duration(i%7) * time.Minute)
		before, after := 3+i%5, 2+i%5-(i%3)
		if _, err := tx.ExecContext(ctx, `INSERT INTO sessions (id, started, ended, status, title, plan, pain_before, pain_after)
			VALUES (?, ?, ?, 'completed', 'For you', '[{"technique":"posture-reset","hold_seconds":30}]', ?, ?)`,
			id, formatTime(started), formatTime(started.Add(10*time.Minute)), before, after); err != nil {
			tb.Fatal(err)
		}
		for k := range 6 {
			outcome := coach.OutcomeDone
			if (i+k)%11 == 0 {
				outcome = coach.OutcomeSkipped
			}
			if _, err := tx.ExecContext(ctx, `INSERT INTO steps (session_id, idx, technique, outcome, planned_seconds, actual_seconds, ended)
				VALUES (?, ?, ?, ?, 30, 30, ?)`, id, k, growthTechniques[(i+k)%len(growthTechniques)], outcome,
				formatTime(started.Add(time.Duration(k+1)*time.Minute))); err != nil {
				tb.Fatal(err)
			}
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO intake (session_id, at, answers) VALUES (?, ?, '{"Pain":3,"Minutes":10}')`,
			id, formatTime(started)); err != nil {
			tb.Fatal(err)
		}
	}
	if err := tx.Commit(); err != nil {
		tb.Fatal(err)
	}
}

// TestFillJournal writes a journal for the bench scripts when -fill-dir
// is given: go test ./internal/journal -run TestFillJournal -fill-dir DIR -fill N.
func TestFillJournal(t *testing.T) {
	if *fillDir == "" {
		t.Skip("no -fill-dir")
	}
	j, err := Open(*fillDir)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	fill(t, j, *fillN, time.Now())
}

// filled is the sessions of a new journal filled with n.
func filled(t *testing.T, n int) []coach.Session {
	t.Helper()
	j := openTest(t, t.TempDir())
	fill(t, j, n, t0)
	got, err := j.Sessions(time.Time{})
	if err != nil {
		t.Fatal(err)
	}
	return got
}

// The generated journal reads back as written.
func TestFill(t *testing.T) {
	got := filled(t, 30)
	if len(got) != 30 || len(got[29].Steps) != 6 || got[0].ID != "s000000" || *got[29].PainBefore != 3+29%5 {
		t.Fatalf("read back %d sessions: %+v", len(got), got[len(got)-1])
	}
}

// BenchmarkGrowth measures what reads the journal, at 0 to 10,000
// sessions: Home's load (coach.Load, as ui's loadHistory, with the tally
// saved by the load before), the same the first time (no tally saved: a
// new unknot, or after a change to an old session), the History screen
// (its figures and its first page of sessions), a personal plan with the
// history (Known.History and plan.Build) and `unknot history --json` (the
// sessions and their JSON).
func BenchmarkGrowth(b *testing.B) {
	cat := content.Builtin()
	in := plan.Intake{Areas: []string{"upper-back"}, Pain: 3, Minutes: 10}
	for _, n := range []int{0, 100, 1000, 10000} {
		dir := b.TempDir()
		j, err := open(dir, os.Getpid(), func() time.Time { return t0 })
		if err != nil {
			b.Fatal(err)
		}
		fill(b, j, n, t0)
		b.Run(fmt.Sprintf("sessions=%d/home-first", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := j.db.Exec(`DELETE FROM tally`); err != nil {
					b.Fatal(err)
				}
				if _, err := coach.Load(j, t0); err != nil {
					b.Fatal(err)
				}
			}
		})
		if _, err := coach.Load(j, t0); err != nil { // saves the tally
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("sessions=%d/home", n), func(b *testing.B) {
			for b.Loop() {
				if _, err := coach.Load(j, t0); err != nil {
					b.Fatal(err)
				}
			}
		})
		k, err := coach.Load(j, t0)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(fmt.Sprintf("sessions=%d/history-screen", n), func(b *testing.B) {
			for b.Loop() {
				k.Stats(t0)
				if _, err := j.SessionPage(time.Time{}, coach.HistoryPage); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run(fmt.Sprintf("sessions=%d/plan", n), func(b *testing.B) {
			for b.Loop() {
				plan.Build(cat, in, safety.Result{}, k.History(t0))
			}
		})
		b.Run(fmt.Sprintf("sessions=%d/export-json", n), func(b *testing.B) {
			for b.Loop() {
				if err := WriteJSONSeq(io.Discard, j.AllSessions(time.Time{})); err != nil {
					b.Fatal(err)
				}
			}
		})
		j.Close()
	}
}

// WriteJSON writes, session by session, what one encoder of the whole
// array writes.
func TestWriteJSONAsOneArray(t *testing.T) {
	all := filled(t, 3)
	for _, ss := range [][]coach.Session{nil, {}, all[:1], all} {
		var want, got bytes.Buffer
		enc := json.NewEncoder(&want)
		enc.SetIndent("", "  ")
		if ss == nil {
			enc.Encode([]coach.Session{})
		} else {
			enc.Encode(ss)
		}
		if err := WriteJSON(&got, ss); err != nil {
			t.Fatal(err)
		}
		if got.String() != want.String() {
			t.Errorf("%d sessions:\ngot  %q\nwant %q", len(ss), got.String(), want.String())
		}
	}
}
