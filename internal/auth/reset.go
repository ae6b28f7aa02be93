package auth

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/csvsafe"
	"github.com/bouclier/bouclier/internal/frnum"
	"github.com/bouclier/bouclier/internal/store"
)

// Letter is one account's activation letter after a mass reset.
type Letter struct {
	Username      string
	DisplayName   string
	Role          bouclier.Role
	Establishment string // name, when the account has one
	Class         string
	Code          string // single-use activation code, shown only here
}

// ResetResult is what a mass reset hands to the administrator: the codes
// exist nowhere else (only their keyed hashes are stored).
type ResetResult struct {
	ID        int64
	Scope     string
	ExpiresAt time.Time
	Letters   []Letter
	// SSO lists the accounts an identity provider vouches for (without a
	// local password): no code for them, their sessions and factors are
	// revoked and IdPNote asks the providers' operators to act.
	SSO     []string
	IdPNote string
}

// MassReset ("réinitialiser les comptes") resets every account of a scope
// having one of roles (all roles if none), the caller's own excepted, in
// one transaction: every session revoked, every second factor, recovery
// code and known device removed (a thief may have enrolled their own),
// the password replaced by a single-use activation code valid for
// ActivationTTL, and at next login: a new password (login answers
// password_reset_required until activation), the security instructions to
// acknowledge, a factor to enrol for those who must have one, and
// probation after activation. Each account's reset is audited, and the
// administrators of the académie (and the national ones) get a notice of
// every reset, so that a reset made with a stolen session is seen at once.
// The codes are returned here only, once.
// Errors: invalid_request, forbidden and the codes of Authorize
// (bouclier.PrivLoosen: a fresh second factor from an unmoved session).
func (s *Service) MassReset(ctx context.Context, a bouclier.Actor, scope string, roles []string) (ResetResult, error) {
	scope, err := ParseScope(scope)
	if err != nil {
		return ResetResult{}, err
	}
	rs, err := parseRoles(roles)
	if err != nil {
		return ResetResult{}, err
	}
	if err := s.Authorize(ctx, a, "reset.mass", bouclier.PrivLoosen, scope); err != nil {
		return ResetResult{}, err
	}
	users, err := s.db.UsersInScope(ctx, scope, rs)
	if err != nil {
		return ResetResult{}, err
	}
	keep := users[:0]
	for _, u := range users {
		if u.ID != a.User.ID && !u.Disabled {
			keep = append(keep, u)
		}
	}
	return s.reset(ctx, a, scope, strings.Join(roles, ","), keep, "reset.mass", fmt.Sprintf("roles=%v", roles))
}

// ResetAccount ("réinitialiser ce compte") resets one account as MassReset
// does, for a password forgotten or one account known stolen: sessions
// revoked, factors removed, a single-use activation code returned once.
// The actor's own account cannot be reset this way: another administrator
// must do it. Errors: not_found, invalid_request, forbidden and the codes
// of Authorize (bouclier.PrivLoosen).
func (s *Service) ResetAccount(ctx context.Context, a bouclier.Actor, username string) (ResetResult, error) {
	u, err := s.target(ctx, a, "reset.account", bouclier.PrivLoosen, username)
	if err != nil {
		return ResetResult{}, err
	}
	if u.ID == a.User.ID {
		return ResetResult{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "Votre propre compte ne peut pas être réinitialisé ici : demandez-le à un autre administrateur.")
	}
	if u.Disabled {
		return ResetResult{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "Ce compte est désactivé : il n’y a rien à réinitialiser.")
	}
	return s.reset(ctx, a, u.Scope(), string(u.Role), []bouclier.User{u}, "reset.account", "account="+u.Username)
}

// ResetAccounts resets the accounts named, as MassReset does, in one
// transaction: an incident's accounts, which an académie officer resets
// from its page. Every account must be under a's authority, or none is
// reset; a's own account and disabled ones are left out. Errors:
// invalid_request (no account, or more than 5,000), not_found, forbidden
// and the codes of Authorize (bouclier.PrivLoosen).
func (s *Service) ResetAccounts(ctx context.Context, a bouclier.Actor, usernames []string, why string) (ResetResult, error) {
	if len(usernames) == 0 || len(usernames) > 5000 {
		return ResetResult{}, bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez entre 1 et 5\u00a0000 comptes à réinitialiser.")
	}
	scope := a.User.AuthorityScope()
	if err := s.Authorize(ctx, a, "reset.accounts", bouclier.PrivLoosen, scope); err != nil {
		return ResetResult{}, err
	}
	var users []bouclier.User
	seen := map[string]bool{}
	for _, name := range usernames {
		if seen[name] {
			continue
		}
		seen[name] = true
		u, err := s.db.UserByName(ctx, name)
		if errors.Is(err, store.ErrNotFound) {
			return ResetResult{}, bouclier.Errorf(bouclier.ErrNotFound, "Compte inconnu\u00a0: %s.", name)
		}
		if err != nil {
			return ResetResult{}, fmt.Errorf("reset accounts: %w", err)
		}
		ok, err := s.dir.HasAuthority(ctx, a.User, u.Scope())
		if err != nil {
			return ResetResult{}, fmt.Errorf("reset accounts: %w", err)
		}
		if !ok {
			return ResetResult{}, forbidden()
		}
		if u.ID != a.User.ID && !u.Disabled {
			users = append(users, u)
		}
	}
	return s.reset(ctx, a, scope, "", users, "reset.accounts", why)
}

