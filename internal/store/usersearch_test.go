package store_test

import (
	"context"
	"slices"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestFindUsers: by login or name, whatever the case, within the scope
// only, by name, at most limit; LIKE's own characters taken literally.
func TestFindUsers(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		err := db.InTx(ctx, func(tx *store.Tx) error {
			if err := twoAcademies(ctx, tx); err != nil {
				return err
			}
			for _, u := range []bouclier.User{
				{Username: "parent.dupont", DisplayName: "Marie Dupont", Role: bouclier.RoleParent, Academie: "A", UAI: "A1"},
				{Username: "eleve.dupont", DisplayName: "Léa Dupont", Role: bouclier.RoleStudent, Academie: "A", UAI: "A1", Class: "4A"},
				{Username: "prof.martin", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher, Academie: "A", UAI: "A1"},
				{Username: "prof.dupontel", DisplayName: "Anne Dupontel", Role: bouclier.RoleTeacher, Academie: "A", UAI: "A2"},
				{Username: "parent.dupont2", DisplayName: "Omar Dupont", Role: bouclier.RoleParent, Academie: "B", UAI: "B1"},
				{Username: "x_y", DisplayName: "Cent % Sûr", Role: bouclier.RoleParent, Academie: "A", UAI: "A1"},
			} {
				if _, err := tx.UpsertUser(ctx, u, "", time.Unix(0, 0)); err != nil {
					return err
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
		for _, tc := range []struct {
			scope, q string
			limit    int
			want     []string
		}{
			{"establishment:A1", "dupont", 10, []string{"eleve.dupont", "parent.dupont"}},
			{"establishment:A1", "DUPONT", 10, []string{"eleve.dupont", "parent.dupont"}},
			{"establishment:A1", "prof.mar", 10, []string{"prof.martin"}},
			{"academie:A", "dupont", 10, []string{"prof.dupontel", "eleve.dupont", "parent.dupont"}},
			{"academie:A", "dupont", 2, []string{"prof.dupontel", "eleve.dupont"}},
			{"national", "dupont", 10, []string{"prof.dupontel", "eleve.dupont", "parent.dupont", "parent.dupont2"}},
			{"establishment:B1", "martin", 10, nil},
			{"establishment:A1", "%", 10, []string{"x_y"}},
			{"establishment:A1", "_", 10, []string{"x_y"}},
		} {
			got, err := db.FindUsers(ctx, tc.scope, tc.q, tc.limit)
			if err != nil {
				t.Fatalf("%s %q: %v", tc.scope, tc.q, err)
			}
			var names []string
			for _, u := range got {
				names = append(names, u.Username)
			}
			if !slices.Equal(names, tc.want) {
				t.Errorf("%s %q limit %d: %v, want %v", tc.scope, tc.q, tc.limit, names, tc.want)
			}
		}
		if _, err := db.FindUsers(ctx, "class:A1/4A", "x", 10); err == nil {
			t.Error("unknown scope accepted")
		}
	})
}

// twoAcademies seeds académies A and B, establishments A1 and A2 in A and
// B1 in B.
func twoAcademies(ctx context.Context, tx *store.Tx) error {
	for _, a := range []string{"A", "B"} {
		if err := tx.UpsertAcademie(ctx, bouclier.Academie{ID: a, Name: "Académie " + a, TimeZone: "Europe/Paris"}); err != nil {
			return err
		}
	}
	for _, e := range []bouclier.Establishment{{UAI: "A1", Academie: "A"}, {UAI: "A2", Academie: "A"}, {UAI: "B1", Academie: "B"}} {
		if err := tx.UpsertEstablishment(ctx, e); err != nil {
			return err
		}
	}
	return nil
}
