package content

import (
	"bytes"
	"fmt"
	"slices"
	"strings"

	yaml "go.yaml.in/yaml/v3"
)

// Shared is a program made into a pack to share: the pack, and what was
// changed to make it stand on its own.
type Shared struct {
	File File
	// Dropped says what was left out ("next: my-stage-2"), when it pointed
	// at something the other side would not have.
	Dropped []string
}

// ShareProgram makes program id into a content pack that installs on any
// unknot: the program, the pack techniques it uses (and the pack
// techniques those are variants of), and the pack references all of them
// cite. Built-in techniques and references are named, not copied. A
// built-in program is everyone's already: it is shared only as a copy
// under a new id (as), which may also rename a pack program.
func (c *Catalogue) ShareProgram(id, as string) (Shared, error) {
	p, ok := c.Program(id)
	if !ok {
		return Shared{}, fmt.Errorf("no program %q", id)
	}
	builtin := Builtin()
	if _, isBuiltin := builtin.Program(id); isBuiltin && as == "" {
		return Shared{}, fmt.Errorf("%s is built in, so every unknot has it; give --as NEW-ID to share an editable copy", id)
	}
	var out Shared
	if as != "" {
		if !idPattern().MatchString(as) || len(as) > MaxIDLen {
			return Shared{}, fmt.Errorf("--as %q must be lower-case words joined by hyphens, at most %d characters", clip(as), MaxIDLen)
		}
		if _, isBuiltin := builtin.Program(as); isBuiltin {
			return Shared{}, fmt.Errorf("--as %s is a built-in program's id; choose another", as)
		}
		p.ID = as
	}
	if p.Next != "" {
		if _, ok := builtin.Program(p.Next); !ok {
			out.Dropped = append(out.Dropped, "next: "+p.Next+" (a program of your own, not shared with it)")
			p.Next = ""
		}
	}
	var techs []Technique
	var cited []string
	cite := func(ids []string) {
		for _, r := range ids {
			if _, isBuiltin := builtin.Reference(r); !isBuiltin && !slices.Contains(cited, r) {
				cited = append(cited, r)
			}
		}
	}
	var add func(tid string)
	add = func(tid string) {
		if _, isBuiltin := builtin.Technique(tid); isBuiltin || slices.ContainsFunc(techs, func(t Technique) bool { return t.ID == tid }) {
			return
		}
		t, ok := c.Technique(tid)
		if !ok {
			return // validation has already left such a program out
		}
		techs = append(techs, t)
		cite(t.Sources)
		if t.VariantOf != "" {
			add(t.VariantOf)
		}
	}
	for _, it := range p.Items {
		add(it.Technique)
	}
	for _, d := range p.Days {
		for _, it := range d.Items {
			add(it.Technique)
		}
	}
	cite(p.Sources)
	out.File.Techniques, out.File.Programs = techs, []Program{p}
	for _, r := range cited {
		if ref, ok := c.Reference(r); ok {
			out.File.References = append(out.File.References, ref)
		}
	}
	return out, nil
}

// EncodePack writes a pack as YAML, indented by two spaces, after a
// comment heading it.
func EncodePack(f File, heading string) ([]byte, error) {
	var b bytes.Buffer
	if heading != "" {
		for line := range strings.SplitSeq(heading, "\n") {
			b.WriteString("# " + line + "\n")
		}
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(f); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// Adds lists what a pack file holds, one line each, for a person to read
// before installing it.
func (f File) Adds() []string {
	var out []string
	for _, p := range f.Programs {
		length := "one session"
		if p.MultiDay() {
			length = Plural(len(p.Days), "day")
		}
		out = append(out, fmt.Sprintf("program %s: %s (%s)", p.ID, p.Name, length))
	}
	for _, t := range f.Techniques {
		out = append(out, fmt.Sprintf("technique %s: %s", t.ID, t.Name))
	}
	for _, r := range f.References {
		out = append(out, fmt.Sprintf("reference %s: %s", r.ID, r.Text()))
	}
	for _, l := range f.Ladders {
		out = append(out, fmt.Sprintf("ladder %s: %s", l.ID, l.Name))
	}
	return out
}
