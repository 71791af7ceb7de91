package plan

import (
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"

	"github.com/unknot/unknot/content"
	"github.com/unknot/unknot/safety"
)

// LeadInSeconds is counted for every hold when fitting the time budget,
// because the session spends it too.
const LeadInSeconds = content.DefaultLeadInSeconds

// Tolerance is how far a plan may land from its time budget (±10 %).
const Tolerance = 0.10

// HistoryFrom is how many past sessions it takes before the plan prefers
// techniques that helped (SPEC §6).
const HistoryFrom = 3

// History is what past sessions say about each technique.
type History struct {
	Sessions int
	Effects  map[string]Effect // by technique ID
	// Gentler is set when pain rose by 2 or more points last time: the
	// plan keeps to gentle techniques and gentle pressure.
	Gentler bool
	// Hurt holds the techniques marked "this hurts" (x) the last time they
	// were done: personal plans leave them out until the person does one
	// again by choosing it (Browse, a program).
	Hurt map[string]bool
	// Steady counts, for each technique, the rated sessions in a row (the
	// latest ones) that included it with no rise in pain: from
	// StepUpAfter the plan offers the next rung up its ladder.
	Steady map[string]int
	// Rose holds the techniques whose latest rated session ended 2 or more
	// points worse: the plan offers the rung below instead.
	Rose map[string]bool
}

// StepUpAfter is how many steady sessions earn the next rung.
const StepUpAfter = 3

// Effect is the average change in pain (after − before) over the
// sessions that included a technique: negative means pain went down.
type Effect struct {
	Sessions  int
	AvgChange float64
}

// Item is one technique in the plan.
type Item struct {
	Technique   content.Technique // as it will run: HoldSeconds is applied
	HoldSeconds int
	// MinHold and MaxHold bound the hold on the plan screen (after the
	// caution rules, e.g. 30–60 s stretches at 65+).
	MinHold, MaxHold int
	Reason           string
	Off              bool // switched off on the plan screen
	// InPlaceOf is the technique this item took the place of: a rung along
	// its ladder, or what a routine needed kit for ("" for neither). The
	// Reason says why.
	InPlaceOf string
}

// Seconds is the time the item takes, lead-ins included.
func (it Item) Seconds() int {
	return it.Technique.SessionSeconds(it.HoldSeconds, LeadInSeconds)
}

// Exclusion is a technique left out, and why.
type Exclusion struct {
	ID, Name, Reason string
	Kind             Why
}

// Why groups the reasons techniques are left out, most important first.
type Why int

const (
	WhySafety     Why = iota // a caution rules it out
	WhyFloor                 // done on the floor, and the person is at a desk
	WhyEquipment             // needs what the person does not have
	WhyPreference            // firmer than the pressure asked for
	WhyArea                  // works elsewhere
	WhyTime                  // safe and suitable, but the time was full
	WhySwapped               // swapped out on the plan screen
	WhyHurt                  // it hurt last time
	WhyVariant               // a version for a caution the person does not have
	WhyStepped               // a rung up or down its ladder took its place
)

// Heading names the group for the left-out list.
func (w Why) Heading() string {
	return [...]string{"Not safe for you today", "Needs the floor", "Needs equipment you don't have", "Firmer than you asked for",
		"Works on other areas", "Did not fit in the time", "Swapped out", "It hurt last time",
		"Versions for other needs", "Stepped up or down"}[w]
}

// Plan is the routine proposed for today.
type Plan struct {
	Items []Item
	// Left lists every catalogue technique that is not in Items, with the
	// reason it was left out.
	Left []Exclusion
	// Pool holds every technique that is safe and usable today (the
	// alternatives the plan screen can swap in), each with its hold bounds.
	Pool []Item
	// BudgetSeconds is the time asked for (0 for a fixed selection).
	BudgetSeconds int
	// Notes are plan-wide remarks ("kept to gentle techniques because…").
	Notes []string
	// Adapted says, for each caution of the safety check, what the plan
	// changes for it.
	Adapted []Adaptation
}

// Adaptation is what the plan changes for one caution.
type Adaptation struct{ Caution, Change string }

// Seconds is the time of the items that are on, lead-ins included.
func (p Plan) Seconds() int {
	total := 0
	for _, it := range p.Items {
		if !it.Off {
			total += it.Seconds()
		}
	}
	return total
}

