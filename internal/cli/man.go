package cli

import (
	_ "embed"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"

	"github.com/unknot/unknot/internal/journal"
	"github.com/unknot/unknot/internal/nudgestate"
	"github.com/unknot/unknot/ui"
)

// newManCmd prints the man page, generated from the commands themselves.
func newManCmd() *cobra.Command {
	return &cobra.Command{
		Use:     "man",
		Short:   "Print the man page (troff), e.g. unknot man > unknot.1",
		Example: "  unknot man | man -l -",
		Args:    cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			_, err := io.WriteString(cmd.OutOrStdout(), manTroff())
			return err
		},
	}
}

// The page is rendered to troff by go-md2man when it is generated, not
// when it is printed: rendering it here linked go-md2man and blackfriday
// into every run of unknot, and their package initialisation cost every
// start about 1.5 ms and 0.7 MB of resident memory (BENCHMARKS.md).
// TestManInSync fails when unknot.1.in and the commands differ.
//
//go:generate go test -run ^TestManInSync$ -update-man .
//go:embed unknot.1.in
var manTemplate string

// What the page says that differs by build and by machine is written into
// unknot.1.in as these marks, filled in by manTroff. They hold nothing
// markdown or troff would change.
const (
	manVersionMark = "XUNKNOTVERSIONX"
	manConfigMark  = "/XUNKNOTCONFIGX" // as $XDG_CONFIG_HOME: an absolute path
)

// manTroff is the man page for this build and machine.
func manTroff() string {
	packs := filepath.Join(manConfigMark, "unknot", "content")
	return strings.NewReplacer(manVersionMark, troffText(version()), packs, troffText(packDir())).Replace(manTemplate)
}

