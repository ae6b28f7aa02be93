package directory

import (
	"context"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// Describe presents people as the others know them: « Marie Dupont,
// responsable de Léa Dupont (4A) », « Sophie Martin, enseigne en 4A et
// 4B ». Only ID, DisplayName, Username, Role and Class are read, so a
// message's sender fields are enough. The result has one label per ID.
func (d *Directory) Describe(ctx context.Context, users []bouclier.User) (map[int64]string, error) {
	var ids []int64
	for _, u := range users {
		if u.Role == bouclier.RoleParent || u.Role == bouclier.RoleTeacher {
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

// PersonLabel is one person's label given their affiliation. Role nouns
// are epicene (« responsable », « élève ») or verbs (« enseigne en »), since
// the directory does not record gender.
func PersonLabel(u bouclier.User, a store.Affiliation) string {
	name := strings.TrimSpace(u.DisplayName)
	if name == "" {
		name = u.Username
	}
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
			return name + ", équipe enseignante"
		}
		const shown = 4
		if len(a.Classes) > shown+1 {
			return name + ", enseigne en " + strings.Join(a.Classes[:shown], ", ") + " et " + strconv.Itoa(len(a.Classes)-shown) + "\u00a0autres classes"
		}
		return name + ", enseigne en " + frenchList(a.Classes, "")
	case bouclier.RoleStudent:
		if u.Class != "" {
			return name + ", élève de " + u.Class
		}
		return name + ", élève"
	}
	if l := RoleLabels[u.Role]; l != "" {
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
