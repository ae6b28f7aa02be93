// Package demo creates the contract's demonstration directory, which is
// also the standard fixture of the tests.
package demo

import (
	"context"
	"crypto/rand"
	"fmt"
	"io"
	"math/big"
	"text/tabwriter"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/store"
)

// Academies of the demo.
var Academies = []bouclier.Academie{
	{ID: "versailles", Name: "Académie de Versailles", TimeZone: "Europe/Paris"},
	{ID: "la-reunion", Name: "Académie de La Réunion", TimeZone: "Indian/Reunion"},
}

// Establishments of the demo, with their classes.
var Establishments = []struct {
	bouclier.Establishment
	Classes []string
}{
	{bouclier.Establishment{UAI: "0780001A", Name: "Collège Jean Moulin", Academie: "versailles"}, []string{"4A", "4B"}},
	{bouclier.Establishment{UAI: "0780002B", Name: "Lycée Victor Hugo", Academie: "versailles"}, []string{"2NDE1"}},
	{bouclier.Establishment{UAI: "9740001C", Name: "Collège Leconte de Lisle", Academie: "la-reunion"}, []string{"5A"}},
}

// Account is one demo account.
type Account struct {
	Username    string
	DisplayName string
	Role        bouclier.Role
	Academie    string
	UAI         string
	Class       string   // students
	Teaches     []string // teachers: class codes in their establishment
	ChildOf     string   // parents: the child's username
	Civility    string   // adults: « M. » or « Mme »; organisational accounts have none
}

// Accounts of the demo, in the contract's order.
var Accounts = []Account{
	{Username: "admin", DisplayName: "Administration nationale", Role: bouclier.RoleNationalAdmin},
	{Username: "rssi.versailles", DisplayName: "RSSI de l’académie de Versailles", Role: bouclier.RoleAcademyAdmin, Academie: "versailles"},
	{Username: "principal.moulin", DisplayName: "Claire Principal", Role: bouclier.RoleHead, Academie: "versailles", UAI: "0780001A", Civility: "Mme"},
	{Username: "cpe.moulin", DisplayName: "Karim CPE", Role: bouclier.RoleStaff, Academie: "versailles", UAI: "0780001A", Civility: "M."},
	{Username: "prof.martin", DisplayName: "Sophie Martin", Role: bouclier.RoleTeacher, Academie: "versailles", UAI: "0780001A", Teaches: []string{"4A", "4B"}, Civility: "Mme"},
	{Username: "prof.bernard", DisplayName: "Luc Bernard", Role: bouclier.RoleTeacher, Academie: "versailles", UAI: "0780001A", Teaches: []string{"4A"}, Civility: "M."},
	{Username: "eleve.dupont", DisplayName: "Léa Dupont", Role: bouclier.RoleStudent, Academie: "versailles", UAI: "0780001A", Class: "4A"},
	{Username: "eleve.durand", DisplayName: "Hugo Durand", Role: bouclier.RoleStudent, Academie: "versailles", UAI: "0780001A", Class: "4B"},
	{Username: "parent.dupont", DisplayName: "Marie Dupont", Role: bouclier.RoleParent, Academie: "versailles", UAI: "0780001A", ChildOf: "eleve.dupont", Civility: "Mme"},
	{Username: "parent.durand", DisplayName: "Paul Durand", Role: bouclier.RoleParent, Academie: "versailles", UAI: "0780001A", ChildOf: "eleve.durand", Civility: "M."},
	{Username: "prof.hugo", DisplayName: "Anne Hugo", Role: bouclier.RoleTeacher, Academie: "versailles", UAI: "0780002B", Teaches: []string{"2NDE1"}, Civility: "Mme"},
	{Username: "eleve.hugo", DisplayName: "Nina Hugo", Role: bouclier.RoleStudent, Academie: "versailles", UAI: "0780002B", Class: "2NDE1"},
	{Username: "parent.hugo", DisplayName: "Omar Hugo", Role: bouclier.RoleParent, Academie: "versailles", UAI: "0780002B", ChildOf: "eleve.hugo", Civility: "M."},
	{Username: "prof.reunion", DisplayName: "Jean Payet", Role: bouclier.RoleTeacher, Academie: "la-reunion", UAI: "9740001C", Teaches: []string{"5A"}, Civility: "M."},
	{Username: "eleve.reunion", DisplayName: "Zoé Hoarau", Role: bouclier.RoleStudent, Academie: "la-reunion", UAI: "9740001C", Class: "5A"},
	{Username: "parent.reunion", DisplayName: "Marc Hoarau", Role: bouclier.RoleParent, Academie: "la-reunion", UAI: "9740001C", ChildOf: "eleve.reunion", Civility: "M."},
}

