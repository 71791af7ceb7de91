package cli

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/cpuguy83/go-md2man/v2/md2man"
)

var updateMan = flag.Bool("update-man", false, "rewrite unknot.1.in from the commands")

const manFile = "unknot.1.in"

// renderMan is the page as go-md2man renders it from the commands, for
// the version given and the config directory in $XDG_CONFIG_HOME.
func renderMan(version string) string {
	return string(md2man.Render([]byte(manPage(newRootCmd(&app{}), version))))
}

// unknot.1.in is the page rendered with marks for the version and the
// content packs' directory; this test fails when it and the commands
// differ (run `go generate ./internal/cli`).
func TestManInSync(t *testing.T) {
	t.Setenv("XDG_CONFIG_HOME", manConfigMark)
	want := renderMan(manVersionMark)
	if *updateMan {
		if err := os.WriteFile(manFile, []byte(want), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if manTemplate != want {
		t.Fatalf("%s is out of date with the commands: run `go generate ./internal/cli`", manFile)
	}
}

// What `unknot man` prints is what go-md2man renders for this build and
// machine: filling in the marks changes nothing else.
func TestManPrintsTheRenderedPage(t *testing.T) {
	for _, dir := range []string{"/home/someone/.config", "/tmp/a dir/with-dashes.and.dots"} {
		t.Setenv("XDG_CONFIG_HOME", dir)
		code, out, _ := runCLI("man")
		if code != 0 {
			t.Fatalf("exit %d", code)
		}
		if want := renderMan(version()); out != want {
			t.Errorf("XDG_CONFIG_HOME=%s: unknot man differs from the rendered page", dir)
		}
		if !strings.Contains(out, dir+"/unknot/content") || strings.Contains(out, "XUNKNOT") {
			t.Errorf("XDG_CONFIG_HOME=%s: the marks are not filled in", dir)
		}
	}
}

func TestTroffText(t *testing.T) {
	if got := troffText(`C:\Users\me`); got != `C:\eUsers\eme` {
		t.Errorf("troffText = %q", got)
	}
}
