package drill

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier/internal/screen"
)

// TestBillPDF: every copy of the PDF bill differs in its bytes and its
// link's registered domain, and the screen reads the link out of each.
func TestBillPDF(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	e := screen.New(screen.DefaultConfig())
	var prev []byte
	domains := map[string]bool{}
	for k := 0; k < 3; k++ {
		b := billPDF(r)
		if bytes.Equal(b, prev) {
			t.Fatalf("copy %d identical to the one before", k)
		}
		prev = b
		res := e.Check(screen.Input{Subject: "Document", Text: "Ci-joint.", Attachments: []screen.Attachment{{Name: "facture.pdf", ContentType: "application/pdf", Data: b}}})
		var found string
		for _, l := range res.Links {
			if strings.Contains(l, "regie-") {
				found = l
			}
		}
		if found == "" {
			t.Fatalf("copy %d: the screen found no link in the PDF (links %q, reasons %q)", k, res.Links, res.Reasons)
		}
		domains[found[:strings.Index(found, ".fr")]] = true
	}
	if len(domains) != 3 {
		t.Errorf("%d link domains for 3 copies, want one each", len(domains))
	}
}

// TestWithTicks: a long quiet stretch gets a sweep every tickEvery, and
// nothing else changes.
func TestWithTicks(t *testing.T) {
	evs := withTicks([]sEvent{{at: -time.Minute, kind: "attack"}, {at: -time.Minute + 2*time.Second, kind: "attack"}, {at: 0, kind: "ordinary"}})
	ticks := 0
	for i, e := range evs {
		if i > 0 && e.at < evs[i-1].at {
			t.Fatalf("out of order at %d: %v after %v", i, e.at, evs[i-1].at)
		}
		if e.kind == "tick" {
			ticks++
		}
	}
	if want := int((time.Minute-2*time.Second)/tickEvery) - 1; ticks < want || len(evs) != ticks+3 {
		t.Errorf("%d ticks in %d events, want at least %d and the 3 events", ticks, len(evs), want)
	}
}
