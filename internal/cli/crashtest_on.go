//go:build crashtest

package cli

import (
	"context"
	"os"
	"strconv"
	"strings"
	"time"

	"github.com/unknot/unknot/internal/cue"
)

// crashTest names where a running session panics on the "!" key
// (UNKNOT_CRASH_TEST: update, view, cmd or speech), in binaries built with
// -tags crashtest for the e2e crash tests.
func crashTest() string { return os.Getenv("UNKNOT_CRASH_TEST") }

// crashTestSpeech is, for the crash test "speech", a voice that panics in
// its own goroutine on the words "crash test".
func crashTestSpeech(crashTest string) *cue.Speech {
	if crashTest != "speech" {
		return nil
	}
	return cue.NewSpeechWith("crash-test-voice", nil, func(_ context.Context, _ string, args ...string) error {
		if strings.HasPrefix(args[len(args)-1], "crash test") {
			panic("crash test: a panic in the speech player")
		}
		return nil
	})
}

// clockOffset moves the clock UNKNOT_TEST_DAYS days ahead, so the e2e tests
// walk several days on one journal.
func clockOffset() time.Duration {
	n, _ := strconv.Atoi(os.Getenv("UNKNOT_TEST_DAYS"))
	return time.Duration(n) * 24 * time.Hour
}

// testNudgeInterval is UNKNOT_TEST_NUDGE_INTERVAL ("4s"): the e2e tests'
// few seconds between breaks, below what the settings allow.
func testNudgeInterval() time.Duration {
	d, _ := time.ParseDuration(os.Getenv("UNKNOT_TEST_NUDGE_INTERVAL"))
	return d
}
