package ui

import (
	"fmt"
	"strconv"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/coach"
)

// question is one keyboard-only question: yes/no, pick one, pick several,
// or a 0–10 scale. The safety screen and the intake are built from it.
type question struct {
	kind    questionKind
	title   string
	hint    string
	choices []choice
	keys    *keyMap

	cursor int    // highlighted choice; -1 when none yet (yes/no)
	picked []bool // kindMany: ticked choices
	value  int    // kindScale: the number, -1 until one is given
	done   bool
	// label describes the scale's current value ("moderate").
	label func(int) string
	// maxRows, when set, is the most rows the choices may take.
	maxRows int
}

type questionKind int

const (
	kindYesNo questionKind = iota
	kindOne
	kindMany
	kindScale
)

type choice struct{ value, label string }

func yesNo(title, hint string, keys *keyMap) question {
	return question{kind: kindYesNo, title: title, hint: hint, keys: keys, cursor: -1,
		choices: []choice{{"yes", "Yes"}, {"no", "No"}}}
}

func pickOne(title, hint string, choices []choice, def string, keys *keyMap) question {
	q := question{kind: kindOne, title: title, hint: hint, choices: choices, keys: keys}
	for i, c := range choices {
		if c.value == def {
			q.cursor = i
		}
	}
	return q
}

func pickMany(title, hint string, choices []choice, defs []string, keys *keyMap) question {
	q := question{kind: kindMany, title: title, hint: hint, choices: choices, keys: keys, picked: make([]bool, len(choices))}
	for i, c := range choices {
		for _, d := range defs {
			if c.value == d {
				q.picked[i] = true
			}
		}
	}
	return q
}

func scale(title, hint string, label func(int) string, keys *keyMap) question {
	return question{kind: kindScale, title: title, hint: hint, label: label, keys: keys, value: -1}
}

// Yes is the answer to a yes/no question.
func (q question) Yes() bool { return q.cursor == 0 }

// One is the picked value of a pick-one question.
func (q question) One() string { return q.choices[q.cursor].value }

// Many are the ticked values of a pick-several question.
func (q question) Many() []string {
	var out []string
	for i, c := range q.choices {
		if q.picked[i] {
			out = append(out, c.value)
		}
	}
	return out
}

// Value is the number on a scale question.
func (q question) Value() int { return q.value }

// Update handles a key; done is set when the question is answered.
func (q question) Update(msg tea.KeyPressMsg) question {
	k := q.keys
	switch q.kind {
	case kindYesNo:
		switch {
		case key.Matches(msg, k.Yes):
			q.cursor, q.done = 0, true
		case key.Matches(msg, k.AnswerNo):
			q.cursor, q.done = 1, true
		case key.Matches(msg, k.Up), key.Matches(msg, k.Left):
			q.cursor = 0
		case key.Matches(msg, k.Down), key.Matches(msg, k.Right):
			q.cursor = 1
		case key.Matches(msg, k.Select):
			q.done = q.cursor >= 0
		}
	case kindOne, kindMany:
		switch {
		case key.Matches(msg, k.Up):
			q.cursor = (q.cursor + len(q.choices) - 1) % len(q.choices)
		case key.Matches(msg, k.Down):
			q.cursor = (q.cursor + 1) % len(q.choices)
		case key.Matches(msg, k.Toggle) && q.kind == kindMany:
			q.picked[q.cursor] = !q.picked[q.cursor]
		case key.Matches(msg, k.Select):
			q.done = true
		default:
			if n, ok := digit(msg); ok && n >= 1 && n <= len(q.choices) {
				q.cursor = n - 1
				if q.kind == kindMany {
					q.picked[q.cursor] = !q.picked[q.cursor]
				} else {
					q.done = true
				}
			}
		}
	case kindScale:
		switch {
		case key.Matches(msg, k.Left), key.Matches(msg, k.Down):
			q.value = max(q.value-1, 0)
		case key.Matches(msg, k.Right), key.Matches(msg, k.Up):
			q.value = min(q.value+1, 10)
		case key.Matches(msg, k.Select):
			q.done = q.value >= 0
		default:
			if n, ok := digit(msg); ok {
				// "1" then "0" makes 10; any other digit is that number.
				if n == 0 && q.value == 1 {
					q.value = 10
				} else {
					q.value = n
				}
			}
		}
	}
	return q
}

func digit(msg tea.KeyPressMsg) (int, bool) {
	if len(msg.Text) == 1 && msg.Text[0] >= '0' && msg.Text[0] <= '9' {
		return int(msg.Text[0] - '0'), true
	}
	return 0, false
}

// help lists the keys that answer this kind of question.
func (q question) help() []key.Binding {
	k := q.keys
	switch q.kind {
	case kindYesNo:
		return []key.Binding{k.Yes, k.AnswerNo, k.Select}
	case kindMany:
		return []key.Binding{k.Move, k.Toggle, k.Next}
	case kindScale:
		return []key.Binding{k.Number, k.Choose, k.Next}
	}
	return []key.Binding{k.Move, k.Next}
}

