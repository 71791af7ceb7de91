package cli

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/journal"
)

func newJournalCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "journal",
		Short: "Carry the journal to another machine: export it, or merge one in",
		Long: "Keep one history across machines without an account or a server: export the journal\n" +
			"to a file, carry it (a USB stick, Syncthing, a shared folder) and import it on the other\n" +
			"machine. Importing merges by session: twice changes nothing.",
		Example: "  unknot journal export --jsonl > laptop.jsonl\n  unknot journal import laptop.jsonl",
		Args:    cobra.NoArgs,
		RunE:    func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newJournalExportCmd(a), newJournalImportCmd(a))
	return cmd
}

func newJournalExportCmd(a *app) *cobra.Command {
	var jsonl bool
	cmd := &cobra.Command{
		Use:   "export",
		Short: "Print the whole journal as JSON Lines",
		Long: "Print everything the journal holds as JSON Lines: a header line, then one record a line,\n" +
			"each tagged with its type: session, step, intake, nudge (a break offered and its answer),\n" +
			"safety, progress and preference.\n" +
			"JSON Lines is the one format (--jsonl says so, for scripts).",
		Example: "  unknot journal export --jsonl > journal.jsonl",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if !jsonl {
				return usagef("JSON Lines is the one format of the export: leave out --jsonl=false")
			}
			j, err := journal.OpenReadOnly(a.dataPath())
			switch {
			case errors.Is(err, journal.ErrNoJournal):
				// An empty journal exports as the header alone.
				return journal.WriteJSONL(a.jsonStdout(), journal.Dump{})
			case err != nil:
				return err
			}
			defer j.Close()
			return j.ExportJSONL(a.jsonStdout())
		},
	}
	cmd.Flags().BoolVar(&jsonl, "jsonl", true, "write JSON Lines (the default and only format)")
	return cmd
}

func newJournalImportCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE",
		Short: "Merge a journal export into this journal",
		Long: "Merge a file written by `unknot journal export` into this journal (FILE - reads stdin).\n" +
			"The whole file is checked first: a problem is reported with its line and nothing is\n" +
			"written. Sessions are matched by ID: new ones are added, the same ones left as they are,\n" +
			"and where a session differs the newer copy is kept, and said; steps either copy has are\n" +
			"kept. A break the nudges offered is added unless one due and answered at the same\n" +
			"times, with the same answer, is here. Importing the same file twice changes nothing.",
		Example: "  unknot journal import laptop.jsonl",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			d, err := readExport(a, args[0])
			if err != nil {
				return err
			}
			j, err := journal.Open(a.dataPath())
			if err != nil {
				return err
			}
			defer j.Close()
			m, err := j.Import(d)
			if err != nil {
				return err
			}
			for _, c := range m.Conflicts {
				fmt.Fprintln(a.out(), c)
			}
			if !m.Changed() {
				fmt.Fprintf(a.out(), "Nothing new in %s: this journal already holds all of it.\n", args[0])
				return nil
			}
			fmt.Fprintf(a.out(), "Imported %s: %s added, %d updated, %d unchanged; %s, %s, %s, progress in %s, %s.\n", args[0],
				content.Plural(m.Added, "session"), m.Updated, m.Unchanged, content.Plural(m.Steps, "step"),
				content.Plural(m.Nudges, "break"), content.Plural(m.Safety, "safety check"), content.Plural(m.Progress, "program"),
				content.Plural(m.Prefs, "preference"))
			return nil
		},
	}
}

// readExport reads and checks a journal export: a regular file, or
// stdin for "-".
func readExport(a *app, path string) (journal.Dump, error) {
	var r io.Reader = a.stdin
	if path != "-" {
		// Stat first: opening a named pipe would wait for a writer.
		if fi, err := os.Stat(path); err != nil {
			return journal.Dump{}, usagef("%s: %s", path, describeOpen(err))
		} else if !fi.Mode().IsRegular() {
			return journal.Dump{}, usagef("%s is not a regular file", path)
		}
		f, err := os.Open(path)
		if err != nil {
			return journal.Dump{}, usagef("%s: %s", path, describeOpen(err))
		}
		defer f.Close()
		r = f
	}
	d, err := journal.ReadJSONL(r)
	if err != nil {
		return d, fmt.Errorf("%s: %w; nothing was imported", path, err)
	}
	return d, nil
}

func describeOpen(err error) string {
	switch {
	case errors.Is(err, os.ErrNotExist):
		return "no such file"
	case errors.Is(err, os.ErrPermission):
		return "permission denied"
	}
	return err.Error()
}
