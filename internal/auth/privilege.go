package auth

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/store"
)

// ActorFor returns the actor of a request made with sess from c.
func ActorFor(sess Session, c Client) bouclier.Actor {
	return bouclier.Actor{User: sess.User, SessionHash: sess.TokenHash, SessionID: sess.PublicID, Source: c.Address,
		UserAgent: c.UserAgent, Moved: sess.Moved, MFAAt: sess.MFAAt}
}

// ActorFrom returns the actor of the session ctx carries (WithSession), or
// the zero actor, which every privileged action refuses.
func ActorFrom(ctx context.Context, c Client) bouclier.Actor {
	sess, ok := SessionFrom(ctx)
	if !ok {
		return bouclier.Actor{}
	}
	return ActorFor(sess, c)
}

// Authorize is the one check behind every privileged action: moderation,
// rules and suspensions, locks, sessions of others, resets, factor
// requirements, the screen's lists, incidents, evidence and audit reads.
// The services call it themselves. In order:
//
//  1. the system actor (bouclier.SystemActor) may act;
//  2. an actor without a session, or whose session is unknown, expired or
//     another user's → unauthenticated;
//  3. a disabled, locked or read-only account → forbidden: a sanctioned
//     head cannot use their powers, least of all on their own sanction;
//  4. no authority over scope (directory.HasAuthority) → forbidden;
//  5. no second factor enrolled → mfa_enrolment_required;
//  6. a session used from another network or browser than it was issued
//     to → step_up_required (a stolen cookie administers nothing);
//  7. the session's last second-factor check older than PrivilegeFresh
//     for bouclier.PrivLoosen, or PrivilegeSession otherwise →
//     step_up_required.
//
// The session's state is read from the store, not from the actor. Every
// refusal is audited as privilege.denied with the action and scope, and
// every granted bouclier.PrivRead as privilege.read.
func (s *Service) Authorize(ctx context.Context, a bouclier.Actor, action string, level bouclier.Privilege, scope string) error {
	if a.IsSystem() {
		return nil
	}
	err := s.authorize(ctx, a, level, scope)
	var be *bouclier.Error
	switch {
	case err == nil:
		if level == bouclier.PrivRead {
			s.record(ctx, audit.Entry{At: s.now(), Actor: a.User.Username, Action: "privilege.read", Target: action, Scope: scope,
				Source: a.Source, Detail: "session " + a.SessionID})
		}
	case errors.As(err, &be):
		s.record(ctx, audit.Entry{At: s.now(), Actor: a.Name(), Action: "privilege.denied", Target: action, Scope: scope,
			Source: a.Source, Detail: fmt.Sprintf("%s level=%s session=%s", be.Code, level, a.SessionID)})
	}
	return err
}

