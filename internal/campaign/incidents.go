package campaign

import (
	"context"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

func hexEncode(b []byte) string { return hex.EncodeToString(b) }

func hexDecode(s string) []byte {
	b, _ := hex.DecodeString(s)
	return b
}

// Incident is an incident as its viewers see it.
type Incident struct {
	store.Campaign
	Timeline   []store.CampaignEvent
	MessageIDs []int64
}

func forbidden() error {
	return bouclier.Errorf(bouclier.ErrForbidden, "Réservé à la direction des établissements et aux administrateurs d’académie.")
}

func notFound() error { return bouclier.Errorf(bouclier.ErrNotFound, "Incident introuvable.") }

// scopeOf returns the filters of a viewer's incidents: a head sees those
// touching their establishment, an académie admin those touching their
// académie, a national admin all.
func scopeOf(a bouclier.Actor) (uai, academie string, err error) {
	if a.IsSystem() {
		return "", "", nil
	}
	u := a.User
	switch u.Role {
	case bouclier.RoleHead:
		if u.UAI == "" {
			return "", "", forbidden()
		}
		return u.UAI, "", nil
	case bouclier.RoleAcademyAdmin:
		if u.Academie == "" {
			return "", "", forbidden()
		}
		return "", u.Academie, nil
	case bouclier.RoleNationalAdmin:
		return "", "", nil
	}
	return "", "", forbidden()
}

// Incidents lists the incidents in a's scope, newest first
// (bouclier.PrivRead, audited). Errors: forbidden and the codes of
// Authorize.
func (d *Detector) Incidents(ctx context.Context, a bouclier.Actor) ([]store.Campaign, error) {
	if err := d.authz.Authorize(ctx, a, "incident.list", bouclier.PrivRead, a.User.AuthorityScope()); err != nil {
		return nil, err
	}
	uai, aca, err := scopeOf(a)
	if err != nil {
		return nil, err
	}
	cs, err := d.db.Campaigns(ctx, uai, aca, 200)
	if err != nil {
		return nil, err
	}
	seen := map[string]bouclier.User{} // a wave's accounts recur across incidents
	for i := range cs {
		if err := d.minimise(ctx, uai, aca, &cs[i], seen); err != nil {
			return nil, err
		}
	}
	return cs, nil
}

// minimise keeps, of an incident's senders and containment list, the
// accounts within the viewer's establishment (uai) or académie (aca): a
// wave across schools is shown whole in its counts, but each school sees
// only its own people. seen caches the accounts already read.
func (d *Detector) minimise(ctx context.Context, uai, aca string, c *store.Campaign, seen map[string]bouclier.User) error {
	if uai == "" && aca == "" {
		return nil
	}
	var err error
	if c.Accounts, err = d.within(ctx, uai, aca, c.Accounts, seen); err != nil {
		return err
	}
	c.Locked, err = d.within(ctx, uai, aca, c.Locked, seen)
	return err
}

// within keeps the names of accounts in the establishment (uai) or, with
// no establishment, the académie (aca).
func (d *Detector) within(ctx context.Context, uai, aca string, names []string, seen map[string]bouclier.User) ([]string, error) {
	kept := names[:0:0]
	for _, name := range names {
		u, ok := seen[name]
		if !ok {
			var err error
			u, err = d.db.UserByName(ctx, name)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return nil, fmt.Errorf("incident accounts: %w", err)
			}
			seen[name] = u
		}
		if (uai != "" && u.UAI == uai) || (uai == "" && u.Academie == aca) {
			kept = append(kept, name)
		}
	}
	return kept, nil
}

