package plan

import "fmt"

// GentlerFrom is the rise in pain over one session that makes the next
// plan gentler (History.Gentler), as ChangeText tells the person.
const GentlerFrom = 2

// ChangeText words a single session's change in pain as CLINICAL.md §4
// allows: a 1-point change is within normal ups and downs; 2 points or
// more is a clear change for now, and only days of it make a real
// improvement.
func ChangeText(before, after int) string {
	d := after - before
	switch {
	case d <= -2:
		return fmt.Sprintf("Down %d points, from %d to %d: a clear drop for now. Whether it lasts shows over the next few days.", -d, before, after)
	case d == -1:
		return fmt.Sprintf("From %d to %d: about the same. A one-point change in a single session is within normal ups and downs.", before, after)
	case d == 0:
		return fmt.Sprintf("Still %d: no change today. Some techniques take a few sessions; keep the ones that feel good.", after)
	case d < GentlerFrom:
		return fmt.Sprintf("From %d to %d: about the same. Keep an eye on it, and go lighter if it climbs.", before, after)
	}
	return fmt.Sprintf("Up %d points, from %d to %d. Next time the plan will be gentler. If it is still higher tomorrow, rest it, and see a professional if it does not settle.", d, before, after)
}