// troffText keeps troff from reading a backslash in s as an escape; s goes
// in the middle of a line, where nothing else is special.
func troffText(s string) string { return strings.ReplaceAll(s, `\`, `\e`) }

// manPage is unknot(1) in the markdown go-md2man reads: one page with
// every command, the keys of the full-screen app (from the bindings the
// help line shows), the environment and the files. It names no other
// page: none is generated.
func manPage(root *cobra.Command, version string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%% \"UNKNOT\" \"1\" \"\" \"unknot %s\" \"unknot manual\"\n", version)
	fmt.Fprintf(&b, "# NAME\nunknot \\- %s\n\n", root.Short)
	b.WriteString("# SYNOPSIS\n**unknot** [*command*] [*options*]\n\n")
	fmt.Fprintf(&b, "# DESCRIPTION\n%s\n\n", root.Long)
	b.WriteString("Without a command, unknot opens its home screen. When stdout is not a terminal, with " +
		"**--plain** or with TERM=dumb it runs in plain mode: numbered questions answered on a line, " +
		"one line per event.\n\n")
	b.WriteString("# OPTIONS\nThese options work with every command.\n\n")
	manFlags(&b, root.PersistentFlags())
	b.WriteString("# COMMANDS\n")
	for _, c := range commands(root) {
		fmt.Fprintf(&b, "### %s\n%s.\n\n", strings.TrimSuffix(c.UseLine(), " [flags]"), c.Short)
		if c.Long != "" {
			b.WriteString(manEscape(c.Long) + "\n\n")
		}
		// Examples before the flags: a block after a definition list
		// would be read as part of the last definition.
		if c.Example != "" {
			fmt.Fprintf(&b, "```\n%s\n```\n\n", c.Example)
		}
		manFlags(&b, c.LocalNonPersistentFlags())
	}
	b.WriteString("# KEYS\nThe keys of the full-screen app; **?** shows those of the screen on show.\n\n")
	for _, s := range ui.KeyReference() {
		fmt.Fprintf(&b, "### %s\n", s.Where)
		for _, k := range s.Keys {
			fmt.Fprintf(&b, "**%s**\n: %s\n\n", manEscape(k.Key), manEscape(k.Desc))
		}
	}
	b.WriteString("# ENVIRONMENT\n")
	for _, e := range [][2]string{
		{"NO_COLOR", "Any value turns colour off, as --no-color does."},
		{"UNKNOT_DATA_DIR", "Where the journal is kept, unless --data-dir is given."},
		{"XDG_DATA_HOME", "The journal is kept in $XDG_DATA_HOME/unknot when neither --data-dir nor UNKNOT_DATA_DIR is set (default ~/.local/share). A relative path is ignored."},
		{"XDG_CONFIG_HOME", "config.toml and the content packs are read from $XDG_CONFIG_HOME/unknot (default ~/.config). A relative path is ignored."},
		{"TERM", "TERM=dumb runs plain mode."},
	} {
		fmt.Fprintf(&b, "**%s**\n: %s\n\n", e[0], manEscape(e[1]))
	}
	b.WriteString("# FILES\n")
	for _, f := range [][2]string{
		{filepath.Join("$XDG_DATA_HOME", "unknot", journal.FileName), "The journal (SQLite): sessions, steps, pain before and after, safety answers, program progress. `unknot history` and `unknot report` read it; `unknot journal export` and `unknot journal import` carry it to another machine."},
		{filepath.Join("$XDG_DATA_HOME", "unknot", nudgestate.FileName), "The nudges' shared state: the answers' effect on the schedule and the calendars' busy time for the day ahead. `unknot status` reads it."},
		{filepath.Join("$XDG_CONFIG_HOME", "unknot", "config.toml"), "Settings: voice, bell, reduced_motion, breathe_in, breathe_out, and the [nudge] table. Mistakes are shown on the home screen (in plain mode, printed at the start) and those settings keep their defaults."},
		{filepath.Join("$XDG_CONFIG_HOME", "unknot", "content", "*.yaml"), "Content packs: your own techniques and programs, merged in at start. `unknot check` validates them; `unknot import` installs a shared one here."},
	} {
		fmt.Fprintf(&b, "**%s**\n: %s\n\n", manEscape(f[0]), manEscape(f[1]))
	}
	b.WriteString("# EXIT STATUS\n")
	for _, s := range [][2]string{
		{"0", "Success."},
		{"1", "An error, or `unknot check` found problems."},
		{"2", "A mistake in how unknot was called: an unknown command, flag or name."},
		{"3", "`unknot nudge --once`: a break is due."},
		{"130", "Interrupted with ctrl+c; what was done is saved."},
		{"128+n", "Stopped by signal n (143 for SIGTERM, 129 for SIGHUP); the session is saved as stopped."},
	} {
		fmt.Fprintf(&b, "**%s**\n: %s\n\n", s[0], manEscape(s[1]))
	}
	return b.String()
}

// commands is every command below root that a person may run, depth first.
func commands(root *cobra.Command) []*cobra.Command {
	var out []*cobra.Command
	for _, c := range root.Commands() {
		if !c.IsAvailableCommand() || c.IsAdditionalHelpTopicCommand() || c.Name() == "help" {
			continue
		}
		out = append(out, c)
		if c.Name() != "completion" { // one entry says which shells
			out = append(out, commands(c)...)
		}
	}
	return out
}

// manFlags lists flags with their placeholders, as --help shows them.
func manFlags(w io.Writer, flags *pflag.FlagSet) {
	flags.VisitAll(func(f *pflag.Flag) {
		if f.Hidden || f.Name == "help" {
			return
		}
		name, usage := pflag.UnquoteUsage(f)
		head := "**--" + f.Name + "**"
		if f.Shorthand != "" {
			head = "**-" + f.Shorthand + "**, " + head
		}
		if name != "" {
			head += " *" + name + "*"
		}
		fmt.Fprintf(w, "%s\n: %s\n\n", head, manEscape(usage))
	})
}

// manEscape keeps markdown from reading * and _ in plain text as emphasis.
func manEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, "*", `\*`, "_", `\_`).Replace(s)
}
