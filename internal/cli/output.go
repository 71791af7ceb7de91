package cli

import (
	"io"
	"strings"
	"unicode/utf8"

	"github.com/charmbracelet/x/ansi"

	"github.com/unknot/unknot/content"
)

// Everything unknot prints as text goes through the sanitiser: a pack's
// file name, a problem quoting a pack's bytes, a journal note. None of it
// may move the cursor, retitle the window, set the clipboard or ring the
// bell. JSON escapes what it carries (see jsonOut).

// textOut sanitises each write: escape sequences, control characters
// other than newline and tab, and the other characters content.Sanitize
// removes are dropped.
type textOut struct{ w io.Writer }

func (t textOut) Write(p []byte) (int, error) {
	if _, err := io.WriteString(t.w, content.Sanitize(string(p))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// jsonOut writes JSON with the C1 controls (U+0080–U+009F), which
// encoding/json leaves as they are, escaped as \u0080…: a terminal in
// UTF-8 mode may act on them. They can only appear inside strings, so the
// JSON means the same.
type jsonOut struct{ w io.Writer }

func (j jsonOut) Write(p []byte) (int, error) {
	s := string(p)
	if !strings.ContainsFunc(s, isC1) {
		return j.w.Write(p)
	}
	var b strings.Builder
	for _, r := range s {
		if isC1(r) {
			b.WriteString(`\u00`)
			b.WriteByte("0123456789abcdef"[r>>4])
			b.WriteByte("0123456789abcdef"[r&0xf])
			continue
		}
		b.WriteRune(r)
	}
	if _, err := io.WriteString(j.w, b.String()); err != nil {
		return 0, err
	}
	return len(p), nil
}

func isC1(r rune) bool { return r >= 0x80 && r <= 0x9f }

// cell is one table cell: sanitised, on one line, and at most width
// columns wide, so that one long field cannot stretch every row.
func cell(s string, width int) string {
	s = strings.Join(strings.Fields(content.Sanitize(s)), " ")
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "")
	}
	return ansi.Truncate(s, width, "…")
}

// out is stdout for text; errOut stderr.
func (a *app) out() io.Writer    { return textOut{a.stdout} }
func (a *app) errOut() io.Writer { return textOut{a.stderr} }

// jsonStdout is stdout for JSON.
func (a *app) jsonStdout() io.Writer { return jsonOut{a.stdout} }

// maxCell is the widest a table cell of free text may be: wide enough
// for every built-in name, title and equipment list whole (a program
// day's title runs to about 70), so piped output is cut only for a pack's
// runaway field.
const maxCell = 80
