package cue

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"runtime/debug"
	"slices"
	"sync"
)

// voices are the text-to-speech commands looked for on PATH, in order,
// with the options that go before the words (and the "--" argv adds).
var voices = []struct {
	name string
	args []string
}{
	{"espeak-ng", []string{"-s", "160"}},
	{"espeak", []string{"-s", "160"}},
	{"spd-say", []string{"--wait"}},
	{"say", nil}, // macOS
}

// FindVoice returns the first text-to-speech command on PATH.
func FindVoice() (path string, args []string, ok bool) {
	for _, v := range voices {
		if p, err := exec.LookPath(v.name); err == nil {
			return p, v.args, true
		}
	}
	return "", nil, false
}

// Speech speaks cues with a system text-to-speech command, one at a time,
// in the background. A new cue cuts the one still speaking: in a guided
// session the latest news ("switch sides") matters more than the end of
// the last sentence.
type Speech struct {
	path string
	args []string

	mu      sync.Mutex
	cancel  context.CancelFunc
	next    chan string
	done    chan struct{}
	closeMu sync.Once
	onPanic func(v any, stack []byte) // guarded by mu
	// run starts the command; tests replace it.
	run func(ctx context.Context, name string, args ...string) error
}

// NewSpeech starts a speaker using the first voice found on PATH; ok is
// false (and nothing is spoken) when there is none.
func NewSpeech() (*Speech, bool) {
	path, args, ok := FindVoice()
	if !ok {
		return nil, false
	}
	return newSpeech(path, args, func(ctx context.Context, name string, args ...string) error {
		cmd := exec.CommandContext(ctx, name, args...)
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
		return cmd.Run()
	}), true
}

// NewSpeechWith is a speaker that starts each cue with run(ctx, path,
// args..., "--", words) instead of a system command: for tests, and for the
// crash tests of the whole program.
func NewSpeechWith(path string, args []string, run func(ctx context.Context, name string, args ...string) error) *Speech {
	return newSpeech(path, args, run)
}

// OnPanic hands a panic in the speaker's goroutine to f, with its stack,
// instead of printing it: the app ends the program the way a panic in its
// own code does (issue 7: any goroutine the app starts).
func (s *Speech) OnPanic(f func(v any, stack []byte)) {
	s.mu.Lock()
	s.onPanic = f
	s.mu.Unlock()
}

func newSpeech(path string, args []string, run func(context.Context, string, ...string) error) *Speech {
	s := &Speech{path: path, args: args, run: run, next: make(chan string, 1), done: make(chan struct{})}
	go s.loop()
	return s
}

// Play cuts whatever is being said and says c.Text. It never blocks.
func (s *Speech) Play(c Cue) {
	if c.Text == "" {
		return
	}
	s.mu.Lock()
	if s.cancel != nil {
		s.cancel()
	}
	s.mu.Unlock()
	// Keep only the newest waiting words.
	select {
	case <-s.next:
	default:
	}
	select {
	case s.next <- c.Text:
	case <-s.done:
	}
}

func (s *Speech) loop() {
	// A panic here must not kill the process with the terminal still in
	// raw mode: it goes to OnPanic's function, which stops the program
	// cleanly, or else the speaker falls silent and says why.
	defer func() {
		if r := recover(); r != nil {
			s.mu.Lock()
			f := s.onPanic
			s.mu.Unlock()
			if f != nil {
				f(r, debug.Stack())
				return
			}
			fmt.Fprintf(os.Stderr, "unknot: speech stopped: %v\n%s", r, debug.Stack())
		}
	}()
	for {
		select {
		case <-s.done:
			return
		case text := <-s.next:
			ctx, cancel := context.WithCancel(context.Background())
			s.mu.Lock()
			s.cancel = cancel
			s.mu.Unlock()
			_ = s.run(ctx, s.path, s.argv(text)...)
			cancel()
		}
	}
}

// argv is the voice's arguments, then "--", then the words: text from a
// pack that looks like an option ("-f/etc/services") is spoken, not
// obeyed. espeak-ng, espeak, spd-say and say all parse options with
// getopt_long, which stops at "--". The words stay last.
func (s *Speech) argv(text string) []string {
	return append(append(slices.Clip(s.args), "--"), text)
}

// Close stops speaking and ends the background loop.
func (s *Speech) Close() {
	s.closeMu.Do(func() {
		s.mu.Lock()
		if s.cancel != nil {
			s.cancel()
		}
		s.mu.Unlock()
		close(s.done)
	})
}
