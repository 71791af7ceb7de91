package cli

import (
	"errors"
	"fmt"
	"iter"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/session"
)

func newHistoryCmd(a *app) *cobra.Command {
	var asJSON, asCSV, breaks bool
	var since string
	cmd := &cobra.Command{
		Use:   "history",
		Short: "Print the journal: sessions, pain before and after, steps",
		Long: "Print the journal of sessions.\n\n" +
			"--json prints an array of sessions with the fields id, started, ended, status, title,\n" +
			"program, day, plan, pain_before, pain_after, note and steps (index, technique, side,\n" +
			"rep, outcome, planned_seconds, actual_seconds, ended). --csv prints one row per step\n" +
			"with the columns " + strings.Join(journal.CSVHeader, ", ") + ".\n" +
			"These fields are stable: new ones may be added, none renamed.\n\n" +
			"--breaks prints the breaks the nudges offered instead, per day: taken, snoozed and\n" +
			"skipped; with --json an array of days with the fields date, taken, snoozed, skipped\n" +
			"and nudges (due, at, answer, session_id).",
		Example: "  unknot history\n  unknot history --since 2026-11-01 --csv > sessions.csv\n  unknot history --json | jq '.[].pain_after'\n" +
			"  unknot history --breaks --json | jq '.[-1].taken'",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asJSON && asCSV {
				return usagef("give --json or --csv, not both")
			}
			if breaks && asCSV {
				return usagef("--breaks has no --csv: use --json")
			}
			from, err := parseSince(since)
			if err != nil {
				return err
			}
			// Read-only: history never creates, migrates or locks the
			// journal, so it works beside a running session, on read-only
			// media and on a full disk. The exports stream: a journal of
			// years is never held in memory at once.
			sessions := func(func(coach.Session, error) bool) {}
			j, err := journal.OpenReadOnly(a.dataPath())
			switch {
			case errors.Is(err, journal.ErrNoJournal):
				// No journal yet: nothing to show, and nothing created.
			case err != nil:
				return err
			default:
				defer j.Close()
				if breaks {
					return breaksHistory(a, j, from, asJSON)
				}
				sessions = j.AllSessions(from)
			}
			if breaks {
				return breaksHistory(a, nil, from, asJSON)
			}
			switch {
			case asJSON:
				return journal.WriteJSONSeq(a.jsonStdout(), sessions)
			case asCSV:
				return journal.WriteCSVSeq(a.out(), sessions)
			}
			return historyTable(a, sessions)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON")
	cmd.Flags().BoolVar(&asCSV, "csv", false, "print CSV")
	cmd.Flags().BoolVar(&breaks, "breaks", false, "print the breaks between sessions per day (taken, snoozed, skipped)")
	cmd.Flags().StringVar(&since, "since", "", "only sessions started on or after this `DATE` (YYYY-MM-DD, local time)")
	return cmd
}

// parseSince reads --since: a date, in local time.
func parseSince(s string) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	return parseDate("--since", s)
}

// parseDate reads a date flag's value: its midnight, in local time.
func parseDate(flag, s string) (time.Time, error) {
	t, err := time.ParseInLocation(time.DateOnly, strings.TrimSpace(s), time.Local)
	if err != nil {
		return time.Time{}, usagef("%s %q is not a date like 2026-11-01", flag, s)
	}
	return t, nil
}

func historyTable(a *app, sessions iter.Seq2[coach.Session, error]) error {
	cat, err := a.catalogue()
	if err != nil {
		return err
	}
	w := tabwriter.NewWriter(a.out(), 0, 0, 2, ' ', 0)
	wrote := false
	for s, err := range sessions {
		if err != nil {
			return err
		}
		if !wrote {
			fmt.Fprintln(w, "STARTED\tLENGTH\tROUTINE\tSTEPS DONE\tPAIN\tSTATUS")
			wrote = true
		}
		// Counted as the History screen counts them: steps never reached
		// are steps of the session too.
		sum := s.Summary(cat)
		length := "-"
		if d := s.Duration(); d > 0 {
			length = content.Clock(session.ShownSeconds(d)) // rounded as the app shows it
		}
		pain := "-"
		switch {
		case s.PainBefore != nil && s.PainAfter != nil:
			pain = fmt.Sprintf("%d → %d", *s.PainBefore, *s.PainAfter)
		case s.PainBefore != nil:
			pain = fmt.Sprintf("%d → ?", *s.PainBefore)
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%d of %d\t%s\t%s\n", s.Started.Local().Format("2006-01-02 15:04"), length, cell(s.Title, maxCell),
			sum.Done, sum.Steps(), pain, s.Status)
	}
	if !wrote {
		fmt.Fprintln(a.out(), "No sessions yet.")
		return nil
	}
	return w.Flush()
}
