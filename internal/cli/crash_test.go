package cli

import (
	"bytes"
	"errors"
	"strings"
	"sync"
	"testing"
)

// The first panic of any goroutine is kept and stops the program once;
// err then prints it with its stack and gives errCrashed.
func TestCrashesReportFirstPanicAndStopOnce(t *testing.T) {
	var c crashes
	stops := 0
	c.setStop(func() { stops++ })
	var wg sync.WaitGroup
	for _, where := range []string{"speech player", "key reader"} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer c.guard(where)
			panic("broken " + where)
		}()
		wg.Wait() // one after the other, so "speech player" is first
	}
	if stops != 1 {
		t.Errorf("stopped %d times, want 1", stops)
	}
	var out bytes.Buffer
	if err := c.err(&out); !errors.Is(err, errCrashed) {
		t.Errorf("err = %v", err)
	}
	s := out.String()
	if !strings.HasPrefix(s, "panic in the speech player: broken speech player\n") || !strings.Contains(s, "goroutine ") || strings.Contains(s, "key reader") {
		t.Errorf("printed:\n%s", s)
	}
}

// A panic before the program can be stopped stops it as soon as it can.
func TestCrashesStopLateWhenAlreadyCrashed(t *testing.T) {
	var c crashes
	c.report("speech player", "early", []byte("stack"))
	stopped := false
	c.setStop(func() { stopped = true })
	if !stopped {
		t.Error("a crash before setStop did not stop the program")
	}
}

// No panic: nothing printed, no error.
func TestCrashesQuietWithoutPanic(t *testing.T) {
	var c crashes
	c.setStop(func() { t.Error("stopped without a panic") })
	var out bytes.Buffer
	if err := c.err(&out); err != nil || out.Len() != 0 {
		t.Errorf("err %v, printed %q", err, out.String())
	}
}
