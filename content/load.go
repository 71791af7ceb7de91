package content

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"path"
	"reflect"
	"slices"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

//go:embed data/*.yaml
var embedded embed.FS

// File is the shape of one content file. Every key is optional, so a file
// may hold techniques, programs or both; the embedded data also uses it for
// areas, equipment, cautions and guidance.
type File struct {
	Areas      []Area      `yaml:"areas,omitempty"`
	Equipment  []Equipment `yaml:"equipment,omitempty"`
	Cautions   []Caution   `yaml:"cautions,omitempty"`
	Techniques []Technique `yaml:"techniques,omitempty"`
	Programs   []Program   `yaml:"programs,omitempty"`
	Ladders    []Ladder    `yaml:"ladders,omitempty"`
	References []Reference `yaml:"references,omitempty"`
	Guidance   *Guidance   `yaml:"guidance,omitempty"`
	Safety     *Safety     `yaml:"safety,omitempty"`
}

// Decode reads one content file strictly: unknown fields, wrong types and
// trailing documents are errors. name is used for error messages and
// origins. Every technique and program remembers the line it starts on.
func Decode(name string, data []byte) (File, error) {
	return decode(name, data, nil)
}

// decode is Decode leaving out the items of top-level lists that keep
// (when given) says no to, by list and id: what a pack can no longer add
// is parsed, as YAML must be, but not checked or decoded.
func decode(name string, data []byte, keep func(list, id string) bool) (File, error) {
	var f File
	var doc yaml.Node
	dec := yaml.NewDecoder(bytes.NewReader(data))
	if err := dec.Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return File{}, nil // an empty file holds nothing
		}
		return File{}, decodeError(name, err)
	}
	var extra yaml.Node
	if err := dec.Decode(&extra); !errors.Is(err, io.EOF) {
		return File{}, ProblemList{{Origin: name, Msg: "only one YAML document is allowed per file"}}
	}
	if keep != nil && len(doc.Content) == 1 && doc.Content[0].Kind == yaml.MappingNode {
		root := doc.Content[0]
		for i := 0; i+1 < len(root.Content); i += 2 {
			list, items := root.Content[i].Value, root.Content[i+1]
			if items.Kind != yaml.SequenceNode {
				continue
			}
			items.Content = slices.DeleteFunc(items.Content, func(n *yaml.Node) bool { return !keep(list, idOf(n)) })
		}
	}
	// One parse gives the values, the unknown fields and the lines.
	unknown := unknownFields(&doc, reflect.TypeFor[File]())
	if err := doc.Decode(&f); err != nil || len(unknown) > 0 {
		var te *yaml.TypeError
		if err != nil && !errors.As(err, &te) {
			return File{}, decodeError(name, err)
		}
		all := &yaml.TypeError{Errors: unknown}
		if te != nil {
			all.Errors = append(all.Errors, te.Errors...)
		}
		slices.SortStableFunc(all.Errors, func(a, b string) int { return lineOf(a) - lineOf(b) })
		return File{}, decodeError(name, all)
	}
	sanitizeAll(&f)
	lines := itemLines(&doc)
	for i := range f.Techniques {
		f.Techniques[i].origin, f.Techniques[i].lines = origin(name, lines["techniques"], i)
		if f.Techniques[i].Motion == "" {
			f.Techniques[i].Motion = MotionHold // the default, said out loud in JSON
		}
	}
	for i := range f.Programs {
		f.Programs[i].origin, f.Programs[i].lines = origin(name, lines["programs"], i)
	}
	for i := range f.Ladders {
		f.Ladders[i].origin, f.Ladders[i].lines = origin(name, lines["ladders"], i)
	}
	for i := range f.References {
		f.References[i].origin, f.References[i].lines = origin(name, lines["references"], i)
	}
	return f, nil
}

// decodeError turns the YAML library's messages ("yaml: line 3: ...") into
// problems located at "file:3", one per message.
func decodeError(name string, err error) error {
	var te *yaml.TypeError
	if errors.As(err, &te) {
		list := make(ProblemList, 0, len(te.Errors))
		for _, e := range te.Errors {
			list = append(list, located(name, e))
		}
		return list
	}
	return ProblemList{located(name, strings.TrimPrefix(err.Error(), "yaml: "))}
}

