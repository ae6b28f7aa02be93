package campaign

import (
	"slices"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// TestHeldPacer: per incident and sender, the first copy is assessed at
// once; within quietFor a repeat of the content assessed is dropped, a
// content of another kind waits (the newest of its kind kept, heldWaiting
// kinds at most) and is assessed when the turn comes, with the next copy
// or by due; other senders and other incidents have turns of their own.
func TestHeldPacer(t *testing.T) {
	t0 := time.Date(2026, 3, 18, 9, 0, 0, 0, time.UTC)
	// kind is the content: copies of one kind are alike.
	type copyOf struct {
		incident, sender, kind int64
		at                     time.Duration
	}
	var seq int64
	mk := func(c copyOf) job {
		seq++
		return job{campaign: c.incident, obs: store.CampaignObs{MessageID: seq, SenderID: c.sender, At: store.Micros(t0.Add(c.at)), Flags: c.kind}}
	}
	alike := func(a, b job) bool { return a.obs.Flags == b.obs.Flags }
	ids := func(js []job) (out []int64) {
		for _, j := range js {
			out = append(out, j.obs.MessageID)
		}
		return out
	}
	var p heldPacer
	for i, c := range []struct {
		copy copyOf
		want []int64 // message ids assessed on admission
	}{
		{copyOf{1, 10, 1, 0}, []int64{1}},               // first: at once
		{copyOf{1, 10, 1, time.Second}, nil},            // repeat: dropped
		{copyOf{1, 10, 2, 2 * time.Second}, nil},        // another kind: waits
		{copyOf{1, 10, 2, 3 * time.Second}, nil},        // newer of that kind replaces it
		{copyOf{1, 11, 1, 3 * time.Second}, []int64{5}}, // another sender: its own turn
		{copyOf{2, 10, 1, 3 * time.Second}, []int64{6}}, // another incident: its own turn
		{copyOf{1, 10, 1, 11 * time.Second}, []int64{4, 7}},
	} {
		if got := ids(p.admit(mk(c.copy), alike)); !slices.Equal(got, c.want) {
			t.Errorf("copy %d: assessed %v, want %v", i+1, got, c.want)
		}
	}
	// Kinds past heldWaiting: the oldest waiting is dropped.
	for k := range int64(heldWaiting + 2) {
		if got := p.admit(mk(copyOf{1, 10, 100 + k, 12 * time.Second}), alike); got != nil {
			t.Fatalf("kind %d assessed at once: %v", k, ids(got))
		}
	}
	if got := p.due(t0.Add(15 * time.Second)); got != nil {
		t.Errorf("due before the turn: %v", ids(got))
	}
	got := p.due(t0.Add(21 * time.Second))
	if len(got) != heldWaiting || got[0].obs.Flags != 102 || got[len(got)-1].obs.Flags != 100+heldWaiting+1 {
		t.Errorf("due at the turn: %d copies, kinds %v…, want the %d newest kinds", len(got), got, heldWaiting)
	}
	// Nothing waits any more: the turns over are forgotten.
	if got := p.due(t0.Add(time.Minute)); got != nil || len(p.turns) != 0 {
		t.Errorf("after the turns: %v due, %d remembered", ids(got), len(p.turns))
	}
}