func (s *Service) authorize(ctx context.Context, a bouclier.Actor, level bouclier.Privilege, scope string) error {
	unauth := bouclier.Errorf(bouclier.ErrUnauthenticated, "Session absente ou expirée. Reconnectez-vous.")
	if len(a.SessionHash) == 0 || a.User.ID == 0 {
		return unauth
	}
	if level < bouclier.PrivRead || level > bouclier.PrivLoosen {
		return fmt.Errorf("authorize: unknown privilege level %d", level)
	}
	st, u, err := s.db.SessionUser(ctx, a.SessionHash)
	if errors.Is(err, store.ErrNotFound) {
		return unauth
	}
	if err != nil {
		return fmt.Errorf("authorize: session: %w", err)
	}
	now := s.now()
	if u.ID != a.User.ID || !equalHash(st.TokenHash, a.SessionHash) || store.Micros(now) >= st.ExpiresAt || u.Disabled {
		return unauth
	}
	sec, err := s.db.AccountSecurity(ctx, u.ID)
	if err != nil {
		return fmt.Errorf("authorize: account: %w", err)
	}
	if u.ReadOnly || sec.LockedUntil > store.Micros(now) {
		return bouclier.Errorf(bouclier.ErrForbidden, "Votre compte est en lecture seule ou verrouillé\u00a0: vos droits d’administration sont suspendus.")
	}
	if scope == "" || u.AuthorityScope() == "" {
		return forbidden()
	}
	ok, err := s.dir.HasAuthority(ctx, u, scope)
	if err != nil {
		return fmt.Errorf("authorize: authority: %w", err)
	}
	if !ok {
		return forbidden()
	}
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return fmt.Errorf("authorize: credentials: %w", err)
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return fmt.Errorf("authorize: factors: %w", err)
	}
	if !f.any() {
		return bouclier.Errorf(ErrEnrolmentRequired, "Activez un second facteur (application d’authentification ou clé d’accès) avant d’utiliser les fonctions d’administration.")
	}
	if st.MovedAt != 0 || a.Moved {
		return bouclier.Errorf(bouclier.ErrStepUpRequired, "Cette session est utilisée depuis un autre réseau ou navigateur que celui de la connexion\u00a0: reconnectez-vous pour administrer.")
	}
	window := s.cfg.PrivilegeSession
	if level == bouclier.PrivLoosen {
		window = s.cfg.PrivilegeFresh
	}
	if st.MFAAt == 0 || now.Sub(time.UnixMicro(st.MFAAt)) > window {
		return bouclier.Errorf(bouclier.ErrStepUpRequired, "Confirmez votre identité (code ou clé d’accès) pour cette action\u00a0: la dernière vérification date de plus de %s.", frenchDuration(window))
	}
	return nil
}

func frenchDuration(d time.Duration) string {
	if d >= time.Hour && d%time.Hour == 0 {
		return fmt.Sprintf("%d\u00a0h", int(d/time.Hour))
	}
	return fmt.Sprintf("%d\u00a0min", int(d/time.Minute))
}

// canLift reports whether a may lift a sanction imposed with authority
// over imposedBy on target: only someone with authority over the imposer's
// scope, and never the sanctioned person. An unknown imposer is the
// national level: only a national administrator lifts it.
func (s *Service) canLift(ctx context.Context, a bouclier.Actor, imposedBy string, target bouclier.User) error {
	if a.IsSystem() {
		return nil
	}
	if target.ID != 0 && a.User.ID == target.ID {
		return bouclier.Errorf(bouclier.ErrForbidden, "Personne ne peut lever une sanction qui le concerne\u00a0: demandez-le à votre autorité.")
	}
	if imposedBy == "" {
		imposedBy = "national"
	}
	ok, err := s.dir.HasAuthority(ctx, a.User, imposedBy)
	if err != nil {
		return err
	}
	if !ok {
		return bouclier.Errorf(bouclier.ErrForbidden, "Cette mesure a été prise à un niveau supérieur (%s)\u00a0: seul ce niveau peut la lever.", imposedBy)
	}
	return nil
}

// ReadAudit returns the recent audit entries of the scopes a administers
// (see audit.List), newest first: a sensitive read (bouclier.PrivRead,
// audited). Errors: forbidden and the codes of Authorize.
func (s *Service) ReadAudit(ctx context.Context, a bouclier.Actor, actionPrefix string, before int64, limit int) ([]audit.View, error) {
	if err := s.Authorize(ctx, a, "audit.list", bouclier.PrivRead, a.User.AuthorityScope()); err != nil {
		return nil, err
	}
	viewer := a.User
	if a.IsSystem() {
		viewer = bouclier.User{Role: bouclier.RoleNationalAdmin}
	}
	return audit.List(ctx, s.db, s.dir.HasAuthority, viewer, actionPrefix, before, limit)
}

// AccountState is what an administrator sees of an account to act on it.
type AccountState struct {
	User       bouclier.User
	Locked     bool   // locked now
	LockReason string //
	LockBy     string // scope of whoever locked it
	ReadOnlyBy string // scope of whoever put it in read-only
	Factor     bool   // a second factor is enrolled
	// SSO is set once an identity provider's sign-in linked the account;
	// LocalPasswordBy names the administrator who allowed its local
	// password too ("" when refused, see AllowLocalPassword).
	SSO             bool
	LocalPasswordBy string
	Sessions        []SessionInfo
}

