package plan

import (
	"math"
	"math/bits"
	"slices"
	"sort"

	"github.com/unknot/unknot/content"
)

// Transitions counts, along items in order, the changes of position
// (seated to standing, lying to kneeling, …) and, among them, the trips
// between the floor (lying, kneeling) and upright (seated, standing, at a
// wall): getting down or getting up.
func Transitions(items []Item) (changes, floor int) {
	for i := 1; i < len(items); i++ {
		a, b := items[i-1].Technique.Position, items[i].Technique.Position
		if a != b {
			changes++
		}
		if a.OnFloor() != b.OnFloor() {
			floor++
		}
	}
	return changes, floor
}

// byRole is the order of items by role, as a routine runs (SPEC §6),
// keeping their order within a role: the indices of items, in that order.
func byRole(items []Item) []int {
	idx := make([]int, len(items))
	for i := range idx {
		idx[i] = i
	}
	sort.SliceStable(idx, func(i, j int) bool {
		return roleOrder(items[idx[i]].Technique.Role) < roleOrder(items[idx[j]].Technique.Role)
	})
	return idx
}

// What a place in the order costs: a trip to or from the floor outweighs
// any number of items out of role order, which outweigh any number of
// changes of position.
const (
	costFloor    = 1_000_000
	costOutOfRow = 1_000
	costPosition = 1
)

// maxOrdered is the most items order searches; longer plans keep the role
// order.
const maxOrdered = 24

// order puts items in the order the session runs them. The roles give the
// shape (warm-up → release → mobility → open the front → strength →
// posture/cool-down); within it, the person gets down to the floor and up
// again as few times as possible, then changes position as few times as
// possible. An item may move into the role block next to its own when that
// saves a trip to or from the floor; warm-ups stay first and cool-downs
// last. Among equally good orders, the role order wins.
func order(items []Item) []Item {
	idx := byRole(items)
	if o, ok := newOrderer(items, idx, false); ok {
		idx = o.order()
	}
	out := make([]Item, len(idx))
	for i, j := range idx {
		out[i] = items[j]
	}
	return out
}

// floorTrips is how many times the best order of items gets down to the
// floor or up from it. Only the items' roles and whether each is on the
// floor matter, so the answer is kept for each such shape (in memo).
func floorTrips(items []Item, memo map[string]int) int {
	idx := byRole(items)
	key := make([]byte, len(idx))
	for i, j := range idx {
		t := items[j].Technique
		key[i] = byte(2 * roleOrder(t.Role))
		if t.Position.OnFloor() {
			key[i]++
		}
	}
	if n, ok := memo[string(key)]; ok {
		return n
	}
	trips := 0
	if o, ok := newOrderer(items, idx, true); ok {
		trips = o.best(0, -1) / costFloor
	} else {
		for i := 1; i < len(key); i++ {
			if key[i-1]%2 != key[i]%2 {
				trips++
			}
		}
	}
	memo[string(key)] = trips
	return trips
}

// orderer searches the orders of a plan's items, each state (which items
// are placed, which came last) once. Its slices are indexed by place in
// the role order.
type orderer struct {
	idx   []int // the item at each place in the role order
	pos   []content.Position
	floor []bool
	// twin is the place before with the same role and position, or −1:
	// the two are interchangeable, so only one of their orders is tried.
	twin []int
	// below holds the places two or more role blocks earlier, which must
	// come first; above, the places in later blocks.
	below, above  []uint32
	warm, notCool uint32
	memo          map[uint64]int
}

// newOrderer prepares the search over items in the role order idx. With
// tripsOnly, the search counts trips to and from the floor alone: any
// two upright (or floor) positions are the same, and role order is free
// within what is allowed, so it has far fewer states to visit.
func newOrderer(items []Item, idx []int, tripsOnly bool) (*orderer, bool) {
	n := len(idx)
	if n < 3 || n > maxOrdered {
		return nil, false
	}
	o := &orderer{idx: idx, memo: map[uint64]int{}, floor: make([]bool, n), pos: make([]content.Position, n),
		twin: make([]int, n), below: make([]uint32, n), above: make([]uint32, n)}
	block := make([]int, n)
	role := make([]content.Role, n)
	for i, j := range idx {
		t := &items[j].Technique
		role[i], o.pos[i], o.floor[i], o.twin[i] = t.Role, t.Position, t.Position.OnFloor(), -1
		if tripsOnly {
			o.pos[i] = content.PositionSeated
			if o.floor[i] {
				o.pos[i] = content.PositionLying
			}
		}
		if i > 0 {
			block[i] = block[i-1]
			if role[i] != role[i-1] {
				block[i]++
			}
		}
		for k := i - 1; k >= 0 && role[k] == role[i]; k-- {
			if o.pos[k] == o.pos[i] {
				o.twin[i] = k
				break
			}
		}
		if role[i] == content.RoleWarmUp {
			o.warm |= 1 << i
		}
		if role[i] != content.RoleCoolDown {
			o.notCool |= 1 << i
		}
	}
	for i := range n {
		for k := range n {
			if block[k] < block[i]-1 {
				o.below[i] |= 1 << k
			}
			if block[k] > block[i] && !tripsOnly {
				o.above[i] |= 1 << k
			}
		}
	}
	return o, true
}

