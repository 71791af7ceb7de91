//go:build unix

package content

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// A pack that is a FIFO, a device or too large is reported with its path
// and never read; the good pack beside it still loads. Before readPack,
// the FIFO hung every command and /dev/zero ran it out of memory.
func TestOddPackFilesAreReported(t *testing.T) {
	dir := t.TempDir()
	good, err := os.ReadFile(filepath.Join("testdata", "packs", "good", "chair-reset.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "a-good.yaml"), string(good))
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.yaml"), 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for name, target := range map[string]string{"zero.yaml": "/dev/zero", "urandom.yaml": "/dev/urandom"} {
		if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, "dir.yaml"), 0o700)
	big := "# " + strings.Repeat("x", MaxPackBytes) + "\n"
	writeFile(t, filepath.Join(dir, "big.yaml"), big)

	files, err := PackFiles(dir)
	if err != nil {
		t.Fatal(err)
	}
	var merged *Catalogue
	var problems []Problem
	done := make(chan struct{})
	go func() {
		defer close(done)
		merged, problems = MustLoad().WithPacks(files)
	}()
	select {
	case <-done:
	case <-time.After(20 * time.Second): // a watchdog, not a wait: the FIFO used to block forever
		t.Fatal("WithPacks is still reading after 20 s")
	}

	want := map[string]string{
		"fifo.yaml":    "is not a regular file (a named pipe)",
		"zero.yaml":    "is not a regular file (a device)",
		"urandom.yaml": "is not a regular file (a device)",
		"dir.yaml":     "is not a regular file (a directory)",
		"big.yaml":     "is larger than 1024 KiB",
	}
	for _, p := range problems {
		name := filepath.Base(p.Origin)
		if w, ok := want[name]; ok && strings.HasPrefix(p.Msg, w) {
			delete(want, name)
			continue
		}
		t.Errorf("unexpected problem %s", p)
	}
	for name, msg := range want {
		t.Errorf("no problem for %s (want %q)", name, msg)
	}
	if _, ok := merged.Program("chair-reset"); !ok {
		t.Error("the good pack beside the odd files did not load")
	}
}
