package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync/atomic"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/spf13/cobra"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/internal/config"
	"github.com/unknot/unknot/internal/idle"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/internal/notify"
	"github.com/unknot/unknot/internal/nudger"
	"github.com/unknot/unknot/nudge"
	"github.com/unknot/unknot/ui"
)

// Exit statuses of `unknot nudge --once` (1 and 2 are every command's
// error and usage mistake).
const (
	onceNothingDue = 0
	onceBreakDue   = 3
)

// nudgeFlags are the command line's say on the schedule: each overrides
// config.toml's [nudge] for this run.
type nudgeFlags struct {
	interval, hours, days, notify string
	calendars                     []string
	quiet, hold, leadIn           durationFlag
	once                          bool
	service                       string
}

func newNudgeCmd(a *app) *cobra.Command {
	var f nudgeFlags
	cmd := &cobra.Command{
		Use:   "nudge",
		Short: "Offer a two-minute seated break between sessions, around your meetings",
		Long: "Count down to the next break in a small panel (a tmux pane or a spare terminal).\n" +
			"When a break is due it notifies you and offers a 1–2 minute seated micro-routine:\n" +
			"enter starts it (after the safety check), s snoozes it (by default 10 minutes, at\n" +
			"most twice in a row), k skips it, m holds breaks for a 30-minute meeting. Breaks\n" +
			"come within working hours, wait out the events of your .ics calendars, and start\n" +
			"afresh after time away. Settings: [nudge] in config.toml; the flags override them\n" +
			"for one run.\n\n" +
			"--once checks once and exits, for systemd timers or launchd (cron has no desktop\n" +
			"to notify). Exit status: 0 no break is due, 3 a break is due (announced the first\n" +
			"time), 1 an error, 2 a mistake in the command line.\n\n" +
			"--service prints a systemd user unit (Linux) or a launchd agent (macOS) that runs\n" +
			"the nudges at login.",
		Example: "  unknot nudge\n  unknot nudge --quiet 1h\n  unknot nudge --interval 30m --hours 08:00-16:00 --days mon-thu\n" +
			"  unknot nudge --calendar ~/calendars/work.ics\n  unknot nudge --once\n" +
			"  unknot nudge --service     # prints the unit or agent, with how to install it",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if cmd.Flags().Changed("service") {
				return printService(a, f.service)
			}
			n, err := a.nudgeSettings(cmd, f)
			if err != nil {
				return err
			}
			return a.runNudge(n, f)
		},
	}
	fl := cmd.Flags()
	fl.StringVar(&f.interval, "interval", "", "`TIME` between breaks, like 45m (default 45m)")
	fl.StringVar(&f.hours, "hours", "", "working `HOURS`, like 09:00-17:30")
	fl.StringVar(&f.days, "days", "", "working `DAYS`, like mon-fri or mon,wed,fri")
	fl.StringArrayVar(&f.calendars, "calendar", nil, "an .ics `FILE` whose events hold breaks (repeat for more; replaces the config's)")
	fl.StringVar(&f.notify, "notify", "", "how to announce a break, a `WAY`: auto, desktop, terminal or bell")
	fl.Var(&f.quiet, "quiet", "hold every break for this `LONG` from now, like 1h (0s ends a quiet time)")
	fl.Var(&f.hold, "hold", "length of every hold in the micro-routine, a `DURATION` such as 20s")
	fl.Var(&f.leadIn, "lead-in", "get-into-position time before each hold, a `DURATION`; 0 for none (default 5s)")
	fl.BoolVar(&f.once, "once", false, "check once, announce a due break, and exit (status 3 when one is due)")
	fl.StringVar(&f.service, "service", "", "print a systemd user unit or launchd agent that runs the nudges at login (`KIND`: systemd or launchd; default for this system)")
	fl.Lookup("service").NoOptDefVal = "auto"
	return cmd
}

