package content

import (
	"sort"
	"strings"
)

// Closest returns up to max names from valid that are near got: names that
// contain it or are contained in it first, then names within an edit
// distance of about a third of their length. Used for "did you mean" hints.
func Closest(got string, valid []string, limit int) []string {
	got = strings.ToLower(strings.TrimSpace(got))
	if got == "" || len(got) > 2*MaxIDLen {
		return nil // no ID is near a name this long, and distance would take long
	}
	type cand struct {
		name string
		dist int
	}
	var cands []cand
	for _, v := range valid {
		within := max(len(v)/3, 2)
		d := 0
		switch {
		case strings.Contains(v, got) || strings.Contains(got, v):
		case abs(len(v)-len(got)) > within:
			continue // the distance is at least the difference in length
		default:
			if d = boundedDistance(got, v, within); d > within {
				continue
			}
		}
		cands = append(cands, cand{v, d})
	}
	sort.SliceStable(cands, func(i, j int) bool { return cands[i].dist < cands[j].dist })
	out := make([]string, 0, limit)
	for _, c := range cands {
		if len(out) == limit {
			break
		}
		out = append(out, c.name)
	}
	return out
}

// distance is the Levenshtein edit distance between a and b (bytes).
// boundedDistance is the edit distance of a and b (Levenshtein: one
// insertion, deletion or substitution each) when that is at most limit,
// and something over limit otherwise. Names that differ only in the middle
// (IDs with one prefix) are compared only there, and a row that is over
// the limit everywhere ends the count: a "did you mean" over hundreds of
// IDs costs little.
func boundedDistance(a, b string, limit int) int {
	for a != "" && b != "" && a[0] == b[0] {
		a, b = a[1:], b[1:]
	}
	for a != "" && b != "" && a[len(a)-1] == b[len(b)-1] {
		a, b = a[:len(a)-1], b[:len(b)-1]
	}
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		least := i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			least = min(least, cur[j])
		}
		if least > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int { return max(n, -n) }
