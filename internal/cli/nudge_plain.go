package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/unknot/unknot/coach"
	"github.com/unknot/unknot/nudge"
	"github.com/unknot/unknot/ui"
)

// nudgePlain runs the nudges line by line: one line for each change (a
// break coming, due, held, the day's end), and at a due break a prompt
// read from stdin. With nothing to read from (a service, a pipe that
// ends) it goes on announcing breaks.
func (a *app) nudgePlain(r *nudgeRun) error {
	c := clock{clockOffset()}
	answers := a.stdin != nil
	last := ""
	for {
		now := c.Now()
		st, announce, err := r.runner.Check(now)
		if err != nil {
			return err
		}
		line := plainNudgeLine(st, now)
		if announce {
			r.announce()
			line = fmt.Sprintf("break due: %s, %d min", r.req.Title, (r.secs+30)/60)
		}
		if line != last || announce {
			fmt.Fprintf(a.out(), "%s %s\n", now.Format("15:04"), line)
			last = line
		}
		if st.Kind == nudge.Due && announce && answers {
			fmt.Fprintln(a.out(), "enter start · s snooze · k skip · m meeting 30m · q quit")
			reply, err := readLine(a.stdin)
			if err != nil {
				answers = false // nobody to answer: go on announcing
				continue
			}
			quit, err := a.plainAnswer(r, st, strings.TrimSpace(reply))
			if quit || err != nil {
				return err
			}
			last = ""
			continue
		}
		<-c.After(time.Second)
	}
}

// plainNudgeLine is the status line without its countdown, so it changes
// only when something happens.
func plainNudgeLine(st nudge.Status, now time.Time) string {
	if st.Kind == nudge.Waiting {
		return "next break at " + st.At.Format("15:04")
	}
	return st.String(now)
}

// plainAnswer follows one answer at the prompt.
func (a *app) plainAnswer(r *nudgeRun, st nudge.Status, reply string) (quit bool, err error) {
	now := a.now()
	switch reply {
	case "":
		cat, _ := a.catalogue()
		return false, a.takeBreak(r, st, func() error { return a.runPlain(cat, r.req, false) })
	case "s":
		err = r.runner.Answer(now, st, coach.AnswerSnoozed, "")
		if err != nil {
			fmt.Fprintln(a.out(), "snoozed twice in a row already: start it or skip it")
			return false, r.runner.Answer(now, st, coach.AnswerSkipped, "")
		}
	case "k":
		err = r.runner.Answer(now, st, coach.AnswerSkipped, "")
	case "m":
		err = r.runner.Hold(now, ui.MeetingHold, nudge.WhyMeeting)
	case "q":
		return true, nil
	default:
		fmt.Fprintf(a.out(), "%q is not an answer; skipping this break\n", reply)
		err = r.runner.Answer(now, st, coach.AnswerSkipped, "")
	}
	return false, err
}

// readLine reads one line a byte at a time, so nothing after it is taken
// from the routine's own prompts.
func readLine(r io.Reader) (string, error) {
	var b strings.Builder
	buf := make([]byte, 1)
	for {
		n, err := r.Read(buf)
		if n == 1 {
			if buf[0] == '\n' {
				return b.String(), nil
			}
			b.WriteByte(buf[0])
		}
		if err != nil {
			if b.Len() > 0 && err == io.EOF {
				return b.String(), nil
			}
			return "", err
		}
	}
}
