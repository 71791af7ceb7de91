package cli

import (
	"bytes"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/calendar"
	"github.com/unknot/unknot/nudge"
)

func newProgramICSCmd(a *app) *cobra.Command {
	var start, at, alarm, output string
	cmd := &cobra.Command{
		Use:   "ics ID",
		Short: "Write a program's days as calendar events (.ics) with a reminder",
		Long: "Write a program as iCalendar events, one a day from --start at --at, each with a\n" +
			"reminder --alarm before it and the command that starts the day in its description\n" +
			"(`unknot session --program ID` runs the day that is due). The events are marked\n" +
			"free, so they hold no nudge. Import the file into any calendar app.",
		Example:           "  unknot program ics posture-3-day > posture.ics\n  unknot program ics posture-3-day --start 2026-12-07 --at 07:30 --alarm 15m -o posture.ics",
		Args:              cobra.ExactArgs(1),
		ValidArgsFunction: a.completeIDs(func(c *content.Catalogue) []string { return c.ProgramIDs() }),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, err := a.catalogue()
			if err != nil {
				return err
			}
			p, ok := cat.Program(args[0])
			if !ok {
				return unknownName("program", args[0], cat.ProgramIDs())
			}
			first, err := programStart(a.now(), start, at)
			if err != nil {
				return err
			}
			before, err := nudge.ParseLength(alarm)
			if err != nil || before < 0 || before > 24*time.Hour || before%time.Minute != 0 {
				return usagef("--alarm %q is not whole minutes up to 24h, like 10m", alarm)
			}
			var b bytes.Buffer
			if err := calendar.ProgramEvents(&b, p.ID, programDays(cat, p), first, before, a.now()); err != nil {
				return err
			}
			if output == "" || output == "-" {
				_, err = a.stdout.Write(b.Bytes()) // CRLF and all: the format's own line ends
				return err
			}
			if err := os.WriteFile(output, b.Bytes(), 0o644); err != nil {
				return err
			}
			fmt.Fprintf(a.out(), "Wrote %s to %s: import it into your calendar.\n", content.Plural(max(len(p.Days), 1), "day"), output)
			return nil
		},
	}
	cmd.Flags().StringVar(&start, "start", "", "the first day, a `DATE` like 2026-12-07 (default tomorrow)")
	cmd.Flags().StringVar(&at, "at", "08:00", "the `TIME` of day each session starts")
	cmd.Flags().StringVar(&alarm, "alarm", "10m", "how long `BEFORE` each session the reminder comes")
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to this `FILE` instead of stdout")
	return cmd
}

// programStart is the first session's time: --start's day (default the
// day after now) at --at, in local time.
func programStart(now time.Time, start, at string) (time.Time, error) {
	day := now.AddDate(0, 0, 1)
	if start != "" {
		d, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(start), now.Location())
		if err != nil {
			return time.Time{}, usagef("--start %q is not a date like 2026-12-07", start)
		}
		day = d
	}
	h, m, ok := strings.Cut(strings.TrimSpace(at), ":")
	var hh, mm int
	if _, err := fmt.Sscanf(h+" "+m, "%d %d", &hh, &mm); !ok || err != nil || len(m) != 2 || hh < 0 || hh > 23 || mm < 0 || mm > 59 {
		return time.Time{}, usagef("--at %q is not a time of day like 08:00", at)
	}
	y, mo, d := day.Date()
	return time.Date(y, mo, d, hh, mm, 0, 0, now.Location()), nil
}

// programDays is each day of p as a calendar event's title and text.
func programDays(cat *content.Catalogue, p content.Program) []calendar.Day {
	if !p.MultiDay() {
		return []calendar.Day{{Title: p.Name, Summary: p.Summary, Minutes: cat.DayMinutes(p.Items)}}
	}
	days := make([]calendar.Day, len(p.Days))
	for i, d := range p.Days {
		days[i] = calendar.Day{Title: fmt.Sprintf("%s · Day %d of %d: %s", p.Name, i+1, len(p.Days), d.Name()),
			Summary: d.Focus, Minutes: cat.DayMinutes(d.Items)}
	}
	return days
}