// headView is the question's title and hint, and the blank row under them.
func (q question) headView(st *styles, width int) string {
	w := max(width-4, 20)
	var b strings.Builder
	if q.title != "" {
		b.WriteString(st.Step.Render(wordwrap(q.title, w, "")) + "\n")
	}
	if q.hint != "" {
		b.WriteString(st.Subtle.Render(wordwrap(q.hint, w, "")) + "\n")
	}
	return b.String() + "\n"
}

// View draws the question within width.
func (q question) View(st *styles, width int) string {
	w := max(width-4, 20)
	var b strings.Builder
	b.WriteString(q.headView(st, width))
	switch q.kind {
	case kindYesNo:
		for i, c := range q.choices {
			label := "  " + c.label + "  "
			if i == q.cursor {
				b.WriteString(st.Selected.Render(label))
			} else {
				b.WriteString(st.Option.Render(label))
			}
			b.WriteString("   ")
		}
		b.WriteString("\n")
	case kindOne, kindMany:
		b.WriteString(q.choiceLines(st, w))
	case kindScale:
		var row strings.Builder
		for n := 0; n <= 10; n++ {
			cell := fmt.Sprintf(" %d ", n)
			if n == q.value {
				row.WriteString(st.Selected.Render(cell))
			} else {
				row.WriteString(st.Option.Render(cell))
			}
		}
		b.WriteString(row.String() + "\n")
		switch {
		case q.value < 0:
			b.WriteString(st.Subtle.Render("Type a number from 0 (no pain) to 10 (worst imaginable).") + "\n")
		case q.label != nil:
			b.WriteString(st.Cue.Render(fmt.Sprintf("%d — %s", q.value, q.label(q.value))) + "\n")
		}
	}
	return b.String()
}

// intakeQuestion draws one of the coach's intake questions.
func intakeQuestion(q coach.Question, keys *keyMap) question {
	choices := make([]choice, len(q.Choices))
	for i, c := range q.Choices {
		choices[i] = choice{c.Value, c.Label}
	}
	switch q.Kind {
	case coach.Scale:
		return scale(q.Title, q.Hint, q.Describe, keys)
	case coach.YesNo:
		return yesNo(q.Title, q.Hint, keys)
	case coach.PickMany:
		return pickMany(q.Title, q.Hint, choices, q.Default, keys)
	}
	def := ""
	if len(q.Default) > 0 {
		def = q.Default[0]
	}
	return pickOne(q.Title, q.Hint, choices, def, keys)
}

// answer is the question's answer as the coach reads it.
func (q question) answer() []string {
	switch q.kind {
	case kindYesNo:
		if q.Yes() {
			return []string{"yes"}
		}
		return []string{"no"}
	case kindScale:
		return []string{strconv.Itoa(q.value)}
	case kindMany:
		return q.Many()
	}
	return []string{q.One()}
}

// choiceLines draws the choices of a pick question, each label wrapped
// under its number; when they are taller than maxRows, a window around the
// cursor with what is above and below counted, so the choice being
// answered is always on screen.
func (q question) choiceLines(st *styles, width int) string {
	var blocks [][]string
	for i, c := range q.choices {
		mark := "  "
		if q.kind == kindMany {
			mark = "[ ] "
			if q.picked[i] {
				mark = "[x] "
			}
		}
		num := fmt.Sprintf("%d", i+1)
		if len(q.choices) > 9 {
			num = fmt.Sprintf("%2d", i+1)
		}
		style, lead := st.Option, "  "
		if i == q.cursor {
			style, lead = st.Selected, "› "
		}
		text := hanging(lead+num+" "+mark, c.label, width)
		var lines []string
		for _, l := range strings.Split(text, "\n") {
			lines = append(lines, style.Render(l))
		}
		blocks = append(blocks, lines)
	}
	total := 0
	for _, bl := range blocks {
		total += len(bl)
	}
	first, last := 0, len(blocks)
	if q.maxRows > 0 && total > q.maxRows {
		// Grow a window from the cursor, keeping two rows for the counts.
		room := max(q.maxRows-2, 1)
		cur := max(q.cursor, 0)
		first, last = cur, cur+1
		used := len(blocks[cur])
		for grew := true; grew; {
			grew = false
			if last < len(blocks) && used+len(blocks[last]) <= room {
				used += len(blocks[last])
				last++
				grew = true
			}
			if first > 0 && used+len(blocks[first-1]) <= room {
				first--
				used += len(blocks[first])
				grew = true
			}
		}
	}
	var b strings.Builder
	if first > 0 {
		b.WriteString(st.Subtle.Render(fmt.Sprintf("  ↑ %d more", first)) + "\n")
	}
	for _, bl := range blocks[first:last] {
		b.WriteString(strings.Join(bl, "\n") + "\n")
	}
	if last < len(blocks) {
		b.WriteString(st.Subtle.Render(fmt.Sprintf("  ↓ %d more", len(blocks)-last)) + "\n")
	}
	return b.String()
}
