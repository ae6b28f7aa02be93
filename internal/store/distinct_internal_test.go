package store

import (
	"slices"
	"testing"
)

// TestDistinct: repeats go, the first order stays, short and long lists
// alike (a short list is checked pair by pair, a long one with a map).
func TestDistinct(t *testing.T) {
	long := make([]int64, 0, 200)
	for i := range 100 {
		long = append(long, int64(100-i))
	}
	longWant := slices.Clone(long)
	long = append(long, 7, 100, 1) // repeats at the end
	cases := []struct{ in, want []int64 }{
		{nil, nil},
		{[]int64{3}, []int64{3}},
		{[]int64{3, 1, 2}, []int64{3, 1, 2}},
		{[]int64{3, 1, 3, 2, 1, 1}, []int64{3, 1, 2}},
		{[]int64{5, 5}, []int64{5}},
		{long, longWant},
	}
	for _, c := range cases {
		if got := distinct(slices.Clone(c.in)); !slices.Equal(got, c.want) {
			t.Errorf("distinct(%v) = %v, want %v", c.in, got, c.want)
		}
	}
}
