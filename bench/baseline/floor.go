//go:build floor

// The floor build (go build -tags floor): the same countdown, linked with
// every library unknot uses and with unknot's journal open, as unknot has
// it during a session. It measures what those choices cost before any of
// unknot's own screens run (bench/floor.sh):
//
//   - -exit: exit once every package has been initialised, the least any
//     unknot command can take to start;
//   - -data DIR: open (or create) the journal in DIR and read the last
//     session, as Home does, then count down with it open.
//
// The libraries are imported for their initialisation only, so the
// linker drops the code unknot would call: the figures are a floor.
package main

import (
	"flag"
	"fmt"
	"os"
	"slices"

	_ "charm.land/bubbles/v2/help"
	_ "charm.land/bubbles/v2/list"
	_ "charm.land/bubbles/v2/textinput"
	_ "charm.land/bubbles/v2/viewport"
	_ "charm.land/lipgloss/v2"
	_ "encoding/json"
	_ "github.com/BurntSushi/toml"
	_ "github.com/adrg/xdg"
	_ "github.com/emersion/go-ical"
	_ "github.com/gen2brain/beeep"
	_ "github.com/spf13/cobra"
	_ "github.com/teambition/rrule-go"
	_ "go.yaml.in/yaml/v3"
	_ "html/template"

	"github.com/unknot/unknot/internal/journal"
)

// The main package is initialised last, after every library.
func init() {
	if slices.Contains(os.Args[1:], "-exit") {
		os.Exit(0)
	}
	beforeRun = openJournal
}

var dataDir = flag.String("data", "", "the journal's `directory` (the floor build)")

// floorJournal stays open for the whole countdown, as unknot's does.
var floorJournal *journal.Journal

func openJournal() {
	if *dataDir == "" {
		fmt.Fprintln(os.Stderr, "baseline: the floor build needs -data DIR")
		os.Exit(2)
	}
	j, err := journal.Open(*dataDir)
	if err == nil {
		_, _, err = j.Last()
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
	floorJournal = j
}