func located(name, msg string) Problem {
	msg = oneLine(msg)
	var line int
	if n, _ := fmt.Sscanf(msg, "line %d:", &line); n == 1 {
		_, rest, _ := strings.Cut(msg, ":")
		rest = strings.TrimSpace(rest)
		// "field colour not found in type content.Technique" → "unknown field "colour" in a technique"
		var field, typ string
		if n, _ := fmt.Sscanf(rest, "field %s not found in type %s", &field, &typ); n == 2 {
			_, typ, _ = strings.Cut(typ, ".")
			rest = fmt.Sprintf("unknown field %q in %s", field, strings.ToLower(typ))
		}
		return Problem{Origin: fmt.Sprintf("%s:%d", name, line), Msg: rest}
	}
	return Problem{Origin: name, Msg: msg}
}

// oneLine makes a decoder message safe to print on one line: the YAML
// library quotes the offending value, which may hold newlines or escape
// sequences from the file.
func oneLine(msg string) string {
	msg = strings.NewReplacer("\n", `\n`, "\t", `\t`).Replace(Sanitize(msg))
	if r := []rune(msg); len(r) > maxDecodeMsg {
		msg = string(r[:maxDecodeMsg]) + "…"
	}
	return msg
}

// maxDecodeMsg keeps a decoder message to a readable line.
const maxDecodeMsg = 300

// item is where a list item starts and where each of its fields is.
type item struct {
	line   int
	fields map[string]int
}

// idOf is the id of a list item's node, "" for none.
func idOf(n *yaml.Node) string {
	if n.Kind != yaml.MappingNode {
		return ""
	}
	for i := 0; i+1 < len(n.Content); i += 2 {
		if n.Content[i].Value == "id" && n.Content[i+1].Kind == yaml.ScalarNode {
			return n.Content[i+1].Value
		}
	}
	return ""
}

// lineOf is the line a decoder message starts with ("line 3: …"), 0
// for none.
func lineOf(msg string) int {
	var line int
	fmt.Sscanf(msg, "line %d:", &line)
	return line
}

// itemLines maps each top-level list key to the position of its items.
func itemLines(doc *yaml.Node) map[string][]item {
	if len(doc.Content) == 0 {
		return nil
	}
	root := doc.Content[0]
	if root.Kind != yaml.MappingNode {
		return nil
	}
	out := map[string][]item{}
	for i := 0; i+1 < len(root.Content); i += 2 {
		key, val := root.Content[i], root.Content[i+1]
		if val.Kind != yaml.SequenceNode {
			continue
		}
		for _, n := range val.Content {
			it := item{line: n.Line, fields: map[string]int{}}
			if n.Kind == yaml.MappingNode {
				for k := 0; k+1 < len(n.Content); k += 2 {
					it.fields[n.Content[k].Value] = n.Content[k].Line
					if f := n.Content[k].Value; f == "figure" || f == "stage_figures" {
						nestedLines(f, n.Content[k+1], it.fields)
					}
				}
			}
			out[key.Value] = append(out[key.Value], it)
		}
	}
	return out
}

// nestedLines records the line of everything under a field, by path:
// "figure.joints.head", "stage_figures.0.props.1.at", so a figure's
// problems point at the line that holds them.
func nestedLines(path string, n *yaml.Node, fields map[string]int) {
	switch n.Kind {
	case yaml.MappingNode:
		for k := 0; k+1 < len(n.Content); k += 2 {
			p := path + "." + n.Content[k].Value
			fields[p] = n.Content[k].Line
			nestedLines(p, n.Content[k+1], fields)
		}
	case yaml.SequenceNode:
		for i, c := range n.Content {
			p := path + "." + strconv.Itoa(i)
			fields[p] = c.Line
			nestedLines(p, c, fields)
		}
	}
}

func origin(name string, items []item, i int) (string, map[string]int) {
	if i < len(items) {
		return fmt.Sprintf("%s:%d", name, items[i].line), items[i].fields
	}
	return name, nil
}

//go:generate go test -run ^TestBuiltinInSync$ -update-builtin .

// Builtin is the embedded catalogue as every command starts from it:
// decoded from the YAML at build time (builtin_gen.go, kept in step by
// TestBuiltinInSync) and validated by the tests (TestCatalogueValid), so
// a start neither parses nor validates it. Each call returns a catalogue
// of its own. Its items carry no field lines: a problem found in it later
// (beside a pack) is located at its item, not its field.
func Builtin() *Catalogue {
	c := builtinCatalogue()
	c.index()
	return c
}

// Load reads the embedded YAML and validates it, strictly: `unknot check`
// and the tests use it; everything else starts from Builtin.
func Load() (*Catalogue, error) {
	c, err := LoadFS(embedded, "data")
	if err != nil {
		return nil, err
	}
	if problems := c.Validate(); len(problems) > 0 {
		return nil, ProblemList(problems)
	}
	return c, nil
}

