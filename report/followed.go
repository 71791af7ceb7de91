package report

import (
	"fmt"
	"slices"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/plan"
)

// followed words what followed sessions with each technique, with the
// same thresholds the history screen and the planner use: nothing before
// plan.HistoryFrom rated sessions, and then only effects that stand out
// (plan.Effect.StandsOut). A session's change is not one technique's
// effect, so each line says what followed, never what caused it.
// The effects that stand out come back by technique too, for a table.
func followed(c *content.Catalogue, sessions []coach.Session, now time.Time) ([]string, map[string]plan.Effect, string) {
	st := coach.Summarise(sessions, now)
	if st.Rated < plan.HistoryFrom {
		return nil, nil, fmt.Sprintf("Too few sessions with pain scored before and after (%d; it takes %d) to say what followed them.",
			st.Rated, plan.HistoryFrom)
	}
	var out []string
	by := map[string]plan.Effect{}
	for _, e := range st.Effects {
		pe := plan.Effect{Sessions: e.Sessions, AvgChange: e.AvgChange}
		if pe.StandsOut() {
			out = append(out, pe.Followed(techniqueName(c, e.Technique))+".")
			by[e.Technique] = pe
		}
	}
	if len(out) == 0 {
		return nil, nil, fmt.Sprintf("Nothing stands out: a technique is listed once sessions with it have been followed by a change of %.0f points or more, %d times or more.",
			plan.EffectPoints, plan.EffectSessions)
	}
	return out, by, ""
}

// safetyInForce is the latest safety check, as questions and cautions by
// their wording rather than their IDs.
func safetyInForce(c *content.Catalogue, rec *coach.SafetyRecord, loc *time.Location) *SafetyInForce {
	if rec == nil {
		return nil
	}
	s := &SafetyInForce{At: rec.At.In(loc), Outcome: rec.Outcome, Reason: rec.Reason}
	if rec.Profile.Age != "" {
		s.Age = content.AgeBandLabel(rec.Profile.Age)
	}
	for _, id := range rec.Cautions {
		if cau, ok := c.Caution(id); ok {
			s.Cautions = append(s.Cautions, Caution{Name: cau.Name, Adaptation: cau.Adaptation})
		} else {
			s.Cautions = append(s.Cautions, Caution{Name: id})
		}
	}
	// In the order the check asks them; a question whose caution is
	// listed is said by that caution.
	for _, q := range c.Safety.Questions {
		if rec.Answers[q.ID] && (q.Caution == "" || !slices.Contains(rec.Cautions, q.Caution)) {
			s.Yes = append(s.Yes, q.Text)
		}
	}
	var assessed []string
	for id := range rec.Profile.Assessed {
		assessed = append(assessed, id)
	}
	slices.Sort(assessed)
	for _, id := range assessed {
		text := id
		if q, ok := c.Safety.Question(id); ok {
			text = q.Text
		}
		s.Assessed = append(s.Assessed, Assessed{Question: text, At: rec.Profile.Assessed[id].In(loc)})
	}
	return s
}
