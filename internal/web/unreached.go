package web

import (
	"context"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/store"
)

// unreachedShown is how many names of a group are listed before « et N
// autres », which discloses the rest.
const unreachedShown = 8

// unreachedGroup is recipients a send left out for one same reason, or who
// receive it at one same time, by name.
type unreachedGroup struct {
	Later  bool   // they receive it later
	Phrase string // what happens to them, in French, without the names
	Why    string // the rule that refuses them, if any
	Shown  []string
	More   []string // disclosed on demand
	at     int64
	reason string
}

// Count is how many the group names.
func (g unreachedGroup) Count() int { return len(g.Shown) + len(g.More) }

// unreachedView groups the recipients a send left out, those who never get
// it first, each named for the sender (« Léa Dupont, élève de 4A ») with
// what happens to them in plain French. Reasons are the messaging rules'
// (the screen's never reach this table).
func (h *handler) unreachedView(ctx context.Context, loc *time.Location, xs []store.Unreached) []unreachedGroup {
	if len(xs) == 0 {
		return nil
	}
	users := make([]bouclier.User, len(xs))
	for i, x := range xs {
		users[i] = x.User
	}
	labels := h.labelUsers(ctx, users, "unreached")
	var out []unreachedGroup
	index := map[string]int{}
	for _, x := range xs {
		key := "r" + x.Reason
		if x.DeliverAt != 0 {
			key = "t" + strconv.FormatInt(x.DeliverAt, 10)
		}
		i, ok := index[key]
		if !ok {
			i = len(out)
			index[key] = i
			out = append(out, unreachedGroup{Later: x.DeliverAt != 0, at: x.DeliverAt, reason: x.Reason})
		}
		name := labels[x.User.ID]
		g := &out[i]
		if len(g.Shown) < unreachedShown {
			g.Shown = append(g.Shown, name)
		} else {
			g.More = append(g.More, name)
		}
	}
	for i := range out {
		g := &out[i]
		plural := g.Count() > 1
		if g.Later {
			g.Phrase = pick(plural, "recevront", "recevra") + " le message à la réouverture de " + pick(plural, "leur", "sa") +
				" messagerie, le\u00a0" + frenchDate(time.UnixMicro(g.at).In(loc))
			continue
		}
		g.Phrase = pick(plural, "ne peuvent", "ne peut") + " pas recevoir de messages"
		g.Why = plainReason(g.reason)
	}
	return out
}

func pick(plural bool, many, one string) string {
	if plural {
		return many
	}
	return one
}

// plainReason is the rules' reason for a refusal as a sender reads it:
// without « (réception fermée) », which the list already says.
func plainReason(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(s), "(réception fermée)"))
}