// Techniques returns the techniques that are on, in order, with their
// chosen holds applied.
func (p Plan) Techniques() []content.Technique {
	var out []content.Technique
	for _, it := range p.Items {
		if !it.Off {
			t := it.Technique
			t.Dosage.HoldSeconds = it.HoldSeconds
			out = append(out, t)
		}
	}
	return out
}

// Alternatives lists pool techniques of the same role as item i that are
// not in the plan, best first.
func (p Plan) Alternatives(i int) []Item {
	if i < 0 || i >= len(p.Items) {
		return nil
	}
	role := p.Items[i].Technique.Role
	var out []Item
	for _, cand := range p.Pool {
		if cand.Technique.Role == role && !p.has(cand.Technique.ID) {
			out = append(out, cand)
		}
	}
	return out
}

func (p Plan) has(id string) bool {
	return slices.ContainsFunc(p.Items, func(it Item) bool { return it.Technique.ID == id })
}

// roleOrder is the order of roles in a routine (SPEC §6): warm-up →
// release → mobility → open the front → strength → posture/cool-down.
func roleOrder(r content.Role) int { return slices.Index(content.Roles, r) }

// rules holds what the safety result and intake allow today.
type rules struct {
	cat        *content.Catalogue
	res        safety.Result
	in         Intake
	older      bool
	cautious   bool
	gentleOnly bool     // pain rose last time
	avoidKit   []string // tools today's cautions rule out
	checkKit   bool     // apply equipment and pressure preference (not for fixed selections)
}

func newRules(cat *content.Catalogue, in Intake, res safety.Result, checkKit bool) rules {
	r := rules{
		cat:      cat,
		res:      res,
		in:       in,
		older:    res.HasCaution("older-or-unsteady"),
		cautious: len(res.Cautions) > 0,
		checkKit: checkKit,
	}
	for _, c := range res.Cautions {
		if k, ok := cat.Caution(c); ok {
			r.avoidKit = append(r.avoidKit, k.Limits.AvoidEquipment...)
		}
	}
	return r
}

// exclude returns why t cannot be in today's plan, if it cannot.
func (r rules) exclude(t content.Technique) (string, bool) {
	reason, _, out := r.excludeKind(t)
	return reason, out
}

func (r rules) excludeKind(t content.Technique) (string, Why, bool) {
	for _, c := range r.res.Cautions {
		k, known := r.cat.Caution(c)
		name := c
		if known {
			name = k.Name
		}
		if why, ok := t.AvoidIf[c]; ok {
			return fmt.Sprintf("Left out for %s: %s", lowerFirst(name), why), WhySafety, true
		}
		if why, ok := k.Limits.Allows(t); known && !ok {
			return fmt.Sprintf("Left out for %s: %s.", lowerFirst(name), why), WhySafety, true
		}
		if _, ok := t.Without(k.Limits.AvoidEquipment); known && !ok {
			return fmt.Sprintf("Left out for %s: it needs %s, which is ruled out.", lowerFirst(name), r.cat.EquipmentText(t)), WhySafety, true
		}
	}
	if r.gentleOnly && t.Intensity != content.IntensityGentle {
		return "Left out because your pain rose last time, so the plan keeps to gentle techniques.", WhySafety, true
	}
	if r.cautious && t.Pressure && t.UsesTool() && (slices.Contains(t.Areas, "neck") || slices.Contains(t.Areas, "low-back")) {
		return "Left out because, with a caution, no tool presses on the neck or low back.", WhySafety, true
	}
	if r.older && t.Position.OnFloor() {
		return "Left out because at 65 or over (or when unsteady) the plan uses chair, wall and standing versions.", WhySafety, true
	}
	if !r.checkKit {
		return "", 0, false
	}
	if r.in.AtDesk() && t.Position.OnFloor() {
		return DeskReason, WhyFloor, true
	}
	if !r.hasKit(t) {
		return "Needs " + r.cat.MissingEquipmentText(t, r.in.Equipment) + ", which you don't have to hand.", WhyEquipment, true
	}
	if t.Pressure && !pressureAllowed(r.in.Pressure, t.Intensity) {
		return fmt.Sprintf("Left out because you asked for %s pressure and this one is %s.", r.in.Pressure, t.Intensity), WhyPreference, true
	}
	return "", 0, false
}

