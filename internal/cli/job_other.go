//go:build !unix

package cli

import (
	"os"

	tea "charm.land/bubbletea/v2"
)

// jobControl: no job control outside Unix.
func jobControl() bool { return false }

var stopSignals = []os.Signal{os.Interrupt}

type suspender struct{}

func newSuspender() *suspender                  { return &suspender{} }
func (*suspender) watch(*tea.Program, *crashes) {}
func (*suspender) prepare()                     {}
func (*suspender) close()                       {}
