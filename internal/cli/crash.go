package cli

import (
	"errors"
	"fmt"
	"io"
	"runtime/debug"
	"sync"
)

// errCrashed is the last line after a panic: the details go above it.
var errCrashed = errors.New("unknot hit a bug and stopped; what you did so far is saved (the details are above)")

// crashes collects a panic from a goroutine the app starts (the speech
// player, the signal watcher, the plain-mode key reader), so that it ends
// the program the way a panic in Update does: the program is stopped, the
// terminal restored and the session saved by the usual path, and then the
// panic and its stack are printed and the exit status is non-zero.
type crashes struct {
	mu    sync.Mutex
	first *crash
	stop  func()
}

type crash struct {
	where string
	value any
	stack []byte
}

// guard is deferred first thing in such a goroutine.
func (c *crashes) guard(where string) {
	if r := recover(); r != nil {
		c.report(where, r, debug.Stack())
	}
}

// report records the first panic and stops the program (once).
func (c *crashes) report(where string, v any, stack []byte) {
	c.mu.Lock()
	first := c.first == nil
	if first {
		c.first = &crash{where: where, value: v, stack: stack}
	}
	stop := c.stop
	c.mu.Unlock()
	if first && stop != nil {
		stop()
	}
}

// setStop says how to stop the program; a panic already reported stops it
// at once.
func (c *crashes) setStop(stop func()) {
	c.mu.Lock()
	c.stop = stop
	crashed := c.first != nil
	c.mu.Unlock()
	if crashed {
		stop()
	}
}

// err prints the panic, if there was one, and returns errCrashed.
func (c *crashes) err(w io.Writer) error {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.first == nil {
		return nil
	}
	fmt.Fprintf(w, "panic in the %s: %v\n\n%s\n", c.first.where, c.first.value, c.first.stack)
	return errCrashed
}