// variantNotNeeded reports whether t is a version of a technique that
// suits the person today, so a personal plan uses the original instead.
func (r rules) variantNotNeeded(t content.Technique) (string, bool) {
	orig, ok := r.cat.Technique(t.VariantOf)
	if !ok {
		return "", false
	}
	if _, kind, out := r.excludeKind(orig); out && kind == WhySafety {
		return "", false
	}
	return "A version of " + orig.Name + " for when that one does not suit; today it does.", true
}

// hasKit reports whether the person has what t needs, counting only the
// equipment choices today's cautions leave.
func (r rules) hasKit(t content.Technique) bool {
	t, _ = t.Without(r.avoidKit)
	return t.UsableWith(r.in.Equipment)
}

func pressureAllowed(pref string, in content.Intensity) bool {
	switch pref {
	case PressureGentle:
		return in == content.IntensityGentle
	case PressureMedium, "":
		return in != content.IntensityFirm
	}
	return true
}

// holdBounds are the hold limits for t today: its own range, narrowed to
// 30–60 s for stretches at 65+ (CLINICAL.md §2, C3).
func (r rules) holdBounds(t content.Technique) (lo, hi, def int) {
	lo, hi, def = t.Dosage.MinHoldSeconds, t.Dosage.MaxHoldSeconds, t.Dosage.HoldSeconds
	if r.older && !t.Pressure && t.Role != content.RoleWarmUp && t.Role != content.RoleStrength {
		lo = min(max(lo, 30), hi)
		hi = max(min(hi, 60), lo)
		def = min(max(def, lo), hi)
	}
	if t.Pressure && r.res.HasCaution(BloodThinners) {
		// Short contact only (CLINICAL.md C4).
		hi = min(hi, BloodThinnerMaxHold)
		lo = min(lo, hi)
		def = min(def, hi)
	}
	return lo, hi, def
}

func (r rules) item(t content.Technique, reason string) Item {
	lo, hi, def := r.holdBounds(t)
	// Only the equipment choices today's cautions leave are offered
	// (a soft ball, never a hard one, on blood thinners).
	t, _ = t.Without(r.avoidKit)
	if t.Pressure && r.res.HasCaution(BloodThinners) {
		// The precaution shown during the session is the one that matters
		// most today.
		t.Precautions = append([]string{BloodThinnerPrecaution}, t.Precautions...)
	}
	// The technique carries today's bounds, so a --hold for every hold
	// stops at what it allows (session.Expand).
	t.Dosage.HoldSeconds, t.Dosage.MinHoldSeconds, t.Dosage.MaxHoldSeconds = def, lo, hi
	return Item{Technique: t, HoldSeconds: def, MinHold: lo, MaxHold: hi, Reason: reason}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}
	return strings.ToLower(s[:1]) + s[1:]
}

// notes says what the safety result changed, plan-wide.
func (r rules) notes() []string {
	var n []string
	if r.cautious {
		names := make([]string, 0, len(r.res.Cautions))
		for _, c := range r.res.Cautions {
			if k, ok := r.cat.Caution(c); ok {
				names = append(names, lowerFirst(k.Name))
			}
		}
		n = append(n, "Because of your answers ("+strings.Join(names, "; ")+"), the plan adapts as listed below and leaves out what does not suit them.")
	}
	if r.older {
		n = append(n, "Stretches are held 30–60 seconds, and everything is done in a chair, at a wall or standing.")
	}
	return n
}

// adapted lists what the plan changes for each caution.
func (r rules) adapted() []Adaptation {
	var out []Adaptation
	for _, c := range r.res.Cautions {
		if k, ok := r.cat.Caution(c); ok {
			out = append(out, Adaptation{Caution: k.Name, Change: k.Adaptation})
		}
	}
	return out
}