// Options of the demo's creation.
type Options struct {
	Password   string // shared by every account
	TOTPSecret string // enrolled for every account that must use a second factor; "" for none
}

// Create writes the demo directory into db in one transaction. It is a
// no-op returning false if the directory already has users.
func Create(ctx context.Context, db *store.DB, h *auth.Hasher, o Options, now time.Time) (bool, error) {
	n, err := db.CountUsers(ctx)
	if err != nil {
		return false, err
	}
	if n > 0 {
		return false, nil
	}
	hash, err := h.Hash(ctx, o.Password)
	if err != nil {
		return false, err
	}
	err = db.InTx(ctx, func(tx *store.Tx) error {
		if err := directory.Seed(ctx, tx); err != nil {
			return err
		}
		for _, a := range Academies {
			if err := tx.UpsertAcademie(ctx, a); err != nil {
				return err
			}
		}
		for _, e := range Establishments {
			if err := tx.UpsertEstablishment(ctx, e.Establishment); err != nil {
				return err
			}
			for _, c := range e.Classes {
				if err := tx.UpsertClass(ctx, e.UAI, c); err != nil {
					return err
				}
			}
		}
		ids := map[string]int64{}
		for _, a := range Accounts {
			id, err := tx.UpsertUser(ctx, bouclier.User{Username: a.Username, DisplayName: a.DisplayName, Role: a.Role,
				Academie: a.Academie, UAI: a.UAI, Class: a.Class, Civility: a.Civility}, hash, now)
			if err != nil {
				return err
			}
			ids[a.Username] = id
			for _, c := range a.Teaches {
				if err := tx.AddTeaching(ctx, id, a.UAI, c); err != nil {
					return err
				}
			}
			if a.ChildOf != "" {
				if err := tx.LinkParent(ctx, id, ids[a.ChildOf]); err != nil {
					return err
				}
			}
			if o.TOTPSecret != "" && a.Role.IsPersonnel() {
				if err := tx.SetTOTPSecret(ctx, id, o.TOTPSecret); err != nil {
					return err
				}
			}
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: "system", Action: "demo.create", Target: "directory", Scope: "national",
			Detail: fmt.Sprintf("%d accounts", len(Accounts))})
	})
	return err == nil, err
}

// Print writes the demo accounts as a table.
func Print(w io.Writer, o Options) {
	tw := tabwriter.NewWriter(w, 2, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "COMPTE\tRÔLE\tRATTACHEMENT")
	for _, a := range Accounts {
		where := a.UAI
		switch {
		case a.Class != "":
			where += " " + a.Class
		case len(a.Teaches) > 0:
			where += fmt.Sprintf(" enseigne %v", a.Teaches)
		case a.ChildOf != "":
			where = "parent de " + a.ChildOf
		case a.UAI == "" && a.Academie != "":
			where = a.Academie
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", a.Username, a.Role, where)
	}
	tw.Flush()
	fmt.Fprintf(w, "\nMot de passe commun\u00a0: %s\n", o.Password)
	if o.TOTPSecret != "" {
		fmt.Fprintf(w, "Second facteur (personnels) : oathtool --totp -b %s\n", o.TOTPSecret)
	}
}

// RandomPassword draws a 20-character password from an unambiguous alphabet.
func RandomPassword() (string, error) {
	const alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ23456789"
	b := make([]byte, 20)
	for i := range b {
		n, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			return "", err
		}
		b[i] = alphabet[n.Int64()]
	}
	return string(b), nil
}
