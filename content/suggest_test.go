package content

import (
	"math/rand/v2"
	"testing"
)

// plainDistance is the edit distance by the textbook table, to check
// boundedDistance against.
func plainDistance(a, b string) int {
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

// boundedDistance agrees with the full table wherever the distance is
// within the limit, and says "over" exactly when it is not.
func TestBoundedDistance(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	word := func() string {
		b := make([]byte, rng.IntN(12))
		for i := range b {
			b[i] = "abcde-"[rng.IntN(6)]
		}
		return string(b)
	}
	for range 20000 {
		a, b := word(), word()
		if rng.IntN(3) == 0 {
			a, b = "generated-technique-"+a, "generated-technique-"+b
		}
		limit := rng.IntN(6)
		want, got := plainDistance(a, b), boundedDistance(a, b, limit)
		if (want <= limit && got != want) || (want > limit && got <= limit) {
			t.Fatalf("distance(%q, %q) = %d, bounded at %d gave %d", a, b, want, limit, got)
		}
	}
}
