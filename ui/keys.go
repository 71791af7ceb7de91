package ui

import (
	"fmt"
	"time"

	"charm.land/bubbles/v2/key"

	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/session"
)

// keyMap holds every binding the app uses, declared once (SPEC §3).
type keyMap struct {
	Help, Quit, ForceQuit, Back key.Binding
	// QuitBack is q where it goes back, as esc does; Leave is q on the
	// flow's screens, which leads home (and ends a command-line run,
	// where Leave is Quit: see New).
	QuitBack, Leave          key.Binding
	Suspend                  key.Binding
	Up, Down, Select, Filter key.Binding
	Move, Start              key.Binding // short-help forms of Up/Down and Select

	Pause, Resume, Skip, Prev key.Binding
	// SkipShort and PrevShort are Skip and Prev as the short help line
	// shows them, without the arrow alternatives, to fit 60 columns.
	SkipShort, PrevShort      key.Binding
	More, Less, Restart, Hurt key.Binding
	// HoldMore and HoldLess are + and - on the plan screen, which change
	// a hold by plan.HoldStep (More and Less change a running hold by
	// session.Adjustment).
	HoldMore, HoldLess key.Binding
	// SoundOn and SoundOff are m, labelled with whether the cues sound.
	SoundOn, SoundOff            key.Binding
	Yes, No, NoneOfThese, Scroll key.Binding
	Mistake                      key.Binding
	Done, Home, Continue         key.Binding
	Save, SkipNote, SkipPain     key.Binding
	Open, StartOne, Close        key.Binding

	// Questions (safety screen, intake) and the plan screen.
	Left, Right, Toggle, AnswerNo key.Binding
	Choose, Next, Number          key.Binding
	PrevQuestion                  key.Binding
	// StopRules opens the full "when to stop" page from the intake, for
	// the one-line reminder there; enter or esc come back to the question.
	StopRules                   key.Binding
	MoveUp, MoveDown, Swap      key.Binding
	Details, StartPlan, LeftOut key.Binding
}

func defaultKeyMap() *keyMap {
	return &keyMap{
		Help:      key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "keys")),
		Quit:      key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
		ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit now")),
		Back:      key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "back")),
		QuitBack:  key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "back")),
		Leave:     key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "home")),
		Up:        key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:      key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		Select:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "select")),
		Move:      key.NewBinding(key.WithKeys("up", "down", "k", "j"), key.WithHelp("↑/↓", "move")),
		Start:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start")),
		Filter:    key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),

		Pause:        key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "pause")),
		Resume:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "resume")),
		Skip:         key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n/→", "skip")),
		Prev:         key.NewBinding(key.WithKeys("p", "left"), key.WithHelp("p/←", "back")),
		SkipShort:    key.NewBinding(key.WithKeys("n", "right"), key.WithHelp("n", "skip")),
		PrevShort:    key.NewBinding(key.WithKeys("p", "left"), key.WithHelp("p", "back")),
		More:         key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", seconds(session.Adjustment)+" more")),
		Less:         key.NewBinding(key.WithKeys("-"), key.WithHelp("-", seconds(session.Adjustment)+" less")),
		HoldMore:     key.NewBinding(key.WithKeys("+", "="), key.WithHelp("+", fmt.Sprintf("%d s more", plan.HoldStep))),
		HoldLess:     key.NewBinding(key.WithKeys("-"), key.WithHelp("-", fmt.Sprintf("%d s less", plan.HoldStep))),
		Restart:      key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "restart hold")),
		Hurt:         key.NewBinding(key.WithKeys("x"), key.WithHelp("x", "hurts")),
		SoundOn:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "sound: on")),
		SoundOff:     key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "sound: off")),
		Done:         key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", "done")),
		Home:         key.NewBinding(key.WithKeys("enter", "esc"), key.WithHelp("enter", "home")),
		Left:         key.NewBinding(key.WithKeys("left", "h"), key.WithHelp("←", "left")),
		Right:        key.NewBinding(key.WithKeys("right", "l"), key.WithHelp("→", "right")),
		Toggle:       key.NewBinding(key.WithKeys("space"), key.WithHelp("space", "on/off")),
		AnswerNo:     key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", "no")),
		Choose:       key.NewBinding(key.WithKeys("left", "right"), key.WithHelp("←/→", "choose")),
		Next:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "next")),
		Number:       key.NewBinding(key.WithKeys("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("0–10", "rate")),
		PrevQuestion: key.NewBinding(key.WithKeys("esc", "shift+tab"), key.WithHelp("esc", "previous")),
		StopRules:    key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "when to stop")),
		MoveUp:       key.NewBinding(key.WithKeys("K", "shift+up"), key.WithHelp("K/⇧↑", "move up")),
		MoveDown:     key.NewBinding(key.WithKeys("J", "shift+down"), key.WithHelp("J/⇧↓", "move down")),
		Swap:         key.NewBinding(key.WithKeys("a"), key.WithHelp("a", "swap")),
		Details:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "info")),
		StartPlan:    key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "start")),
		LeftOut:      key.NewBinding(key.WithKeys("l"), key.WithHelp("l", "left out")),
		Continue:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "continue")),
		Save:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		SkipNote:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "no note")),
		SkipPain:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "skip")),
		Open:         key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		StartOne:     key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "start a session")),
		Close:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "back")),
		Suspend:      key.NewBinding(key.WithKeys("ctrl+z"), key.WithHelp("ctrl+z", "suspend")),
		Yes:          key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		No:           key.NewBinding(key.WithKeys("n", "N", "esc"), key.WithHelp("n", "no")),
		Mistake:      key.NewBinding(key.WithKeys("m"), key.WithHelp("m", "I answered by mistake")),
		NoneOfThese:  key.NewBinding(key.WithKeys("n", "N"), key.WithHelp("n", "none of these")),
		Scroll:       key.NewBinding(key.WithKeys("up", "down"), key.WithHelp("↑/↓", "scroll")),
	}
}

// bindings is a screen's help: the short line and the full table.
type bindings struct {
	short []key.Binding
	full  [][]key.Binding
}

func (b bindings) ShortHelp() []key.Binding  { return b.short }
func (b bindings) FullHelp() [][]key.Binding { return b.full }

// seconds labels a whole number of seconds for the help ("15 s").
func seconds(d time.Duration) string { return fmt.Sprintf("%d s", int(d/time.Second)) }