// order is the best order, as item indices.
func (o *orderer) order() []int {
	out := make([]int, 0, len(o.idx))
	var mask uint32
	last := -1
	for len(out) < len(o.idx) {
		want := o.best(mask, last)
		for j := range o.idx {
			if o.allowed(mask, j) && o.step(mask, last, j)+o.best(mask|1<<j, j) == want {
				out = append(out, o.idx[j])
				mask, last = mask|1<<j, j
				break
			}
		}
	}
	return out
}

// allowed reports whether place j can come next after the places in mask.
func (o *orderer) allowed(mask uint32, j int) bool {
	bit := uint32(1) << j
	switch {
	case mask&bit != 0:
		return false
	case o.twin[j] >= 0 && mask&(1<<o.twin[j]) == 0:
		return false
	case o.warm&bit == 0 && o.warm&^mask != 0: // warm-ups first
		return false
	case o.notCool&bit == 0 && o.notCool&^mask&^bit != 0: // cool-downs last
		return false
	}
	return o.below[j]&^mask == 0 // only into the block next to its own
}

// step is what putting place j after last (with mask placed) costs.
func (o *orderer) step(mask uint32, last, j int) int {
	cost := costOutOfRow * bits.OnesCount32(mask&o.above[j])
	if last < 0 {
		return cost
	}
	if o.pos[last] != o.pos[j] {
		cost += costPosition
	}
	if o.floor[last] != o.floor[j] {
		cost += costFloor
	}
	return cost
}

// best is the least the rest of the order can cost, after mask with last
// at the end.
func (o *orderer) best(mask uint32, last int) int {
	if mask == 1<<len(o.idx)-1 {
		return 0
	}
	key := uint64(mask)<<8 | uint64(last+1)
	if v, ok := o.memo[key]; ok {
		return v
	}
	least := math.MaxInt
	for j := range o.idx {
		if o.allowed(mask, j) {
			least = min(least, o.step(mask, last, j)+o.best(mask|1<<j, j))
		}
	}
	o.memo[key] = least
	return least
}

// MaxFloorTrips is how many times a plan gets down to the floor or up from
// it, at most, where the techniques that suit today allow: one stretch of
// floor work, down and up again.
const MaxFloorTrips = 2

// settle brings the trips to and from the floor down to MaxFloorTrips
// where the order alone cannot: it swaps a technique for one of the same
// role done in the other place (upright for one on the floor, or back), or
// leaves one out, while the plan still fits its time. What helped before,
// rungs stepped to and the only front opener stay.
func (b *builder) settle(items []Item, cands []candidate) []Item {
	lo, hi := b.window()
	memo := map[string]int{}
	for range len(items) {
		trips := floorTrips(items, memo)
		if trips <= MaxFloorTrips {
			return items
		}
		was := total(items)
		var best []Item
		consider := func(trial []Item) {
			n := floorTrips(trial, memo)
			if n >= trips {
				return
			}
			trial = stepHolds(trial, b.budget)
			if t := total(trial); t <= hi && t >= min(lo, was) {
				best, trips = trial, n
			}
		}
		for i, it := range items {
			t := it.Technique
			if _, ok := b.helped(t.ID); ok || b.stepped[t.ID].to != "" {
				continue
			}
			for _, c := range cands {
				if c.t.Role == t.Role && c.t.Position.OnFloor() != t.Position.OnFloor() && !slices.ContainsFunc(items, func(it Item) bool { return it.Technique.ID == c.t.ID }) {
					consider(slices.Replace(slices.Clone(items), i, i+1, b.item(c.t)))
				}
			}
			if t.Role != content.RoleOpenFront || countRole(items, content.RoleOpenFront) > 1 {
				consider(slices.Delete(slices.Clone(items), i, i+1))
			}
		}
		if best == nil {
			return items
		}
		items = best
	}
	return items
}