// MustLoad is Load for callers that cannot continue without content (the
// embedded catalogue is tested, so a failure here is a build defect).
func MustLoad() *Catalogue {
	c, err := Load()
	if err != nil {
		panic(err)
	}
	return c
}

// LoadFS decodes every *.yaml file in dir of fsys, in name order, and
// merges them into one catalogue. It does not validate.
func LoadFS(fsys fs.FS, dir string) (*Catalogue, error) {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return nil, err
	}
	c := &Catalogue{}
	var errs []error
	for _, e := range entries {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".yaml") {
			continue
		}
		data, err := fs.ReadFile(fsys, path.Join(dir, e.Name()))
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := Decode(e.Name(), data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		c.add(f)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	c.index()
	return c, nil
}

func (c *Catalogue) add(f File) {
	c.Areas = append(c.Areas, f.Areas...)
	c.Equipment = append(c.Equipment, f.Equipment...)
	c.Cautions = append(c.Cautions, f.Cautions...)
	c.Techniques = append(c.Techniques, f.Techniques...)
	c.Programs = append(c.Programs, f.Programs...)
	c.Ladders = append(c.Ladders, f.Ladders...)
	c.References = append(c.References, f.References...)
	if f.Guidance != nil {
		c.guidanceFiles++
		c.Guidance = *f.Guidance
	}
	if f.Safety != nil {
		c.safetyFiles++
		c.Safety = *f.Safety
	}
}

// Catalogue is the whole validated content.
type Catalogue struct {
	Areas      []Area
	Equipment  []Equipment
	Cautions   []Caution
	Techniques []Technique
	Programs   []Program
	Ladders    []Ladder
	References []Reference
	Guidance   Guidance
	Safety     Safety

	guidanceFiles int
	safetyFiles   int
	techniques    map[string]int
	programs      map[string]int
	areas         map[string]int
	equipment     map[string]int
	cautions      map[string]int
	rungs         map[string]rung // technique ID → its place on a ladder
	references    map[string]int
}

func (c *Catalogue) index() {
	c.techniques = indexBy(c.Techniques, func(t Technique) string { return t.ID })
	c.programs = indexBy(c.Programs, func(p Program) string { return p.ID })
	c.areas = indexBy(c.Areas, func(a Area) string { return a.ID })
	c.equipment = indexBy(c.Equipment, func(e Equipment) string { return e.ID })
	c.cautions = indexBy(c.Cautions, func(k Caution) string { return k.ID })
	c.indexLadders()
	c.references = indexBy(c.References, func(r Reference) string { return r.ID })
}

// indexBy maps IDs to their first position; duplicates are reported by Validate.
func indexBy[T any](items []T, id func(T) string) map[string]int {
	m := make(map[string]int, len(items))
	for i, it := range items {
		if _, dup := m[id(it)]; !dup {
			m[id(it)] = i
		}
	}
	return m
}

// Technique returns the technique with the given ID.
func (c *Catalogue) Technique(id string) (Technique, bool) {
	i, ok := c.techniques[id]
	if !ok {
		return Technique{}, false
	}
	return c.Techniques[i], true
}

// Program returns the program with the given ID.
func (c *Catalogue) Program(id string) (Program, bool) {
	i, ok := c.programs[id]
	if !ok {
		return Program{}, false
	}
	return c.Programs[i], true
}

// Area returns the body area with the given ID.
func (c *Catalogue) Area(id string) (Area, bool) {
	i, ok := c.areas[id]
	if !ok {
		return Area{}, false
	}
	return c.Areas[i], true
}

// IntakeAreas are the areas the intake offers, in content order.
func (c *Catalogue) IntakeAreas() []Area {
	var out []Area
	for _, a := range c.Areas {
		if a.Intake != "" {
			out = append(out, a)
		}
	}
	return out
}

// EquipmentByID returns the equipment with the given ID.
func (c *Catalogue) EquipmentByID(id string) (Equipment, bool) {
	i, ok := c.equipment[id]
	if !ok {
		return Equipment{}, false
	}
	return c.Equipment[i], true
}

// Caution returns the caution with the given ID.
func (c *Catalogue) Caution(id string) (Caution, bool) {
	i, ok := c.cautions[id]
	if !ok {
		return Caution{}, false
	}
	return c.Cautions[i], true
}

