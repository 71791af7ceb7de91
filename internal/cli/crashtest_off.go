//go:build !crashtest

package cli

import (
	"time"

	"github.com/unknot/unknot/internal/cue"
)

// crashTest is "" in the shipped binary: the crash-test hooks are built
// only with -tags crashtest (the e2e tests build that way).
func crashTest() string { return "" }

func crashTestSpeech(string) *cue.Speech { return nil }

// clockOffset is 0 in the shipped binary: the clock is the wall clock.
func clockOffset() time.Duration { return 0 }

// testNudgeInterval is 0 in the shipped binary: the settings decide.
func testNudgeInterval() time.Duration { return 0 }