// reset resets users, who lie in scope, in one transaction, after the
// caller has checked the actor's authority over every one of them; the
// reset itself is audited as action with detail.
func (s *Service) reset(ctx context.Context, a bouclier.Actor, scope, roles string, users []bouclier.User, action, detail string) (ResetResult, error) {
	now := s.now()
	res := ResetResult{Scope: scope, ExpiresAt: now.Add(s.cfg.ActivationTTL)}
	names := map[string]string{}
	type pending struct {
		u    bouclier.User
		code string
		req  bool
		sso  bool
	}
	var todo []pending
	for _, u := range users {
		code, err := randomCode(12)
		if err != nil {
			return ResetResult{}, err
		}
		req, err := s.factorRequired(ctx, u)
		if err != nil {
			return ResetResult{}, err
		}
		acct, err := s.db.SSOAccount(ctx, u.ID)
		if err != nil {
			return ResetResult{}, err
		}
		todo = append(todo, pending{u, code, req, acct.Linked && acct.LocalPasswordBy == ""})
		if _, ok := names[u.UAI]; !ok && u.UAI != "" {
			if e, err := s.db.Establishment(ctx, u.UAI); err == nil {
				names[u.UAI] = e.Name
			}
		}
	}
	kind := "mass reset"
	if action != "reset.mass" {
		kind = "reset"
	}
	err := s.db.InTx(ctx, func(tx *store.Tx) error {
		id, err := tx.InsertMassReset(ctx, scope, roles, a.Name(), store.Micros(now), store.Micros(res.ExpiresAt), len(todo))
		if err != nil {
			return err
		}
		res.ID = id
		for _, p := range todo {
			u := p.u
			if _, err := tx.RevokeUserSessions(ctx, u.ID, store.Micros(now), kind); err != nil {
				return err
			}
			if err := tx.ClearFactors(ctx, u.ID, store.Micros(now), kind); err != nil {
				return err
			}
			sec, err := tx.AccountSecurity(ctx, u.ID)
			if err != nil {
				return err
			}
			sec.MustAck, sec.MustEnrol, sec.ProbationUntil = true, p.req, 0
			if err := tx.PutAccountSecurity(ctx, sec); err != nil {
				return err
			}
			if p.sso {
				// The provider vouches for the person: a code would be a
				// second way in. Its operator is asked to act instead.
				res.SSO = append(res.SSO, u.Username)
				if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "account.reset", Target: "user:" + u.Username,
					Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("%s %d: sso account, identity provider operator asked", kind, id)}); err != nil {
					return err
				}
				continue
			}
			if err := tx.SetMustReset(ctx, u.ID, true); err != nil {
				return err
			}
			h := s.keys.sum("activation", strconv.FormatInt(u.ID, 10), p.code)
			if err := tx.PutActivationCode(ctx, u.ID, h, id, store.Micros(res.ExpiresAt), store.Micros(now)); err != nil {
				return err
			}
			if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "account.reset", Target: "user:" + u.Username,
				Scope: u.Scope(), Source: a.Source, Detail: fmt.Sprintf("%s %d", kind, id)}); err != nil {
				return err
			}
		}
		if len(res.SSO) > 0 {
			res.IdPNote = idpNote(scope, res.SSO, now)
			if err := tx.SetMassResetIdPNote(ctx, id, res.IdPNote); err != nil {
				return err
			}
			// The request to the operators is evidence too: whoever reads
			// the trail sees what was asked of them, and when.
			if err := audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: "reset.idp_note", Target: fmt.Sprintf("reset:%d", id),
				Scope: scope, Source: a.Source, Detail: res.IdPNote}); err != nil {
				return err
			}
		}
		if err := s.tellAcademie(ctx, tx, a, scope, len(todo), now); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: a.Name(), Action: action, Target: fmt.Sprintf("reset:%d", id),
			Scope: scope, Source: a.Source, Detail: fmt.Sprintf("%s accounts=%d", detail, len(todo))})
	})
	if err != nil {
		return ResetResult{}, fmt.Errorf("reset: %w", err)
	}
	for _, p := range todo {
		if p.sso {
			continue
		}
		res.Letters = append(res.Letters, Letter{Username: p.u.Username, DisplayName: p.u.DisplayName, Role: p.u.Role,
			Establishment: names[p.u.UAI], Class: p.u.Class, Code: p.code[:4] + "-" + p.code[4:8] + "-" + p.code[8:]})
	}
	return res, nil
}

