package nudgestate

import (
	"os"
	"testing"
	"time"

	"github.com/unknot/unknot/nudge"
)

func TestSaveLoad(t *testing.T) {
	dir := t.TempDir()
	if f, ok, err := Load(dir); ok || err != nil || !f.State.Anchor.IsZero() {
		t.Fatalf("no file: %+v, %v, %v", f, ok, err)
	}
	t0 := time.Date(2026, time.December, 1, 9, 0, 0, 0, time.UTC)
	want := File{State: nudge.State{Anchor: t0, Snoozes: 1, QuietUntil: t0.Add(time.Hour), QuietWhy: nudge.WhyMeeting},
		Busy:    []nudge.Busy{{Start: t0.Add(time.Hour), End: t0.Add(2 * time.Hour), What: "Sync"}},
		Written: t0}
	if err := Save(dir, want); err != nil {
		t.Fatal(err)
	}
	got, ok, err := Load(dir)
	if !ok || err != nil || !got.State.Anchor.Equal(t0) || got.State.Snoozes != 1 || got.State.QuietWhy != nudge.WhyMeeting ||
		len(got.Busy) != 1 || got.Busy[0].What != "Sync" {
		t.Fatalf("Load = %+v, %v, %v", got, ok, err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("left behind: %v", entries)
	}
	os.WriteFile(Path(dir), []byte("{\"state\": "), 0o600)
	if _, ok, err := Load(dir); ok || err == nil {
		t.Errorf("a damaged file: ok %v, err %v", ok, err)
	}
}
