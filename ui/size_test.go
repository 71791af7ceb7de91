package ui

import (
	"testing"
	"unsafe"
)

// Bubble Tea passes the root model by value: every message copies it, and
// every frame that holds one grows the goroutine's stack. When the screens
// and styles were held by value the Model was 354 KB, the main goroutine's
// stack grew to 4 MB and peak memory over a session was 30 MiB against the
// 25 MB target (BENCHMARKS.md). Big screens, styles and keys are shared by
// pointer; this keeps it that way.
func TestModelStaysSmall(t *testing.T) {
	const limit = 32 << 10
	if size := unsafe.Sizeof(Model{}); size > limit {
		t.Errorf("ui.Model is %d bytes, over %d: hold large screens by pointer", size, limit)
	}
}
