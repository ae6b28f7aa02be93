package directory

import (
	"context"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// Civilities as the directory stores them (bouclier.User.Civility).
const (
	Monsieur = "M."
	Madame   = "Mme"
)

// Describe presents people as the others know them: « Mme Marie Dupont,
// responsable de Léa Dupont (4A) », « Mme Sophie Martin, professeure (4A,
// 4B) ». Only ID, DisplayName, Username, Role, Class and Civility are read,
// so a message's sender fields are enough: a civility they lack is read
// with the affiliations. The result has one label per ID.
func (d *Directory) Describe(ctx context.Context, users []bouclier.User) (map[int64]string, error) {
	var ids []int64
	for _, u := range users {
		if u.Role != bouclier.RoleStudent {
			ids = append(ids, u.ID)
		}
	}
	aff, err := d.affiliations(ctx, ids)
	if err != nil {
		return nil, err
	}
	out := make(map[int64]string, len(users))
	for _, u := range users {
		out[u.ID] = PersonLabel(u, aff[u.ID])
	}
	return out, nil
}

// Named is a person's name as others address them: « Mme Sophie Martin »
// with a known civility (a non-breaking space after it), the name alone
// without one, the login when no name is known. Pupils are named without
// a civility.
func Named(u bouclier.User) string {
	name := strings.TrimSpace(u.DisplayName)
	if name == "" {
		name = u.Username
	}
	if c := civility(u); c != "" {
		return c + "\u00a0" + name
	}
	return name
}

// NamedWithRole is a person's name and role when their label
// (PersonLabel) is not at hand: « Mme Sophie Martin (enseignante) »,
// « Sophie Martin (enseignant) » without a civility.
func NamedWithRole(u bouclier.User) string {
	if l := RoleLabel(u.Role, u.Civility); l != "" {
		return Named(u) + " (" + l + ")"
	}
	return Named(u)
}

// civility is the civility shown for u: none for a pupil.
func civility(u bouclier.User) string {
	if u.Role == bouclier.RoleStudent || (u.Civility != Monsieur && u.Civility != Madame) {
		return ""
	}
	return u.Civility
}

// RoleLabel names a role for a person, agreeing with their civility:
// « enseignante » for Mme, « enseignant » for M. or when unknown (the
// role's name, as RoleLabels). The other roles' names are epicene.
func RoleLabel(role bouclier.Role, civility string) string {
	if role == bouclier.RoleTeacher && civility == Madame {
		return "enseignante"
	}
	return RoleLabels[role]
}

// PersonLabel is one person's label given their affiliation. With a
// civility, a teacher is « professeur » or « professeure » (« Mme Sophie
// Martin, professeure (4A, 4B) »); without one the label stays epicene
// (« Sophie Martin, enseigne en 4A et 4B »): the directory's civility is
// used, never a guess from the first name. Parents are « responsable de »
// either way.
func PersonLabel(u bouclier.User, a store.Affiliation) string {
	if u.Civility == "" {
		u.Civility = a.Civility
	}
	civ := civility(u)
	name := Named(u)
	switch u.Role {
	case bouclier.RoleParent:
		if len(a.Children) == 0 {
			return name + ", parent"
		}
		kids := make([]string, len(a.Children))
		for i, c := range a.Children {
			kids[i] = c.Name
			if c.Class != "" {
				kids[i] += " (" + c.Class + ")"
			}
		}
		return name + ", responsable de " + frenchList(kids, "de ")
	case bouclier.RoleTeacher:
		if len(a.Classes) == 0 {
			if civ != "" {
				return name + ", " + RoleLabel(u.Role, civ)
			}
			return name + ", équipe enseignante"
		}
		// « 4A et 4B » in a sentence, « (4A, 4B) » after a noun; beyond
		// five, four and how many others.
		const shown = 4
		list, more := a.Classes, ""
		if len(list) > shown+1 {
			list, more = list[:shown], strconv.Itoa(len(list)-shown)+"\u00a0autres classes"
		}
		if civ != "" {
			noun := "professeur"
			if civ == Madame {
				noun = "professeure"
			}
			if more != "" {
				return name + ", " + noun + " (" + strings.Join(list, ", ") + " et " + more + ")"
			}
			return name + ", " + noun + " (" + strings.Join(list, ", ") + ")"
		}
		classes := frenchList(list, "")
		if more != "" {
			classes = strings.Join(list, ", ") + " et " + more
		}
		return name + ", enseigne en " + classes
	case bouclier.RoleStudent:
		if u.Class != "" {
			return name + ", élève de " + u.Class
		}
		return name + ", élève"
	}
	if l := RoleLabel(u.Role, civ); l != "" {
		return name + ", " + l
	}
	return name
}

// frenchList joins « a, b et c »; prep repeats a preposition before the
// last item (« de Léa et de Tom »).
func frenchList(items []string, prep string) string {
	switch len(items) {
	case 0:
		return ""
	case 1:
		return items[0]
	}
	return strings.Join(items[:len(items)-1], ", ") + " et " + prep + items[len(items)-1]
}
