package cli

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/report"
)

// reportDays is the default period: the last 30 days, today included.
const reportDays = 30

func newReportCmd(a *app) *cobra.Command {
	var since, until, output string
	var asMD, asHTML bool
	cmd := &cobra.Command{
		Use:   "report",
		Short: "Print a one-page report to bring to a physiotherapist",
		Long: "Print a report on a period (by default the last 30 days): sessions and how much of them\n" +
			"was done, pain before and after, the techniques and their doses, \"this hurts\" presses,\n" +
			"the safety check in force, what followed sessions with each technique, and the sources.\n\n" +
			"Plain text by default; --md for Markdown; --html for one self-contained page that\n" +
			"prints on A4 or Letter. With -o FILE the report is written to FILE, as HTML unless\n" +
			"--md is given.",
		Example: "  unknot report\n  unknot report -o report.html\n  unknot report --since 2026-11-01 --until 2026-11-30 --md | mail -s report me@example.com",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if asMD && asHTML {
				return usagef("give --md or --html, not both")
			}
			now := a.now()
			from, to, err := reportRange(since, until, now)
			if err != nil {
				return err
			}
			in, err := a.reportInput(from, to, now)
			if err != nil {
				return err
			}
			r := report.Build(in)
			var b bytes.Buffer
			switch {
			case asMD:
				err = report.WriteMarkdown(&b, r)
			case asHTML || output != "":
				err = report.WriteHTML(&b, r)
			default:
				err = report.WriteText(&b, r)
			}
			if err != nil {
				return err
			}
			if output == "" {
				text := b.String()
				if !asMD && !asHTML {
					text = fit(text, a.width()) // on a terminal, long lines wrap under their marker
				}
				_, err = io.WriteString(a.out(), text)
				return err
			}
			if err := writeFileAtomic(output, b.Bytes()); err != nil {
				return err
			}
			a.say("report written to " + output)
			return nil
		},
	}
	f := cmd.Flags()
	f.StringVar(&since, "since", "", "the first `DATE` of the report (YYYY-MM-DD; default 30 days before --until)")
	f.StringVar(&until, "until", "", "the last `DATE` of the report (YYYY-MM-DD; default today)")
	f.BoolVar(&asMD, "md", false, "write Markdown")
	f.BoolVar(&asHTML, "html", false, "write one self-contained HTML page (the default with -o)")
	f.StringVarP(&output, "output", "o", "", "write the report to `FILE` instead of stdout")
	return cmd
}

// reportRange reads --since and --until as local dates: from the first
// day's midnight to the midnight after the last day.
func reportRange(since, until string, now time.Time) (from, to time.Time, err error) {
	y, m, d := now.Date()
	last := time.Date(y, m, d, 0, 0, 0, 0, now.Location())
	if until != "" {
		if last, err = parseDate("--until", until); err != nil {
			return from, to, err
		}
	}
	to = last.AddDate(0, 0, 1)
	from = last.AddDate(0, 0, 1-reportDays)
	if since != "" {
		if from, err = parseDate("--since", since); err != nil {
			return from, to, err
		}
	}
	if !from.Before(to) {
		return from, to, usagef("--since %s is after --until %s", from.Format(time.DateOnly), last.Format(time.DateOnly))
	}
	return from, to, nil
}

// reportInput reads what the report needs from the journal, read-only;
// without a journal the report says there is nothing yet.
func (a *app) reportInput(from, to, now time.Time) (report.Input, error) {
	cat, _ := a.catalogue()
	in := report.Input{From: from, Until: to, Now: now, Catalogue: cat}
	j, err := journal.OpenReadOnly(a.dataPath())
	switch {
	case errors.Is(err, journal.ErrNoJournal):
		return in, nil
	case err != nil:
		return in, err
	}
	defer j.Close()
	if in.Sessions, err = j.SessionsBetween(from, to); err != nil {
		return in, err
	}
	if in.Progress, err = j.InProgress(); err != nil {
		return in, err
	}
	rec, ok, err := j.LatestSafety()
	if ok {
		in.Safety = &rec
	}
	return in, err
}

// writeFileAtomic writes data to path through a temporary file in the
// same directory, so a reader never sees half a file; private (0600), as
// it is about someone's health.
func writeFileAtomic(path string, data []byte) error {
	f, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*")
	if err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	defer os.Remove(f.Name())
	if _, err := f.Write(data); err != nil {
		f.Close()
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	if err := os.Rename(f.Name(), path); err != nil {
		return fmt.Errorf("cannot write %s: %w", path, err)
	}
	return nil
}
