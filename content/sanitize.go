package content

import (
	"reflect"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// Sanitize removes terminal escape sequences and control characters from
// s, keeping newlines and tabs. Content from user packs must not be able to
// move the cursor, retitle the window, change colours or hide text.
func Sanitize(s string) string {
	if !needsSanitizing(s) {
		return s
	}
	s = ansi.Strip(s)
	return strings.Map(func(r rune) rune {
		if unsafeRune(r) {
			return -1
		}
		return r
	}, s)
}

func needsSanitizing(s string) bool { return strings.ContainsFunc(s, unsafeRune) }

// unsafeRune reports whether r may not be shown: control characters other
// than newline and tab, the replacement character, and bidirectional
// overrides and isolates (which can reorder what is shown).
func unsafeRune(r rune) bool {
	return (unicode.IsControl(r) && r != '\n' && r != '\t') || r == unicode.ReplacementChar ||
		(r >= '\u202a' && r <= '\u202e') || (r >= '\u2066' && r <= '\u2069')
}

// sanitizeAll cleans every string reachable from v (a pointer), in place:
// struct fields, slices, nested slices and map values.
func sanitizeAll(v any) { sanitizeValue(reflect.ValueOf(v)) }

func sanitizeValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			sanitizeValue(v.Elem())
		}
	case reflect.String:
		if v.CanSet() {
			v.SetString(Sanitize(v.String()))
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				sanitizeValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			sanitizeValue(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			val := v.MapIndex(k)
			if val.Kind() == reflect.String {
				v.SetMapIndex(k, reflect.ValueOf(Sanitize(val.String())).Convert(val.Type()))
			}
		}
	}
}
