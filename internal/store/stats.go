package store

import (
	"context"
	"strconv"
	"strings"
)

// Read-only counts for the security dashboard of the web interface. Times
// are integer unix microseconds and hours are computed by integer
// division, so the same SQL runs on SQLite and PostgreSQL.

// StatsScope restricts the dashboard's counts: Kind "national" (no
// restriction), "academie" (ID an académie code) or "establishment" (ID a
// UAI). Anything else matches nothing.
type StatsScope struct {
	Kind string
	ID   string
}

// ParseStatsScope reads "national", "academie:ID" or "establishment:UAI".
func ParseStatsScope(s string) StatsScope {
	kind, id, _ := strings.Cut(s, ":")
	return StatsScope{Kind: kind, ID: id}
}

// HourCount is how many messages of one status were sent in one hour:
// Hour is the hour's index from the start of the period (0 = the first).
type HourCount struct {
	Hour   int
	Status string
	N      int
}

const hourMicros = 3600 * 1000 * 1000

// where returns the condition restricting a table aliased alias with uai
// and academie columns (academieCol) to the scope.
func (s StatsScope) where(uaiCol, academieCol string) (string, []any) {
	switch s.Kind {
	case "national":
		return "1 = 1", nil
	case "academie":
		return "(" + academieCol + " = ? OR " + uaiCol + " IN (SELECT uai FROM establishments WHERE academie_id = ?))", []any{s.ID, s.ID}
	case "establishment":
		return uaiCol + " = ?", []any{s.ID}
	}
	return "1 = 0", nil
}

// MessagesPerHour counts the messages sent in [since, until) in scope, per
// hour from since and per current status (delivered, held, deferred,
// rejected).
func (db *DB) MessagesPerHour(ctx context.Context, sc StatsScope, since, until int64) ([]HourCount, error) {
	cond, args := sc.where("m.uai", "m.academie")
	q := `SELECT (m.sent_at - ?) / ` + strconv.FormatInt(hourMicros, 10) + ` AS h, m.status, COUNT(*) FROM messages m
		WHERE m.sent_at >= ? AND m.sent_at < ? AND ` + cond + ` GROUP BY h, m.status ORDER BY h`
	rows, err := db.read.QueryContext(ctx, db.q(q), append([]any{since, since, until}, args...)...)
	if err != nil {
		return nil, wrap(err, "messages per hour")
	}
	defer rows.Close()
	var out []HourCount
	for rows.Next() {
		var c HourCount
		var h int64
		if err := rows.Scan(&h, &c.Status, &c.N); err != nil {
			return nil, wrap(err, "messages per hour")
		}
		c.Hour = int(h)
		out = append(out, c)
	}
	return out, wrap(rows.Err(), "messages per hour")
}

// RiskAccount is an account of the scope that needs a look: locked,
// read-only, refused at closed hours, or seen on new devices lately.
type RiskAccount struct {
	Username       string
	DisplayName    string
	Role           string
	Civility       string // the role's name agrees with it
	UAI            string
	LockedUntil    int64 // 0 when not locked
	LockReason     string
	ReadOnly       bool
	MustReset      bool
	ClosedAttempts int // attempts to send while closed, since the period's start
	NewDevices     int // devices first seen since the period's start
}

// AccountsAtRisk lists, at most limit, the accounts of the scope that are
// locked at now, read-only, awaiting a reset, or that since then tried to
// send while closed or signed in from a new device; the most active first.
func (db *DB) AccountsAtRisk(ctx context.Context, sc StatsScope, now, since int64, limit int) ([]RiskAccount, error) {
	cond, args := sc.where("u.uai", "u.academie_id")
	q := `SELECT * FROM (SELECT u.username, u.display_name, u.role, u.civility, COALESCE(u.uai, '') AS uai,
		COALESCE(s.locked_until, 0) AS lu, COALESCE(s.lock_reason, '') AS lr, u.read_only, u.must_reset,
		(SELECT COUNT(*) FROM closed_attempts c WHERE c.user_id = u.id AND c.at >= ?) AS ca,
		(SELECT COUNT(*) FROM known_devices k WHERE k.user_id = u.id AND k.created_at >= ?) AS nd
		FROM users u LEFT JOIN account_security s ON s.user_id = u.id
		WHERE ` + cond + ` AND (COALESCE(s.locked_until, 0) > ? OR u.read_only <> 0 OR u.must_reset <> 0
			OR EXISTS (SELECT 1 FROM closed_attempts c WHERE c.user_id = u.id AND c.at >= ?)
			OR EXISTS (SELECT 1 FROM known_devices k WHERE k.user_id = u.id AND k.created_at >= ?))) x
		ORDER BY x.ca + x.nd DESC, x.username LIMIT ?`
	a := append([]any{since, since}, args...)
	a = append(a, now, since, since, limit)
	rows, err := db.read.QueryContext(ctx, db.q(q), a...)
	if err != nil {
		return nil, wrap(err, "accounts at risk")
	}
	defer rows.Close()
	var out []RiskAccount
	for rows.Next() {
		var r RiskAccount
		var ro, mr int64
		if err := rows.Scan(&r.Username, &r.DisplayName, &r.Role, &r.Civility, &r.UAI, &r.LockedUntil, &r.LockReason, &ro, &mr,
			&r.ClosedAttempts, &r.NewDevices); err != nil {
			return nil, wrap(err, "accounts at risk")
		}
		if r.LockedUntil <= now {
			r.LockedUntil = 0
		}
		r.ReadOnly, r.MustReset = ro != 0, mr != 0
		out = append(out, r)
	}
	return out, wrap(rows.Err(), "accounts at risk")
}
