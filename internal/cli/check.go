package cli

import (
	"fmt"
	"os"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
)

func newCheckCmd(a *app) *cobra.Command {
	return &cobra.Command{
		Use:   "check [PATH]",
		Short: "Validate a content pack and print every problem with its file and line",
		Long: "Validate content packs: a .yaml file, or every .yaml file in a directory\n" +
			"(default: " + packDir() + ").\n" +
			"Every problem is printed as file:line: message; the exit status is 1 when there is any.\n" +
			"The format is described in docs/content-format.md.",
		Example: "  unknot check\n  unknot check my-pack.yaml",
		Args:    cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			path := packDir()
			if len(args) == 1 {
				path = args[0]
				if _, err := os.Stat(path); err != nil {
					return usagef("%s: no such file or directory", path)
				}
			} else if _, err := os.Stat(path); err != nil {
				fmt.Fprintf(a.out(), "No content packs in %s.\n", path)
				return nil
			}
			files, err := content.PackFiles(path)
			if err != nil {
				return err
			}
			base, err := content.Load()
			if err != nil {
				return err
			}
			merged, problems := base.WithPacks(files)
			for _, p := range problems {
				fmt.Fprintln(a.out(), p.String())
			}
			if len(problems) > 0 {
				return errProblems{n: len(problems)}
			}
			fmt.Fprintf(a.out(), "%s checked: %s and %s added, no problems.\n", content.Plural(len(files), "file"),
				content.Plural(len(merged.Techniques)-len(base.Techniques), "technique"), content.Plural(len(merged.Programs)-len(base.Programs), "program"))
			return nil
		},
	}
}

// errProblems makes `unknot check` exit 1 after it has printed them.
type errProblems struct{ n int }

func (e errProblems) Error() string { return fmt.Sprintf("%s found", content.Plural(e.n, "problem")) }
