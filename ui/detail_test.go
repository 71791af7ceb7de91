package ui

import (
	"fmt"
	"strings"
	"testing"

	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/golden"

	"github.com/unknot/unknot/content"
)

// The detail page lists a technique's sources as citations a reader can
// look up: title and publisher, with the web address whole across its
// lines, wrapped inside the page at 60 and 80 columns.
func TestDetailSourcesAreCitations(t *testing.T) {
	cat := content.MustLoad()
	tq, _ := cat.Technique("tennis-ball-spine-release")
	for _, width := range []int{60, 80} {
		t.Run(fmt.Sprint(width), func(t *testing.T) {
			text := ansi.Strip(techniqueText(newStyles(true), cat, tq, width))
			i := strings.LastIndex(text, "Sources")
			if i < 0 {
				t.Fatalf("no Sources section:\n%s", text)
			}
			sources := text[i:]
			for _, line := range strings.Split(text, "\n") {
				if w := ansi.StringWidth(strings.TrimRight(line, " ")); w > width {
					t.Errorf("line is %d columns wide, over %d: %q", w, width, line)
				}
			}
			joined := strings.Join(strings.Fields(sources), "")
			for _, want := range []string{"https://www.podiumrunner.com/training/how-to-tennis-ball-upper-back-massage/", `"FoamRollingPrescription:AClinicalCommentary",BehmDGetal.`} {
				if !strings.Contains(joined, want) {
					t.Errorf("sources lack %q:\n%s", want, sources)
				}
			}
			if strings.Contains(sources, "seeds/") || strings.Contains(sources, "CLINICAL.md") {
				t.Errorf("sources name files:\n%s", sources)
			}
			golden.RequireEqual(t, []byte(sources))
		})
	}
}
