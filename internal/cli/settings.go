package cli

import (
	"github.com/unknot/unknot/internal/config"
	"github.com/unknot/unknot/internal/cue"
)

// cueFlags are the command line's say on cues; they override config.toml.
type cueFlags struct {
	voice, noVoice, bell, noBell, reducedMotion bool
}

// settings reads config.toml and applies the flags on top. A broken file
// is reported in one line and the defaults are used.
func (a *app) settings() config.Config {
	cfg, err := config.Load(configPath())
	if err != nil {
		a.say(firstLine(err.Error()) + "; using the defaults")
	}
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
	return cfg
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
