// Package cli is unknot's command line: one file per command, the TUI and
// plain-mode launches, flags and paths. main only calls Main.
package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"strings"

	"github.com/spf13/cobra"
)

// Main runs unknot on the process's arguments and streams and returns the
// exit status.
func Main() int {
	// A small heap: the coach holds little, and peak memory over a session
	// stays under 25 MB (SPEC §8). A memory limit near the live heap makes
	// the collector run non-stop (measured: 9.5 % of a core), so only the
	// growth factor is lowered. GOGC still wins if set.
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(50)
	}
	return run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)
}

// usageError is a mistake in how unknot was called: exit status 2.
type usageError struct{ error }

func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// run executes the command line and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runApp(&app{stdin: stdin, stdout: stdout, stderr: stderr}, args)
}

// runApp is run for a given app, so tests can replace what it launches.
func runApp(a *app, args []string) int {
	root := newRootCmd(a)
	root.SetArgs(args)
	err := root.Execute()
	switch {
	case err == nil:
		return 0
	case errors.Is(err, errInterrupted):
		return 130
	}
	var sig signalError
	if errors.As(err, &sig) {
		return sig.status()
	}
	var status exitStatus
	if errors.As(err, &status) {
		return int(status)
	}
	fmt.Fprintln(a.errOut(), "unknot: "+firstLine(err.Error()))
	var ue usageError
	if errors.As(err, &ue) || isCobraUsage(err) {
		return 2
	}
	return 1
}

func newRootCmd(app *app) *cobra.Command {
	root := &cobra.Command{
		Use:   "unknot",
		Short: "A terminal coach for knots and stiffness in the upper and mid back",
		Long: "unknot guides you through self-massage and mobility routines for the upper and\n" +
			"mid back, with a countdown you can read from the floor.\n\n" +
			"Self-care guidance only, not medical advice.",
		Example: "  unknot                                  pick a routine\n" +
			"  unknot session --program desk-break     start the 3-minute desk break\n" +
			"  unknot session --technique doorway-chest-stretch --hold 20s\n" +
			"  unknot list --json",
		Version:       version(),
		SilenceErrors: true,
		SilenceUsage:  true,
		Args:          cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return app.runTUI(homeRequest)
		},
	}
	root.SetOut(app.out()) // help, usage, man and completion are text too
	root.SetErr(app.errOut())
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.PersistentFlags().BoolVar(&app.noColor, "no-color", false, "no colour (also when NO_COLOR is set)")
	root.PersistentFlags().StringVar(&app.dataDir, "data-dir", "", "keep the journal in `DIR` (also UNKNOT_DATA_DIR; default $XDG_DATA_HOME/unknot)")
	pf := root.PersistentFlags()
	pf.BoolVar(&app.plain, "plain", false, "plain line-by-line output: no full screen, no colour (for screen readers and logs)")
	pf.BoolVar(&app.flags.voice, "voice", false, "speak the cues (needs espeak-ng, spd-say or say)")
	pf.BoolVar(&app.flags.noVoice, "no-voice", false, "do not speak the cues")
	pf.BoolVar(&app.flags.bell, "bell", false, "ring the terminal bell at each change")
	pf.BoolVar(&app.flags.noBell, "no-bell", false, "no terminal bell")
	pf.BoolVar(&app.flags.reducedMotion, "reduced-motion", false, "show the breathing pacer as a label and a count, without a moving bar")
	root.AddCommand(newSessionCmd(app), newBreakCmd(app), newBrowseCmd(app), newListCmd(app),
		newProgramsCmd(app, "  unknot programs\n  unknot programs --json"), newShowCmd(app),
		newHistoryCmd(app), newReportCmd(app), newJournalCmd(app), newProgramCmd(app), newImportCmd(app), newCheckCmd(app), newGuideCmd(app), newCheckInCmd(app), newManCmd())
	root.AddCommand(newStatusCmd(app), newNudgeCmd(app))
	strictCompletion(root)
	return root
}

// strictCompletion makes `unknot completion SHELL` refuse a shell it does
// not know (cobra prints the help and exits 0).
func strictCompletion(root *cobra.Command) {
	root.InitDefaultCompletionCmd()
	for _, c := range root.Commands() {
		if c.Name() != "completion" {
			continue
		}
		c.Args = cobra.ArbitraryArgs
		c.RunE = func(cmd *cobra.Command, args []string) error {
			if len(args) > 0 {
				return usagef("unknown shell %q for completion: bash, zsh, fish or powershell", args[0])
			}
			return cmd.Help()
		}
	}
}

// isCobraUsage recognises cobra's own argument errors (unknown command,
// wrong number of arguments), which it does not type.
func isCobraUsage(err error) bool {
	msg := err.Error()
	for _, p := range []string{"unknown command", "accepts ", "requires "} {
		if strings.Contains(msg, p) {
			return true
		}
	}
	return false
}