// FromSelection turns a chosen program or list of techniques into a plan:
// the person picked them, so equipment is not checked, but every safety
// rule is, and what it removes is listed with the reason.
func FromSelection(cat *content.Catalogue, techs []content.Technique, res safety.Result) Plan {
	r := newRules(cat, Intake{}, res, false)
	p := Plan{Notes: r.notes(), Adapted: r.adapted()}
	in := map[string]bool{}
	for _, t := range techs {
		if why, kind, out := r.excludeKind(t); out {
			p.Left = append(p.Left, Exclusion{ID: t.ID, Name: t.Name, Reason: why, Kind: kind})
			continue
		}
		in[t.ID] = true
		it := r.item(t, selectionReason(len(techs)))
		if t.Dosage.HoldSeconds != it.HoldSeconds && r.older {
			it.Reason += " Held 30–60 s, as suits 65 and over."
		}
		p.Items = append(p.Items, it)
	}
	for _, t := range cat.Techniques {
		if _, out := r.exclude(t); !out && !in[t.ID] {
			p.Pool = append(p.Pool, r.item(t, "Swapped in on the plan screen."))
		}
	}
	return p
}

// selectionReason is why a chosen technique is in the plan: picked by
// name on its own, or as part of a routine.
func selectionReason(n int) string {
	if n == 1 {
		return "The technique you picked."
	}
	return "Part of the routine you picked."
}

// Build proposes today's plan from the intake, within ±10 % of the time
// asked for. It is deterministic: the same inputs give the same plan.
func Build(cat *content.Catalogue, in Intake, res safety.Result, hist History) Plan {
	if hist.Gentler {
		in.Pressure = PressureGentle
	}
	r := newRules(cat, in, res, true)
	r.gentleOnly = r.gentleOnly || hist.Gentler
	minutes := max(in.Minutes, 1)
	if res.HasCaution(ReducedSensation) && minutes > ShortSessionMinutes {
		// Reduced feeling promises short sessions (CLINICAL.md C8).
		minutes = ShortSessionMinutes
	}
	b := builder{r: r, hist: hist, budget: minutes * 60}
	p := b.build()
	if minutes < in.Minutes {
		p.Notes = append(p.Notes, fmt.Sprintf(shortNotePrefix+"sessions are kept to %d minutes, and checking your skin afterwards is part of it.", minutes))
	}
	if hist.Gentler {
		p.Notes = append(p.Notes, "Your pain went up after your last session, so this plan is gentler.")
	}
	if float64(p.Seconds()) < float64(b.budget)*(1-Tolerance) {
		p.Notes = append(p.Notes, ShorterNote)
	}
	return p
}

// DeskReason is why floor work is left out for someone at their desk.
const DeskReason = "Done on the floor; you're at your desk today."

// HurtReason is why a technique marked "this hurts" is left out.
const HurtReason = "You marked it \"this hurts\" (x) last time. It stays out of your plans until you choose it yourself, from Browse."

// Blood thinners: pressure work keeps contact short, and says so first.
const (
	BloodThinners          = "blood-thinners"
	BloodThinnerMaxHold    = 60
	BloodThinnerPrecaution = "On blood thinners: a soft ball and light, short pressure only, never on a bruise; stop if a bruise or swelling appears."
)

// ReducedSensation is the caution for skin that cannot judge pressure;
// its sessions are kept to ShortSessionMinutes.
const (
	ReducedSensation    = "reduced-sensation"
	ShortSessionMinutes = 10
)

// ShorterNote says why a plan is shorter than the time asked for: with
// these answers, only so many techniques suit today.
const ShorterNote = "Only a few techniques suit your answers today, so this plan is shorter than the time you have."

type builder struct {
	r       rules
	hist    History
	budget  int
	stepped map[string]step // rungs offered instead of the ones done, by "to"
}

type candidate struct {
	t     content.Technique
	score float64
	match int // how many of the intake's areas it works on
	order int // catalogue position, the last tie-break
	// How long it takes at its usual hold and at its shortest, lead-ins
	// included.
	secs, least int
}

// general roles fit any area: they prepare, open the front or finish.
func general(r content.Role) bool {
	return r == content.RoleWarmUp || r == content.RoleOpenFront || r == content.RoleCoolDown
}

