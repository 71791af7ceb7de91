package journal

import (
	"bufio"
	"encoding/csv"
	"encoding/json"
	"io"
	"iter"
	"strconv"
	"time"

	"github.com/unknot/unknot/coach"
)

// WriteJSON writes sessions as a JSON array (the stable export format),
// indented by two spaces.
func WriteJSON(w io.Writer, sessions []coach.Session) error {
	return WriteJSONSeq(w, seqOf(sessions))
}

// WriteJSONSeq writes what WriteJSON writes from sessions as they come
// (see Journal.AllSessions): each is encoded on its own, so the memory it
// takes does not grow with the journal.
func WriteJSONSeq(w io.Writer, sessions iter.Seq2[coach.Session, error]) error {
	bw := bufio.NewWriter(w)
	sep := "[\n  "
	for s, err := range sessions {
		if err != nil {
			return err
		}
		b, err := json.MarshalIndent(s, "  ", "  ")
		if err != nil {
			return err
		}
		bw.WriteString(sep)
		bw.Write(b)
		sep = ",\n  "
	}
	if sep == "[\n  " {
		bw.WriteString("[]\n")
	} else {
		bw.WriteString("\n]\n")
	}
	return bw.Flush()
}

// seqOf yields a slice's items without error: records read whole, where
// a writer takes them streamed.
func seqOf[T any](items []T) iter.Seq2[T, error] {
	return func(yield func(T, error) bool) {
		for _, s := range items {
			if !yield(s, nil) {
				return
			}
		}
	}
}

// CSVHeader is the first row of the CSV export: one row per step, the
// session's fields repeated; a session without steps has one row with the
// step columns empty.
var CSVHeader = []string{
	"session_id", "started", "ended", "status", "title", "program", "day",
	"pain_before", "pain_after", "note",
	"step", "technique", "side", "rep", "outcome", "planned_seconds", "actual_seconds",
}

// WriteCSV writes sessions as CSV (RFC 4180, quoted as needed).
func WriteCSV(w io.Writer, sessions []coach.Session) error {
	return WriteCSVSeq(w, seqOf(sessions))
}

// WriteCSVSeq writes what WriteCSV writes from sessions as they come.
func WriteCSVSeq(w io.Writer, sessions iter.Seq2[coach.Session, error]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(CSVHeader); err != nil {
		return err
	}
	for s, err := range sessions {
		if err != nil {
			return err
		}
		ended := ""
		if s.Ended != nil {
			ended = s.Ended.UTC().Format(time.RFC3339)
		}
		head := []string{s.ID, s.Started.UTC().Format(time.RFC3339), ended, s.Status, s.Title, s.Program,
			strconv.Itoa(s.Day), optInt(s.PainBefore), optInt(s.PainAfter), s.Note}
		if len(s.Steps) == 0 {
			if err := cw.Write(append(head, "", "", "", "", "", "", "")); err != nil {
				return err
			}
		}
		for _, st := range s.Steps {
			row := append(append([]string(nil), head...), strconv.Itoa(st.Index), st.Technique, st.Side, strconv.Itoa(st.Rep),
				st.Outcome, strconv.FormatFloat(st.PlannedSeconds, 'f', 1, 64), strconv.FormatFloat(st.ActualSeconds, 'f', 1, 64))
			if err := cw.Write(row); err != nil {
				return err
			}
		}
	}
	cw.Flush()
	return cw.Error()
}

func optInt(p *int) string {
	if p == nil {
		return ""
	}
	return strconv.Itoa(*p)
}