// authorize checks that a may use action at level, then loads incident id
// if it is in a's scope. Errors: forbidden, not_found (also for an incident
// outside the scope, so ids reveal nothing) and the codes of Authorize.
func (d *Detector) authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, id int64) (store.Campaign, error) {
	if err := d.authz.Authorize(ctx, a, action, level, a.User.AuthorityScope()); err != nil {
		return store.Campaign{}, err
	}
	uai, aca, err := scopeOf(a)
	if err != nil {
		return store.Campaign{}, err
	}
	c, err := d.db.Campaign(ctx, id)
	if errors.Is(err, store.ErrNotFound) {
		return c, notFound()
	}
	if err != nil {
		return c, err
	}
	if (uai != "" && !contains(c.Establishments, uai)) || (aca != "" && !contains(c.Academies, aca)) {
		return c, notFound()
	}
	return c, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Incident returns one incident with its timeline and the messages within
// a's scope (bouclier.PrivRead, audited). Errors: forbidden, not_found and
// the codes of Authorize.
func (d *Detector) Incident(ctx context.Context, a bouclier.Actor, id int64) (Incident, error) {
	c, err := d.authorize(ctx, a, "incident.view", bouclier.PrivRead, id)
	if err != nil {
		return Incident{}, err
	}
	uai, aca, _ := scopeOf(a)
	if err := d.minimise(ctx, uai, aca, &c, map[string]bouclier.User{}); err != nil {
		return Incident{}, err
	}
	in := Incident{Campaign: c}
	if in.Timeline, err = d.db.CampaignEvents(ctx, id); err != nil {
		return in, err
	}
	ids, err := d.db.CampaignMessages(ctx, id)
	if err != nil {
		return in, err
	}
	in.MessageIDs = d.mod.WithinScope(ctx, a, ids)
	return in, nil
}

// Close closes an incident: its features are no longer held against. The
// accounts stay read-only until they are reset. Closing lowers the guard,
// so it needs a fresh second factor (bouclier.PrivLoosen), and only
// someone with authority over every place it touches may close it: a
// national admin, an académie admin when it stays within their académie, a
// head when it stays within their establishment. Errors: forbidden,
// not_found, conflict (already closed) and the codes of Authorize.
func (d *Detector) Close(ctx context.Context, a bouclier.Actor, id int64, note string) error {
	c, err := d.authorize(ctx, a, "incident.close", bouclier.PrivLoosen, id)
	if err != nil {
		return err
	}
	u := a.User
	switch u.Role {
	case bouclier.RoleHead:
		if len(c.Establishments) != 1 {
			return bouclier.Errorf(bouclier.ErrForbidden, "Cet incident touche d’autres établissements : seule l’académie peut le clore.")
		}
	case bouclier.RoleAcademyAdmin:
		if len(c.Academies) != 1 {
			return bouclier.Errorf(bouclier.ErrForbidden, "Cet incident touche d’autres académies : seul un administrateur national peut le clore.")
		}
	}
	if len(note) > 1000 {
		return bouclier.Errorf(bouclier.ErrInvalidRequest, "La note dépasse 1000 caractères.")
	}
	now := d.now()
	err = d.db.InTx(ctx, func(tx *store.Tx) error {
		ok, err := tx.CloseCampaign(ctx, id, a.Name(), store.Micros(now))
		if err != nil {
			return err
		}
		if !ok {
			return bouclier.Errorf(bouclier.ErrConflict, "Cet incident est déjà clos.")
		}
		detail := "clos par " + a.Name()
		if note = strings.TrimSpace(note); note != "" {
			detail += " : " + note
		}
		if err := tx.AddCampaignEvent(ctx, id, store.Micros(now), "closed", detail); err != nil {
			return err
		}
		if err := tx.BumpCampaignVersion(ctx); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "campaign.close", Target: fmt.Sprintf("incident:%d", id),
			Scope: u.Scope(), Source: a.Source, Detail: note})
	})
	if err == nil {
		d.invalidate()
	}
	return err
}