func (b *builder) build() Plan {
	p := Plan{BudgetSeconds: b.budget, Notes: b.r.notes(), Adapted: b.r.adapted()}
	if b.hist.Sessions >= HistoryFrom {
		p.Notes = append(p.Notes, fmt.Sprintf("After %d sessions, techniques whose sessions were followed by less pain come first.", b.hist.Sessions))
	}
	var cands []candidate
	why := map[string]Exclusion{}
	for i, t := range b.r.cat.Techniques {
		if reason, kind, out := b.r.excludeKind(t); out {
			why[t.ID] = Exclusion{Reason: reason, Kind: kind}
			continue
		}
		if b.hist.Hurt[t.ID] {
			why[t.ID] = Exclusion{Reason: HurtReason, Kind: WhyHurt}
			continue
		}
		if reason, out := b.r.variantNotNeeded(t); out {
			why[t.ID] = Exclusion{Reason: reason, Kind: WhyVariant}
			continue
		}
		p.Pool = append(p.Pool, b.item(t))
		c := candidate{t: t, order: i, match: overlap(t.Areas, b.r.in.areas())}
		c.secs, c.least = b.seconds(t)
		if c.match == 0 && !general(t.Role) {
			why[t.ID] = Exclusion{Reason: "Works on " + b.r.cat.AreaNames(t.Areas) + ", not where you hurt today.", Kind: WhyArea}
			continue
		}
		c.score = b.score(c)
		cands = append(cands, c)
	}
	cands = b.applySteps(cands, why)
	sort.SliceStable(cands, func(i, j int) bool {
		if cands[i].score != cands[j].score {
			return cands[i].score > cands[j].score
		}
		return cands[i].order < cands[j].order
	})

	chosen := b.choose(cands)
	items := make([]Item, 0, len(chosen))
	for _, c := range chosen {
		items = append(items, b.item(c.t))
	}
	p.Items = order(b.settle(b.fit(items, cands), cands))
	for _, t := range b.r.cat.Techniques {
		if p.has(t.ID) {
			continue
		}
		e, ok := why[t.ID]
		if !ok {
			e = Exclusion{Reason: fmt.Sprintf("Safe for you, but did not fit in %d minutes; swap it in on the plan screen.", b.budget/60), Kind: WhyTime}
		}
		e.ID, e.Name = t.ID, t.Name
		p.Left = append(p.Left, e)
	}
	sortLeft(p.Left)
	return p
}

// score ranks candidates: where it works, what the pain feels like, the
// pressure asked for, and (from three sessions on) what helped before.
func (b *builder) score(c candidate) float64 {
	s := float64(c.match) * 10
	if c.t.Role == content.RoleOpenFront && b.r.in.BackFocused() {
		s = 10 // on a back day any front opener serves; kit and history decide
	}
	feel := b.r.in.Feel
	switch c.t.Role {
	case content.RoleRelease:
		if slices.Contains(feel, FeelKnotted) {
			s += 6
		}
		if slices.Contains(feel, FeelAchy) {
			s += 2
		}
		if b.r.in.Pressure == PressureFirm && c.t.Intensity != content.IntensityGentle {
			s += 2
		}
	case content.RoleMobility:
		if slices.Contains(feel, FeelStiff) {
			s += 6
		}
	case content.RoleWarmUp, content.RoleCoolDown:
		if slices.Contains(feel, FeelAchy) {
			s += 3
		}
	}
	if !c.t.NeedsNoEquipment() {
		s++ // they told us what they have: use it
	}
	if e, ok := b.helped(c.t.ID); ok {
		s -= e.AvgChange * 4 // a drop of 2 points adds 8
	}
	return s
}

func (b *builder) helped(id string) (Effect, bool) {
	if b.hist.Sessions < HistoryFrom {
		return Effect{}, false
	}
	e, ok := b.hist.Effects[id]
	return e, ok && e.StandsOut()
}

// A whole session's change in pain is not one technique's effect, so only
// a clear pattern counts: EffectSessions sessions or more with it, and an
// average change of EffectPoints or more.
const (
	EffectSessions = 3
	EffectPoints   = 2.0
)

// StandsOut reports whether the sessions with a technique show a clear
// pattern (EffectSessions, EffectPoints), either way.
func (e Effect) StandsOut() bool {
	return e.Sessions >= EffectSessions && (e.AvgChange <= -EffectPoints || e.AvgChange >= EffectPoints)
}

// Followed words a technique's effect honestly, as what followed sessions
// with it: "sessions with X were followed by pain 2.5 points lower on
// average (3 sessions)".
func (e Effect) Followed(name string) string {
	dir := "lower"
	if e.AvgChange > 0 {
		dir = "higher"
	}
	return fmt.Sprintf("Sessions with %s were followed by pain %.1f points %s on average (%d sessions)",
		name, math.Abs(e.AvgChange), dir, e.Sessions)
}

