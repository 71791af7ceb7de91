package cue

import (
	"bytes"
	"context"
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"
)

func TestBellRingsOnlyWhenAsked(t *testing.T) {
	var buf bytes.Buffer
	b := &Bell{W: &buf}
	b.Play(Cue{Text: "halfway"})
	b.Play(Cue{Text: "switch sides", Bell: true})
	if buf.String() != "\a" {
		t.Errorf("wrote %q", buf.String())
	}
}

func TestFakeAndMulti(t *testing.T) {
	a, b := &Fake{}, &Fake{}
	m := Multi{a, b, Nop{}}
	m.Play(Cue{Text: "done", Bell: true})
	m.Play(Cue{Bell: true})
	if !slices.Equal(a.Texts(), []string{"done"}) || len(b.Cues()) != 2 {
		t.Errorf("a %v, b %v", a.Texts(), b.Cues())
	}
	m.Close()
}

// A new cue cuts the one still speaking, and Play never waits for speech.
func TestSpeechCutsAndNeverBlocks(t *testing.T) {
	var mu sync.Mutex
	var said, cut []string
	started := make(chan string, 10)
	s := newSpeech("voice", []string{"-x"}, func(ctx context.Context, name string, args ...string) error {
		text := args[len(args)-1]
		mu.Lock()
		said = append(said, text)
		mu.Unlock()
		started <- text
		if text == "last" {
			return nil
		}
		<-ctx.Done() // "speaks" until cut
		mu.Lock()
		cut = append(cut, text)
		mu.Unlock()
		return ctx.Err()
	})
	defer s.Close()
	s.Play(Cue{Text: "first"})
	if got := <-started; got != "first" {
		t.Fatalf("started %q", got)
	}
	s.Play(Cue{Text: "last"}) // must return while "first" is still speaking
	if got := <-started; got != "last" {
		t.Fatalf("then started %q", got)
	}
	mu.Lock()
	defer mu.Unlock()
	if !slices.Equal(cut, []string{"first"}) || !slices.Equal(said, []string{"first", "last"}) {
		t.Errorf("said %v, cut %v", said, cut)
	}
}

// A panic in the speaker's goroutine is contained.
func TestSpeechPanicIsContained(t *testing.T) {
	done := make(chan struct{})
	s := newSpeech("voice", nil, func(context.Context, string, ...string) error {
		defer close(done)
		panic("broken voice")
	})
	s.Play(Cue{Text: "hello"})
	<-done
	s.Play(Cue{Text: "still fine"}) // must not block or crash
	s.Close()
}

// With OnPanic set, the panic and its stack go to the app.
func TestSpeechPanicGoesToOnPanic(t *testing.T) {
	got := make(chan string, 1)
	s := NewSpeechWith("voice", nil, func(context.Context, string, ...string) error { panic("broken voice") })
	s.OnPanic(func(v any, stack []byte) { got <- fmt.Sprint(v) + "|" + string(stack) })
	s.Play(Cue{Text: "hello"})
	report := <-got
	if !strings.HasPrefix(report, "broken voice|") || !strings.Contains(report, "cue.(*Speech).loop") {
		t.Errorf("report = %.300q", report)
	}
	s.Play(Cue{Text: "still fine"}) // must not block or crash
	s.Close()
}

func TestFindVoiceOnPath(t *testing.T) {
	t.Setenv("PATH", t.TempDir())
	if _, _, ok := FindVoice(); ok {
		t.Error("found a voice on an empty PATH")
	}
	if _, ok := NewSpeech(); ok {
		t.Error("speech without a voice")
	}
}
