package store_test

import (
	"context"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
	"github.com/bouclier/bouclier/internal/storetest"
)

// TestUserCivility: the civility is written by the demo's upsert and by
// the import (create and update), read with the user (by name, in
// lists, in a session's user, in the affiliations a sender's label is
// made from), refused when not « M. », « Mme » or empty, moves the
// directory's version, and is cleared by erasure.
func TestUserCivility(t *testing.T) {
	t.Parallel()
	storetest.Each(t, func(t *testing.T, db *store.DB) {
		ctx := context.Background()
		now := time.Now()
		var prof, imported int64
		err := db.InTx(ctx, func(tx *store.Tx) error {
			if err := twoAcademies(ctx, tx); err != nil {
				return err
			}
			var err error
			if prof, err = tx.UpsertUser(ctx, bouclier.User{Username: "prof.martin", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher,
				Academie: "A", UAI: "A1", Civility: "Mme"}, "", now); err != nil {
				return err
			}
			imported, err = tx.PutDirectoryUser(ctx, store.DirectoryUser{User: bouclier.User{Username: "parent.benali", DisplayName: "Karim Benali",
				Role: bouclier.RoleParent, Academie: "A", UAI: "A1", Civility: "M."}, ExternalID: "X1"}, now)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		civility := func(name string) string {
			t.Helper()
			u, err := db.UserByName(ctx, name)
			if err != nil {
				t.Fatal(err)
			}
			return u.Civility
		}
		if c := civility("prof.martin"); c != "Mme" {
			t.Errorf("upserted: %q", c)
		}
		if c := civility("parent.benali"); c != "M." {
			t.Errorf("imported: %q", c)
		}
		if us, err := db.Users(ctx, "A1"); err != nil || len(us) != 2 || us[0].Civility != "M." || us[1].Civility != "Mme" {
			t.Errorf("Users: %+v, %v", us, err)
		}
		d, ok, err := db.DirectoryUser(ctx, "X1", true)
		if err != nil || !ok || d.Civility != "M." {
			t.Errorf("DirectoryUser: %+v, %v, %v", d, ok, err)
		}
		aff, err := db.Affiliations(ctx, []int64{prof, imported})
		if err != nil || aff[prof].Civility != "Mme" || aff[imported].Civility != "M." {
			t.Errorf("Affiliations: %+v, %v", aff, err)
		}

		// An import's update changes it, and the directory's version.
		before, err := db.DirectoryVersion(ctx)
		if err != nil {
			t.Fatal(err)
		}
		d.Civility = ""
		if err := db.InTx(ctx, func(tx *store.Tx) error { _, err := tx.PutDirectoryUser(ctx, d, now); return err }); err != nil {
			t.Fatal(err)
		}
		if c := civility("parent.benali"); c != "" {
			t.Errorf("after an update to unknown: %q", c)
		}
		if v, err := db.DirectoryVersion(ctx); err != nil || v <= before {
			t.Errorf("directory version %d after %d, %v", v, before, err)
		}
		if a, err := db.Affiliations(ctx, []int64{imported}); err != nil || a[imported].Civility != "" {
			t.Errorf("Affiliations after the update: %+v, %v", a, err)
		}

		// Only the two civilities (or none) are stored.
		err = db.InTx(ctx, func(tx *store.Tx) error {
			_, err := tx.UpsertUser(ctx, bouclier.User{Username: "x.y", DisplayName: "X Y", Role: bouclier.RoleStaff, Academie: "A", UAI: "A1", Civility: "Dr"}, "", now)
			return err
		})
		if err == nil {
			t.Error("civility « Dr » stored")
		}

		// Erasure clears it with the name.
		err = db.InTx(ctx, func(tx *store.Tx) error {
			if _, err := tx.CloseUser(ctx, prof, now.Add(-48*time.Hour)); err != nil {
				return err
			}
			_, err := tx.EraseClosedAccounts(ctx, store.Micros(now), store.Micros(now), 10)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		u, err := db.UserByID(ctx, prof)
		if err != nil || u.Civility != "" || u.DisplayName == "Sophie Martin" {
			t.Errorf("erased: %+v, %v", u, err)
		}
	})
}
