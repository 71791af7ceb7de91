//go:build unix

package cli

import (
	"os"
	"os/signal"
	"sync/atomic"
	"syscall"

	"golang.org/x/sys/unix"

	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/ui"
)

// jobControl reports whether a stopped unknot could be resumed: its parent
// is in the same session but another process group (a job-control shell).
// As the session leader (`tmux new unknot`, `xterm -e unknot`, `exec
// unknot`) it has no such parent: the kernel discards the SIGTSTP Bubble
// Tea sends, and Bubble Tea would wait for a SIGCONT that never comes.
func jobControl() bool {
	sid, err := unix.Getsid(0)
	if err != nil {
		return false
	}
	ppid := os.Getppid()
	psid, err := unix.Getsid(ppid)
	if err != nil {
		return false
	}
	ppgid, err := syscall.Getpgid(ppid)
	return err == nil && psid == sid && ppgid != syscall.Getpgrp()
}

// stopSignals are the signals that end a running TUI: the session is
// saved as stopped and the exit status is 128 + the signal's number.
var stopSignals = []os.Signal{syscall.SIGINT, syscall.SIGTERM, syscall.SIGHUP, syscall.SIGQUIT}

// suspender turns a SIGTSTP from outside (kill -TSTP) into what ctrl+z
// does: the hold pauses, the terminal is restored and only then does the
// process stop, so that after fg the screen is drawn again.
//
// Once SIGTSTP is caught, the Go runtime keeps catching it (signal.Reset
// does not give the default action back), so the SIGTSTP Bubble Tea sends
// to stop the process when it suspends would only reach watch. prepare
// marks that suspend as under way, and watch then stops the process group
// with SIGSTOP, which cannot be caught; fg continues it as usual, and
// Bubble Tea, waiting for SIGCONT, takes the terminal back.
type suspender struct {
	tstp       chan os.Signal
	done       chan struct{}
	suspending atomic.Bool
}

func newSuspender() *suspender {
	s := &suspender{tstp: make(chan os.Signal, 1), done: make(chan struct{})}
	signal.Notify(s.tstp, syscall.SIGTSTP)
	return s
}

// watch handles each SIGTSTP until close: Bubble Tea's own stops the
// process, one from outside asks the app to suspend.
func (s *suspender) watch(p *tea.Program, crashed *crashes) {
	defer crashed.guard("suspend watcher")
	for {
		select {
		case <-s.tstp:
			if s.suspending.Swap(false) {
				_ = syscall.Kill(0, syscall.SIGSTOP)
				continue
			}
			p.Send(ui.SuspendMsg{})
		case <-s.done:
			return
		}
	}
}

// prepare says the next SIGTSTP is Bubble Tea suspending.
func (s *suspender) prepare() { s.suspending.Store(true) }

func (s *suspender) close() {
	signal.Stop(s.tstp)
	close(s.done)
}