// Account returns an account's security state for an administrator with
// authority over it: a sensitive read (bouclier.PrivRead, audited), since
// it shows where the account's sessions come from. Errors: not_found,
// forbidden and the codes of Authorize.
func (s *Service) Account(ctx context.Context, a bouclier.Actor, username string) (AccountState, error) {
	u, err := s.target(ctx, a, "account.view", bouclier.PrivRead, username)
	if err != nil {
		return AccountState{}, err
	}
	st := AccountState{User: u}
	sec, err := s.db.AccountSecurity(ctx, u.ID)
	if err != nil {
		return st, fmt.Errorf("account: %w", err)
	}
	now := s.now()
	st.Locked, st.LockReason = sec.LockedUntil > store.Micros(now), sec.LockReason
	sa, err := s.db.Sanctions(ctx, u.ID)
	if err != nil {
		return st, fmt.Errorf("account: %w", err)
	}
	st.LockBy, st.ReadOnlyBy = sa.LockBy, sa.ReadOnlyBy
	cred, err := s.db.UserCredentials(ctx, u.ID)
	if err != nil {
		return st, fmt.Errorf("account: %w", err)
	}
	f, err := s.factors(ctx, u.ID, cred)
	if err != nil {
		return st, fmt.Errorf("account: %w", err)
	}
	st.Factor = f.any()
	sso, err := s.db.SSOAccount(ctx, u.ID)
	if err != nil {
		return st, fmt.Errorf("account: %w", err)
	}
	st.SSO, st.LocalPasswordBy = sso.Linked, sso.LocalPasswordBy
	list, err := s.db.UserSessions(ctx, u.ID)
	if err != nil {
		return st, fmt.Errorf("account: %w", err)
	}
	for _, x := range list {
		if x.ExpiresAt <= store.Micros(now) {
			continue
		}
		st.Sessions = append(st.Sessions, SessionInfo{ID: x.PublicID, CreatedAt: time.UnixMicro(x.CreatedAt), LastSeen: time.UnixMicro(x.LastSeen),
			ExpiresAt: time.UnixMicro(x.ExpiresAt), Source: x.Source, UserAgent: x.UserAgent, MFA: x.MFAAt != 0, Moved: x.MovedAt != 0,
			KnownDevice: x.KnownDevice})
	}
	return st, nil
}

// FindAccounts lists at most limit accounts under the actor's authority
// whose login or name contains query, by name: how a head finds « Luc
// Bernard » without knowing his login. A sensitive read like Account
// (bouclier.PrivRead over the actor's own scope, audited). Errors:
// invalid_request (fewer than 2 characters) and the codes of Authorize.
func (s *Service) FindAccounts(ctx context.Context, a bouclier.Actor, query string, limit int) ([]bouclier.User, error) {
	query = strings.TrimSpace(query)
	if utf8.RuneCountInString(query) < 2 || len(query) > 100 {
		return nil, bouclier.Errorf(bouclier.ErrInvalidRequest, "Indiquez au moins deux caractères du nom ou de l’identifiant.")
	}
	scope := a.User.AuthorityScope()
	if err := s.Authorize(ctx, a, "account.search", bouclier.PrivRead, scope); err != nil {
		return nil, err
	}
	found, err := s.db.FindUsers(ctx, scope, query, limit)
	if err != nil {
		return nil, fmt.Errorf("find accounts: %w", err)
	}
	// The store's scope is the actor's; the directory's word is checked
	// for each account all the same, as Account would.
	out := found[:0]
	for _, u := range found {
		ok, err := s.dir.HasAuthority(ctx, a.User, u.Scope())
		if err != nil {
			return nil, fmt.Errorf("find accounts: %w", err)
		}
		if ok {
			out = append(out, u)
		}
	}
	return out, nil
}
