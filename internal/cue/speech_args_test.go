package cue

import (
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// spoken runs one cue through a speaker whose voice records its argv.
func spoken(t *testing.T, path string, args []string, text string) []string {
	t.Helper()
	got := make(chan []string, 1)
	s := newSpeech(path, args, func(_ context.Context, _ string, argv ...string) error {
		got <- argv
		return nil
	})
	defer s.Close()
	s.Play(Cue{Text: text})
	return <-got
}

// Pack text that looks like an option is spoken, never obeyed: it follows
// "--" for every voice, and stays the last argument (the crash-test voice
// reads it there). A breathing line "-f/etc/services" used to make
// espeak-ng read that file aloud.
func TestSpeechTextIsNeverAnOption(t *testing.T) {
	for _, v := range voices {
		for _, text := range []string{"-f/etc/services", "--stdin", "-w /tmp/x.wav", "plain words"} {
			t.Run(v.name+"/"+text, func(t *testing.T) {
				argv := spoken(t, v.name, v.args, text)
				want := append(slices.Clone(v.args), "--", text)
				if !slices.Equal(argv, want) {
					t.Errorf("argv = %q, want %q", argv, want)
				}
			})
		}
	}
}

// With espeak-ng installed, a cue naming a file speaks those words, not
// the file: -x prints the phonemes it would say.
func TestEspeakSpeaksTheOptionLikeText(t *testing.T) {
	path, err := exec.LookPath("espeak-ng")
	if err != nil {
		t.Skip("espeak-ng is not installed")
	}
	secret := filepath.Join(t.TempDir(), "secret")
	if err := os.WriteFile(secret, []byte("zebra zebra zebra\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	out := make(chan string, 1)
	s := newSpeech(path, []string{"-q", "-x"}, func(ctx context.Context, name string, args ...string) error {
		b, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
		out <- string(b)
		return err
	})
	defer s.Close()
	s.Play(Cue{Text: "-f" + secret})
	zebra, err := exec.Command(path, "-q", "-x", "zebra").Output()
	if err != nil {
		t.Fatal(err)
	}
	if got := <-out; strings.Contains(got, strings.TrimSpace(string(zebra))) {
		t.Errorf("espeak-ng read the file aloud: %q", got)
	}
}