// Evidence writes the evidence archive of an incident's messages within
// a's scope (see moderation.WriteEvidence): a head gets their
// establishment's part, not other schools' accounts and sessions
// (bouclier.PrivRead, audited). Errors: forbidden, not_found and the codes
// of Authorize.
func (d *Detector) Evidence(ctx context.Context, a bouclier.Actor, id int64, w io.Writer) error {
	if _, err := d.authorize(ctx, a, "incident.evidence", bouclier.PrivRead, id); err != nil {
		return err
	}
	all, err := d.db.CampaignMessages(ctx, id)
	if err != nil {
		return err
	}
	ids := d.mod.WithinScope(ctx, a, all)
	if err := d.mod.WriteEvidence(ctx, w, fmt.Sprintf("incident %d", id), ids); err != nil {
		return fmt.Errorf("incident evidence: %w", err)
	}
	now := d.now()
	return d.db.InTx(ctx, func(tx *store.Tx) error {
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "evidence.export", Target: fmt.Sprintf("incident:%d", id),
			Scope: a.User.Scope(), Source: a.Source, Detail: fmt.Sprintf("%d of %d messages in scope", len(ids), len(all))})
	})
}

func ts(micros int64) string {
	if micros == 0 {
		return ""
	}
	return time.UnixMicro(micros).UTC().Format(time.RFC3339)
}

// webhookBody is the JSON the webhook receives.
func webhookBody(c store.Campaign) []byte {
	b, _ := json.Marshal(map[string]any{"event": "incident.opened", "incident": map[string]any{
		"id": fmt.Sprint(c.ID), "status": c.Status, "reason": c.Reason, "opened_at": ts(c.OpenedAt), "contained_at": ts(c.ContainedAt),
		"accounts": nonNil(c.Accounts), "locked_accounts": nonNil(c.Locked), "establishments": nonNil(c.Establishments), "academies": nonNil(c.Academies), "messages": c.Messages}})
	return b
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// emailText is the alert email, in French.
func emailText(c store.Campaign) (subject, body string) {
	var b strings.Builder
	if c.Level == "review" {
		subject = fmt.Sprintf("[Bouclier] Incident n° %d : vague de messages à vérifier", c.ID)
		fmt.Fprintf(&b, "Bouclier a reconnu une vague de messages semblables et les a retenus pour vérification.\n\n")
	} else {
		subject = fmt.Sprintf("[Bouclier] Incident n° %d : vague de messages malveillants contenue", c.ID)
		fmt.Fprintf(&b, "Bouclier a reconnu une vague de messages malveillants et l’a contenue.\n\n")
	}
	fmt.Fprintf(&b, "Incident n° %d, ouvert le %s (UTC).\n", c.ID, time.UnixMicro(c.OpenedAt).UTC().Format("02/01/2006 à 15:04:05"))
	fmt.Fprintf(&b, "Motif : %s.\n\n", c.Reason)
	if c.Level == "review" {
		fmt.Fprintf(&b, "Messages : %d, retirés des boîtes de réception et placés en attente de vérification ; les messages semblables sont retenus. "+
			"Aucun compte n’a été bloqué : c’est à vous d’en décider (libérer ou rejeter les messages, bloquer les comptes).\n", c.Messages)
		fmt.Fprintf(&b, "Comptes expéditeurs (%d) : %s.\n", len(c.Accounts), strings.Join(c.Accounts, ", "))
	} else {
		fmt.Fprintf(&b, "Messages : %d ; ceux des comptes aux signaux inhabituels sont retirés de toutes les boîtes de réception, les autres retenus pour vérification ; "+
			"les messages semblables sont retenus.\n", c.Messages)
		fmt.Fprintf(&b, "Comptes mis en lecture seule, sessions révoquées (%d) : %s. Les comptes de direction et de vie scolaire ne sont jamais bloqués automatiquement.\n",
			len(c.Locked), strings.Join(c.Locked, ", "))
		fmt.Fprintf(&b, "Comptes expéditeurs (%d) : %s.\n", len(c.Accounts), strings.Join(c.Accounts, ", "))
	}
	fmt.Fprintf(&b, "Établissements concernés (%d) : %s.\n", len(c.Establishments), strings.Join(c.Establishments, ", "))
	fmt.Fprintf(&b, "Académies : %s.\n\n", strings.Join(c.Academies, ", "))
	if c.Level != "review" {
		fmt.Fprintf(&b, "Les comptes restent bloqués jusqu’à la réinitialisation de leur mot de passe. ")
	}
	fmt.Fprintf(&b, "Le détail et les éléments de preuve sont dans Bouclier (Incidents).\n")
	return subject, b.String()
}