// item is t as the plan proposes it, its hold on the HoldStep grid.
func (b *builder) item(t content.Technique) Item {
	it := b.r.item(t, b.reason(t))
	if st, ok := b.stepped[t.ID]; ok {
		it.InPlaceOf = st.from
	}
	it.HoldSeconds = roundHold(it.HoldSeconds, it.MinHold, it.MaxHold)
	it.Technique.Dosage.HoldSeconds = it.HoldSeconds
	return it
}

// roundHold puts a hold on the HoldStep grid: the nearest multiple of
// HoldStep from lo to hi, or h itself (within lo–hi) when there is none.
func roundHold(h, lo, hi int) int {
	first, last := (lo+HoldStep-1)/HoldStep*HoldStep, hi/HoldStep*HoldStep
	if first > last {
		return min(max(h, lo), hi)
	}
	return min(max((h+HoldStep/2)/HoldStep*HoldStep, first), last)
}

// How a technique must fit to be chosen.
const (
	fitAlways   = iota // the one front opener of a back day
	fitShortest        // at the plan's shortest holds (the holds come down)
	fitUsual           // at the usual holds
)

// choose picks what helped before, then the best technique for each core
// role (front-opening work first of all on a back-focused day), then fills
// by score. A technique goes in while the plan, at its usual holds, still
// fits the budget; what helped and the release, at its shortest holds.
func (b *builder) choose(cands []candidate) []candidate {
	lo, hi := b.window()
	priority := []content.Role{content.RoleOpenFront, content.RoleRelease, content.RoleMobility,
		content.RoleWarmUp, content.RoleCoolDown, content.RoleStrength}
	if !b.r.in.BackFocused() {
		priority = priority[1:]
	}
	var chosen []candidate
	secs, least := 0, 0 // chosen's length at usual and at shortest holds
	taken := map[string]bool{}
	add := func(c candidate, fit int) bool {
		switch {
		case taken[c.t.ID], fit == fitShortest && least+c.least > hi, fit == fitUsual && secs+c.secs > hi:
			return false
		}
		chosen, taken[c.t.ID], secs, least = append(chosen, c), true, secs+c.secs, least+c.least
		return true
	}
	// What eased this person's pain before goes in first (SPEC §6).
	for _, c := range cands {
		if e, ok := b.helped(c.t.ID); ok && e.AvgChange <= -1 && len(chosen) < 2 {
			add(c, fitShortest)
		}
	}
	count := func(r content.Role) int { return countCandRole(chosen, r) }
	for _, role := range priority {
		// Release, mobility and (on a back day) front opening are the
		// core; the other roles come in while there is time.
		if secs >= lo && !slices.Contains(priority[:len(priority)-3], role) {
			break
		}
		if count(role) > 0 {
			continue // history already put one in
		}
		fit := fitUsual
		switch {
		case role == content.RoleOpenFront && b.r.in.BackFocused():
			fit = fitAlways
		case role == content.RoleRelease:
			fit = fitShortest // the balls and rollers they have get used
		}
		for _, c := range cands {
			if c.t.Role == role && add(c, fit) {
				break
			}
		}
	}
	// Fill the rest by score, keeping the routine varied (pick).
	tried := map[string]bool{}
	for secs < b.budget {
		i := pick(cands, func(c candidate) bool { return taken[c.t.ID] || tried[c.t.ID] }, count)
		if i < 0 {
			break
		}
		tried[cands[i].t.ID] = true
		add(cands[i], fitUsual)
	}
	return chosen
}

// perRole is how many techniques of one role a plan takes before every
// other role with techniques left has as many: however well three
// releases scored, or helped before, the routine keeps its shape.
const perRole = 2

// pick returns the best candidate not skipped, or −1: roles with fewer
// than perRole techniques in the plan first, then by score, lowered by 6
// for each technique of the same role already in.
func pick(cands []candidate, skip func(candidate) bool, count func(content.Role) int) int {
	best, bestFull, bestScore := -1, false, 0.0
	for i, c := range cands {
		if skip(c) {
			continue
		}
		n := count(c.t.Role)
		full, s := n >= perRole, c.score-6*float64(n)
		if best < 0 || bestFull && !full || full == bestFull && s > bestScore {
			best, bestFull, bestScore = i, full, s
		}
	}
	return best
}

