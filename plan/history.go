package plan

import (
	"time"

	"github.com/unknot/unknot/internal/journal"
)

// HistoryOf turns journal sessions (oldest first) into what the builder
// uses: how many sessions have pain before and after, and each
// technique's average change in them.
func HistoryOf(sessions []journal.Session, now time.Time, gentler bool) History {
	st := journal.Summarise(sessions, now)
	h := History{Sessions: st.Rated, Effects: map[string]Effect{}, Gentler: gentler}
	for _, e := range st.Effects {
		h.Effects[e.Technique] = Effect{Sessions: e.Sessions, AvgChange: e.AvgChange}
	}
	return h
}
