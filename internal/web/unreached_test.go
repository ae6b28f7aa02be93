package web

import (
	"context"
	"log/slog"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// TestUnreachedView: recipients left out are grouped by reason and by
// time, named, said in agreement, with the interface's time format.
func TestUnreachedView(t *testing.T) {
	paris, err := time.LoadLocation("Europe/Paris")
	if err != nil {
		t.Skip("no time zone data")
	}
	h := &handler{d: Deps{Log: slog.Default()}}
	at := time.Date(2026, 12, 4, 7, 0, 0, 0, paris)
	pupil := func(id int64, name string) bouclier.User {
		return bouclier.User{ID: id, Username: "x", DisplayName: name, Role: bouclier.RoleStudent}
	}
	gs := h.unreachedView(context.Background(), paris, []store.Unreached{
		{User: pupil(1, "Léa Dupont"), Reason: "Messagerie fermée de 23\u00a0h à 7\u00a0h (circulaire de mars 2024) (réception fermée)"},
		{User: pupil(2, "Tom Martin"), Reason: "Messagerie fermée de 23\u00a0h à 7\u00a0h (circulaire de mars 2024) (réception fermée)"},
		{User: pupil(3, "Zoé Petit"), DeliverAt: store.Micros(at)},
	})
	if len(gs) != 2 {
		t.Fatalf("groups: %+v", gs)
	}
	never, later := gs[0], gs[1]
	if never.Later || never.Count() != 2 || never.Phrase != "ne peuvent pas recevoir de messages" ||
		never.Why != "Messagerie fermée de 23\u00a0h à 7\u00a0h (circulaire de mars 2024)" || never.Shown[0] != "Léa Dupont (élève)" {
		t.Errorf("refused: %+v", never)
	}
	if !later.Later || later.Count() != 1 || later.Phrase != "recevra le message à la réouverture de sa messagerie, le\u00a04\u00a0décembre 2026 à 7\u00a0h\u00a000" {
		t.Errorf("later: %q", later.Phrase)
	}
}
