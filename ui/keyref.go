package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
)

// KeySection is one group of keys in the manual: where they work, and
// each key with what it does.
type KeySection struct {
	Where string
	Keys  []KeyHelp
}

// KeyHelp is one key (or keys, "n/→") and what it does.
type KeyHelp struct{ Key, Desc string }

// KeyReference is every key of the app, grouped by where it works, for the
// man page. Keys and descriptions come from the same bindings as the help
// line, so the two cannot drift apart.
func KeyReference() []KeySection {
	k := defaultKeyMap()
	return []KeySection{
		{"everywhere", helps(k.Help, k.Quit, k.ForceQuit, k.Back, k.Suspend)},
		{"lists", helps(k.Up, k.Down, k.Select, k.Filter)},
		{"home, when config.toml has mistakes", helps(configKey())},
		{"safety check", helps(k.Yes, k.No, k.Choose, k.Next, k.PrevQuestion, k.Mistake)},
		{"about today", helps(k.Toggle, k.Number, k.Next, k.PrevQuestion, k.StopRules)},
		{"your plan", helps(k.Toggle, k.MoveUp, k.MoveDown, k.Swap, k.HoldMore, k.HoldLess, k.Details, k.LeftOut, k.StartPlan)},
		{"session", append(helps(either(k.Pause, k.Resume), k.Skip, k.Prev, k.More, k.Less, k.Restart, k.Hurt),
			// The help line shows whether sound is on ("m sound: on"); what
			// the key does is said here.
			KeyHelp{k.SoundOn.Help().Key, "sound on or off: the voice and the bell"})},
		{"finish", helps(k.Number, k.SkipPain, k.Save, k.SkipNote)},
		{"unknot nudge", nudgeKeyHelp()},
	}
}

// helps is the bindings' help, key and description.
func helps(bs ...key.Binding) []KeyHelp {
	out := make([]KeyHelp, len(bs))
	for i, b := range bs {
		out[i] = KeyHelp{b.Help().Key, b.Help().Desc}
	}
	return out
}

// either is one key that does one thing or another ("space": "pause /
// resume").
func either(bs ...key.Binding) key.Binding {
	descs := make([]string, len(bs))
	for i, b := range bs {
		descs[i] = b.Help().Desc
	}
	return key.NewBinding(key.WithKeys(bs[0].Keys()...), key.WithHelp(bs[0].Help().Key, strings.Join(descs, " / ")))
}
