//go:build unix

package config

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A config.toml that is a FIFO, a device or too large gives one line
// naming the file, and the defaults; it is never read (a FIFO used to hang
// the app, /dev/zero to run it out of memory).
func TestLoadOddFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.toml")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	zero := filepath.Join(dir, "zero.toml")
	if err := os.Symlink("/dev/zero", zero); err != nil {
		t.Fatal(err)
	}
	big := filepath.Join(dir, "big.toml")
	os.WriteFile(big, []byte("# "+strings.Repeat("x", MaxBytes)+"\n"), 0o600)
	for _, tc := range []struct{ name, path, want string }{
		{"fifo", fifo, fifo + ": is not a regular file"},
		{"symlink to /dev/zero", zero, zero + ": is not a regular file"},
		{"directory", dir, dir + ": is not a regular file"},
		{"too large", big, big + ": is larger than 64 KiB"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			done := make(chan struct{})
			var c Config
			var problems []Problem
			go func() {
				defer close(done)
				c, problems = Load(tc.path)
			}()
			select {
			case <-done:
			case <-time.After(20 * time.Second): // a watchdog: a FIFO used to block forever
				t.Fatal("Load is still reading after 20 s")
			}
			if len(problems) != 1 || !strings.HasPrefix(problems[0].String(), tc.want) || c != Default() {
				t.Errorf("Load = %+v, %v; want the defaults and %q", c, problems, tc.want)
			}
		})
	}
}
