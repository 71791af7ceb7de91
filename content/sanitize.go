package content

import (
	"reflect"
	"strings"
	"unicode"

	"github.com/charmbracelet/x/ansi"
)

// MaxCombining is the most combining marks kept on one character: enough
// for stacked accents (Vietnamese) and emoji keycaps, not for "Zalgo"
// text that spills over the lines around it.
const MaxCombining = 4

// Sanitize removes terminal escape sequences and control characters from
// s, keeping newlines and tabs, and the invisible characters that can hide
// or reorder text; it caps runs of combining marks. Content from user
// packs must not be able to move the cursor, retitle the window, change
// colours or hide text.
func Sanitize(s string) string {
	if !needsSanitizing(s) {
		return s
	}
	s = ansi.Strip(s)
	var b strings.Builder
	b.Grow(len(s))
	marks := 0
	for _, r := range s {
		if unsafeRune(r) {
			continue // dropped before counting, so runs either side join
		}
		if unicode.Is(unicode.M, r) {
			if marks++; marks > MaxCombining {
				continue
			}
		} else {
			marks = 0
		}
		b.WriteRune(r)
	}
	return b.String()
}

func needsSanitizing(s string) bool {
	ascii := true // printable ASCII, newlines and tabs need nothing
	for i := 0; i < len(s) && ascii; i++ {
		c := s[i]
		ascii = (c >= 0x20 && c < 0x7f) || c == '\n' || c == '\t'
	}
	if ascii {
		return false
	}
	marks := 0
	for _, r := range s {
		if unsafeRune(r) {
			return true
		}
		if !unicode.Is(unicode.M, r) {
			marks = 0
		} else if marks++; marks > MaxCombining {
			return true
		}
	}
	return false
}

// unsafeRune reports whether r may not be shown: control characters other
// than newline and tab, the replacement character, format characters
// (zero-width spaces and joiners, bidirectional marks, overrides and
// isolates, tag characters, the soft hyphen) and line and paragraph
// separators, which break a line where the layout does not expect it.
func unsafeRune(r rune) bool {
	return (unicode.IsControl(r) && r != '\n' && r != '\t') || r == unicode.ReplacementChar ||
		unicode.In(r, unicode.Cf, unicode.Zl, unicode.Zp)
}

// sanitizeAll cleans every string reachable from v (a pointer), in place:
// struct fields, slices, nested slices and map values.
func sanitizeAll(v any) { sanitizeValue(reflect.ValueOf(v)) }

// SanitizeAll is sanitizeAll for other packages: the journal's export
// cleans its lines with it.
func SanitizeAll(v any) { sanitizeAll(v) }

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
