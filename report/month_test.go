package report

import (
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/content"
)

// month is a busy month as a report must still print it on one page: a
// session most days, a few a day at times, five or six techniques in
// each, the desk-break program running through, "this hurts" a dozen
// times, notes, and three cautions in force.
func month() Input {
	cat := content.Builtin()
	in := fixture()
	techs := []string{"chin-tucks", "doorway-chest-stretch", "tennis-ball-spine-release", "shoulder-rolls",
		"chair-back-extension", "wall-angels", "open-book-rotation", "neck-side-stretch"}
	var sessions []coach.Session
	for day := 1; day <= 30; day++ {
		for k := range 1 + day%3/2 {
			pick := []string{}
			for j := range 5 + day%2 {
				pick = append(pick, techs[(day+j+k)%len(techs)])
			}
			before, after := 4+day%5, 2+day%3
			program := ""
			if day%4 == 0 {
				program = "desk-break"
			}
			s := session(day, ptr(before), ptr(after), day%3 == 0, program, pick...)
			s.Started = s.Started.Add(time.Duration(k) * 8 * time.Hour)
			s.ID = coach.NewID(s.Started)
			if day%7 == 0 {
				s.Note = "After a long day at the desk; the left side tighter than the right"
			}
			sessions = append(sessions, s)
		}
	}
	in.Sessions = sessions
	rec := &coach.SafetyRecord{At: time.Date(2026, 11, 2, 8, 55, 0, 0, time.UTC), Outcome: "cautions",
		Answers: map[string]bool{}, Cautions: []string{}}
	for _, q := range cat.Safety.Questions {
		if q.Caution != "" && len(rec.Cautions) < 3 {
			rec.Answers[q.ID] = true
			rec.Cautions = append(rec.Cautions, q.Caution)
		}
	}
	in.Safety = rec
	return in
}
