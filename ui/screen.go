package ui

import (
	tea "charm.land/bubbletea/v2"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
	"github.com/unknot/unknot/safety"
)

// screen is one page of the app. Every screen has the same shape: the
// root hands it a message and follows the action it returns, draws it with
// the help line it asks for, and tells it its size and colours.
type screen interface {
	// Update handles a message; the action (nil to stay) says where the
	// flow goes next, and the command runs as usual.
	Update(msg tea.Msg) (action, tea.Cmd)
	// View draws the screen with the help line (or table) at its foot.
	View(helpView string) string
	SetSize(width, height int)
	// Help is the screen's key help, short and full (a help.KeyMap).
	Help() bindings
	// typing reports whether keys go to a text input (a filter, the note),
	// so that ? and q are letters there.
	typing() bool
	setStyles(*styles)
}

// screenID names each screen.
type screenID int

const (
	screenHome      screenID = iota // the menu
	screenRoutines                  // the ready-made programs
	screenBrowse                    // techniques by body area, and their details
	screenSafety                    // red-flag questions
	screenEmergency                 // Tier A stop: call the emergency number
	screenClinician                 // Tier B stop, or a referral from the intake
	screenStopRules                 // when to stop, before the first session
	screenIntake                    // about today
	screenPlan                      // the proposed routine, adjustable
	screenSession                   // the guided session
	screenSummary                   // how it went: pain now, note, change
	screenHistory                   // past sessions, chart, what helps
	screenGuide                     // the guidance
	screenConfig                    // the mistakes in config.toml
)

// action is where a screen's Update leads. The root's follow carries it
// out; nil means stay on the screen.
type action interface{ isAction() }

type (
	goHome         struct{}                    // back to the home screen (or end a command-line run)
	quitApp        struct{}                    // end the program, once the finish is saved
	openScreen     struct{ to screenID }       // routines, browse or history
	beginFlow      struct{ req coach.Request } // safety, stop rules, intake, plan for req
	safetyAnswered struct{ res safety.Result } // the safety check is done
	stopRulesRead  struct{}                    // the stop rules were read: on to the intake
	intakeAnswered struct {                    // the intake is done (or stopped at a referral)
		in      plan.Intake
		stop    content.Question // a safety question answered yes again
		stopped bool
	}
	startSession   struct{}            // the plan is accepted: start it
	sessionOver    struct{ quit bool } // the last step ended, or the person quit
	checkIn        struct{}            // the whole safety check again, then home
	redoSafety     struct{}            // "I answered by mistake": back to the answer that stopped the session
	stepBack       struct{}            // esc: one step back in the flow (plan → intake → where it began)
	finishAnswered struct {            // pain after and the note were given
		after int
		note  string
	}
	painSkipped struct{} // the pain question was skipped: nothing to save, the journal read again
)

func (goHome) isAction()         {}
func (quitApp) isAction()        {}
func (openScreen) isAction()     {}
func (beginFlow) isAction()      {}
func (safetyAnswered) isAction() {}
func (stopRulesRead) isAction()  {}
func (intakeAnswered) isAction() {}
func (startSession) isAction()   {}
func (sessionOver) isAction()    {}
func (finishAnswered) isAction() {}
func (painSkipped) isAction()    {}
func (checkIn) isAction()        {}
func (redoSafety) isAction()     {}
func (stepBack) isAction()       {}
