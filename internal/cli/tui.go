package cli

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"

	"github.com/charmbracelet/colorprofile"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/session"
	"github.com/unknot/unknot/ui"
)

// tuiRequest is what the TUI should open on.
type tuiRequest struct {
	// req is what the command line asked for; its preset answers and hold
	// settings apply to every flow of the run.
	req     coach.Request
	direct  bool    // go straight into the flow for req
	checkIn bool    // run the whole safety check on its own
	browse  *string // non-nil: open on browse ("" for the areas)
}

// homeRequest opens the home screen.
var homeRequest = tuiRequest{req: coach.Request{Expand: session.Options{LeadIn: -1}}}

func (a *app) runTUI(req tuiRequest) error {
	if a.launch != nil {
		return a.launch(req)
	}
	cat, err := a.catalogue()
	if err != nil {
		return err
	}
	if a.wantsPlain() {
		if req.browse != nil {
			return errors.New("browsing needs a terminal; try `unknot list` and `unknot show ID`")
		}
		// Without a screen, the home screen's "start a session" it is.
		return a.runPlain(cat, req.req, req.checkIn)
	}
	opt := ui.Options{Catalogue: cat, Request: req.req, Direct: req.direct, CheckIn: req.checkIn, Browse: req.browse}
	for _, p := range a.packProblems {
		// Inside the pack directory a file's name is enough.
		opt.PackProblems = append(opt.PackProblems, strings.TrimPrefix(p.String(), packDir()+string(filepath.Separator)))
	}
	j, last, why := a.openJournal()
	if j != nil {
		defer j.Close()
		opt.Store = j
	}
	opt.Safety, opt.SaveError = last, why
	cfg, problems := a.settings()
	opt.ConfigProblems = configProblemLines(problems) // on the home screen, not printed
	opt.Bell, opt.Voice, opt.ReducedMotion = cfg.Bell, cfg.Voice, cfg.ReducedMotion
	opt.BreatheIn, opt.BreatheOut = time.Duration(cfg.BreatheIn)*time.Second, time.Duration(cfg.BreatheOut)*time.Second
	var crashed crashes
	opt.CrashTest = crashTest()
	opt.Now = a.now
	if sp := a.speech(cfg.Voice, opt.CrashTest); sp != nil {
		defer sp.Close()
		sp.OnPanic(func(v any, stack []byte) { crashed.report("speech player", v, stack) })
		opt.Speech, opt.Voice = sp, true
	}
	susp := newSuspender()
	defer susp.close()
	opt.CanSuspend, opt.PrepareSuspend = jobControl(), susp.prepare
	m := ui.New(opt)
	// The renderer wakes FPS times a second for the life of the program,
	// even when nothing changes (STYLE.md Part 3). A countdown changes once
	// a second and the pacer a few times a second, so 12 frames a second
	// is plenty: a key's effect shows within 1/12 s, and the idle cost is
	// a fifth of the default 60.
	fps := renderFPS
	if v, err := strconv.Atoi(os.Getenv("UNKNOT_FPS")); err == nil && v > 0 {
		fps = v // for measuring the trade-off (bench/cpu.sh)
	}
	// Signals are handled here, not by Bubble Tea: each ends the program
	// with its own exit status.
	opts := []tea.ProgramOption{tea.WithOutput(a.stdout), tea.WithFPS(fps), tea.WithoutSignalHandler()}
	switch {
	case a.colorDisabled():
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	case a.stdout == os.Stdout:
		// Lip Gloss detected the profile of stdout in this environment when
		// the program started; detecting it again would run `tmux info`
		// again inside tmux (about 18 ms before the first frame).
		opts = append(opts, tea.WithColorProfile(lipgloss.Writer.Profile))
	}
	// Keep the latest model seen: after a panic in Update or View, Run
	// returns no model, and this one still knows the session to save.
	var latest tea.Model = m
	opts = append(opts, tea.WithFilter(func(cur tea.Model, msg tea.Msg) tea.Msg {
		latest = cur
		return msg
	}))
	p := tea.NewProgram(m, opts...)

	// SIGINT, SIGTERM, SIGHUP (a closed terminal window) and SIGQUIT quit
	// cleanly, so the terminal is restored and the session saved as
	// stopped; the exit status says which signal it was.
	sigs := make(chan os.Signal, 1)
	signal.Notify(sigs, stopSignals...)
	defer signal.Stop(sigs)
	var killedBy atomic.Value
	go func() {
		defer crashed.guard("signal watcher")
		if s, ok := <-sigs; ok {
			killedBy.Store(s)
			p.Quit()
		}
	}()
	go susp.watch(p, &crashed)
	crashed.setStop(p.Quit)

	final, err := p.Run()
	if final == nil {
		final = latest
	}
	fm, _ := final.(*ui.Model)
	if fm == nil {
		fm = m
	}
	// A signal (SIGTERM, SIGHUP, SIGINT) or a crash ends the program
	// without a key: the session is saved as quit here, after the terminal
	// is restored.
	fm.SaveUnfinished(time.Now())
	// A goroutine's panic is printed now that the terminal is back.
	if cerr := crashed.err(a.stderr); cerr != nil {
		return cerr
	}
	if line, ok := fm.Summary(); ok && err == nil {
		fmt.Fprintln(a.stdout, line)
	}
	if s, ok := killedBy.Load().(os.Signal); ok && err == nil {
		return signalError{s}
	}
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea has restored the terminal and printed the stack.
		return errCrashed
	case errors.Is(err, tea.ErrInterrupted):
		return errInterrupted // ctrl+c or SIGINT: exit status 130
	}
	return err
}

// renderFPS is the renderer's frame rate (see runTUI).
const renderFPS = 12
