package content

import (
	"fmt"
	"reflect"
	"strings"
	"sync"

	"go.yaml.in/yaml/v3"
)

// unknownFields lists, as the YAML library words them ("line 3: field
// colour not found in type content.Technique"), the mapping keys in n
// that no field of t takes. The file is parsed once into nodes, which
// give both the values and each item's lines; the library's own check
// for unknown fields works only while parsing, so it is done here.
func unknownFields(n *yaml.Node, t reflect.Type) []string {
	var out []string
	walkKnown(n, t, &out, 0)
	return out
}

// maxWalkDepth stops a walk through aliases that refer to each other.
const maxWalkDepth = 64

func walkKnown(n *yaml.Node, t reflect.Type, out *[]string, depth int) {
	if n == nil || depth > maxWalkDepth {
		return
	}
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if reflect.PointerTo(t).Implements(unmarshaler) {
		return // it reads its own node
	}
	switch n.Kind {
	case yaml.DocumentNode:
		for _, c := range n.Content {
			walkKnown(c, t, out, depth+1)
		}
	case yaml.AliasNode:
		walkKnown(n.Alias, t, out, depth+1)
	case yaml.SequenceNode:
		if t.Kind() == reflect.Slice || t.Kind() == reflect.Array {
			for _, c := range n.Content {
				walkKnown(c, t.Elem(), out, depth+1)
			}
		}
	case yaml.MappingNode:
		switch t.Kind() {
		case reflect.Map:
			for i := 1; i < len(n.Content); i += 2 {
				walkKnown(n.Content[i], t.Elem(), out, depth+1)
			}
		case reflect.Struct:
			fields := yamlFields(t)
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, val := n.Content[i], n.Content[i+1]
				if key.Tag == "!!merge" {
					walkKnown(val, t, out, depth+1) // merged keys belong to t too
					continue
				}
				ft, ok := fields[key.Value]
				if !ok {
					*out = append(*out, fmt.Sprintf("line %d: field %s not found in type %s", key.Line, key.Value, t))
					continue
				}
				walkKnown(val, ft, out, depth+1)
			}
		}
	}
}

var unmarshaler = reflect.TypeFor[yaml.Unmarshaler]()

var fieldCache sync.Map // reflect.Type → map[string]reflect.Type

// yamlFields maps the YAML keys of struct type t to their field types,
// as the YAML library names them: the tag's name, else the field's name
// in lower case; "-" and unexported fields take no key.
func yamlFields(t reflect.Type) map[string]reflect.Type {
	if m, ok := fieldCache.Load(t); ok {
		return m.(map[string]reflect.Type)
	}
	m := map[string]reflect.Type{}
	for i := range t.NumField() {
		f := t.Field(i)
		if !f.IsExported() {
			continue
		}
		tag := f.Tag.Get("yaml")
		if tag == "-" {
			continue
		}
		name, opts, _ := strings.Cut(tag, ",")
		if strings.Contains(","+opts+",", ",inline,") {
			for k, v := range yamlFields(f.Type) {
				m[k] = v
			}
			continue
		}
		if name == "" {
			name = strings.ToLower(f.Name)
		}
		m[name] = f.Type
	}
	fieldCache.Store(t, m)
	return m
}
