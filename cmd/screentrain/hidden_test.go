package main

import (
	"math"
	"testing"

	"github.com/bouclier/bouclier/internal/screen"
)

// The forward pass against a hand computation: two features, two units,
// one of them cut by the ReLU.
func TestHiddenForward(t *testing.T) {
	const size = 1 << screen.ModelBits
	m := &hiddenModel{h: 2, shift: 32 - 8, bias: []float64{0.5, -1}, c: []float64{0.1, -0.2},
		e: make([]float64, 256*2), v: []float64{2, 3, -1, 4}}
	m.w = [][]float64{make([]float64, size), make([]float64, size)}
	m.w[0][7], m.w[1][9] = 0.25, -0.5
	b7, b9 := m.bucket(7), m.bucket(9)
	if b7 == b9 {
		t.Fatal("test features share a bucket")
	}
	m.e[2*b7], m.e[2*b7+1] = 1, -1
	m.e[2*b9], m.e[2*b9+1] = 0.5, 0.25
	a, z := make([]float64, 2), make([]float64, 2)
	m.forward([]uint32{7, 9}, []float32{1, 2}, a, z)
	// a = c + E[7]·1 + E[9]·2 = (0.1+1+1, -0.2-1+0.5) = (2.1, -0.7); relu = (2.1, 0)
	wantA := []float64{2.1, -0.7}
	// z0 = 0.5 + 0.25 + 2×2.1; z1 = -1 - 0.5×2 - 1×2.1
	wantZ := []float64{0.5 + 0.25 + 4.2, -1 - 1 - 2.1}
	for i := range a {
		if math.Abs(a[i]-wantA[i]) > 1e-12 || math.Abs(z[i]-wantZ[i]) > 1e-12 {
			t.Fatalf("a %v z %v, want %v %v", a, z, wantA, wantZ)
		}
	}
	p := m.Probs(&screen.Features{Idx: []uint32{7, 9}, Val: []float32{1, 2}})
	if math.Abs(p[0]-1/(1+math.Exp(-wantZ[0]))) > 1e-12 {
		t.Fatalf("p %v", p)
	}
}

// A harm said by either of two features but not by both (an exclusive or)
// is beyond the linear heads and within the hidden layer's reach, in
// either training mode.
func TestHiddenLearnsExclusiveOr(t *testing.T) {
	mk := func(label string, idx ...uint32) *example {
		e := &example{label: label, weight: 1, idx: append([]uint32{1}, idx...)}
		for range e.idx {
			e.val = append(e.val, 1)
		}
		return e
	}
	var exs []*example
	for i := 0; i < 50; i++ {
		exs = append(exs, mk("threat", 10), mk("threat", 20), mk("benign", 10, 20), mk("benign"))
	}
	cases := []*screen.Features{{Idx: []uint32{1, 10}}, {Idx: []uint32{1, 20}}, {Idx: []uint32{1, 10, 20}}, {Idx: []uint32{1}}}
	harm := []bool{true, true, false, false}
	for _, c := range cases {
		for range c.Idx {
			c.Val = append(c.Val, 1)
		}
	}
	separates := func(m prober) bool {
		for i, c := range cases {
			if (m.Probs(c)[0] >= 0.5) != harm[i] {
				return false
			}
		}
		return true
	}
	o := options{seed: 1, epochs: 30, lr: 0.1, l2: 1e-5, otherWeight: 1, hidden: 8, hiddenBits: 8, hiddenInit: 1}
	if separates(fit(exs, o)) {
		t.Fatal("the linear heads separate an exclusive or")
	}
	for _, mode := range []string{"joint", "residual"} {
		o.hiddenMode = mode
		if !separates(fitHidden(exs, o)) {
			t.Errorf("%s: the hidden layer does not learn the exclusive or", mode)
		}
	}
}
