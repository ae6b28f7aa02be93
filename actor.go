package bouclier

import "time"

// Actor is who performs a privileged action: a person through one of their
// sessions, or the system itself. Services receive it and decide there, so
// that no handler or new caller can forget the check.
//
// An Actor built by hand carries only what names the session; the
// authorizer reads the session's state (moved, last second-factor check)
// from the store, never from the Actor, so a forged or stale value cannot
// open anything. The zero Actor is nobody and is refused everywhere.
type Actor struct {
	User User
	// SessionHash names the session the request came with (the SHA-256 of
	// its token). Empty for the system.
	SessionHash []byte
	// SessionID is the session's public identifier, for the audit trail.
	SessionID string
	Source    string // client address, as seen through trusted proxies
	UserAgent string
	// Moved and MFAAt are what the request's authentication found; the
	// authorizer checks them again against the store.
	Moved bool
	MFAAt time.Time

	system string
}

// SystemActor returns the actor for what the service does by itself:
// campaign containment, deferred delivery, an operator's command. name says
// which part acts ("campaign", "cli"…) and appears in the audit trail.
func SystemActor(name string) Actor {
	if name == "" {
		name = "system"
	}
	return Actor{system: name}
}

// IsSystem reports whether the actor is the system rather than a person.
func (a Actor) IsSystem() bool { return a.system != "" }

// Name is how the audit trail names the actor: a username, or
// "system:NAME".
func (a Actor) Name() string {
	if a.system != "" {
		return "system:" + a.system
	}
	return a.User.Username
}

// Privilege is how much proof of presence an action needs.
type Privilege int

// The privilege levels, from the least to the most demanding. Every level
// needs an unmoved session of an account that has a second factor.
const (
	// PrivRead is a sensitive read: moderation bodies, incidents, evidence,
	// the audit trail. It is audited.
	PrivRead Privilege = iota + 1
	// PrivTighten protects: suspend, lock, put in read-only, recall, reject,
	// block a digest, require a factor. A session opened with a second
	// factor within the working-day window suffices: in a crisis, slowing
	// the defender down helps the attacker.
	PrivTighten
	// PrivLoosen opens or reaches wide: release a held message, unlock,
	// lift a sanction, change rules or presets, allow a domain, unblock a
	// digest, stop requiring a factor, revoke others' sessions, mass reset,
	// close an incident. It needs a second-factor check within minutes.
	PrivLoosen
)

// String names the level for logs and the audit trail.
func (p Privilege) String() string {
	switch p {
	case PrivRead:
		return "read"
	case PrivTighten:
		return "tighten"
	case PrivLoosen:
		return "loosen"
	}
	return "unknown"
}

// AuthorityScope is the scope over which a role gives administrative
// authority: a head's (and the staff's, for urgent sends) establishment,
// an académie administrator's académie, everything for a national
// administrator. Others have none ("").
func (u User) AuthorityScope() string {
	switch u.Role {
	case RoleNationalAdmin:
		return "national"
	case RoleAcademyAdmin:
		if u.Academie != "" {
			return "academie:" + u.Academie
		}
	case RoleHead, RoleStaff:
		if u.UAI != "" {
			return "establishment:" + u.UAI
		}
	}
	return ""
}
