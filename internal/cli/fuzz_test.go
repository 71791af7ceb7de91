package cli

import (
	"bytes"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// FuzzSessionFlags feeds the whole `unknot session` command line (--hold,
// --lead-in, --minutes, --area, --equipment) through cobra and the checks
// behind it. Every input either launches a request whose values are all in
// range, or is refused with exit status 2 and one line; nothing panics.
func FuzzSessionFlags(f *testing.F) {
	f.Add("20s", "0", "5", "mid-back", "wall")
	f.Add("1m30s", "5s", "30", "neck", "none")
	f.Add("0", "-1s", "7", "mid back", "tennis-ball")
	f.Add("9999999999999999999", "1e9s", "99999999999999999999", "", "")
	f.Add("1.5s", "∞", "-3", "upper-back\x00", "foam roller")
	f.Add("30m", "1m", "0x10", "chest", "nothing")
	cat := content.MustLoad()
	f.Fuzz(func(t *testing.T, hold, leadIn, minutes, area, equipment string) {
		var launched []tuiRequest
		var out, errb bytes.Buffer
		a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb, cat: cat,
			launch: func(r tuiRequest) error { launched = append(launched, r); return nil }}
		code := runApp(a, []string{"session", "--hold=" + hold, "--lead-in=" + leadIn,
			"--minutes=" + minutes, "--area=" + area, "--equipment=" + equipment})
		switch code {
		case 2:
			msg := errb.String()
			if len(launched) != 0 || !strings.HasPrefix(msg, "unknot: ") || strings.Count(msg, "\n") != 1 {
				t.Fatalf("refusal launched %d requests or is not one line: %q", len(launched), msg)
			}
		case 0:
			if len(launched) != 1 {
				t.Fatalf("accepted, but launched %d requests", len(launched))
			}
			r := launched[0]
			if h := r.req.Expand.Hold; h < minHoldFlag || h > maxHoldFlag || h%time.Second != 0 {
				t.Fatalf("--hold=%q accepted as %v", hold, h)
			}
			if l := r.req.Expand.LeadIn; l < 0 || l > maxLeadInFlag || l%time.Second != 0 {
				t.Fatalf("--lead-in=%q accepted as %v", leadIn, l)
			}
			if p := r.req.Preset; p.Minutes != 0 && !slices.Contains(plan.Minutes, p.Minutes) {
				t.Fatalf("--minutes=%q accepted as %d", minutes, p.Minutes)
			}
			for _, ar := range r.req.Preset.Areas {
				if !slices.Contains(intakeAreas(content.MustLoad()), ar) {
					t.Fatalf("--area=%q accepted", ar)
				}
			}
			for _, e := range r.req.Preset.Equipment {
				if _, ok := cat.EquipmentByID(e); !ok {
					t.Fatalf("--equipment=%q accepted", e)
				}
			}
		default:
			t.Fatalf("exit status %d (want 0 or 2); stderr %q", code, errb.String())
		}
	})
}

// The fuzz target's accepted branch, pinned: good flags launch one request
// carrying exactly what was asked.
func TestSessionFlagsLaunch(t *testing.T) {
	var got []tuiRequest
	var out, errb bytes.Buffer
	a := &app{stdin: strings.NewReader(""), stdout: &out, stderr: &errb,
		launch: func(r tuiRequest) error { got = append(got, r); return nil }}
	code := runApp(a, []string{"session", "--hold", "1m30s", "--lead-in", "0", "--minutes", "10",
		"--area", "mid-back", "--area", "neck", "--equipment", "wall"})
	if code != 0 || len(got) != 1 {
		t.Fatalf("exit %d, %d launches; stderr %q", code, len(got), errb.String())
	}
	r := got[0]
	if r.req.Expand.Hold != 90*time.Second || r.req.Expand.LeadIn != 0 || r.req.Preset.Minutes != 10 ||
		strings.Join(r.req.Preset.Areas, ",") != "mid-back,neck" || strings.Join(r.req.Preset.Equipment, ",") != "wall" {
		t.Errorf("launched %+v %+v", r.req.Expand, r.req.Preset)
	}
}
