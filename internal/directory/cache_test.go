package directory_test

import (
	"context"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/store"
)

// TestCacheFollowsChanges: the groups a directory keeps between sends are
// never used once the directory changed. The changes are written straight
// to the store, as another process or an import would: nothing tells the
// directory but the store's version.
func TestCacheFollowsChanges(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		db, dir := e.App.DB, e.App.Directory
		prof, err := db.UserByName(ctx, "prof.martin")
		if err != nil {
			t.Fatal(err)
		}
		resolve := func() ([]string, error) {
			t.Helper()
			s, err := dir.LoadSender(ctx, prof)
			if err != nil {
				t.Fatal(err)
			}
			res, err := dir.Resolve(ctx, s, []string{"class:0780001A/4A"})
			var names []string
			for _, u := range res.Users {
				names = append(names, u.Username)
			}
			slices.Sort(names)
			return names, err
		}
		write := func(fn func(tx *store.Tx) error) {
			t.Helper()
			if err := db.InTx(ctx, fn); err != nil {
				t.Fatal(err)
			}
		}
		version := func() int64 {
			t.Helper()
			v, err := db.DirectoryVersion(ctx)
			if err != nil {
				t.Fatal(err)
			}
			return v
		}
		if got, err := resolve(); err != nil || !slices.Equal(got, []string{"eleve.dupont"}) {
			t.Fatalf("before: %v, %v", got, err)
		}
		// A login moves no membership: the kept groups stay valid.
		v := version()
		dupont, err := db.UserByName(ctx, "eleve.dupont")
		if err != nil {
			t.Fatal(err)
		}
		write(func(tx *store.Tx) error { _, err := tx.UseTOTPStep(ctx, dupont.ID, time.Now().Unix()/30); return err })
		if version() != v {
			t.Error("a TOTP step moved the directory version")
		}

		steps := []struct {
			name   string
			change func(tx *store.Tx) error
			want   []string
			err    bouclier.Code
		}{
			{"a pupil joins the class", func(tx *store.Tx) error {
				_, err := tx.UpsertUser(ctx, bouclier.User{Username: "eleve.nouveau", DisplayName: "Nouvel élève", Role: bouclier.RoleStudent,
					Academie: "versailles", UAI: "0780001A", Class: "4A"}, "", time.Now())
				return err
			}, []string{"eleve.dupont", "eleve.nouveau"}, ""},
			{"a pupil leaves", func(tx *store.Tx) error {
				_, err := tx.CloseUser(ctx, dupont.ID, time.Now())
				return err
			}, []string{"eleve.nouveau"}, ""},
			{"the teacher no longer teaches the class", func(tx *store.Tx) error {
				return tx.RemoveTeaching(ctx, prof.ID, "0780001A", "4A")
			}, nil, bouclier.ErrRecipientNotAllowed},
		}
		for _, s := range steps {
			before := version()
			write(s.change)
			if version() <= before {
				t.Errorf("%s: the directory version did not move", s.name)
			}
			got, err := resolve()
			if (s.err == "" && err != nil) || (s.err != "" && bouclier.ErrorCode(err) != s.err) || !slices.Equal(got, s.want) {
				t.Errorf("%s: %v, %v; want %v, %q", s.name, got, err, s.want, s.err)
			}
		}
	})
}

// TestDescribeFollowsChanges: the affiliations Describe keeps (an inbox
// page describes its senders on every request) are read again once the
// directory changed, here straight in the store as an import would.
func TestDescribeFollowsChanges(t *testing.T) {
	apptest.Each(t, func(t *testing.T, e *apptest.Env) {
		ctx := context.Background()
		db, dir := e.App.DB, e.App.Directory
		prof, err := db.UserByName(ctx, "prof.martin")
		if err != nil {
			t.Fatal(err)
		}
		parent, err := db.UserByName(ctx, "parent.dupont")
		if err != nil {
			t.Fatal(err)
		}
		child, err := db.UserByName(ctx, "eleve.dupont")
		if err != nil {
			t.Fatal(err)
		}
		describe := func() (string, string) {
			t.Helper()
			labels, err := dir.Describe(ctx, []bouclier.User{prof, parent})
			if err != nil {
				t.Fatal(err)
			}
			return labels[prof.ID], labels[parent.ID]
		}
		p0, r0 := describe()
		if p1, r1 := describe(); p1 != p0 || r1 != r0 { // from the cache
			t.Fatalf("second describe: %q, %q; first %q, %q", p1, r1, p0, r0)
		}
		if !strings.Contains(p0, "4A") || !strings.Contains(r0, "(4A)") {
			t.Fatalf("labels before: %q, %q", p0, r0)
		}
		if err := db.InTx(ctx, func(tx *store.Tx) error { return tx.RemoveTeaching(ctx, prof.ID, "0780001A", "4A") }); err != nil {
			t.Fatal(err)
		}
		if p, _ := describe(); strings.Contains(p, "4A") {
			t.Errorf("after the teaching's removal: %q", p)
		}
		child.Class = "3B"
		if err := db.InTx(ctx, func(tx *store.Tx) error { _, err := tx.UpsertUser(ctx, child, "", time.Now()); return err }); err != nil {
			t.Fatal(err)
		}
		if _, r := describe(); !strings.Contains(r, "(3B)") {
			t.Errorf("after the child's change of class: %q", r)
		}
	})
}
