package campaign

import (
	"context"
	"errors"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/store"
)

// Account signals are what a stolen password, cookie or device token
// leaves in the session that sends; they hold for the session's whole
// life, not for a few minutes after the login:
//
//   - the session was issued to a browser never seen (first login
//     included), or used from another network or browser than the one it
//     was issued to (auth's Moved);
//   - the (network, browser) pair it was issued to had never logged in to
//     the account before, even with a known device token (a token stolen
//     and replayed from elsewhere);
//   - of these, the strong ones (FlagStrong), on which an account may be
//     locked and its copies recalled: a network the account never logged
//     in from before the session, a moved session, a recent reset; a new
//     browser on a network the account knew is only a weak one;
//   - the account was activated again (a password reset) less than
//     ResetFor before;
//   - the sender sends at an hour of the day they never send at
//     (FlagOffHours, from their history);
//   - of the strong ones, a browser never seen on a network never seen
//     (FlagNewDevice): a stolen password typed on the attacker's own
//     machine, not a token or cookie replayed, nor the owner's phone on
//     a new network.
//
// A session that cannot be checked counts as suspicious (fail closed).

// sessionState is what the detector remembers of a session.
type sessionState struct {
	flags   int64
	expires time.Time
}

// sessionCacheMax bounds the sessions remembered.
const sessionCacheMax = 100000

// sessionFlags returns the account signals of the session that sends o.
func (d *Detector) sessionFlags(ctx context.Context, sender bouclier.User) int64 {
	s, ok := auth.SessionFrom(ctx)
	if !ok || s.User.ID != sender.ID {
		return 0
	}
	var f int64
	if s.Moved || !s.KnownDevice {
		f |= FlagAccount
	}
	if s.Moved {
		f |= FlagStrong
	}
	if len(s.TokenHash) == 0 {
		// Nothing in the store tells where it was issued (tests, the
		// in-process drill): a device never seen counts as strong.
		if !s.KnownDevice {
			f |= FlagStrong | FlagNewDevice
		}
		return f
	}
	key := string(s.TokenHash)
	d.mu.Lock()
	st, ok := d.sessions[key]
	d.mu.Unlock()
	if !ok || !time.Now().Before(st.expires) {
		st.flags, st.expires = d.checkSession(ctx, s.TokenHash, sender.ID), time.Now().Add(sessionTTL)
		d.mu.Lock()
		if len(d.sessions) >= sessionCacheMax {
			clear(d.sessions)
		}
		d.sessions[key] = st
		d.mu.Unlock()
	}
	f |= st.flags
	if !s.KnownDevice && f&FlagStrong != 0 {
		f |= FlagNewDevice
	}
	return f
}

// sessionTTL bounds how long a session's check is reused: its signals do
// not change (a session's network and browser are those it was issued
// to), but Moved is set later and read from the session itself.
const sessionTTL = 10 * time.Minute

// checkSession reads where the session was issued and whether the
// account knew that network and browser before; FlagStranger is added
// when the account had known devices before this session (its very first
// session is new by nature).
func (d *Detector) checkSession(ctx context.Context, hash []byte, userID int64) int64 {
	st, _, err := d.db.SessionUser(ctx, hash)
	if errors.Is(err, store.ErrNotFound) {
		return 0 // a session that ended: it sends nothing more
	}
	if err != nil {
		d.log.Warn("campaign: session", "err", err)
		return FlagAccount | FlagStranger
	}
	if st.MovedAt != 0 {
		return FlagAccount | FlagStranger | FlagStrong
	}
	known := st.KnownDevice
	if known && st.Network != "" {
		if known, err = d.db.KnownDeviceBefore(ctx, userID, auth.NetworkBrowserKey(st.Network, st.UAFamily), st.CreatedAt); err != nil {
			d.log.Warn("campaign: known network", "err", err)
			return FlagAccount | FlagStranger
		}
	}
	if known {
		return 0
	}
	n, err := d.db.KnownDevicesBefore(ctx, userID, st.CreatedAt)
	if err != nil {
		d.log.Warn("campaign: known devices", "err", err)
		return FlagAccount | FlagStranger
	}
	if n == 0 {
		return FlagAccount // the account's first session: new by nature
	}
	// A browser new on a network the account knew is a new phone or a
	// reinstalled browser at home; a network it never logged in from is
	// where stolen passwords, cookies and device tokens are used.
	if st.Network != "" {
		seen, err := d.db.KnownNetworkBefore(ctx, userID, st.Network, st.CreatedAt)
		if err != nil {
			d.log.Warn("campaign: known network", "err", err)
			return FlagAccount | FlagStranger | FlagStrong
		}
		if seen {
			return FlagAccount | FlagStranger
		}
	}
	return FlagAccount | FlagStranger | FlagStrong
}
