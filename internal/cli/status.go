package cli

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"text/template"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/internal/config"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/internal/nudgestate"
	"github.com/unknot/unknot/nudge"
)

// statusReport is what `unknot status` says; --format templates see the
// Go field names, --json the json ones.
type statusReport struct {
	// Line is the schedule in a few words: "break in 12m", "break due",
	// "in a meeting until 14:30", "off until Mon 09:00".
	Line string `json:"line"`
	// Kind is due, waiting, held, done, off, or none when no nudge has
	// run yet.
	Kind string `json:"kind"`
	// At is when the break is due, the hold ends or work starts again.
	At *time.Time `json:"at"`
	// Minutes is the whole minutes until At, rounded up (0 when due).
	Minutes int `json:"minutes"`
	// Today's answers to the nudges.
	Taken   int `json:"taken"`
	Snoozed int `json:"snoozed"`
	Skipped int `json:"skipped"`
	// Habit is the goal in a few words: "3 of 6 this fortnight".
	Habit  string `json:"habit"`
	Done   int    `json:"done"`
	Target int    `json:"target"`
	Streak int    `json:"streak"`
}

const defaultStatusFormat = `{{.Line}} · {{.Habit}}`

var kindNames = map[nudge.Kind]string{nudge.Off: "off", nudge.Waiting: "waiting", nudge.Held: "held", nudge.Due: "due", nudge.Done: "done"}

func newStatusCmd(a *app) *cobra.Command {
	var asJSON bool
	var format string
	cmd := &cobra.Command{
		Use:   "status",
		Short: "One short line for a status bar: the next break and the habit goal",
		Long: "Print one short line about the breaks between sessions, for tmux's status-right,\n" +
			"starship or waybar: \"break in 12m · 3 of 6 this fortnight\". It reads the state that\n" +
			"`unknot nudge` keeps and the journal, and never waits or touches the network.\n\n" +
			"--format takes a Go template over the fields .Line, .Kind, .At, .Minutes, .Taken,\n" +
			".Snoozed, .Skipped, .Habit, .Done, .Target and .Streak (default \"" + defaultStatusFormat + "\").\n" +
			"--json prints them as an object (line, kind, at, minutes, taken, snoozed, skipped,\n" +
			"habit, done, target, streak). Kind is due, waiting, held, done, off, or none before\n" +
			"`unknot nudge` has first run.",
		Example: "  unknot status\n  unknot status --format '{{.Line}}'\n  unknot status --json | jq .minutes\n" +
			"  set -g status-right '#(unknot status)'     # in ~/.tmux.conf",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON && cmd.Flags().Changed("format") {
				return usagef("give --json or --format, not both")
			}
			tmpl, err := template.New("status").Option("missingkey=error").Parse(format)
			if err != nil {
				return usagef("--format: %s", strings.TrimPrefix(err.Error(), "template: status:"))
			}
			r, err := a.status(a.now())
			if err != nil {
				return err
			}
			if asJSON {
				enc := json.NewEncoder(a.jsonStdout())
				enc.SetIndent("", "  ")
				return enc.Encode(r)
			}
			var b strings.Builder
			if err := tmpl.Execute(&b, r); err != nil {
				return formatError(err)
			}
			_, err = fmt.Fprintln(a.out(), firstLine(b.String()))
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().StringVar(&format, "format", defaultStatusFormat, "print with this Go `TEMPLATE`")
	return cmd
}

// status reads the state file, config.toml and the journal (read-only)
// and says where things stand at now.
func (a *app) status(now time.Time) (statusReport, error) {
	n, _ := config.LoadNudge(configPath()) // unknot nudge reports the mistakes
	s := n.Schedule
	r := statusReport{Kind: "none", Line: "no nudges yet"}
	f, ok, err := nudgestate.Load(a.dataPath())
	if err != nil {
		return r, err
	}
	if ok {
		busy := f.Busy
		if !now.Before(f.BusyUntil) {
			busy = nil // too old to trust; the clock decides
		}
		st := s.Status(f.State, busy, now)
		at := st.At
		r.Line, r.Kind, r.At = st.String(now), kindNames[st.Kind], &at
		if st.Kind != nudge.Due {
			r.Minutes = int((st.At.Sub(now) + time.Minute - 1) / time.Minute)
		}
	}
	h := coach.HabitFrom(nil, now)
	var today []coach.Nudge
	j, err := journal.OpenReadOnly(a.dataPath())
	switch {
	case errors.Is(err, journal.ErrNoJournal):
	case err != nil:
		return r, err
	default:
		defer j.Close()
		// The habit from the coach's tally and today's sessions: a
		// status line costs the same after years.
		k, err := coach.Load(j, now)
		if err != nil {
			return r, err
		}
		h = k.Habit(now)
		y, m, d := now.Date()
		if today, err = j.Nudges(time.Date(y, m, d, 0, 0, 0, 0, now.Location())); err != nil {
			return r, err
		}
	}
	day := coach.Today(coach.BreakDays(today, now.Location()), now)
	r.Taken, r.Snoozed, r.Skipped = day.Taken, day.Snoozed, day.Skipped
	r.Habit, r.Done, r.Target, r.Streak = h.Progress(), h.Done, h.Target, h.Streak
	return r, nil
}

// formatError says what is wrong with a --format template that failed as
// it ran: usually a field that is not there.
func formatError(err error) error {
	msg := err.Error()
	if _, field, ok := strings.Cut(msg, "can't evaluate field "); ok {
		field, _, _ = strings.Cut(field, " ")
		return usagef("--format: there is no field .%s (see unknot status --help)", field)
	}
	return usagef("--format: %s", strings.TrimPrefix(msg, "template: status:"))
}