// idpNote is what a mass reset asks of the operators of the identity
// providers that vouch for some of its accounts.
func idpNote(scope string, names []string, now time.Time) string {
	const shown = 50
	list := names
	more := ""
	if len(list) > shown {
		list, more = list[:shown], fmt.Sprintf(" (et %d autres)", len(names)-shown)
	}
	return fmt.Sprintf("Réinitialisation du %s (%s) : %s par un fournisseur d’identité. Leurs sessions Bouclier et leurs seconds facteurs sont révoqués, aucun code n’est émis. "+
		"Demandez à l’opérateur du fournisseur d’identité (ÉduConnect ou académie) de réinitialiser leurs identifiants et de fermer leurs sessions : %s%s.",
		frenchDate(now), scope, frnum.Count(len(names), "compte se connecte", "comptes se connectent"), strings.Join(list, ", "), more)
}

// tellAcademie leaves a notice of a mass reset to the administrators of the
// académie the scope lies in and to the national administrators, the
// actor excepted.
func (s *Service) tellAcademie(ctx context.Context, tx *store.Tx, a bouclier.Actor, scope string, n int, now time.Time) error {
	// The notice names the scope as its readers know it: « Collège Jean
	// Moulin, 0780001A », « Académie de Versailles ».
	academie, where := "", "toutes les académies"
	kind, id, _ := strings.Cut(scope, ":")
	switch kind {
	case "academie":
		academie, where = id, "académie "+id
		acs, err := s.db.Academies(ctx)
		if err != nil {
			return fmt.Errorf("reset notice: %w", err)
		}
		for _, ac := range acs {
			if ac.ID == id && ac.Name != "" {
				where = ac.Name
			}
		}
	case "establishment":
		e, err := s.db.Establishment(ctx, id)
		if err != nil {
			return fmt.Errorf("reset notice: %w", err)
		}
		academie, where = e.Academie, id
		if e.Name != "" {
			where = e.Name + ", " + id
		}
	}
	admins, err := s.db.Admins(ctx, academie)
	if err != nil {
		return fmt.Errorf("reset notice: %w", err)
	}
	text := fmt.Sprintf("Réinitialisation de %s (%s) par %s depuis %s. Si elle n’était pas prévue, verrouillez ce compte et prévenez le RSSI.",
		frnum.Count(n, "compte", "comptes"), where, a.Name(), a.Source)
	for _, u := range admins {
		if u.ID == a.User.ID {
			continue
		}
		if _, err := s.insertNotice(ctx, tx, u, "reset_made", text, Client{Address: a.Source, UserAgent: a.UserAgent}, now); err != nil {
			return err
		}
	}
	return nil
}

