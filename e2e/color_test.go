package e2e

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"
)

// colourSGR matches a colour escape (foreground or background, any kind).
var colourSGR = regexp.MustCompile(`\x1b\[[0-9;:]*(?:3[0-8]|4[0-8]|9[0-7]|10[0-7])[;:m]`)

// NO_COLOR with any non-empty value, and --no-color, leave no colour codes
// on the screen; without them there are colours.
func TestE2ENoColor(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	for _, tc := range []struct {
		name, env, flag string
		colour          bool
	}{
		{"colour by default", "", "", true},
		{"NO_COLOR=1", "NO_COLOR=1", "", false},
		{"NO_COLOR=yes", "NO_COLOR=yes", "", false},
		{"--no-color", "", "--no-color", false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			tm := newTmux(t, 80, 24)
			tm.send(fmt.Sprintf("env COLORTERM=truecolor %s %s --data-dir %s/data %s browse mid-back", tc.env, bin, tm.dir, tc.flag), "Enter")
			tm.waitScreen("Mid back", 10*time.Second)
			screen := tm.run("capture-pane", "-p", "-e", "-t", "e2e")
			if got := colourSGR.MatchString(screen); got != tc.colour {
				t.Errorf("colour codes on screen = %v, want %v:\n%q", got, tc.colour, firstLines(screen, 4))
			}
		})
	}
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	return strings.Join(lines[:min(n, len(lines))], "\n")
}

// `unknot session --plain ... | cat` prints a readable transcript.
func TestE2EPlainPipe(t *testing.T) {
	requireTmux(t)
	bin := buildBinary(t)
	ids := singleHoldTechniques(t, bin, 1)
	tm := newTmux(t, 80, 24)
	tm.send(fmt.Sprintf("%s --data-dir %s/data --no-bell --no-voice session --plain --technique %s --hold 3s --lead-in 0 | cat > %s/out",
		bin, tm.dir, ids[0], tm.dir), "Enter")
	// Type only once the program reads: keys typed while the shell is
	// still handing over the terminal can be dropped.
	tm.waitFor("the first question", 10*time.Second, func() bool { return strings.Contains(readFile(tm.dir+"/out"), "How old are you?") })
	// Age 20 to 50, nothing happening now, none of the three checklists,
	// no cautions.
	for _, a := range []string{"2", "n", "n", "n", "n", "n", ""} {
		tm.send(a, "Enter")
	}
	tm.send("3", "Enter", "Enter") // pain 3, nothing sharp
	deadline := time.Now().Add(30 * time.Second)
	for !strings.Contains(readFile(tm.dir+"/out"), "Session complete") {
		if time.Now().After(deadline) {
			t.Fatalf("the session did not end; transcript so far:\n%s\nscreen:\n%s", readFile(tm.dir+"/out"), tm.screen())
		}
		<-time.After(50 * time.Millisecond)
	}
	tm.send("2", "Enter", "Enter")
	tm.waitFor("the finish", 5*time.Second, func() bool { return strings.Contains(readFile(tm.dir+"/out"), "How often") })
	out := readFile(tm.dir + "/out")
	if strings.Contains(out, "\x1b") {
		t.Errorf("escape codes in the transcript:\n%q", out)
	}
	if !strings.Contains(out, "Hold:") && !strings.Contains(out, "Move:") {
		t.Errorf("transcript says neither Hold: nor Move: when the hold starts:\n%s", out)
	}
	for _, want := range []string{"How old are you?", "Step 1 of 1:", "Done.", "Session complete: 1 done"} {
		if !strings.Contains(out, want) {
			t.Errorf("transcript lacks %q:\n%s", want, out)
		}
	}
}

func readFile(path string) string {
	b, _ := os.ReadFile(path)
	return string(b)
}
