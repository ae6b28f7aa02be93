package campaign_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
)

// TestLinkHistoryBreadth: a note linking to one domain (a booking page,
// which the screen delivers: a canteen bill to be paid on a domain of its
// own is held as phishing by the screen since the model of 5 December) is
// sent eight times the day before, then a teacher of another
// establishment passes it on, word for word, to a class's parents. A history given by
// one hijacked head's account is no history: the domain is new, the copy
// waits its probation (campaign11's lien-empoisonne-la-veille). The same
// history given by the heads of four establishments is the domain's: the
// copy goes out at once.
func TestLinkHistoryBreadth(t *testing.T) {
	const body = "Bonjour, pour la sortie au musée jeudi, merci de réserver votre créneau avant vendredi sur le site du musée : " +
		"https://reservation-musee-beaux-arts.fr/groupes"
	for _, c := range []struct {
		name  string
		heads []int // the establishments whose heads linked to it the day before, in turn
		want  bouclier.MessageStatus
	}{
		{"one account", []int{1}, bouclier.StatusHeld},
		{"four establishments", []int{1, 2, 3, 4}, bouclier.StatusDelivered},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 5)
				historyFrom(t, e, c.heads, "Sortie", body)
				res := mustSend(t, e, sender{name: "prof.5"}, []string{"parents:0990005A/C1"}, "Sortie", body)
				if res.Status != c.want {
					t.Errorf("the teacher's copy: %s, want %s (%v)", res.Status, c.want, reasonsOf(t, e, res))
				}
			})
		})
	}
}

// TestTextHistoryBreadth: a closure hoax without any alarming word is
// sent eight times the day before, then teachers of four other
// establishments, from stolen device tokens (a network new to them),
// send it word for word to a class's parents. A history given by one account makes no template of
// it: the copies wait and the wave is acted on (campaign11's
// canular-calme-empoisonne). The same history from the heads of two
// establishments or more (MinSchools, as for a wave) is a template's, whose wave counts only senders with an
// account and a behaviour signal: nothing is held. A text too short for
// a signature, known by its term set (and an attachment by its digest or
// picture), is held to the same breadth (campaign12's
// image-legende-connue).
func TestTextHistoryBreadth(t *testing.T) {
	for _, text := range []struct{ name, subject, body string }{
		// « Les cours de demain n'auront pas lieu, gardez vos enfants à la
		// maison… » is held by the screen since the model of 6 December,
		// evening (p 0.82).
		{"text", "Information", "Les cours de demain sont annulés, gardez vos enfants chez vous, la direction nous l'a confirmé ce matin, bonne journée."},
		{"short text", "Demain", "Pas cours"},
	} {
		for _, c := range []struct {
			name  string
			heads []int
			held  bool
		}{
			{"one account", []int{1}, true},
			{"two establishments (a cité scolaire)", []int{1, 2}, false},
			{"four establishments", []int{1, 2, 3, 4}, false},
		} {
			t.Run(text.name+"/"+c.name, func(t *testing.T) {
				apptest.Each(t, func(t *testing.T, e *apptest.Env) {
					world(t, e, 8)
					historyFrom(t, e, c.heads, text.subject, text.body)
					var ids []int64
					for i := 5; i <= 8; i++ {
						name := fmt.Sprintf("prof.%d", i)
						knowHome(t, e, name)
						ids = append(ids, sendFrom(t, e, name, fmt.Sprintf("198.51.100.%d", i), homeAgent, true, []string{fmt.Sprintf("parents:099%04dA/C1", i)},
							text.subject, text.body).ID)
					}
					e.Clock.Advance(2 * time.Minute)
					if err := e.App.Campaign.Sweep(context.Background()); err != nil {
						t.Fatal(err)
					}
					for _, id := range ids {
						if m := message(t, e, id); (m.Status != bouclier.StatusDelivered) != c.held {
							t.Errorf("copy %d: %s, want held %v", id, m.Status, c.held)
						}
					}
				})
			})
		}
	}
}

// historyFrom gives a text a history: the heads of the establishments
// heads send it eight times in turn, ten minutes apart, to a class's
// parents; the clock then moves to the next day.
func historyFrom(t *testing.T, e *apptest.Env, heads []int, subject, body string) {
	t.Helper()
	for k := 0; k < 8; k++ {
		i := heads[k%len(heads)]
		mustSend(t, e, sender{name: fmt.Sprintf("head.%d", i)}, []string{fmt.Sprintf("parents:099%04dA/C%d", i, 1+k%2)}, subject, body)
		e.Clock.Advance(10 * time.Minute)
	}
	e.Clock.Advance(24 * time.Hour)
}
