package plain

import (
	"bytes"
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/session"
)

// fakeClock moves time forward as soon as it is asked to wait.
type fakeClock struct{ t time.Time }

func (c *fakeClock) Now() time.Time { return c.t }
func (c *fakeClock) After(d time.Duration) <-chan time.Time {
	c.t = c.t.Add(d)
	ch := make(chan time.Time, 1)
	ch <- c.t
	return ch
}

var t0 = time.Date(2026, 11, 21, 9, 0, 0, 0, time.UTC)

func runner(answers string) (*Runner, *bytes.Buffer) {
	var out bytes.Buffer
	return &Runner{Cat: content.MustLoad(), Out: &out, In: strings.NewReader(answers), Clock: &fakeClock{t: t0}}, &out
}

func selection(ids ...string) Request {
	cat := content.MustLoad()
	var techs []content.Technique
	for _, id := range ids {
		t, _ := cat.Technique(id)
		techs = append(techs, t)
	}
	return Request{Techniques: techs, Title: "Test routine", Expand: session.Options{LeadIn: -1}}
}

// The whole plain-mode run, safety check to finish, is a fixed transcript.
func TestPlainTranscript(t *testing.T) {
	r, out := runner(strings.Repeat("n\n", 37) + "4\n" + "2\nfelt easier\n")
	if _, err := r.Run(selection("shoulder-rolls", "doorway-chest-stretch")); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"Step 1 of 6: Shoulder rolls", "Switch sides.", "10 seconds left.", "Done.",
		"Session complete: 6 done", "Down 2 points"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("transcript lacks %q", want)
		}
	}
	if strings.Contains(out.String(), "\x1b") {
		t.Error("escape codes in plain output")
	}
	golden.RequireEqual(t, out.Bytes())
}

func TestPlainEmergencyStopsEverything(t *testing.T) {
	r, out := runner("y\n")
	res, err := r.Run(selection("shoulder-rolls"))
	if err != nil || res.Outcome.AllowsSession() {
		t.Fatalf("outcome %v, %v", res.Outcome, err)
	}
	if !strings.Contains(out.String(), "CALL 999 / 112 / 911 NOW") || strings.Contains(out.String(), "Step 1") {
		t.Errorf("output:\n%s", out.String())
	}
}

func TestPlainNeedsAnswers(t *testing.T) {
	r, _ := runner("n\nn\n")
	if _, err := r.Run(selection("shoulder-rolls")); !errors.Is(err, ErrNoAnswer) {
		t.Errorf("err = %v", err)
	}
}

func TestPlainReasksBadAnswers(t *testing.T) {
	r, out := runner("maybe\n" + strings.Repeat("n\n", 37) + "eleven\n12\n3\n")
	if _, err := r.Run(selection("chin-tucks")); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out.String(), "Please answer y or n.") || strings.Count(out.String(), "Please answer with a number from 0 to 10.") != 2 {
		t.Errorf("bad answers not re-asked:\n%s", out.String())
	}
}

// A personal plan in plain mode asks the numbered intake.
func TestPlainPersonalPlan(t *testing.T) {
	r, out := runner(strings.Repeat("n\n", 37) + "\n3\n1\n\n\n6\n2\n\n")
	req := Request{Expand: session.Options{Hold: 5 * time.Second, LeadIn: 0}}
	if _, err := r.Run(req); err != nil {
		t.Fatal(err)
	}
	s := out.String()
	for _, want := range []string{"1. Where does it hurt?", "What do you have to hand?", "Your plan for today:", "Session complete"} {
		if !strings.Contains(s, want) {
			t.Errorf("lacks %q", want)
		}
	}
}

func TestPlainSpeaksEachLine(t *testing.T) {
	voice := &cue.Fake{}
	r, _ := runner(strings.Repeat("n\n", 37) + "3\n")
	r.Cues = voice
	r.Run(selection("chin-tucks"))
	texts := voice.Texts()
	if len(texts) == 0 || !strings.HasPrefix(texts[0], "Step 1 of") {
		t.Errorf("spoken: %q", texts)
	}
}