// nudgeSettings is config.toml's [nudge] with the flags on top, checked.
// The file's mistakes are said; the flags' are usage errors.
func (a *app) nudgeSettings(cmd *cobra.Command, f nudgeFlags) (config.Nudge, error) {
	n, problems := config.LoadNudge(configPath())
	a.sayConfigProblems(problems)
	s := &n.Schedule
	var err error
	if f.interval != "" {
		if s.Interval, err = nudge.ParseLength(f.interval); err != nil {
			return n, usagef("--interval %s", err)
		}
	}
	if f.hours != "" {
		if s.Start, s.End, err = nudge.ParseHours(f.hours); err != nil {
			return n, usagef("--hours %s", err)
		}
	}
	if f.days != "" {
		if s.Days, err = nudge.ParseDays(f.days); err != nil {
			return n, usagef("--days %s", err)
		}
	}
	if err := s.Validate(); err != nil {
		return n, usagef("%s", err)
	}
	if cmd.Flags().Changed("calendar") {
		n.Calendars = nil
		for _, c := range f.calendars {
			n.Calendars = append(n.Calendars, config.ExpandHome(c))
		}
	}
	if f.notify != "" {
		switch f.notify {
		case notify.Auto, notify.Desktop, notify.Terminal, notify.Bell:
			n.Notify = f.notify
		default:
			return n, usagef("--notify %q is not one of auto, desktop, terminal, bell", f.notify)
		}
	}
	if f.quiet.set {
		d, err := nudge.ParseLength(f.quiet.raw)
		if err != nil || d > 24*time.Hour {
			return n, usagef("--quiet %q is not a length of time up to 24h, like 1h (0s ends a quiet time)", f.quiet.raw)
		}
	}
	if d := testNudgeInterval(); d > 0 {
		s.Interval = d // the e2e tests' few seconds, past Validate's floor
	}
	return n, nil
}

// nudgeRun is what one `unknot nudge` works with.
type nudgeRun struct {
	runner   *nudger.Runner
	notifier *notify.Notifier
	req      coach.Request
	secs     int
	journal  *journal.Journal
	// signals is where the terminal's notification and the bell go:
	// stdout when it is a terminal or they were asked for by name, else
	// nowhere (a cron job's log needs no escape sequences).
	signals io.Writer
}

// announce notifies of a due break.
func (r *nudgeRun) announce() {
	io.WriteString(r.signals, r.notifier.Notify(ui.NudgeTitle, ui.NudgeBody(r.req.Title, r.secs)))
}

// runNudge runs the nudges: once, in the panel, or line by line.
func (a *app) runNudge(n config.Nudge, f nudgeFlags) error {
	cat, err := a.catalogue()
	if err != nil {
		return err
	}
	base := homeRequest.req
	if base.Expand, err = holdOptions(f.hold, f.leadIn); err != nil {
		return err
	}
	req, secs, ok := coach.MicroRoutine(cat, base)
	if !ok {
		return errors.New("the content has no seated micro-routine")
	}
	r := &nudgeRun{runner: nudger.New(n.Schedule, a.dataPath(), n.Calendars), notifier: notify.New(n.Notify), req: req, secs: secs}
	r.runner.Say = a.say
	r.signals = io.Discard
	if a.stdoutIsTerminal() || n.Notify == notify.Terminal || n.Notify == notify.Bell {
		r.signals = a.stdout
	}
	r.open(a)
	defer func() { r.close() }()
	if src := idle.Find(); src != nil {
		r.runner.Idle = src.Read
	} else if !f.once {
		a.say("time away from the machine cannot be known here: breaks run on the clock")
	}
	if f.quiet.set {
		d, _ := nudge.ParseLength(f.quiet.raw)
		if err := r.runner.Hold(a.now(), d, nudge.WhyQuiet); err != nil {
			return err
		}
	}
	switch {
	case f.once:
		return a.nudgeOnce(r)
	case a.wantsPlain():
		return a.nudgePlain(r)
	}
	return a.nudgeTUI(r)
}

// open opens the journal for the answers; without it the nudges still run.
func (r *nudgeRun) open(a *app) {
	j, err := journal.Open(a.dataPath())
	if err != nil {
		a.say("not saving the answers: " + firstLine(err.Error()))
		return
	}
	r.journal, r.runner.Store = j, j
}

