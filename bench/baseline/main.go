// Command baseline is the reference program for bench/cpu.sh: the smallest
// reasonable Bubble Tea v2 countdown, so unknot's CPU use during a hold can be
// compared with what the framework itself costs.
//
// It does what a hold screen must do and nothing more: the remaining time is
// computed from a deadline, there is exactly one tick per displayed second
// (scheduled for the moment the shown second changes), the frame rate is
// Bubble Tea's default, it runs in the alt screen, and the progress bar is
// drawn statically with progress.Model.ViewAs (no animation). The window
// title carries the countdown, as unknot's does.
//
//	go run ./bench/baseline -seconds 60
package main

import (
	"flag"
	"fmt"
	"os"
	"time"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
)

// tickMsg arrives when the displayed second is due to change.
type tickMsg time.Time

type model struct {
	total    time.Duration
	deadline time.Time
	now      time.Time
	bar      progress.Model
}

// remaining is the time left, never negative.
func (m model) remaining() time.Duration {
	return max(m.deadline.Sub(m.now), 0)
}

// shown is the whole number of seconds on screen (rounded up, so the display
// starts at the full length and reaches 0:00 exactly at the deadline).
func (m model) shown() int {
	return int((m.remaining() + time.Second - 1) / time.Second)
}

// tick schedules one message for the instant the shown second changes.
func (m model) tick() tea.Cmd {
	m.now = time.Now()
	next := time.Duration(m.shown()-1) * time.Second
	return tea.Tick(m.remaining()-next, func(t time.Time) tea.Msg { return tickMsg(t) })
}

func (m model) Init() tea.Cmd { return m.tick() }

func (m model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.KeyPressMsg:
		switch msg.String() {
		case "q", "ctrl+c":
			return m, tea.Quit
		}
	case tea.WindowSizeMsg:
		m.bar.SetWidth(min(60, max(msg.Width-4, 10)))
	case tickMsg:
		m.now = time.Time(msg)
		if m.remaining() <= 0 {
			return m, tea.Quit
		}
		return m, m.tick()
	}
	return m, nil
}

func (m model) View() tea.View {
	s := m.shown()
	clock := fmt.Sprintf("%d:%02d", s/60, s%60)
	pct := 1 - float64(m.remaining())/float64(m.total)
	v := tea.NewView("\n  Baseline countdown\n\n  " + clock + "\n\n  " +
		m.bar.ViewAs(pct) + "\n\n  q quit\n")
	v.AltScreen = true
	v.WindowTitle = clock + " · baseline"
	return v
}

// beforeRun, when set (the floor build, floor.go), runs before the
// countdown starts.
var beforeRun func()

func main() {
	seconds := flag.Int("seconds", 60, "length of the countdown in seconds")
	flag.Parse()
	if *seconds < 1 {
		fmt.Fprintln(os.Stderr, "baseline: -seconds must be at least 1")
		os.Exit(2)
	}
	if beforeRun != nil {
		beforeRun()
	}
	total := time.Duration(*seconds) * time.Second
	now := time.Now()
	m := model{total: total, deadline: now.Add(total), now: now, bar: progress.New(progress.WithWidth(60))}
	if _, err := tea.NewProgram(m).Run(); err != nil {
		fmt.Fprintln(os.Stderr, "baseline:", err)
		os.Exit(1)
	}
}