// Activate sets a new password on a reset account with its activation
// code, which is then spent. The account starts its probation; the
// instructions and the factor enrolment wait at its next login. Failed
// attempts count against the account like failed logins, and an unknown
// name, a wrong code and an expired one answer alike.
// Errors: invalid_credentials, invalid_request (password policy),
// throttled, locked.
func (s *Service) Activate(ctx context.Context, username, code, password string, c Client) error {
	now := s.now()
	if !bouclier.ValidName(username) {
		return invalidCredentials()
	}
	g, err := s.throttleCheck(ctx, username, c, now)
	if err != nil {
		return err
	}
	bad := func(target string) error {
		if err := s.throttleFail(ctx, g, now); err != nil {
			return err
		}
		s.record(ctx, audit.Entry{At: now, Actor: target, Action: "activation.failure", Target: "user:" + target, Source: c.Address})
		return bouclier.Errorf(bouclier.ErrInvalidCredentials, "Identifiant ou code d’activation incorrect ou expiré.")
	}
	u, err := s.db.UserByName(ctx, username)
	if errors.Is(err, store.ErrNotFound) {
		return bad("?" + g.acct[:8])
	}
	if err != nil {
		return err
	}
	var stored []byte
	var expires int64
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		stored, expires, err = tx.ActivationCode(ctx, u.ID)
		return err
	})
	h := s.keys.sum("activation", strconv.FormatInt(u.ID, 10), normalizeCode(code))
	if errors.Is(err, store.ErrNotFound) || (err == nil && (!equalHash(h, stored) || expires <= store.Micros(now))) {
		return bad(u.Username)
	}
	if err != nil {
		return err
	}
	if err := s.checkPasswordFor(ctx, u, password); err != nil {
		return err
	}
	hash, err := s.hasher.Hash(ctx, password)
	if err != nil {
		return err
	}
	err = s.db.InTx(ctx, func(tx *store.Tx) error {
		// Spent inside the same transaction: a second use finds nothing.
		if _, _, err := tx.ActivationCode(ctx, u.ID); err != nil {
			return bouclier.Errorf(bouclier.ErrInvalidCredentials, "Identifiant ou code d’activation incorrect ou expiré.")
		}
		if err := tx.DeleteActivationCode(ctx, u.ID); err != nil {
			return err
		}
		if err := tx.SetPasswordHash(ctx, u.ID, hash); err != nil {
			return err
		}
		sec, err := tx.AccountSecurity(ctx, u.ID)
		if err != nil {
			return err
		}
		sec.ActivatedAt, sec.ProbationUntil = store.Micros(now), store.Micros(now.Add(s.cfg.Probation.Period))
		sec.LockedUntil, sec.LockReason = 0, ""
		if err := tx.PutAccountSecurity(ctx, sec); err != nil {
			return err
		}
		if err := tx.SetLockBy(ctx, u.ID, ""); err != nil {
			return err
		}
		// The browser that activated, with the code from the letter, is the
		// owner's: account changes from it need no further proof.
		if err := tx.PutKnownDevice(ctx, u.ID, NetworkBrowserKey(Network(c.Address), UAFamily(c.UserAgent)), Network(c.Address), UAFamily(c.UserAgent), store.Micros(now)); err != nil {
			return err
		}
		return audit.Append(ctx, tx, audit.Entry{At: now, Actor: u.Username, Action: "account.activate", Target: "user:" + u.Username,
			Scope: u.Scope(), Source: c.Address})
	})
	if err != nil {
		return fmt.Errorf("activate: %w", err)
	}
	return s.throttleSuccess(ctx, g)
}

// LettersCSV returns the letters as CSV with a header line.
func LettersCSV(r ResetResult) []byte {
	var b bytes.Buffer
	w := csvsafe.NewWriter(&b)
	_ = w.Write([]string{"username", "display_name", "role", "establishment", "class", "activation_code", "expires_at"})
	for _, l := range r.Letters {
		_ = w.Write([]string{l.Username, l.DisplayName, string(l.Role), l.Establishment, l.Class, l.Code, r.ExpiresAt.UTC().Format(time.RFC3339)})
	}
	w.Flush()
	return b.Bytes()
}

// LettersPDF returns one printable A4 letter a page, in French, for the
// accounts of a reset (families receive theirs on paper).
func LettersPDF(r ResetResult, publicURL string) []byte {
	var d pdfDoc
	if publicURL == "" {
		publicURL = "l’adresse habituelle de Bouclier"
	}
	for _, l := range r.Letters {
		p := d.page()
		y := 780.0
		line := func(size float64, bold bool, text string) {
			p.text(56, y, size, bold, text)
			y -= size * 1.5
		}
		line(16, true, "Bouclier — réinitialisation de votre compte")
		if l.Establishment != "" {
			line(11, false, l.Establishment)
		}
		y -= 10
		line(12, false, "À l’attention de "+l.DisplayName+" ("+roleFR(l.Role)+")")
		y -= 10
		for _, t := range []string{
			"Par mesure de sécurité, votre compte de messagerie scolaire a été réinitialisé\u00a0:",
			"l’ancien mot de passe ne fonctionne plus et toutes les sessions ont été fermées.",
			"Pour le réactiver, rendez-vous sur " + publicURL + " et indiquez\u00a0:",
		} {
			line(11, false, t)
		}
		y -= 6
		line(12, false, "Identifiant\u00a0: "+l.Username)
		line(14, true, "Code d’activation\u00a0: "+l.Code)
		line(11, false, "Ce code ne sert qu’une fois et expire le "+frenchDate(r.ExpiresAt)+".")
		y -= 10
		for _, t := range strings.Split(SecurityInstructions, "\n") {
			line(10, false, t)
		}
		y -= 10
		line(9, false, "Personne ne vous demandera jamais ce code par téléphone ou par courriel.")
	}
	return d.bytes()
}

func roleFR(r bouclier.Role) string {
	switch r {
	case bouclier.RoleStudent:
		return "élève"
	case bouclier.RoleParent:
		return "responsable légal"
	case bouclier.RoleTeacher:
		return "enseignant"
	case bouclier.RoleStaff:
		return "personnel"
	case bouclier.RoleHead:
		return "chef d’établissement"
	}
	return "administration"
}
