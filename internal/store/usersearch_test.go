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

// TestFindUsersFoldsAccents: a name is found whatever its case and
// accents on both stores (SQLite's LOWER folds ASCII only), whether the
// account came from the directory's upsert or from an import, created or
// updated; an erased account is no longer found by its old name; and the
// rows written before migration 0020 are searched the old way until it
// fills their keys.
func TestFindUsersFoldsAccents(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now()
		var imported int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			if err := twoAcademies(ctx, tx); err != nil {
				return err
			}
			for _, u := range []bouclier.User{
				{Username: "eleve.martin", DisplayName: "Élève Martin", Role: bouclier.RoleStudent, Academie: "A", UAI: "A1"},
				{Username: "parent.leroy", DisplayName: "Hélène Leroy", Role: bouclier.RoleParent, Academie: "A", UAI: "A1"},
				{Username: "prof.coeur", DisplayName: "Anaïs Cœur", Role: bouclier.RoleTeacher, Academie: "A", UAI: "A1"},
			} {
				if _, err := tx.UpsertUser(ctx, u, "", now); err != nil {
					return err
				}
			}
			// An import creates an account under a plain spelling…
			var err error
			imported, err = tx.PutDirectoryUser(ctx, store.DirectoryUser{User: bouclier.User{Username: "parent.noel", DisplayName: "Noel Francois",
				Role: bouclier.RoleParent, Academie: "A", UAI: "A1"}, ExternalID: "X1"}, now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		find := func(q string) []string {
			t.Helper()
			got, err := db.FindUsers(ctx, "establishment:A1", q, 10)
			if err != nil {
				t.Fatalf("%q: %v", q, err)
			}
			var names []string
			for _, u := range got {
				names = append(names, u.Username)
			}
			return names
		}
		check := func(when string, cases map[string][]string) {
			t.Helper()
			for q, want := range cases {
				if got := find(q); !slices.Equal(got, want) {
					t.Errorf("%s: %q found %v, want %v", when, q, got, want)
				}
			}
		}
		check("upserted", map[string][]string{
			"élève": {"eleve.martin"}, "ÉLÈVE MARTIN": {"eleve.martin"}, "Élève": {"eleve.martin"},
			"Helene": {"parent.leroy"}, "HÉLÈNE": {"parent.leroy"}, "hélène leroy": {"parent.leroy"},
			"anais coeur": {"prof.coeur"}, "Cœur": {"prof.coeur"},
			"noël": {"parent.noel"}, "françois": {"parent.noel"},
			"e\nm": nil, // not across the login and the name
		})
		// …that a later import corrects, accents included.
		err = db.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.PutDirectoryUser(ctx, store.DirectoryUser{User: bouclier.User{ID: imported, Username: "parent.noel", DisplayName: "Noël François",
				Role: bouclier.RoleParent, Academie: "A", UAI: "A1"}, ExternalID: "X1"}, now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		check("import updated", map[string][]string{"NOËL": {"parent.noel"}, "noel francois": {"parent.noel"}, "Noel": {"parent.noel"}})

		// Rows written before 0020: found the old way, then by their key
		// once the migration filled it.
		if err := db.ForgetSearchKeys(ctx); err != nil {
			t.Fatal(err)
		}
		check("before the keys", map[string][]string{"leroy": {"parent.leroy"}, "LEROY": {"parent.leroy"}})
		if err := db.FillSearchKeys(ctx); err != nil {
			t.Fatal(err)
		}
		check("keys filled", map[string][]string{"helene": {"parent.leroy"}, "élève": {"eleve.martin"}})

		// Erased, the account is not found by its old name.
		err = db.InTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.CloseUser(ctx, imported, now.Add(-48*time.Hour)); err != nil {
				return err
			}
			_, err := tx.EraseClosedAccounts(ctx, store.Micros(now), store.Micros(now), 10)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		check("erased", map[string][]string{"noel": nil, "francois": nil})
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

// TestUsersNamed: the users of a list of logins in one call, by login,
// with their directory fields; unknown logins absent, none for none.
func TestUsersNamed(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		err := db.InTx(ctx, func(tx *store.Tx) error {
			if err := twoAcademies(ctx, tx); err != nil {
				return err
			}
			for _, u := range []bouclier.User{
				{Username: "parent.dupont", DisplayName: "Marie Dupont", Role: bouclier.RoleParent, Academie: "A", UAI: "A1", Civility: "Mme"},
				{Username: "eleve.dupont", DisplayName: "Léa Dupont", Role: bouclier.RoleStudent, Academie: "A", UAI: "A1", Class: "4A"},
				{Username: "prof.martin", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher, Academie: "B", UAI: "B1"},
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
		got, err := db.UsersNamed(ctx, []string{"prof.martin", "nobody", "parent.dupont", "eleve.dupont", "parent.dupont"})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 3 || got["parent.dupont"].DisplayName != "Marie Dupont" || got["parent.dupont"].Civility != "Mme" ||
			got["eleve.dupont"].Class != "4A" || got["prof.martin"].UAI != "B1" {
			t.Errorf("UsersNamed: %+v", got)
		}
		if got, err := db.UsersNamed(ctx, nil); err != nil || len(got) != 0 {
			t.Errorf("UsersNamed(nil): %v, %v", got, err)
		}
	})
}
