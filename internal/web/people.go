package web

import (
	"context"

	"github.com/bouclier/bouclier"
)

// Who presents a message's sender as a person (« Marie Dupont,
// responsable de Léa Dupont (4A) »), from the labels describe filled, or
// by name and role when none was.
func (p *page) Who(id int64, name string, role bouclier.Role, username string) string {
	if l, ok := p.people[id]; ok {
		return l
	}
	return personLabel(name, role, username)
}

// describe fills the page's labels for the senders of msgs. Without the
// directory, or when it fails, names and roles are shown instead: a label
// is a courtesy, not worth failing the page for.
func (h *handler) describe(ctx context.Context, p *page, msgs []bouclier.Message) {
	if h.d.Directory == nil || len(msgs) == 0 {
		return
	}
	seen := map[int64]bool{}
	var users []bouclier.User
	for _, m := range msgs {
		if seen[m.SenderID] {
			continue
		}
		seen[m.SenderID] = true
		users = append(users, bouclier.User{ID: m.SenderID, Username: m.Sender, DisplayName: m.SenderName, Role: m.SenderRole})
	}
	labels, err := h.d.Directory.Describe(ctx, users)
	if err != nil {
		h.d.Log.Warn("describe senders", "err", err)
		return
	}
	p.people = labels
}