func countCandRole(cs []candidate, r content.Role) int {
	n := 0
	for _, c := range cs {
		if c.t.Role == r {
			n++
		}
	}
	return n
}

// window is the accepted range of plan lengths, in seconds.
func (b *builder) window() (lo, hi int) {
	return int(math.Ceil(float64(b.budget) * (1 - Tolerance))), int(math.Floor(float64(b.budget) * (1 + Tolerance)))
}

// seconds is how long t takes at its usual hold and at its shortest, on
// the grid, with its lead-ins.
func (b *builder) seconds(t content.Technique) (usual, least int) {
	lo, hi, def := b.r.holdBounds(t)
	return t.SessionSeconds(roundHold(def, lo, hi), LeadInSeconds), t.SessionSeconds(roundHold(lo, lo, hi), LeadInSeconds)
}

// fit lands the plan on its budget by adding and dropping techniques (or
// repetitions) rather than by bending holds: when the plan falls short it
// takes the next candidate that fits, or one more repetition; when even
// its shortest holds are too long, the last additions go. Only then do
// holds move, a HoldStep at a time (stepHolds).
func (b *builder) fit(items []Item, cands []candidate) []Item {
	lo, hi := b.window()
	tried := map[string]bool{}
	for range 200 {
		short, long := bounds(items)
		switch {
		case short > hi && len(items) > 1:
			items = dropLast(items)
			continue
		case total(items) < lo:
			if grown, ok := b.grow(items, cands, tried, hi, long < lo); ok {
				items = grown
				continue
			}
		}
		break
	}
	return stepHolds(items, b.budget)
}

func total(items []Item) int { return Plan{Items: items}.Seconds() }

func bounds(items []Item) (lo, hi int) {
	for _, it := range items {
		fixed := it.Seconds() - it.Technique.Dosage.Holds()*it.HoldSeconds
		lo += fixed + it.Technique.Dosage.Holds()*it.MinHold
		hi += fixed + it.Technique.Dosage.Holds()*it.MaxHold
	}
	return lo, hi
}

// dropLast removes the most recently added item that is not the only
// front-opening one.
func dropLast(items []Item) []Item {
	for i := len(items) - 1; i >= 0; i-- {
		if items[i].Technique.Role == content.RoleOpenFront && countRole(items, content.RoleOpenFront) == 1 {
			continue
		}
		return slices.Delete(slices.Clone(items), i, i+1)
	}
	return items[:len(items)-1]
}

func countRole(items []Item, r content.Role) int {
	n := 0
	for _, it := range items {
		if it.Technique.Role == r {
			n++
		}
	}
	return n
}

// grow adds the next candidate (pick) that keeps the plan within hi at its
// usual holds, or failing that one more repetition to an item that takes
// repetitions. When even the longest holds fall short (any), the next
// candidate goes in whatever its length.
func (b *builder) grow(items []Item, cands []candidate, tried map[string]bool, hi int, any bool) ([]Item, bool) {
	in := func(c candidate) bool {
		return slices.ContainsFunc(items, func(it Item) bool { return it.Technique.ID == c.t.ID })
	}
	count := func(r content.Role) int { return countRole(items, r) }
	fits := func(c candidate) bool { return total(items)+c.secs <= hi }
	if i := pick(cands, func(c candidate) bool { return in(c) || tried[c.t.ID] || !fits(c) }, count); i >= 0 {
		tried[cands[i].t.ID] = true
		return append(slices.Clone(items), b.item(cands[i].t)), true
	}
	for i, it := range items {
		d := it.Technique.Dosage
		if len(d.Stages) == 0 && d.HoldsPerSide() < 4 {
			more := slices.Clone(items)
			more[i].Technique.Dosage.Reps = d.HoldsPerSide() + 1
			if total(more) <= hi || any {
				return more, true
			}
		}
	}
	if i := pick(cands, func(c candidate) bool { return in(c) || tried[c.t.ID] }, count); any && i >= 0 {
		tried[cands[i].t.ID] = true
		return append(slices.Clone(items), b.item(cands[i].t)), true
	}
	return items, false
}

