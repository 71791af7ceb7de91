package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/charmbracelet/x/term"
	"github.com/muesli/cancelreader"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/internal/plain"
)

// wantsPlain reports whether to use line mode: --plain, stdout not a
// terminal, a terminal that cannot do more (TERM=dumb), or no terminal to
// read keys from at all (Bubble Tea would fail opening /dev/tty).
func (a *app) wantsPlain() bool {
	if a.plain || !a.stdoutIsTerminal() || os.Getenv("TERM") == "dumb" {
		return true
	}
	if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		return false
	}
	tty, err := os.Open("/dev/tty")
	if err != nil {
		a.say("no controlling terminal to read keys from; using plain mode")
		return true
	}
	tty.Close()
	return false
}

// runPlain runs the safety check, intake, plan and session line by line.
// A panic, here or in a goroutine it starts, ends it with the terminal
// restored (raw mode is undone as the session unwinds), the steps so far
// saved, the stack printed and a non-zero exit.
func (a *app) runPlain(cat *content.Catalogue, req coach.Request, checkIn bool) (err error) {
	var crashed crashes
	defer func() {
		if v := recover(); v != nil {
			crashed.report("plain-mode runner", v, debug.Stack())
		}
		if cerr := crashed.err(a.stderr); cerr != nil {
			err = cerr
		}
	}()
	r := &plain.Runner{Cat: cat, Out: a.stdout, In: a.stdin, Clock: clock{clockOffset()}}
	if j, _, _ := a.openJournal(); j != nil {
		defer j.Close()
		r.Store = j
	}

	cfg, problems := a.settings()
	a.sayConfigProblems(problems)
	var players cue.Multi
	// The bell is for a terminal: a piped transcript gets no BEL bytes.
	if cfg.Bell && a.stdoutIsTerminal() {
		players = append(players, &cue.Bell{W: a.stdout})
	}
	if sp := a.speech(cfg.Voice, ""); sp != nil {
		defer sp.Close()
		sp.OnPanic(func(v any, stack []byte) { crashed.report("speech player", v, stack) })
		players = append(players, sp)
	}
	r.Cues = players

	// SIGINT, SIGTERM, SIGHUP and SIGQUIT stop the session as quit, saved.
	stop := make(chan struct{})
	var stopOnce sync.Once
	stopSession := func() { stopOnce.Do(func() { close(stop) }) }
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	var killedBy atomic.Value
	go func() {
		defer crashed.guard("signal watcher")
		s, ok := <-sigs
		if !ok {
			return
		}
		if !r.InSession() {
			// Nothing to save yet: the questions just end.
			fmt.Fprintln(a.stdout)
			os.Exit(signalError{s}.status())
		}
		killedBy.Store(s)
		stopSession()
	}()
	r.Stop = stop
	// A goroutine's panic stops the session the same way; before or after
	// it there is nothing to save or restore, so the program ends there.
	crashed.setStop(func() {
		if r.InSession() {
			stopSession()
			return
		}
		_ = crashed.err(a.stderr)
		a.say(errCrashed.Error())
		os.Exit(1)
	})

	// Keys work when stdin is a terminal: raw mode for the session only.
	if f, ok := a.stdin.(*os.File); ok && term.IsTerminal(f.Fd()) {
		r.Keys = nil
		r.SessionKeys = func() (<-chan rune, func()) { return rawKeys(f, r, &crashed) }
	}
	if checkIn {
		_, err = r.CheckIn()
		return err
	}
	_, err = r.Run(req)
	if s, ok := killedBy.Load().(os.Signal); ok && err == nil {
		return signalError{s}
	}
	if errors.Is(err, plain.ErrInterrupted) {
		return errInterrupted
	}
	return err
}

// rawKeys puts the terminal in raw mode and reads single keys until the
// returned function restores it. Output lines get a carriage return while
// raw mode is on.
func rawKeys(f *os.File, r *plain.Runner, crashed *crashes) (<-chan rune, func()) {
	state, err := term.MakeRaw(f.Fd())
	if err != nil {
		return nil, func() {}
	}
	cr, err := cancelreader.NewReader(f)
	if err != nil {
		_ = term.Restore(f.Fd(), state)
		return nil, func() {}
	}
	out := r.Out
	r.Out = crlf{out}
	keys := make(chan rune, 8)
	done := make(chan struct{})
	go func() {
		defer close(done)
		defer crashed.guard("key reader")
		buf := make([]byte, 16)
		for {
			n, err := cr.Read(buf)
			if err != nil {
				return
			}
			for _, b := range buf[:n] {
				select {
				case keys <- rune(b):
				default:
				}
			}
		}
	}()
	return keys, func() {
		// Wait for the reader to let go of stdin, so it cannot take the
		// answers to the questions that follow; never hang on it.
		if cr.Cancel() {
			select {
			case <-done:
			case <-time.After(time.Second):
			}
		}
		_ = term.Restore(f.Fd(), state)
		r.Out = out
	}
}

// crlf writes "\r\n" for "\n", as raw mode needs.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	_, err := io.WriteString(c.w, strings.ReplaceAll(string(p), "\n", "\r\n"))
	return len(p), err
}
