package content

import (
	"slices"
	"strings"
	"unicode/utf8"
)

// Ladder is a family of techniques from easiest to hardest: the planner
// steps a person up a rung after steady sessions and down one after a
// technique hurt or pain rose.
type Ladder struct {
	ID   string `yaml:"id" json:"id"`
	Name string `yaml:"name" json:"name"`
	// Rungs are technique IDs, easiest first.
	Rungs []string `yaml:"rungs" json:"rungs"`

	origin string
	lines  map[string]int
}

// rung is a technique's place on its ladder.
type rung struct{ ladder, at int }

func (c *Catalogue) indexLadders() {
	c.rungs = map[string]rung{}
	for li, l := range c.Ladders {
		for i, id := range l.Rungs {
			if _, dup := c.rungs[id]; !dup {
				c.rungs[id] = rung{li, i}
			}
		}
	}
}

// LadderOf returns the ladder a technique is on and its rung (0 is the
// easiest).
func (c *Catalogue) LadderOf(id string) (Ladder, int, bool) {
	r, ok := c.rungs[id]
	if !ok {
		return Ladder{}, 0, false
	}
	return c.Ladders[r.ladder], r.at, true
}

// Easier returns the technique one rung below id, if there is one.
func (c *Catalogue) Easier(id string) (Technique, bool) { return c.step(id, -1) }

// Harder returns the technique one rung above id, if there is one.
func (c *Catalogue) Harder(id string) (Technique, bool) { return c.step(id, +1) }

func (c *Catalogue) step(id string, by int) (Technique, bool) {
	l, at, ok := c.LadderOf(id)
	if !ok || at+by < 0 || at+by >= len(l.Rungs) {
		return Technique{}, false
	}
	return c.Technique(l.Rungs[at+by])
}

// ladders checks each ladder: an ID and name, two rungs or more, every
// rung a known technique, and each technique on one ladder only, so
// "easier" and "harder" have one answer.
func (v *validator) ladders() {
	seen := map[string]string{}
	on := map[string]string{}
	for _, l := range v.c.Ladders {
		o, L, label := l.origin, l.lines, "ladder "+clip(l.ID)
		v.checkID(o, "ladder", l.ID, seen)
		v.requiredAt(o, L, label, "name", l.Name)
		if n := utf8.RuneCountInString(l.Name); n > MaxNameLen {
			v.addAt(o, L, "name", "%s: name is %d characters long, more than %d", label, n, MaxNameLen)
		}
		if len(l.Rungs) < 2 {
			v.addAt(o, L, "rungs", "%s needs at least two rungs, easiest first", label)
		}
		if len(l.Rungs) > MaxList {
			v.addAt(o, L, "rungs", "%s: %d rungs is more than %d", label, len(l.Rungs), MaxList)
			continue
		}
		for i, id := range l.Rungs {
			switch _, ok := v.c.Technique(id); {
			case !ok:
				v.addAt(o, L, "rungs", "%s: rung %d names unknown technique %q%s", label, i+1, clip(id), v.suggest("technique", id))
			case slices.Index(l.Rungs, id) < i:
				v.addAt(o, L, "rungs", "%s: %s is on it twice", label, id)
			case on[id] != "" && on[id] != l.ID:
				v.addAt(o, L, "rungs", "%s: %s is already on ladder %s; a technique may be on one ladder only", label, id, on[id])
			default:
				on[id] = l.ID
			}
		}
	}
}

// LadderText is a technique's ladder in one line, easiest first, with
// the technique itself marked: "Ball pressure on the upper back, easiest
// first: Knot press → Ball against the wall (this one) → …". It is empty
// for a technique on no ladder.
func (c *Catalogue) LadderText(id string) string {
	l, at, ok := c.LadderOf(id)
	if !ok {
		return ""
	}
	names := make([]string, len(l.Rungs))
	for i, r := range l.Rungs {
		t, _ := c.Technique(r)
		names[i] = t.Name
		if i == at {
			names[i] += " (this one)"
		}
	}
	return l.Name + ", easiest first: " + strings.Join(names, " → ")
}

// LadderInfo is a technique's place on its ladder, for JSON.
type LadderInfo struct {
	ID     string   `json:"id"`
	Name   string   `json:"name"`
	Rungs  []string `json:"rungs"`
	Easier string   `json:"easier,omitempty"`
	Harder string   `json:"harder,omitempty"`
}

// Ladder returns id's ladder as LadderInfo, or nil when it is on none.
func (c *Catalogue) Ladder(id string) *LadderInfo {
	l, _, ok := c.LadderOf(id)
	if !ok {
		return nil
	}
	info := &LadderInfo{ID: l.ID, Name: l.Name, Rungs: l.Rungs}
	if e, ok := c.Easier(id); ok {
		info.Easier = e.ID
	}
	if h, ok := c.Harder(id); ok {
		info.Harder = h.ID
	}
	return info
}