// stepHolds moves holds a HoldStep at a time towards target while that
// brings the total closer, each step on the item whose hold has moved
// least, for its range, so far; a hold stays within its bounds and on
// the grid.
func stepHolds(items []Item, target int) []Item {
	items = slices.Clone(items)
	from := make([]int, len(items))
	for i, it := range items {
		from[i] = it.HoldSeconds
	}
	for {
		diff := target - total(items)
		d := HoldStep
		if diff < 0 {
			d = -HoldStep
		}
		best, bestMoved := -1, 0.0
		for i, it := range items {
			h := it.HoldSeconds + d
			if h < it.MinHold || h > it.MaxHold || abs(diff-d*it.Technique.Dosage.Holds()) >= abs(diff) {
				continue
			}
			moved := float64(abs(h-from[i])) / float64(max(it.MaxHold-it.MinHold, 1))
			if best < 0 || moved < bestMoved {
				best, bestMoved = i, moved
			}
		}
		if best < 0 {
			return items
		}
		items[best].HoldSeconds += d
		items[best].Technique.Dosage.HoldSeconds = items[best].HoldSeconds
	}
}

func abs(n int) int { return max(n, -n) }

// sortLeft orders the left-out list by kind of reason, most important
// first, keeping catalogue order within a kind.
func sortLeft(left []Exclusion) {
	sort.SliceStable(left, func(i, j int) bool { return left[i].Kind < left[j].Kind })
}

func overlap(a, b []string) int {
	n := 0
	for _, x := range a {
		if slices.Contains(b, x) {
			n++
		}
	}
	return n
}

// areaPhrases say where it hurts the way people say it.
var areaPhrases = map[string]string{
	"neck":       "in your neck",
	"shoulders":  "across the tops of your shoulders",
	"upper-back": "between the shoulder blades",
	"mid-back":   "in your mid back",
	"low-back":   "in your low back",
	"chest":      "across the chest",
	"hips":       "in your hips",
	"legs":       "in your legs",
	"arms-hands": "in your arms or hands",
}

// reason says why a technique is in the plan, in the person's terms.
func (b *builder) reason(t content.Technique) string {
	if st, ok := b.stepped[t.ID]; ok {
		return st.reason
	}
	var where []string
	for _, a := range t.Areas {
		if slices.Contains(b.r.in.areas(), a) && areaPhrases[a] != "" {
			where = append(where, areaPhrases[a])
		}
	}
	kit := "it needs no equipment"
	if !t.NeedsNoEquipment() {
		for _, alt := range t.Equipment {
			if b.r.hasKitAlt(alt) {
				kit = "you have " + b.r.kitNames(alt)
				break
			}
		}
	}
	var s string
	switch {
	case t.Role == content.RoleOpenFront && b.r.in.BackFocused():
		s = "Opens the front of the body, which long hours of sitting tend to close; easing the back on its own may give less lasting relief"
		if !t.NeedsNoEquipment() {
			s += ", and " + kit
		}
	case t.Role == content.RoleWarmUp && len(where) == 0:
		s = "Warms you up gently before the deeper work, and " + kit
	case t.Role == content.RoleCoolDown && len(where) == 0:
		s = "Settles you and resets your posture to finish, and " + kit
	case len(where) > 0:
		s = content.UpperFirst(kit) + " and your pain is " + strings.Join(where, " and ")
	default:
		s = content.UpperFirst(kit)
	}
	if e, ok := b.helped(t.ID); ok && e.AvgChange < 0 {
		s += "; " + lowerFirst(e.Followed("it"))
	}
	return s + "."
}

func (r rules) hasKitAlt(alt []string) bool { return content.AllOf(alt, r.in.Equipment) }

func (r rules) kitNames(alt []string) string {
	names := make([]string, 0, len(alt))
	for _, id := range alt {
		if e, ok := r.cat.EquipmentByID(id); ok {
			names = append(names, e.Name)
		}
	}
	if len(names) == 1 {
		return article(names[0])
	}
	return strings.Join(names, " and ")
}

func article(name string) string {
	if strings.HasPrefix(name, "two ") {
		return name
	}
	if strings.ContainsAny(name[:1], "aeiou") {
		return "an " + name
	}
	return "a " + name
}
