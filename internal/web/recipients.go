package web

import (
	"context"
	"regexp"
	"strings"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/frnum"
)

// recipientNames looks up, for one page, what its recipient expressions
// name: people by their label (« Mme Sophie Martin, professeure (4A, 4B) »), and
// establishments other than the reader's by name. Lookups are made on
// first use and kept for the page; a failed one shows the expression's own
// words, since a label is a courtesy, not worth failing the page for.
type recipientNames struct {
	ctx     context.Context
	h       *handler
	people  map[string]string // by username
	schools map[string]string // by UAI; nil until first needed
}

func (n *recipientNames) person(username string) string {
	if l, ok := n.people[username]; ok {
		return l
	}
	l := username
	if n.h.d.DB != nil {
		if u, err := n.h.d.DB.UserByName(n.ctx, username); err == nil {
			l = n.h.labelUsers(n.ctx, []bouclier.User{u}, "recipient")[u.ID]
		}
	}
	if n.people == nil {
		n.people = map[string]string{}
	}
	n.people[username] = l
	return l
}

func (n *recipientNames) school(uai string) string {
	if n.schools == nil {
		n.schools = map[string]string{}
		if n.h.d.DB != nil {
			if es, err := n.h.d.DB.Establishments(n.ctx, ""); err == nil {
				for _, e := range es {
					n.schools[e.UAI] = e.Name
				}
			}
		}
	}
	if s := n.schools[uai]; s != "" {
		return s
	}
	return uai
}

// Recipient names a recipient expression for the page's reader: a person
// by label, a group without the reader's own establishment, or with the
// name of another one (« Parents de 4A (Lycée Victor Hugo) »).
func (p *page) Recipient(expr string) string {
	r, err := bouclier.ParseRecipient(expr)
	if err != nil || p.names == nil {
		return recipientLabel(expr)
	}
	if r.Kind == bouclier.ToUser {
		return p.names.person(r.User)
	}
	where := ""
	if p.User == nil || r.UAI != p.User.UAI {
		where = " (" + p.names.school(r.UAI) + ")"
	}
	return directory.GroupLabel(r) + where
}

// Person names the author of an action recorded by login (a suspension, a
// legal hold) as a person, « Claire Principal, direction », or the service
// for its own automatic actions.
func (p *page) Person(username string) string {
	if strings.HasPrefix(username, "system:") {
		return "Bouclier (action automatique)"
	}
	if p.names == nil || username == "" {
		return username
	}
	return p.names.person(username)
}

// recipientExpr matches a recipient expression in a service's message
// (« Vous ne pouvez pas écrire à class:0780001A/4A. »); a sentence's final
// full stop is trimmed by RecipientsNamed.
var recipientExpr = regexp.MustCompile(`\b(?:user|staff|class|parents|teachers):[A-Za-z0-9._-]+(?:/[A-Za-z0-9._-]+)?`)

// RecipientsNamed rewrites the recipient expressions in msg with their
// labels for the page's reader (« … écrire à Élèves de 4A. »).
func (p *page) RecipientsNamed(msg string) string {
	return recipientExpr.ReplaceAllStringFunc(msg, func(expr string) string {
		trimmed := strings.TrimRight(expr, ".")
		if _, err := bouclier.ParseRecipient(trimmed); err != nil {
			return expr
		}
		return p.Recipient(trimmed) + expr[len(trimmed):]
	})
}

// fewNamed is how many accounts or establishments a list line names;
// beyond, it counts them (an académie-wide incident has hundreds).
const fewNamed = 3

// AccountsSummary names a few accounts as people (« Léa Dupont, élève de
// 4A ») or counts many (« 120 comptes »); none is « aucun compte », not an
// empty cell.
func (p *page) AccountsSummary(usernames []string) string {
	if len(usernames) == 0 {
		return "aucun compte"
	}
	if len(usernames) > fewNamed {
		return frnum.Count(len(usernames), "compte", "comptes")
	}
	names := make([]string, len(usernames))
	for i, u := range usernames {
		names[i] = p.Person(u)
	}
	return strings.Join(names, "\u202f; ")
}

// SchoolsSummary names a few establishments (« Collège Jean Moulin ») or
// counts many (« 400 établissements »).
func (p *page) SchoolsSummary(uais []string) string {
	if len(uais) == 0 {
		return "aucun établissement"
	}
	if len(uais) > fewNamed || p.names == nil {
		return frnum.Count(len(uais), "établissement", "établissements")
	}
	names := make([]string, len(uais))
	for i, u := range uais {
		names[i] = p.names.school(u)
	}
	return strings.Join(names, ", ")
}
