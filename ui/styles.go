package ui

import (
	"image/color"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/list"
	"charm.land/lipgloss/v2"
)

// styles are built once per background (dark or light), never in View.
type styles struct {
	isDark bool

	Title      lipgloss.Style // app and screen titles
	Subtle     lipgloss.Style // secondary text
	Step       lipgloss.Style // technique name on the session screen
	Side       lipgloss.Style // LEFT SIDE / RIGHT SIDE
	Countdown  lipgloss.Style // the big digits during a hold
	LeadIn     lipgloss.Style // the digits during a lead-in
	Paused     lipgloss.Style // PAUSED label
	Cue        lipgloss.Style // instruction for this moment
	Breathing  lipgloss.Style // breathing cue
	Warning    lipgloss.Style // the key precaution
	NextUp     lipgloss.Style // "next up" line
	Dialog     lipgloss.Style // quit confirmation box
	Page       lipgloss.Style // padding around simple pages
	Disclaimer lipgloss.Style // the one-line "not medical advice" note
	Selected   lipgloss.Style // the highlighted answer
	Option     lipgloss.Style // an answer not highlighted
	Emergency  lipgloss.Style // the emergency banner
	Good       lipgloss.Style // done counts
	Bad        lipgloss.Style // hurt counts
	FigureBody lipgloss.Style // the person in a figure
	FigureProp lipgloss.Style // the floor, wall, ball… in a figure
	Help       help.Styles

	BarFull, BarEmpty color.Color
}

// Colours are chosen for contrast on both backgrounds: the dark-background
// shades are light, the light-background shades are dark.
func newStyles(isDark bool) *styles {
	ld := lipgloss.LightDark(isDark)
	var (
		accent  = ld(lipgloss.Color("#7D3AC1"), lipgloss.Color("#C7A0FF"))
		text    = ld(lipgloss.Color("#1A1A1A"), lipgloss.Color("#EEEEEE"))
		subtle  = ld(lipgloss.Color("#5C5C5C"), lipgloss.Color("#A0A0A0"))
		timer   = ld(lipgloss.Color("#005F87"), lipgloss.Color("#7FE0FF"))
		lead    = ld(lipgloss.Color("#8A5A00"), lipgloss.Color("#FFD166"))
		warn    = ld(lipgloss.Color("#A4000F"), lipgloss.Color("#FF8A80"))
		good    = ld(lipgloss.Color("#1B6E20"), lipgloss.Color("#8CE99A"))
		barBack = ld(lipgloss.Color("#D0D0D0"), lipgloss.Color("#3A3A3A"))
		// The help line: keys brightest, then what they do, then the
		// separators; each at least 4.5:1 against black, #1E1E1E and
		// white (help.DefaultStyles' greys are 2–3.5:1).
		helpKey  = ld(lipgloss.Color("#3A3A3A"), lipgloss.Color("#C6C6C6"))
		helpDesc = ld(lipgloss.Color("#555555"), lipgloss.Color("#A8A8A8"))
		helpSep  = ld(lipgloss.Color("#6B6B6B"), lipgloss.Color("#8C8C8C"))
	)
	return &styles{
		isDark:     isDark,
		Title:      lipgloss.NewStyle().Bold(true).Foreground(accent),
		Subtle:     lipgloss.NewStyle().Foreground(subtle),
		Step:       lipgloss.NewStyle().Bold(true).Foreground(text),
		Side:       lipgloss.NewStyle().Bold(true).Foreground(accent),
		Countdown:  lipgloss.NewStyle().Bold(true).Foreground(timer),
		LeadIn:     lipgloss.NewStyle().Bold(true).Foreground(lead),
		Paused:     lipgloss.NewStyle().Bold(true).Foreground(lead).Reverse(true).Padding(0, 1),
		Cue:        lipgloss.NewStyle().Foreground(text),
		Breathing:  lipgloss.NewStyle().Italic(true).Foreground(timer),
		Warning:    lipgloss.NewStyle().Foreground(warn),
		NextUp:     lipgloss.NewStyle().Foreground(subtle),
		Dialog:     lipgloss.NewStyle().Border(lipgloss.RoundedBorder()).BorderForeground(warn).Padding(1, 3),
		Page:       lipgloss.NewStyle().Padding(1, 2),
		Disclaimer: lipgloss.NewStyle().Foreground(subtle).PaddingLeft(2),
		Selected:   lipgloss.NewStyle().Bold(true).Foreground(accent).Reverse(true),
		Option:     lipgloss.NewStyle().Foreground(text),
		Emergency:  lipgloss.NewStyle().Bold(true).Foreground(warn).Reverse(true).Padding(0, 2),
		Good:       lipgloss.NewStyle().Bold(true).Foreground(good),
		Bad:        lipgloss.NewStyle().Bold(true).Foreground(warn),
		FigureBody: lipgloss.NewStyle().Foreground(text),
		FigureProp: lipgloss.NewStyle().Foreground(lead),
		Help:       helpStyles(helpKey, helpDesc, helpSep),
		BarFull:    timer,
		BarEmpty:   barBack,
	}
}

// helpStyles colours the help line and table.
func helpStyles(key, desc, sep color.Color) help.Styles {
	k, d, s := lipgloss.NewStyle().Foreground(key), lipgloss.NewStyle().Foreground(desc), lipgloss.NewStyle().Foreground(sep)
	return help.Styles{ShortKey: k, ShortDesc: d, ShortSeparator: s, Ellipsis: s, FullKey: k, FullDesc: d, FullSeparator: s}
}

// newDelegate draws list rows in the app's colours, with or without
// descriptions.
func newDelegate(st *styles, descriptions bool) list.DefaultDelegate {
	d := list.NewDefaultDelegate()
	d.Styles = list.NewDefaultItemStyles(st.isDark)
	d.ShowDescription = descriptions
	if !descriptions {
		d.SetSpacing(0)
	}
	return d
}

// styleList gives a list the app's colours for the background.
func styleList(l *list.Model, st *styles) {
	l.Styles = list.DefaultStyles(st.isDark)
	l.Styles.Title = st.Title.Padding(0)
}
