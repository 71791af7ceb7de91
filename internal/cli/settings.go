package cli

import (
	"path/filepath"

	"github.com/unknot/unknot/internal/config"
	"github.com/unknot/unknot/internal/cue"
)

// cueFlags are the command line's say on cues; they override config.toml.
type cueFlags struct {
	voice, noVoice, bell, noBell, reducedMotion bool
}

// settings reads config.toml and applies the flags on top. It returns
// every mistake in the file, for the front end to show once: the TUI on
// its home screen, plain mode at the start (sayConfigProblems).
func (a *app) settings() (config.Config, []config.Problem) {
	cfg, problems := config.Load(configPath())
	f := a.flags
	switch {
	case f.noVoice:
		cfg.Voice = false
	case f.voice:
		cfg.Voice = true
	}
	switch {
	case f.noBell:
		cfg.Bell = false
	case f.bell:
		cfg.Bell = true
	}
	if f.reducedMotion {
		cfg.ReducedMotion = true
	}
	return cfg, problems
}

// sayConfigProblems prints config.toml's mistakes, one line each.
func (a *app) sayConfigProblems(problems []config.Problem) {
	for _, p := range problems {
		a.say(p.String())
	}
}

// configProblemLines are config.toml's mistakes for the home screen: the
// file's name is enough there ("config.toml:3: …").
func configProblemLines(problems []config.Problem) []string {
	lines := make([]string, len(problems))
	for i, p := range problems {
		p.Path = filepath.Base(p.Path)
		lines[i] = p.String()
	}
	return lines
}

// speech is the voice player when cues are to be spoken, or nil. The crash
// test "speech" gets one whose voice panics on the words "crash test".
func (a *app) speech(voice bool, crashTest string) *cue.Speech {
	if sp := crashTestSpeech(crashTest); sp != nil {
		return sp
	}
	if !voice {
		return nil
	}
	sp, _ := cue.NewSpeech()
	return sp
}
