package coach

import (
	"testing"

	"github.com/unknot/unknot/content"
)

// The micro-routine is seated and takes one to two minutes.
func TestMicroRoutine(t *testing.T) {
	c := content.Builtin()
	r, secs, ok := MicroRoutine(c, Request{})
	if !ok {
		t.Fatal("no micro-routine")
	}
	if secs < 60 || secs > 120 {
		t.Errorf("takes %d s, want 60–120", secs)
	}
	for _, tech := range r.Techniques {
		if tech.Position != content.PositionSeated {
			t.Errorf("%s is %s, not seated", tech.ID, tech.Position)
		}
	}
	if r.Title != MicroTitle || r.Program != "" || r.Personal() {
		t.Errorf("request = %+v", r)
	}
}
