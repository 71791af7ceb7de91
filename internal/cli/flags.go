package cli

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/session"
)

// Bounds for --hold and --lead-in.
const (
	minHoldFlag   = time.Second
	maxHoldFlag   = 30 * time.Minute
	maxLeadInFlag = time.Minute
)

// parseDuration reads a --hold or --lead-in value: a Go duration ("20s",
// "1m30s") or a bare number of seconds ("20"). It accepts whole seconds
// between lo and hi.
func parseDuration(flag, s string, lo, hi time.Duration) (time.Duration, error) {
	s = strings.TrimSpace(s)
	var d time.Duration
	if n, err := strconv.Atoi(s); err == nil {
		if n < 0 || n > int(hi/time.Second) {
			return 0, outside(flag, s, lo, hi)
		}
		d = time.Duration(n) * time.Second
	} else {
		d, err = time.ParseDuration(s)
		if err != nil {
			return 0, usagef("--%s %q is not a duration (try 20s or 1m)", flag, s)
		}
	}
	if d < lo || d > hi {
		return 0, outside(flag, s, lo, hi)
	}
	if d%time.Second != 0 {
		return 0, usagef("--%s %s must be whole seconds", flag, s)
	}
	return d, nil
}

// outside is the usage error for a length beyond the flag's bounds, the
// bounds in words: "--hold -5s is not between 1 second and 30 minutes".
func outside(flag, s string, lo, hi time.Duration) error {
	return usagef("--%s %s is not between %s and %s", flag, s, session.SpokenDuration(lo), session.SpokenDuration(hi))
}

// holdOptions reads --hold and --lead-in into the session's options.
func holdOptions(hold, leadIn durationFlag) (session.Options, error) {
	opt := session.Options{LeadIn: -1}
	var err error
	if hold.set {
		if opt.Hold, err = parseDuration("hold", hold.raw, minHoldFlag, maxHoldFlag); err != nil {
			return opt, err
		}
	}
	if leadIn.set {
		if opt.LeadIn, err = parseDuration("lead-in", leadIn.raw, 0, maxLeadInFlag); err != nil {
			return opt, err
		}
	}
	return opt, nil
}

// durationFlag is a pflag value that keeps the raw text for parseDuration.
type durationFlag struct {
	raw string
	set bool
}

func (f *durationFlag) String() string { return f.raw }

func (f *durationFlag) Set(s string) error {
	f.raw, f.set = s, true
	return nil
}

func (f *durationFlag) Type() string { return "duration" }

// unknownName is the usage error for a name that is not in valid: the
// closest valid names, and the command that lists them all.
func unknownName(kind, got string, valid []string) error {
	hint := fmt.Sprintf("`%s` lists them", lister[kind])
	if near := content.Closest(got, valid, 3); len(near) > 0 {
		return usagef("unknown %s %q (did you mean %s?); %s", kind, got, strings.Join(near, ", "), hint)
	}
	return usagef("unknown %s %q; %s", kind, got, hint)
}

func (a *app) completeIDs(ids func(*content.Catalogue) []string) func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
	return func(*cobra.Command, []string, string) ([]string, cobra.ShellCompDirective) {
		cat, err := a.catalogue()
		if err != nil {
			return nil, cobra.ShellCompDirectiveError
		}
		return ids(cat), cobra.ShellCompDirectiveNoFileComp
	}
}