func (r *nudgeRun) close() {
	if r.journal != nil {
		r.journal.Close()
		r.journal, r.runner.Store = nil, nil
	}
}

// habit is the habit at now from the journal.
func (r *nudgeRun) habit(now time.Time) coach.Habit {
	if r.journal != nil {
		if k, err := coach.Load(r.journal, now); err == nil {
			return k.Habit(now)
		}
	}
	return coach.HabitFrom(nil, now)
}

// nudgeOnce checks once: the status line, and the announcement of a break
// that has just fallen due.
func (a *app) nudgeOnce(r *nudgeRun) error {
	now := a.now()
	st, announce, err := r.runner.Check(now)
	if err != nil {
		return err
	}
	if announce {
		r.announce()
	}
	fmt.Fprintln(a.out(), st.String(now))
	if st.Kind == nudge.Due {
		return exitStatus(onceBreakDue)
	}
	return nil
}

// takeBreak runs the micro-routine through the usual flow (the safety
// check first) and records the answer: taken when a session started,
// skipped when it did not (the check stopped it, or the person left).
func (a *app) takeBreak(r *nudgeRun, st nudge.Status, run func() error) error {
	at := a.now()
	r.close() // the session's own run opens the journal
	err := run()
	r.open(a)
	answer, id := coach.AnswerSkipped, ""
	if r.journal != nil {
		if s, ok, _ := r.journal.Last(); ok && !s.Started.Before(at.Add(-time.Second)) {
			answer, id = coach.AnswerTaken, s.ID
		}
	}
	if aerr := r.runner.Answer(a.now(), st, answer, id); aerr != nil && err == nil {
		err = aerr
	}
	return err
}

// nudgeTUI runs the panel; after a routine started from it, the panel
// comes back.
func (a *app) nudgeTUI(r *nudgeRun) error {
	for {
		m := ui.NewNudge(ui.NudgeOptions{
			Now:   a.now,
			Check: r.runner.Check,
			Answer: func(now time.Time, st nudge.Status, answer string) error {
				return r.runner.Answer(now, st, answer, "")
			},
			Hold:    r.runner.Hold,
			Today:   r.runner.Today,
			Habit:   r.habit,
			Notify:  r.notifier.Notify,
			Routine: r.req.Title, RoutineSeconds: r.secs,
		})
		r.runner.Say = m.Note
		opts := []tea.ProgramOption{tea.WithOutput(a.stdout), tea.WithFPS(renderFPS), tea.WithoutSignalHandler()}
		switch {
		case a.colorDisabled():
			opts = append(opts, tea.WithColorProfile(colorprofile.Ascii))
		case a.stdout == os.Stdout:
			opts = append(opts, tea.WithColorProfile(lipgloss.Writer.Profile))
		}
		p := tea.NewProgram(m, opts...)
		// A signal ends the panel with its own exit status, as it ends a
		// session (see runTUI).
		sigs := make(chan os.Signal, 1)
		signal.Notify(sigs, stopSignals...)
		var killedBy atomic.Value
		go func() {
			if s, ok := <-sigs; ok {
				killedBy.Store(s)
				p.Send(ui.StopNudge{})
			}
		}()
		final, err := p.Run()
		signal.Stop(sigs)
		close(sigs)
		r.runner.Say = a.say
		if s, ok := killedBy.Load().(os.Signal); ok {
			return signalError{s}
		}
		if err != nil {
			if errors.Is(err, tea.ErrInterrupted) {
				return errInterrupted
			}
			return err
		}
		if fm, _ := final.(*ui.NudgeModel); fm == nil || !fm.Start {
			return nil
		}
		st, _, _ := r.runner.Check(a.now())
		req := tuiRequest{req: r.req, direct: true}
		if err := a.takeBreak(r, st, func() error { return a.runTUI(req) }); err != nil {
			return err
		}
	}
}

// exitStatus ends the command with a given status and no message.
type exitStatus int

func (e exitStatus) Error() string { return fmt.Sprintf("exit status %d", int(e)) }
