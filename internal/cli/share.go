package cli

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/internal/regularfile"
)

func newProgramCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "program",
		Short: "Share a program: as a content pack, or its days as calendar events",
		Args:  cobra.NoArgs,
		RunE:  func(cmd *cobra.Command, _ []string) error { return cmd.Help() },
	}
	cmd.AddCommand(newProgramExportCmd(a), newProgramICSCmd(a))
	return cmd
}

func newProgramExportCmd(a *app) *cobra.Command {
	var as string
	cmd := &cobra.Command{
		Use:   "export ID",
		Short: "Print a program, with the pack techniques it uses, as a content pack",
		Long: "Print a program as a content pack (YAML) that `unknot import` installs on another machine:\n" +
			"the program, the techniques of your own packs it uses and the references they cite.\n" +
			"Built-in techniques are named, not copied. A built-in program is on every machine\n" +
			"already: --as NEW-ID shares a copy of it to edit.",
		Example: "  unknot program export chair-reset > chair-reset.yaml\n  unknot program export desk-break --as my-desk-break > my-desk-break.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			cat, _ := a.catalogue()
			if _, ok := cat.Program(args[0]); !ok {
				return unknownName("program", args[0], cat.ProgramIDs())
			}
			sh, err := cat.ShareProgram(args[0], as)
			if err != nil {
				return usagef("%s", err)
			}
			name := sh.File.Programs[0].ID
			data, err := content.EncodePack(sh.File, fmt.Sprintf(
				"unknot content pack: the program %s, shared on %s.\nCheck it with `unknot check FILE`; install it with `unknot import FILE`.",
				name, a.now().Format(time.DateOnly)))
			if err != nil {
				return err
			}
			for _, d := range sh.Dropped {
				a.say("left out " + d)
			}
			_, err = a.out().Write(data)
			return err
		},
	}
	cmd.Flags().StringVar(&as, "as", "", "share the program under a new `ID` (needed for a built-in program)")
	cmd.ValidArgsFunction = a.completeIDs(func(c *content.Catalogue) []string { return c.ProgramIDs() })
	return cmd
}

func newImportCmd(a *app) *cobra.Command {
	var yes, replace bool
	cmd := &cobra.Command{
		Use:   "import FILE",
		Short: "Check a content pack and install it into your packs folder",
		Long: "Check a content pack exactly as `unknot check FILE` does, say what it adds, ask, and copy\n" +
			"it into " + packDir() + ". Nothing is installed when the pack has a problem,\n" +
			"or when its ids are already taken by your other packs. A different file of the same name\n" +
			"is never replaced without asking (or --replace); the same file is left as it is.",
		Example: "  unknot import chair-reset.yaml\n  unknot import --yes chair-reset.yaml",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return a.importPack(args[0], yes, replace)
		},
	}
	cmd.Flags().BoolVarP(&yes, "yes", "y", false, "install without asking (for scripts)")
	cmd.Flags().BoolVar(&replace, "replace", false, "replace a different pack file of the same name")
	return cmd
}

func (a *app) importPack(path string, yes, replace bool) error {
	if _, err := os.Stat(path); err != nil {
		return usagef("%s: %s", path, describeOpen(err))
	}
	data, err := regularfile.Read(path, content.MaxPackBytes)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	// First exactly what `unknot check FILE` checks: the pack on the
	// built-in content.
	if _, problems := content.Builtin().WithPacks([]string{path}); len(problems) > 0 {
		for _, p := range problems {
			fmt.Fprintln(a.out(), p.String())
		}
		return fmt.Errorf("%s; nothing installed", errProblems{n: len(problems)})
	}
	f, err := content.Decode(path, data)
	if err != nil {
		return err
	}
	target := filepath.Join(packDir(), packName(path))
	old, err := os.ReadFile(target)
	exists := err == nil
	if exists && bytes.Equal(old, data) {
		fmt.Fprintf(a.out(), "%s is installed already, the same file; nothing to do.\n", target)
		return nil
	}
	// Then beside the packs already installed: an id one of them holds
	// would be left out at start.
	others, err := content.PackFiles(packDir())
	if err != nil {
		return err
	}
	var keep []string
	for _, o := range others {
		if o != target {
			keep = append(keep, o)
		}
	}
	if _, problems := content.Builtin().WithPacks(append(keep, path)); len(problems) > 0 {
		clash := 0
		for _, p := range problems {
			if strings.HasPrefix(p.Origin, path+":") || p.Origin == path {
				fmt.Fprintln(a.out(), p.String())
				clash++
			}
		}
		if clash > 0 {
			return fmt.Errorf("%s beside your installed packs; nothing installed", errProblems{n: clash})
		}
	}
	fmt.Fprintf(a.out(), "%s adds:\n", path)
	for _, line := range f.Adds() {
		fmt.Fprintf(a.out(), "  %s\n", line)
	}
	if exists {
		fmt.Fprintf(a.out(), "%s exists and is a different file.\n", target)
		if !replace {
			if yes {
				return fmt.Errorf("%s exists and differs; give --replace to replace it, or rename %s", target, path)
			}
			if ok, err := a.ask("Replace it? [y/N] "); err != nil || !ok {
				return notInstalled(a, err)
			}
		}
	} else if !yes {
		if ok, err := a.ask(fmt.Sprintf("Install it into %s? [y/N] ", packDir())); err != nil || !ok {
			return notInstalled(a, err)
		}
	}
	if err := os.MkdirAll(packDir(), 0o755); err != nil {
		return fmt.Errorf("cannot create %s: %w", packDir(), err)
	}
	if err := writeFileAtomic(target, data); err != nil {
		return err
	}
	verb := "Installed"
	if exists {
		verb = "Replaced"
	}
	fmt.Fprintf(a.out(), "%s %s. `unknot programs` lists its programs; `unknot list` its techniques.\n", verb, target)
	return nil
}

func notInstalled(a *app, err error) error {
	if err != nil {
		return err
	}
	fmt.Fprintln(a.out(), "Nothing installed.")
	return nil
}

// packName is the installed file's name: the file's own, as .yaml (the
// app loads only *.yaml).
func packName(path string) string {
	base := filepath.Base(path)
	return strings.TrimSuffix(strings.TrimSuffix(base, ".yml"), ".yaml") + ".yaml"
}

// ask asks a yes/no question on stdin; no answer is an error that says
// how to answer without one.
func (a *app) ask(question string) (bool, error) {
	fmt.Fprint(a.out(), question)
	line, err := bufio.NewReader(a.stdin).ReadString('\n')
	if err != nil && (err != io.EOF || line == "") {
		fmt.Fprintln(a.out())
		return false, errors.New("no answer (stdin ended): give --yes to install without asking")
	}
	answer := strings.ToLower(strings.TrimSpace(line))
	return answer == "y" || answer == "yes", nil
}
