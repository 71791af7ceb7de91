package ui

import (
	"slices"
	"strings"
	"testing"
	"unicode"

	"charm.land/bubbles/v2/list"
	tea "charm.land/bubbletea/v2"
)

// messages runs cmd and returns the messages it and its batches produce.
func messages(cmd tea.Cmd) []tea.Msg {
	if cmd == nil {
		return nil
	}
	switch msg := cmd().(type) {
	case tea.BatchMsg:
		var out []tea.Msg
		for _, c := range msg {
			out = append(out, messages(c)...)
		}
		return out
	case nil:
		return nil
	default:
		return []tea.Msg{msg}
	}
}

// Typing ahead: "wall", enter and → ×6 arrive before the filter's results
// (the list filters in a command). The results then shrink the list under
// a page that no longer exists: the list panicked with "slice bounds out
// of range [8:1]". Now the page and cursor are brought back inside.
func TestBrowseFilterResultsArriveLate(t *testing.T) {
	for _, size := range [][2]int{{80, 24}, {80, 12}, {120, 40}} {
		m := openBrowse(t, size[0], size[1], "upper-back")
		var late []tea.Cmd
		for _, k := range []string{"w", "a", "l", "l"} {
			var cmd tea.Cmd
			m, cmd = update(t, m, press(k))
			late = append(late, cmd)
		}
		m = keys(t, m, "enter", "right", "right", "right", "right", "right", "right")
		for _, cmd := range late {
			for _, msg := range messages(cmd) {
				if _, ok := msg.(list.FilterMatchesMsg); ok {
					m, _ = update(t, m, msg)
				}
			}
		}
		v := view(m) // panicked here
		techs := m.browse.techs
		shown := techs.VisibleItems()
		if len(shown) == 0 || len(shown) > 4 || techs.Index() >= len(shown) {
			t.Fatalf("%v: %d items shown, index %d:\n%s", size, len(shown), techs.Index(), v)
		}
		for _, it := range shown {
			ti := it.(techItem)
			if !strings.Contains(strings.ToLower(ti.FilterValue()), "wall") {
				t.Errorf("%v: %q shown for \"wall\"", size, ti.t.Name)
			}
		}
		m = keys(t, m, "enter")
		if m.browse.level != levelDetail {
			t.Errorf("%v: enter did not open the selected technique", size)
		}
	}
}

func TestContainsFilter(t *testing.T) {
	for _, tc := range []struct {
		term    string
		targets []string
		want    []list.Rank
	}{
		{"roll", []string{"Seated cat-cow", "Foam roller", "Shoulder rolls"},
			[]list.Rank{{Index: 1, MatchedIndexes: []int{5, 6, 7, 8}}, {Index: 2, MatchedIndexes: []int{9, 10, 11, 12}}}},
		{" ROLL ", []string{"foam ROLLER"}, []list.Rank{{Index: 0, MatchedIndexes: []int{5, 6, 7, 8}}}},
		// Ⱥ is 2 bytes and its lower case ⱥ 3: byte offsets of the lower
		// case used to be applied to the original, and panicked.
		{"x", []string{"ȺȺȺȺx"}, []list.Rank{{Index: 0, MatchedIndexes: []int{4}}}},
		{"ⱥx", []string{"éȺX"}, []list.Rank{{Index: 0, MatchedIndexes: []int{1, 2}}}},
		{"nothing", []string{"Foam roller"}, []list.Rank{}},
	} {
		got := containsFilter(tc.term, tc.targets)
		if len(got) != len(tc.want) {
			t.Errorf("containsFilter(%q, %q) = %v, want %v", tc.term, tc.targets, got, tc.want)
			continue
		}
		for i := range got {
			if got[i].Index != tc.want[i].Index || !slices.Equal(got[i].MatchedIndexes, tc.want[i].MatchedIndexes) {
				t.Errorf("containsFilter(%q, %q) = %v, want %v", tc.term, tc.targets, got, tc.want)
			}
		}
	}
}

// FuzzContainsFilter: any term on any text gives ranks inside the targets,
// and the matched characters are the term, in any case.
func FuzzContainsFilter(f *testing.F) {
	for _, s := range [][2]string{{"roll", "Foam roller"}, {"x", "ȺȺx"}, {"ß", "STRASSE straße"}, {"İ", "i̇stanbul"}, {"", "empty"}, {"\xff", "bad \xff utf-8"}} {
		f.Add(s[0], s[1])
	}
	f.Fuzz(func(t *testing.T, term, target string) {
		ranks := containsFilter(term, []string{target, "padding"})
		runes := []rune(target)
		for _, r := range ranks {
			if r.Index < 0 || r.Index > 1 {
				t.Fatalf("rank index %d", r.Index)
			}
			text := runes
			if r.Index == 1 {
				text = []rune("padding")
			}
			var got []rune
			for _, i := range r.MatchedIndexes {
				if i < 0 || i >= len(text) {
					t.Fatalf("containsFilter(%q, %q): matched index %d outside %d runes", term, target, i, len(text))
				}
				got = append(got, unicode.ToLower(text[i]))
			}
			if want := strings.Map(unicode.ToLower, strings.TrimSpace(term)); string(got) != want && !strings.ContainsRune(want, unicode.ReplacementChar) {
				t.Fatalf("containsFilter(%q, %q) matched %q", term, target, string(got))
			}
		}
	})
}
