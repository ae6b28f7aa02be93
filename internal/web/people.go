package web

import (
	"context"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/directory"
)

// Who presents a message's sender as a person (« Marie Dupont,
// responsable de Léa Dupont (4A) »), from the labels describe filled, or
// by name and role when none was.
func (p *page) Who(id int64, name string, role bouclier.Role, username string) string {
	if l, ok := p.people[id]; ok {
		return l
	}
	return directory.NamedWithRole(bouclier.User{DisplayName: name, Role: role, Username: username})
}

// describe fills the page's labels for the senders of msgs. Without the
// directory, or when it fails, names and roles are shown instead: a label
// is a courtesy, not worth failing the page for.
func (h *handler) describe(ctx context.Context, p *page, msgs []bouclier.Message) {
	if h.d.Directory == nil || len(msgs) == 0 {
		return
	}
	var users []bouclier.User
	for i := range msgs {
		users = addSender(users, &msgs[i])
	}
	h.describeUsers(ctx, p, users)
}

// addSender appends m's sender to users unless already there (a page has
// a handful of senders: a scan beats a map).
func addSender(users []bouclier.User, m *bouclier.Message) []bouclier.User {
	for i := range users {
		if users[i].ID == m.SenderID {
			return users
		}
	}
	return append(users, bouclier.User{ID: m.SenderID, Username: m.Sender, DisplayName: m.SenderName, Role: m.SenderRole})
}

// describeUsers sets the page's labels of users (distinct).
func (h *handler) describeUsers(ctx context.Context, p *page, users []bouclier.User) {
	if h.d.Directory == nil || len(users) == 0 {
		return
	}
	p.people = h.labelUsers(ctx, users, "senders")
}

// labelUsers labels users as the directory does (« Mme Marie Dupont,
// responsable de Léa Dupont (4A) »), one label per ID, in one call
// whatever their number. Without the directory, or when it fails, each
// is named by name and role instead (directory.NamedWithRole): a label is a
// courtesy, not worth failing the page for; what names the failure in
// the log.
func (h *handler) labelUsers(ctx context.Context, users []bouclier.User, what string) map[int64]string {
	var labels map[int64]string
	if h.d.Directory != nil && len(users) > 0 {
		var err error
		if labels, err = h.d.Directory.Describe(ctx, users); err != nil {
			h.d.Log.Warn("describe "+what, "err", err)
			labels = nil
		}
	}
	out := make(map[int64]string, len(users))
	for _, u := range users {
		if l := labels[u.ID]; l != "" {
			out[u.ID] = l
		} else {
			out[u.ID] = directory.NamedWithRole(u)
		}
	}
	return out
}
