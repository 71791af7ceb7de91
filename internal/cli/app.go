package cli

import (
	"errors"
	"io"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/charmbracelet/x/term"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/safety"
)

// app holds what every command shares: output streams and global flags.
type app struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	noColor        bool
	plain          bool
	dataDir        string
	flags          cueFlags
	cat            *content.Catalogue
	packProblems   []content.Problem

	// columns, when set, is the terminal's width (see width): tests of
	// the layout use it.
	columns int

	// launch, when set, is called with the checked request instead of
	// starting the coach: tests of the command line use it.
	launch func(tuiRequest) error

	// clock, when set, is now: tests of commands that go by the time of
	// day (nudge --once) use it.
	clock func() time.Time
}

// openJournal opens the journal and reads the latest safety result from
// it. When it cannot be opened it says why in one line, and returns the
// reason for the screens: the coach then runs without saving.
func (a *app) openJournal() (j *journal.Journal, last safety.Result, why string) {
	j, err := journal.Open(a.dataPath())
	if err != nil {
		why = "Not saving: " + firstLine(err.Error())
		a.say(why)
		return nil, last, why
	}
	// Said once: the next open finds them private already.
	for _, line := range j.Tightened() {
		a.say("made private: " + line)
	}
	return j, coach.LatestSafety(j), ""
}

// errInterrupted is ctrl+c: exit status 130.
var errInterrupted = errors.New("interrupted")

// signalError ends the program after a signal stopped it: exit status
// 128 + the signal's number (SIGTERM 143, SIGHUP 129), as shells report.
type signalError struct{ sig os.Signal }

func (e signalError) Error() string { return "stopped by " + e.sig.String() }

func (e signalError) status() int {
	if n, ok := e.sig.(syscall.Signal); ok {
		return 128 + int(n)
	}
	return 1
}

// catalogue loads the embedded content once (decoded at build time and
// validated by the tests), with the user's packs merged in and validated;
// a broken pack's problems are kept to show, never fatal. It never fails.
func (a *app) catalogue() (*content.Catalogue, error) {
	if a.cat == nil {
		files, err := content.PackFiles(packDir())
		a.cat, a.packProblems = content.Builtin().WithPacks(files)
		if err != nil {
			a.packProblems = append(a.packProblems, content.Problem{Origin: packDir(), Msg: err.Error()})
		}
	}
	return a.cat, nil
}

// stdoutIsTerminal reports whether stdout is a terminal the TUI can draw on.
func (a *app) stdoutIsTerminal() bool {
	f, ok := a.stdout.(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// colorDisabled honours --no-color and NO_COLOR with any non-empty value
// (no-color.org); Bubble Tea itself only honours values that parse as true.
func (a *app) colorDisabled() bool {
	return a.noColor || os.Getenv("NO_COLOR") != ""
}

// say writes one line to stderr, as "unknot: …".
func (a *app) say(line string) { io.WriteString(a.errOut(), "unknot: "+line+"\n") }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// now is the time the coach works by: the wall clock, moved only in the
// e2e tests' build (clockOffset).
func (a *app) now() time.Time {
	if a.clock != nil {
		return a.clock()
	}
	return time.Now().Add(clockOffset())
}

// clock is now as plain mode's clock.
type clock struct{ offset time.Duration }

func (c clock) Now() time.Time                       { return time.Now().Add(c.offset) }
func (clock) After(d time.Duration) <-chan time.Time { return time.After(d) }
