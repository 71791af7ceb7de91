package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/adrg/xdg"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/term"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/config"
	"github.com/unknot/unknot/internal/cue"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/safety"
	"github.com/unknot/unknot/session"
	"github.com/unknot/unknot/ui"
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

	// launch, when set, is called with the checked request instead of
	// starting the coach: tests of the command line use it.
	launch func(tuiRequest) error
}

// dataPath is where the journal lives: --data-dir, then UNKNOT_DATA_DIR,
// then $XDG_DATA_HOME/unknot.
func (a *app) dataPath() string {
	switch {
	case a.dataDir != "":
		return a.dataDir
	case os.Getenv("UNKNOT_DATA_DIR") != "":
		return os.Getenv("UNKNOT_DATA_DIR")
	}
	return filepath.Join(xdgHome("XDG_DATA_HOME", xdg.DataHome), "unknot")
}

// configDir is unknot's settings directory: $XDG_CONFIG_HOME/unknot.
func configDir() string { return filepath.Join(xdgHome("XDG_CONFIG_HOME", xdg.ConfigHome), "unknot") }

// xdgHome reads an XDG base directory variable now (adrg/xdg reads it only
// at start-up, and tests set it later), falling back to xdg's default.
func xdgHome(env, fallback string) string {
	if dir := os.Getenv(env); dir != "" {
		return dir
	}
	return fallback
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
	if rec, ok, err := j.LatestSafety(); err == nil && ok {
		last = safety.FromRecord(rec)
	}
	return j, last, ""
}

var errInterrupted = errors.New("interrupted")

// catalogue loads the embedded content once, with the user's packs merged
// in; a broken pack's problems are kept to show, never fatal.
func (a *app) catalogue() (*content.Catalogue, error) {
	if a.cat == nil {
		c, err := content.Load()
		if err != nil {
			return nil, fmt.Errorf("content: %w", err)
		}
		files, err := content.PackFiles(packDir())
		a.cat, a.packProblems = c.WithPacks(files)
		if err != nil {
			a.packProblems = append(a.packProblems, content.Problem{Origin: packDir(), Msg: err.Error()})
		}
	}
	return a.cat, nil
}

// tuiRequest is what the TUI should open on.
type tuiRequest struct {
	start  *ui.Request // nil: open the home screen
	browse *string     // non-nil: open on browse ("" for the areas)
	preset ui.Preset
	expand session.Options
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
		if req.start == nil {
			req.start = &ui.Request{} // the home screen's "start a session"
		}
		return a.runPlain(cat, req)
	}
	opt := ui.Options{Catalogue: cat, Start: req.start, Browse: req.browse, Preset: req.preset, Expand: req.expand}
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
	cfg := a.settings()
	opt.Bell, opt.Voice, opt.ReducedMotion = cfg.Bell, cfg.Voice, cfg.ReducedMotion
	opt.BreatheIn, opt.BreatheOut = time.Duration(cfg.BreatheIn)*time.Second, time.Duration(cfg.BreatheOut)*time.Second
	var crashed crashes
	opt.CrashTest = os.Getenv("UNKNOT_CRASH_TEST")
	if sp := a.speech(cfg.Voice, opt.CrashTest); sp != nil {
		defer sp.Close()
		sp.OnPanic(func(v any, stack []byte) { crashed.report("speech player", v, stack) })
		opt.Speech, opt.Voice = sp, true
	}
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
	opts := []tea.ProgramOption{tea.WithOutput(a.stdout), tea.WithFPS(fps)}
	if a.colorDisabled() {
		opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
	}
	// Keep the latest model seen: after a panic in Update or View, Run
	// returns no model, and this one still knows the session to save.
	var latest tea.Model = m
	opts = append(opts, tea.WithFilter(func(cur tea.Model, msg tea.Msg) tea.Msg {
		latest = cur
		return msg
	}))
	p := tea.NewProgram(m, opts...)

	// Bubble Tea handles SIGINT and SIGTERM but not SIGHUP (a closed
	// terminal window) or SIGQUIT: quit cleanly so the terminal is restored
	// and the session saved.
	hup := make(chan os.Signal, 1)
	signal.Notify(hup, syscall.SIGHUP, syscall.SIGQUIT)
	defer signal.Stop(hup)
	go func() {
		defer crashed.guard("signal watcher")
		if _, ok := <-hup; ok {
			p.Quit()
		}
	}()
	crashed.setStop(p.Quit)

	final, err := p.Run()
	if final == nil {
		final = latest
	}
	fm, _ := final.(ui.Model)
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
	switch {
	case errors.Is(err, tea.ErrProgramPanic):
		// Bubble Tea has restored the terminal and printed the stack.
		return errCrashed
	case errors.Is(err, tea.ErrInterrupted):
		return errInterrupted // ctrl+c or SIGINT: exit status 130
	}
	return err
}

// say writes one line to stderr, as "unknot: …".
func (a *app) say(line string) { io.WriteString(a.stderr, "unknot: "+line+"\n") }

func firstLine(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}

// speech is the voice player when cues are to be spoken, or nil. The crash
// test "speech" gets one whose voice panics on the words "crash test".
func (a *app) speech(voice bool, crashTest string) *cue.Speech {
	if crashTest == "speech" {
		return cue.NewSpeechWith("crash-test-voice", nil, func(_ context.Context, _ string, args ...string) error {
			if strings.HasPrefix(args[len(args)-1], "crash test") {
				panic("crash test: a panic in the speech player")
			}
			return nil
		})
	}
	if !voice {
		return nil
	}
	sp, _ := cue.NewSpeech()
	return sp
}

// renderFPS is the renderer's frame rate (see runTUI).
const renderFPS = 12

// cueFlags are the command line's say on cues; they override config.toml.
type cueFlags struct {
	voice, noVoice, bell, noBell, reducedMotion bool
}

// configPath is the settings file: $XDG_CONFIG_HOME/unknot/config.toml.
func configPath() string { return filepath.Join(configDir(), "config.toml") }

// settings reads config.toml and applies the flags on top. A broken file
// is reported in one line and the defaults are used.
func (a *app) settings() config.Config {
	cfg, err := config.Load(configPath())
	if err != nil {
		a.say(firstLine(err.Error()) + "; using the defaults")
	}
	f := a.flags
	switch {
	case f.noVoice:
		cfg.Voice = false
	case f.voice:
		cfg.Voice = true
	}
	switch {
	case f.noBell:
		cfg.Bell = false
	case f.bell:
		cfg.Bell = true
	}
	if f.reducedMotion {
		cfg.ReducedMotion = true
	}
	return cfg
}
