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
			if d = distance(got, v); d > within {
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
func distance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func abs(n int) int { return max(n, -n) }
