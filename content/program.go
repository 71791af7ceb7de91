package content

// DefaultLeadInSeconds is the "get into position" time before each hold.
const DefaultLeadInSeconds = 5

// Resolve applies a program item's overrides to its technique's dosage.
func (c *Catalogue) Resolve(it ProgramItem) (Technique, bool) {
	t, ok := c.Technique(it.Technique)
	if !ok {
		return Technique{}, false
	}
	if it.HoldSeconds > 0 {
		t.Dosage.HoldSeconds = it.HoldSeconds
	}
	if it.Reps > 0 {
		t.Dosage.Reps = it.Reps
	}
	if it.Note != "" {
		t.Cue = it.Note
	}
	return t, true
}

// ItemsSeconds is the time a list of items takes in a session with the
// default lead-in: holds, rests and lead-ins (Technique.SessionSeconds).
func (c *Catalogue) ItemsSeconds(items []ProgramItem) int {
	total := 0
	for _, it := range items {
		if t, ok := c.Resolve(it); ok {
			total += t.DurationSeconds()
		}
	}
	return total
}

// DayMinutes is how long a day of a program takes, lead-ins included, in
// whole minutes (Minutes): the length the routines list shows.
func (c *Catalogue) DayMinutes(items []ProgramItem) int {
	return Minutes(c.ItemsSeconds(items))
}

// FloorSeconds is how much of a list of items' time (holds and rests, no
// lead-ins) is spent on the floor, lying or kneeling.
func (c *Catalogue) FloorSeconds(items []ProgramItem) int {
	total := 0
	for _, it := range items {
		if t, ok := c.Resolve(it); ok && t.Position.OnFloor() {
			total += t.DurationSeconds()
		}
	}
	return total
}

// MostlyOnFloor reports whether more than half of a list of items' time is
// spent lying or kneeling: the routines list says so, for someone at a
// desk.
func (c *Catalogue) MostlyOnFloor(items []ProgramItem) bool {
	return 2*c.FloorSeconds(items) > c.ItemsSeconds(items)
}
