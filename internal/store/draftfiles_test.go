package store_test

import (
	"context"
	"errors"
	"slices"
	"testing"

	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestDraftFiles: files kept with a draft survive in the store (not in a
// process), only for their owner's session and within their time, are
// replaced by a second keep, and go with the draft.
func TestDraftFiles(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		owner, others := batchUsers(t, db, 1)
		d := store.Draft{UserID: owner, To: []string{"classe:4A"}, Subject: "Alerte", Body: "Texte", UpdatedAt: 100}
		if err := db.SaveDraft(ctx, &d); err != nil {
			t.Fatal(err)
		}
		files := []store.DraftFile{{Name: "plan.pdf", ContentType: "application/pdf", Data: []byte("%PDF-1.7 a")},
			{Name: "b.png", ContentType: "image/png", Data: []byte{0, 1, 2}}}
		if err := db.KeepDraftFiles(ctx, others[0], d.ID, "s1", files, 1000, 0); !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("keep on another's draft: %v, want ErrNotFound", err)
		}
		if err := db.KeepDraftFiles(ctx, owner, d.ID, "s1", files, 1000, 0); err != nil {
			t.Fatal(err)
		}
		for _, c := range []struct {
			name    string
			user    int64
			session string
			since   int64
			want    int
		}{
			{"owner's session", owner, "s1", 1000, 2},
			{"another session", owner, "s2", 0, 0},
			{"another user", others[0], "s1", 0, 0},
			{"expired", owner, "s1", 1001, 0},
		} {
			got, err := db.DraftFiles(ctx, c.user, d.ID, c.session, c.since)
			if err != nil {
				t.Fatal(err)
			}
			if len(got) != c.want {
				t.Errorf("%s: %d files, want %d", c.name, len(got), c.want)
			}
			if c.want == 2 && (got[0].Name != "plan.pdf" || !slices.Equal(got[1].Data, files[1].Data) || got[1].ContentType != "image/png") {
				t.Errorf("%s: files %+v", c.name, got)
			}
		}
		// A second keep replaces the first; an old abandoned set is purged.
		if err := db.KeepDraftFiles(ctx, owner, d.ID, "s2", files[:1], 2000, 1500); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.DraftFiles(ctx, owner, d.ID, "s2", 0); len(got) != 1 {
			t.Errorf("after a second keep: %d files, want 1", len(got))
		}
		if got, _ := db.DraftFiles(ctx, owner, d.ID, "s1", 0); len(got) != 0 {
			t.Errorf("the first keep's files are still there: %d", len(got))
		}
		if err := db.DeleteDraft(ctx, owner, d.ID); err != nil {
			t.Fatal(err)
		}
		if got, _ := db.DraftFiles(ctx, owner, d.ID, "s2", 0); len(got) != 0 {
			t.Errorf("files outlive their draft: %d", len(got))
		}
	})
}
