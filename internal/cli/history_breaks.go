package cli

import (
	"encoding/json"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/internal/journal"
)

// breaksHistory prints the nudges' answers per day, from j (nil when there
// is no journal yet).
func breaksHistory(a *app, j *journal.Journal, from time.Time, asJSON bool) error {
	var nudges []coach.Nudge
	if j != nil {
		var err error
		if nudges, err = j.Nudges(from); err != nil {
			return err
		}
	}
	days := coach.BreakDays(nudges, time.Local)
	if asJSON {
		if days == nil {
			days = []coach.BreakDay{}
		}
		enc := json.NewEncoder(a.jsonStdout())
		enc.SetIndent("", "  ")
		return enc.Encode(days)
	}
	if len(days) == 0 {
		fmt.Fprintln(a.out(), "No breaks yet: `unknot nudge` offers them between sessions.")
		return nil
	}
	w := tabwriter.NewWriter(a.out(), 0, 0, 2, ' ', 0)
	fmt.Fprintln(w, "DATE\tTAKEN\tSNOOZED\tSKIPPED")
	for _, d := range days {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\n", d.Date, d.Taken, d.Snoozed, d.Skipped)
	}
	return w.Flush()
}
