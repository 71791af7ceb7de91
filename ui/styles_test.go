package ui

import (
	"testing"

	"charm.land/lipgloss/v2"
)

// Every part of the help (keys, what they do, separators) reads at 4.5:1
// or more on typical dark backgrounds and on white (contrast is WCAG 2's,
// in cues_test.go).
func TestHelpContrast(t *testing.T) {
	for _, tc := range []struct {
		dark bool
		bgs  []string
	}{
		{true, []string{"#000000", "#1E1E1E"}},
		{false, []string{"#FFFFFF"}},
	} {
		h := newStyles(tc.dark).Help
		parts := map[string]lipgloss.Style{
			"short key": h.ShortKey, "short desc": h.ShortDesc, "short separator": h.ShortSeparator,
			"full key": h.FullKey, "full desc": h.FullDesc, "full separator": h.FullSeparator, "ellipsis": h.Ellipsis,
		}
		for _, bg := range tc.bgs {
			for name, st := range parts {
				fg := st.GetForeground()
				if _, none := fg.(lipgloss.NoColor); none || fg == nil {
					t.Errorf("dark=%v: %s has no colour", tc.dark, name)
					continue
				}
				if c := contrast(fg, lipgloss.Color(bg)); c < 4.5 {
					t.Errorf("dark=%v: %s on %s is %.2f:1, want 4.5:1 or more", tc.dark, name, bg, c)
				}
			}
		}
	}
}