// Reference returns the reference with the given ID.
func (c *Catalogue) Reference(id string) (Reference, bool) {
	i, ok := c.references[id]
	if !ok {
		return Reference{}, false
	}
	return c.References[i], true
}

// Citations resolves a list of sources (reference IDs) into their
// references, in order; an unknown ID (which Validate reports) is left out.
func (c *Catalogue) Citations(sources []string) []Reference {
	out := make([]Reference, 0, len(sources))
	for _, id := range sources {
		if r, ok := c.Reference(id); ok {
			out = append(out, r)
		}
	}
	return out
}

// TechniqueIDs lists every technique ID in catalogue order.
func (c *Catalogue) TechniqueIDs() []string {
	ids := make([]string, len(c.Techniques))
	for i, t := range c.Techniques {
		ids[i] = t.ID
	}
	return ids
}

// ProgramIDs lists every program ID in catalogue order.
func (c *Catalogue) ProgramIDs() []string {
	ids := make([]string, len(c.Programs))
	for i, p := range c.Programs {
		ids[i] = p.ID
	}
	return ids
}

// InArea lists the techniques that work on an area, in catalogue order.
func (c *Catalogue) InArea(area string) []Technique {
	var out []Technique
	for _, t := range c.Techniques {
		if slices.Contains(t.Areas, area) {
			out = append(out, t)
		}
	}
	return out
}

// EquipmentText describes a technique's equipment for people:
// "foam roller", "tennis balls + wall or massage ball + wall", "none".
// AreaNames lists the named areas in lower case, comma-separated: "neck,
// upper back".
func (c *Catalogue) AreaNames(ids []string) string {
	names := make([]string, 0, len(ids))
	for _, id := range ids {
		if a, ok := c.Area(id); ok {
			names = append(names, strings.ToLower(a.Name))
		}
	}
	return strings.Join(names, ", ")
}

func (c *Catalogue) EquipmentText(t Technique) string {
	if t.NeedsNoEquipment() {
		return "none"
	}
	return c.alternativesText(t.Equipment)
}

// MissingEquipmentText is EquipmentText naming only what have lacks:
// with a wall to hand, "knobbed back roller" rather than "knobbed back
// roller + wall". A choice with nothing missing is left out; when every
// choice is (today's cautions took them all), the whole of the
// equipment is named.
func (c *Catalogue) MissingEquipmentText(t Technique, have []string) string {
	var alts [][]string
	for _, alt := range t.Equipment {
		missing := slices.DeleteFunc(slices.Clone(alt), func(id string) bool { return slices.Contains(have, id) })
		if len(missing) > 0 && !slices.ContainsFunc(alts, func(a []string) bool { return slices.Equal(a, missing) }) {
			alts = append(alts, missing)
		}
	}
	if len(alts) == 0 {
		return c.EquipmentText(t)
	}
	return c.alternativesText(alts)
}

// alternativesText writes equipment choices by name: "a + b or c".
func (c *Catalogue) alternativesText(choices [][]string) string {
	alts := make([]string, 0, len(choices))
	for _, alt := range choices {
		names := make([]string, 0, len(alt))
		for _, id := range alt {
			if e, ok := c.EquipmentByID(id); ok {
				names = append(names, e.Name)
			} else {
				names = append(names, id)
			}
		}
		alts = append(alts, strings.Join(names, " + "))
	}
	return strings.Join(alts, " or ")
}

// merged returns a copy of the catalogue with f's content added; c is not
// changed.
func (c *Catalogue) merged(f File) *Catalogue {
	out := *c
	out.Areas = slices.Clone(c.Areas)
	out.Equipment = slices.Clone(c.Equipment)
	out.Cautions = slices.Clone(c.Cautions)
	out.Techniques = slices.Clone(c.Techniques)
	out.Programs = slices.Clone(c.Programs)
	out.Ladders = slices.Clone(c.Ladders)
	out.References = slices.Clone(c.References)
	out.add(f)
	out.index()
	return &out
}

// AvoidReasons lists who should leave t out, by caution name, in a stable
// order.
func (c *Catalogue) AvoidReasons(t Technique) []Avoid {
	ids := make([]string, 0, len(t.AvoidIf))
	for id := range t.AvoidIf {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	out := make([]Avoid, 0, len(ids))
	for _, id := range ids {
		name := id
		if k, ok := c.Caution(id); ok {
			name = k.Name
		}
		out = append(out, Avoid{Caution: name, Why: t.AvoidIf[id]})
	}
	return out
}
