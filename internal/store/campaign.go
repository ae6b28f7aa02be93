package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/bouclier/bouclier"
)

// CampaignObs is what campaign detection keeps of one message.
type CampaignObs struct {
	MessageID  int64
	At         int64 // unix microseconds
	SenderID   int64
	Role       string
	UAI        string // the sender's establishment, or the first one written to
	Academie   string
	Schools    []string // the recipients' establishments
	Recipients int
	Groups     int
	Status     string
	Score      float64
	Flags      int64  // campaign signal bits (package campaign)
	Sig        []byte // MinHash signature; empty for texts too short
	Extra      []int64
	Keys       []int64 // every key indexed: signature bands and Extra
}

// idArray returns a SQL set of int64 values usable as `IN (` + set + `)`
// with one parameter, so that the statement text stays constant.
func (db *DB) idArray(ids []int64) (string, any) {
	if db.dialect == Postgres {
		if ids == nil {
			ids = []int64{}
		}
		return `SELECT unnest(?::bigint[]) AS value`, ids
	}
	b, _ := json.Marshal(ids)
	if ids == nil {
		b = []byte("[]")
	}
	return `SELECT value FROM json_each(?)`, string(b)
}

// textArray is idArray for strings.
func (db *DB) textArray(vals []string) (string, any) {
	if vals == nil {
		vals = []string{}
	}
	if db.dialect == Postgres {
		return `SELECT unnest(?::text[]) AS value`, vals
	}
	b, _ := json.Marshal(vals)
	return `SELECT value FROM json_each(?)`, string(b)
}

func joinInts(v []int64) string {
	var b strings.Builder
	for i, x := range v {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.FormatInt(x, 10))
	}
	return b.String()
}

func splitInts(s string) []int64 {
	if s == "" {
		return nil
	}
	var out []int64
	for _, f := range strings.Split(s, ",") {
		if n, err := strconv.ParseInt(f, 10, 64); err == nil {
			out = append(out, n)
		}
	}
	return out
}

func splitList(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, ",")
}

// InsertCampaignObs stores an observation and its keys; a message already
// observed is left as it is.
func (t *Tx) InsertCampaignObs(ctx context.Context, o CampaignObs) error {
	res, err := t.exec(ctx, `INSERT INTO campaign_obs (message_id, at, sender_id, role, uai, academie, schools, recipients, n_groups, status, score, flags, sig, extra)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (message_id) DO NOTHING`,
		o.MessageID, o.At, o.SenderID, o.Role, o.UAI, o.Academie, strings.Join(o.Schools, ","), o.Recipients, o.Groups, o.Status, o.Score, o.Flags,
		nonNilBytes(o.Sig), joinInts(o.Extra))
	if err != nil {
		return fmt.Errorf("insert campaign observation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return nil
	}
	return t.insertCampaignKeys(ctx, o, false)
}

// insertCampaignKeys writes an observation's keys at its instant: on
// SQLite one row of the key log, which every process's index reads
// (keyindex.go); on PostgreSQL a row per key.
func (t *Tx) insertCampaignKeys(ctx context.Context, o CampaignObs, moved bool) error {
	if len(o.Keys) == 0 {
		return nil
	}
	if t.db.dialect == SQLite {
		_, err := t.exec(ctx, `INSERT INTO campaign_keylog (message_id, at, keys, moved) VALUES (?, ?, ?, ?)`, o.MessageID, o.At, joinInts(o.Keys), moved)
		return wrap(err, "insert campaign keys")
	}
	set, arg := t.db.idArray(o.Keys)
	_, err := t.exec(ctx, `INSERT INTO campaign_keys (feature, at, message_id) SELECT v.value, ?, ? FROM (`+set+`) v WHERE true ON CONFLICT DO NOTHING`,
		o.At, o.MessageID, arg)
	return wrap(err, "insert campaign keys")
}

// MoveCampaignObs makes the observation of a deferred message that of
// its delivery: the instant, status, recipients, score and flags of o,
// with the bits keep of the flags observed at its send (the account
// signals of the session that scheduled it), and its keys written again
// at that instant (those of the send are out of the window, or purged).
// Without an observation (purged), o is inserted.
func (t *Tx) MoveCampaignObs(ctx context.Context, o CampaignObs, keep int64) error {
	res, err := t.exec(ctx, `UPDATE campaign_obs SET at = ?, status = ?, recipients = ?, n_groups = ?, schools = ?, score = ?, flags = ? | (flags & ?)
		WHERE message_id = ?`, o.At, o.Status, o.Recipients, o.Groups, strings.Join(o.Schools, ","), o.Score, o.Flags, keep, o.MessageID)
	if err != nil {
		return fmt.Errorf("move campaign observation: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return t.InsertCampaignObs(ctx, o)
	}
	if len(o.Keys) == 0 {
		return nil
	}
	if t.db.dialect == SQLite {
		// A moved row: the indexes forget the message's entries under
		// these keys before filing it at its new instant.
		return t.insertCampaignKeys(ctx, o, true)
	}
	set, arg := t.db.idArray(o.Keys)
	if _, err := t.exec(ctx, `DELETE FROM campaign_keys WHERE message_id = ? AND feature IN (`+set+`)`, o.MessageID, arg); err != nil {
		return fmt.Errorf("move campaign keys: %w", err)
	}
	return t.insertCampaignKeys(ctx, o, false)
}

func nonNilBytes(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

const obsColumns = `o.message_id, o.at, o.sender_id, o.role, o.uai, o.academie, o.schools, o.recipients, o.n_groups, o.status, o.score, o.flags, o.sig, o.extra`

func scanObs(s interface{ Scan(...any) error }) (CampaignObs, error) {
	var o CampaignObs
	var schools, extra string
	err := s.Scan(&o.MessageID, &o.At, &o.SenderID, &o.Role, &o.UAI, &o.Academie, &schools, &o.Recipients, &o.Groups, &o.Status, &o.Score, &o.Flags, &o.Sig, &extra)
	o.Schools, o.Extra = splitList(schools), splitInts(extra)
	return o, err
}

// CampaignNeighbours lists the observations since a time that share at
// least one key with keys, newest first, at most limit.
//
// The newest limit messages are chosen from the keys alone (a key's at is
// its observation's, InsertCampaignObs), so only those observations are
// read: choosing among the observations read and sorted every message
// sharing a key (thousands under the send benchmark), 14 % of the
// server's CPU. And each key gives its newest limit messages at most, read
// from the end of its range of the key index: a message among the newest
// limit of all is among the newest limit of each of its keys, so the
// choice is the same, without reading and grouping every message of a
// key shared by thousands (a template, or the benchmark's vocabulary).
// On SQLite the choice is made in the key index (keyindex.go), the same
// way.
func (db *DB) CampaignNeighbours(ctx context.Context, keys []int64, since int64, limit int) ([]CampaignObs, error) {
	return db.campaignNeighbours(ctx, keys, since, limit, 0)
}

// CampaignNewNeighbours is CampaignNeighbours less the members of
// incident campaign: of the same newest limit, only those not yet
// attached to it are read. An incident's gathering reads its newest 5,000
// neighbours; while it holds a sender's flood nearly all are members, and
// reading their observations filled a reader's page cache and put 10–15
// MB on the heap every few seconds (docs/performance.md, « A contained
// flood's resident set »).
func (db *DB) CampaignNewNeighbours(ctx context.Context, campaign int64, keys []int64, since int64, limit int) ([]CampaignObs, error) {
	return db.campaignNeighbours(ctx, keys, since, limit, campaign)
}

// campaignNeighbours reads the neighbours, less the members of incident
// notOf when it is not 0.
func (db *DB) campaignNeighbours(ctx context.Context, keys []int64, since int64, limit int, notOf int64) ([]CampaignObs, error) {
	if len(keys) == 0 {
		return nil, nil
	}
	keys = slices.Compact(slices.Sorted(slices.Values(keys)))
	var newest string
	var args []any
	if db.dialect == SQLite {
		ids, err := db.keyNeighbours(ctx, keys, since, limit)
		if err == nil && notOf != 0 {
			ids, err = db.notMembers(ctx, notOf, ids)
		}
		if err != nil || len(ids) == 0 {
			return nil, err
		}
		var arg any
		newest, arg = db.idArray(ids)
		args = []any{arg}
	} else {
		newest = `SELECT t.message_id FROM unnest(?::bigint[]) f(feature) CROSS JOIN LATERAL (
			SELECT k.message_id, k.at FROM campaign_keys k WHERE k.feature = f.feature AND k.at >= ? ORDER BY k.at DESC LIMIT ?) t
			GROUP BY t.message_id ORDER BY max(t.at) DESC LIMIT ?`
		args = []any{keys, since, limit, limit}
	}
	var members string
	if notOf != 0 && db.dialect == Postgres {
		members = ` AND NOT EXISTS (SELECT 1 FROM campaign_members m WHERE m.campaign_id = ? AND m.message_id = o.message_id)`
		args = append(args, notOf)
	}
	rows, err := db.query(ctx, `SELECT `+obsColumns+` FROM campaign_obs o WHERE o.message_id IN (`+newest+`)`+members+` AND o.at >= ?
		ORDER BY o.at DESC LIMIT ?`, append(args, since, limit)...)
	if err != nil {
		return nil, fmt.Errorf("campaign neighbours: %w", err)
	}
	defer rows.Close()
	var out []CampaignObs
	for rows.Next() {
		o, err := scanObs(rows)
		if err != nil {
			return nil, fmt.Errorf("campaign neighbours: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// notMembers returns ids less the members of incident campaign, in the
// same order. It reads the members' narrow index (a few pages for
// thousands of ids), not their observations: a reader's page cache holds
// what its query touches, and the observations of 5,000 members (a
// signature each) filled every reader's while a flood was held.
func (db *DB) notMembers(ctx context.Context, campaign int64, ids []int64) ([]int64, error) {
	set, arg := db.idArray(ids)
	rows, err := db.query(ctx, `SELECT m.message_id FROM campaign_members m WHERE m.campaign_id = ? AND m.message_id IN (`+set+`)`, campaign, arg)
	if err != nil {
		return nil, fmt.Errorf("campaign members: %w", err)
	}
	defer rows.Close()
	members := map[int64]bool{}
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("campaign members: %w", err)
		}
		members[id] = true
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("campaign members: %w", err)
	}
	return slices.DeleteFunc(ids, func(id int64) bool { return members[id] }), nil
}

// CampaignFlagged lists the observations since a time with any of the
// flags set, but a sender's own, newest first, at most limit: the few
// risky ones a message is compared with whatever keys they share.
func (db *DB) CampaignFlagged(ctx context.Context, flags, since, notSender int64, limit int) ([]CampaignObs, error) {
	rows, err := db.query(ctx, `SELECT `+obsColumns+` FROM campaign_obs o WHERE o.at >= ? AND (o.flags & ?) <> 0 AND o.sender_id <> ?
		ORDER BY o.at DESC LIMIT ?`, since, flags, notSender, limit)
	if err != nil {
		return nil, fmt.Errorf("campaign flagged: %w", err)
	}
	defer rows.Close()
	var out []CampaignObs
	for rows.Next() {
		o, err := scanObs(rows)
		if err != nil {
			return nil, fmt.Errorf("campaign flagged: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// MessageTexts returns the subject and body of messages, by id.
func (db *DB) MessageTexts(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	if len(ids) == 0 {
		return out, nil
	}
	set, arg := db.idArray(ids)
	rows, err := db.query(ctx, `SELECT m.id, m.subject, m.body FROM messages m WHERE m.id IN (`+set+`)`, arg)
	if err != nil {
		return nil, fmt.Errorf("message texts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var subject, body string
		if err := rows.Scan(&id, &subject, &body); err != nil {
			return nil, fmt.Errorf("message texts: %w", err)
		}
		out[id] = subject + " " + body
	}
	return out, rows.Err()
}

// CampaignNotices lists the observations since a time of the messages
// sent by an establishment's accounts of the given roles (its head and
// staff) that share at least one key with keys, newest first, at most
// limit: the notices a message may pass on. It reads those few accounts'
// observations, not every alike one.
func (db *DB) CampaignNotices(ctx context.Context, uai string, roles []string, keys []int64, since int64, limit int) ([]CampaignObs, error) {
	if len(keys) == 0 || len(roles) == 0 || uai == "" {
		return nil, nil
	}
	set, arg := db.idArray(keys)
	args := []any{uai}
	for _, r := range roles {
		args = append(args, r)
	}
	args = append(args, since, arg, limit)
	shares := `EXISTS (SELECT 1 FROM campaign_keys k WHERE k.feature IN (` + set + `) AND k.at = o.at AND k.message_id = o.message_id)`
	if db.dialect == SQLite {
		// The key log's row (keyindex.go), a list of integers.
		shares = `EXISTS (SELECT 1 FROM campaign_keylog l, json_each('[' || l.keys || ']') f
			WHERE l.message_id = o.message_id AND l.at = o.at AND f.value IN (` + set + `))`
	}
	rows, err := db.query(ctx, `SELECT `+obsColumns+` FROM campaign_obs o
		WHERE o.sender_id IN (SELECT u.id FROM users u WHERE u.uai = ? AND u.role IN (?`+strings.Repeat(", ?", len(roles)-1)+`)) AND o.at >= ?
		AND `+shares+`
		ORDER BY o.at DESC LIMIT ?`, args...)
	if err != nil {
		return nil, fmt.Errorf("campaign notices: %w", err)
	}
	defer rows.Close()
	var out []CampaignObs
	for rows.Next() {
		o, err := scanObs(rows)
		if err != nil {
			return nil, fmt.Errorf("campaign notices: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// HasCampaignNotices reports whether an establishment's accounts of the
// given roles sent anything observed since a time: when they did not, no
// message of that establishment can pass on their notice, whatever its
// keys (CampaignNotices need not be asked).
func (db *DB) HasCampaignNotices(ctx context.Context, uai string, roles []string, since int64) (bool, error) {
	if len(roles) == 0 || uai == "" {
		return false, nil
	}
	args := []any{uai}
	for _, r := range roles {
		args = append(args, r)
	}
	args = append(args, since)
	var one int
	err := db.queryRow(ctx, `SELECT 1 FROM campaign_obs o
		WHERE o.sender_id IN (SELECT u.id FROM users u WHERE u.uai = ? AND u.role IN (?`+strings.Repeat(", ?", len(roles)-1)+`)) AND o.at >= ?
		LIMIT 1`, args...).Scan(&one)
	if errors.Is(err, sql.ErrNoRows) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("campaign notices: %w", err)
	}
	return true, nil
}

// CampaignObsByID returns one observation.
func (db *DB) CampaignObsByID(ctx context.Context, messageID int64) (CampaignObs, error) {
	o, err := scanObs(db.queryRow(ctx, `SELECT `+obsColumns+` FROM campaign_obs o WHERE o.message_id = ?`, messageID))
	if errors.Is(err, sql.ErrNoRows) {
		return o, ErrNotFound
	}
	return o, wrap(err, "campaign observation")
}

// FlagCampaignObs sets signal bits on an observation; false if the
// message was not observed.
func (t *Tx) FlagCampaignObs(ctx context.Context, messageID, flags int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE campaign_obs SET flags = flags | ? WHERE message_id = ?`, flags, messageID)
	if err != nil {
		return false, fmt.Errorf("flag campaign observation: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// SenderHistory summarises what a sender sent since a time.
type SenderHistory struct {
	Messages      int
	MaxRecipients int
	MaxGroups     int
	// The widest day: most recipients and most groups written to in one
	// UTC day.
	MaxDayRecipients int
	MaxDayGroups     int
	// Hours counts the messages per UTC hour of the day.
	Hours [24]int
}

// CampaignSenderHistory returns a sender's history since a time, before
// the given instant.
func (db *DB) CampaignSenderHistory(ctx context.Context, senderID, since, before int64) (SenderHistory, error) {
	var h SenderHistory
	err := db.queryRow(ctx, `SELECT COUNT(*), COALESCE(MAX(recipients), 0), COALESCE(MAX(n_groups), 0) FROM campaign_obs
		WHERE sender_id = ? AND at >= ? AND at < ?`, senderID, since, before).Scan(&h.Messages, &h.MaxRecipients, &h.MaxGroups)
	if err != nil || h.Messages == 0 {
		return h, wrap(err, "sender history")
	}
	rows, err := db.query(ctx, `SELECT at / 3600000000, CAST(SUM(recipients) AS BIGINT), CAST(SUM(n_groups) AS BIGINT), COUNT(*) FROM campaign_obs
		WHERE sender_id = ? AND at >= ? AND at < ? GROUP BY at / 3600000000`, senderID, since, before)
	if err != nil {
		return h, fmt.Errorf("sender history hours: %w", err)
	}
	defer rows.Close()
	type day struct{ recipients, groups int }
	days := map[int64]day{}
	for rows.Next() {
		var hour int64
		var r, g, n int
		if err := rows.Scan(&hour, &r, &g, &n); err != nil {
			return h, fmt.Errorf("sender history hours: %w", err)
		}
		h.Hours[hour%24] += n
		d := days[hour/24]
		d.recipients += r
		d.groups += g
		days[hour/24] = d
	}
	for _, d := range days {
		h.MaxDayRecipients = max(h.MaxDayRecipients, d.recipients)
		h.MaxDayGroups = max(h.MaxDayGroups, d.groups)
	}
	return h, wrap(rows.Err(), "sender history hours")
}

// RecentSend is one of a sender's recent messages.
type RecentSend struct {
	At         int64
	Recipients int
	Groups     int
	Schools    []string
}

// CampaignRecentSends lists a sender's messages observed since a time, in
// time order: the newest limit one by one, and before them the older
// ones summed, one entry per set of establishments (its time the newest
// of the messages it sums). A sender writing hundreds of messages an hour
// is not read into memory message by message (the campaign detector
// reloads the profile of every active sender twice a minute): what the
// sums over the window need is kept.
func (db *DB) CampaignRecentSends(ctx context.Context, senderID, since int64, limit int) ([]RecentSend, error) {
	rows, err := db.query(ctx, `SELECT message_id, at, recipients, n_groups, schools FROM campaign_obs WHERE sender_id = ? AND at >= ?
		ORDER BY at DESC, message_id DESC LIMIT ?`, senderID, since, limit)
	if err != nil {
		return nil, fmt.Errorf("recent sends: %w", err)
	}
	defer rows.Close()
	var newest []RecentSend
	var lastID int64
	for rows.Next() {
		var r RecentSend
		var schools string
		if err := rows.Scan(&lastID, &r.At, &r.Recipients, &r.Groups, &schools); err != nil {
			return nil, fmt.Errorf("recent sends: %w", err)
		}
		r.Schools = splitList(schools)
		newest = append(newest, r)
	}
	if err := rows.Close(); err != nil {
		return nil, fmt.Errorf("recent sends: %w", err)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("recent sends: %w", err)
	}
	slices.Reverse(newest)
	if len(newest) < limit {
		return newest, nil
	}
	oldest := newest[0].At
	older, err := db.campaignOlderSends(ctx, senderID, since, oldest, lastID)
	if err != nil {
		return nil, fmt.Errorf("recent sends, older: %w", err)
	}
	return append(older, newest...), nil
}

// campaignOlderSends sums a sender's messages from since to before the
// message (oldest, lastID), one entry per set of establishments stamped
// with its newest message, in time order.
//
// On SQLite a GROUP BY would sort every row of the window in SQLite's
// memory first (temporary data stays in memory, temp_store), about 1 MB
// per 30,000 rows, held by each of the reads that a profile's expiry
// starts at once (one per read connection); and reading the rows to sum
// them here made as much garbage. The window's sets of establishments are
// read first (a distinct set of them is kept, a few rows), then each set
// is summed by a scan of the sender's index that keeps nothing: one scan
// more per set, a sender writes to few. PostgreSQL groups them on its
// side.
func (db *DB) campaignOlderSends(ctx context.Context, senderID, since, oldest, lastID int64) ([]RecentSend, error) {
	const window = `FROM campaign_obs WHERE sender_id = ? AND at >= ? AND (at < ? OR (at = ? AND message_id < ?))`
	var sets []string
	if db.dialect == Postgres {
		sets = []string{""} // one query grouping every set
	} else {
		rows, err := db.query(ctx, `SELECT DISTINCT schools `+window, senderID, since, oldest, oldest, lastID)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			var schools string
			if err := rows.Scan(&schools); err != nil {
				return nil, err
			}
			sets = append(sets, schools)
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	var out []RecentSend
	for _, set := range sets {
		var rows *sql.Rows
		var err error
		if db.dialect == Postgres {
			rows, err = db.query(ctx, `SELECT schools, CAST(SUM(recipients) AS BIGINT), CAST(SUM(n_groups) AS BIGINT), MAX(at) `+window+` GROUP BY schools`,
				senderID, since, oldest, oldest, lastID)
		} else {
			rows, err = db.query(ctx, `SELECT schools, CAST(SUM(recipients) AS BIGINT), CAST(SUM(n_groups) AS BIGINT), MAX(at) `+window+` AND schools = ?`,
				senderID, since, oldest, oldest, lastID, set)
		}
		if err != nil {
			return nil, err
		}
		for rows.Next() {
			var r RecentSend
			var schools sql.NullString // NULL when a set's rows are gone since the first read
			var recipients, groups, at sql.NullInt64
			if err := rows.Scan(&schools, &recipients, &groups, &at); err != nil {
				rows.Close()
				return nil, err
			}
			if !at.Valid {
				continue
			}
			r.Schools, r.Recipients, r.Groups, r.At = splitList(schools.String), int(recipients.Int64), int(groups.Int64), at.Int64
			out = append(out, r)
		}
		if err := rows.Close(); err != nil {
			return nil, err
		}
		if err := rows.Err(); err != nil {
			return nil, err
		}
	}
	slices.SortStableFunc(out, func(a, b RecentSend) int { return cmp.Compare(a.At, b.At) })
	return out, nil
}

// KnownDeviceBefore reports whether tokenHash named one of the user's
// devices (or network and browser pairs) before a time.
func (db *DB) KnownDeviceBefore(ctx context.Context, userID int64, tokenHash []byte, before int64) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM known_devices WHERE user_id = ? AND token_hash = ? AND created_at < ?`, userID, tokenHash, before).Scan(&n)
	return n > 0, wrap(err, "known device before")
}

// KnownNetworkBefore reports whether the user had logged in from a
// network (any browser, any device) before a time.
func (db *DB) KnownNetworkBefore(ctx context.Context, userID int64, network string, before int64) (bool, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM known_devices WHERE user_id = ? AND network = ? AND created_at < ?`, userID, network, before).Scan(&n)
	return n > 0, wrap(err, "known network before")
}

// KnownDevicesBefore counts the devices (and network and browser pairs)
// a user had logged in from before a time.
func (db *DB) KnownDevicesBefore(ctx context.Context, userID, before int64) (int, error) {
	var n int
	err := db.queryRow(ctx, `SELECT COUNT(*) FROM known_devices WHERE user_id = ? AND created_at < ?`, userID, before).Scan(&n)
	return n, wrap(err, "known devices before")
}

// AddCampaignHistory adds ns[i] messages carrying keys[i] on a day (days
// since the epoch, UTC), in one statement. The rows are moved in the
// order of keys: callers sort them, so that two processes adding to the
// same keys wait for each other instead of deadlocking (PostgreSQL).
func (t *Tx) AddCampaignHistory(ctx context.Context, day int64, keys []int64, ns []int64) error {
	if len(keys) != len(ns) {
		return fmt.Errorf("add campaign history: %d keys, %d counts", len(keys), len(ns))
	}
	if len(keys) == 0 {
		return nil
	}
	if t.db.dialect == Postgres {
		_, err := t.exec(ctx, `INSERT INTO campaign_history (feature, day, n)
			SELECT v.k, ?, v.n FROM unnest(?::bigint[], ?::bigint[]) WITH ORDINALITY AS v(k, n, i) ORDER BY v.i
			ON CONFLICT (feature, day) DO UPDATE SET n = campaign_history.n + excluded.n`, day, keys, ns)
		return wrap(err, "add campaign history")
	}
	pairs := make([][2]int64, len(keys))
	for i := range keys {
		pairs[i] = [2]int64{keys[i], ns[i]}
	}
	b, err := json.Marshal(pairs)
	if err != nil {
		return fmt.Errorf("add campaign history: %w", err)
	}
	_, err = t.exec(ctx, `INSERT INTO campaign_history (feature, day, n)
		SELECT json_extract(v.value, '$[0]'), ?, json_extract(v.value, '$[1]') FROM json_each(?) v WHERE true ORDER BY v.key
		ON CONFLICT (feature, day) DO UPDATE SET n = campaign_history.n + excluded.n`, day, string(b))
	return wrap(err, "add campaign history")
}

// CampaignHistory returns, for each of keys, how many messages carried it
// on the days in [from, to).
func (db *DB) CampaignHistory(ctx context.Context, keys []int64, from, to int64) (map[int64]int, error) {
	out := map[int64]int{}
	if len(keys) == 0 {
		return out, nil
	}
	set, arg := db.idArray(keys)
	rows, err := db.query(ctx, `SELECT feature, CAST(SUM(n) AS BIGINT) FROM campaign_history WHERE feature IN (`+set+`) AND day >= ? AND day < ? GROUP BY feature`, arg, from, to)
	if err != nil {
		return nil, fmt.Errorf("campaign history: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k int64
		var n int
		if err := rows.Scan(&k, &n); err != nil {
			return nil, fmt.Errorf("campaign history: %w", err)
		}
		out[k] = n
	}
	return out, rows.Err()
}

// PurgeCampaignHistory drops the history of days before a day.
func (t *Tx) PurgeCampaignHistory(ctx context.Context, before int64) error {
	_, err := t.exec(ctx, `DELETE FROM campaign_history WHERE day < ?`, before)
	return wrap(err, "purge campaign history")
}

// WithdrawToHeld takes a delivered or deferred message out of every inbox
// and back to the moderation queue (held), where a moderator may release
// it; false if it was neither.
func (t *Tx) WithdrawToHeld(ctx context.Context, id int64) (bool, error) {
	res, err := t.exec(ctx, `UPDATE messages SET status = 'held' WHERE id = ? AND status IN ('delivered', 'deferred') AND recalled = 0`, id)
	if err != nil {
		return false, fmt.Errorf("withdraw message: %w", err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return false, nil
	}
	_, err = t.exec(ctx, `UPDATE deliveries SET visible = 0 WHERE message_id = ?`, id)
	return err == nil, wrap(err, "withdraw deliveries")
}

// SetCampaignLevel raises an incident from 'review' to 'contain'; false
// if it was already at that level.
func (t *Tx) SetCampaignLevel(ctx context.Context, campaignID int64, level string) (bool, error) {
	return t.insertNew(ctx, "set campaign level", `UPDATE campaigns SET level = ? WHERE id = ? AND level <> ?`, level, campaignID, level)
}

// ReopenMembers marks an incident's messages as to be acted on again
// (after its level was raised).
func (t *Tx) ReopenMembers(ctx context.Context, campaignID int64) error {
	_, err := t.exec(ctx, `UPDATE campaign_members SET contained = 0 WHERE campaign_id = ?`, campaignID)
	return wrap(err, "reopen campaign members")
}

// CampaignAccountIDs lists the accounts with signals of an incident.
func (db *DB) CampaignAccountIDs(ctx context.Context, campaignID int64) ([]int64, error) {
	return db.ids(ctx, `SELECT user_id FROM campaign_accounts WHERE campaign_id = ? ORDER BY user_id`, campaignID)
}

// ReportsAfter lists the reports with an id above afterID made since a
// time, oldest first.
func (db *DB) ReportsAfter(ctx context.Context, afterID, since int64, limit int) ([]Report, error) {
	rows, err := db.query(ctx, `SELECT id, message_id, reporter_id, reason, uai, created_at FROM reports WHERE id > ? AND created_at >= ? ORDER BY id LIMIT ?`,
		afterID, since, limit)
	if err != nil {
		return nil, fmt.Errorf("reports after: %w", err)
	}
	defer rows.Close()
	var out []Report
	for rows.Next() {
		var r Report
		if err := rows.Scan(&r.ID, &r.MessageID, &r.ReporterID, &r.Reason, &r.UAI, &r.CreatedAt); err != nil {
			return nil, fmt.Errorf("reports after: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PurgeCampaignObs drops keys older than keysBefore and observations
// older than obsBefore.
func (t *Tx) PurgeCampaignObs(ctx context.Context, keysBefore, obsBefore int64) error {
	purge := `DELETE FROM campaign_keys WHERE at < ?`
	if t.db.dialect == SQLite {
		purge = `DELETE FROM campaign_keylog WHERE at < ?`
		// The rows written after this, in this transaction or once it is
		// committed, stay whatever their instant: the index drops only
		// those up to the log's newest row now (keyindex.go, trim).
		p := keyPurge{before: keysBefore}
		if err := t.queryRow(ctx, `SELECT COALESCE(MAX(seq), 0) FROM campaign_keylog`).Scan(&p.upto); err != nil {
			return fmt.Errorf("purge campaign keys: %w", err)
		}
		t.keysPurged = append(t.keysPurged, p)
		if err := t.dropSpilled(ctx, `l.at < ?`, keysBefore); err != nil {
			return fmt.Errorf("purge campaign keys: %w", err)
		}
	}
	if _, err := t.exec(ctx, purge, keysBefore); err != nil {
		return fmt.Errorf("purge campaign keys: %w", err)
	}
	_, err := t.exec(ctx, `DELETE FROM campaign_obs WHERE at < ?`, obsBefore)
	return wrap(err, "purge campaign observations")
}

// Campaign is an incident: a wave recognised and contained.
type Campaign struct {
	ID             int64
	Seed           string
	Status         string // "open" or "closed"
	Level          string // "review" (copies held) or "contain" (recalled, accounts locked)
	Reason         string
	OpenedAt       int64
	ContainedAt    int64
	ClosedAt       int64
	ClosedBy       string
	Accounts       []string // usernames of the senders of its messages
	Locked         []string // usernames on its containment list (locked, sessions revoked)
	Establishments []string // UAIs
	Academies      []string
	Messages       int
}

// CampaignEvent is one line of an incident's timeline.
type CampaignEvent struct {
	At     int64
	Kind   string
	Detail string
}

// OpenCampaign opens an incident at a level for seed, or finds the one
// already opened for it (created false).
func (t *Tx) OpenCampaign(ctx context.Context, seed, level, reason string, at int64) (int64, bool, error) {
	res, err := t.exec(ctx, `INSERT INTO campaigns (seed, status, level, reason, opened_at) VALUES (?, 'open', ?, ?, ?) ON CONFLICT (seed) DO NOTHING`,
		seed, level, reason, at)
	if err != nil {
		return 0, false, fmt.Errorf("open campaign: %w", err)
	}
	n, _ := res.RowsAffected()
	var id int64
	if err := t.queryRow(ctx, `SELECT id FROM campaigns WHERE seed = ?`, seed).Scan(&id); err != nil {
		return 0, false, fmt.Errorf("open campaign: %w", err)
	}
	return id, n == 1, nil
}

func (t *Tx) insertNew(ctx context.Context, what, query string, args ...any) (bool, error) {
	res, err := t.exec(ctx, query, args...)
	if err != nil {
		return false, fmt.Errorf("%s: %w", what, err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// AddCampaignMember attaches a message to an incident; false if it was.
func (t *Tx) AddCampaignMember(ctx context.Context, campaignID, messageID, senderID, at int64) (bool, error) {
	return t.insertNew(ctx, "add campaign member", `INSERT INTO campaign_members (campaign_id, message_id, sender_id, at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING`,
		campaignID, messageID, senderID, at)
}

// AddCampaignAccount lists an account as involved; false if it was.
func (t *Tx) AddCampaignAccount(ctx context.Context, campaignID, userID int64) (bool, error) {
	return t.insertNew(ctx, "add campaign account", `INSERT INTO campaign_accounts (campaign_id, user_id) VALUES (?, ?) ON CONFLICT DO NOTHING`, campaignID, userID)
}

// AddCampaignPlace lists an establishment as touched; false if it was.
func (t *Tx) AddCampaignPlace(ctx context.Context, campaignID int64, uai, academie string) (bool, error) {
	return t.insertNew(ctx, "add campaign place", `INSERT INTO campaign_places (campaign_id, uai, academie) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, campaignID, uai, academie)
}

// AddCampaignFeature adds what later messages are held against; false if known.
func (t *Tx) AddCampaignFeature(ctx context.Context, campaignID int64, kind, value string) (bool, error) {
	return t.insertNew(ctx, "add campaign feature", `INSERT INTO campaign_features (campaign_id, kind, value) VALUES (?, ?, ?) ON CONFLICT DO NOTHING`, campaignID, kind, value)
}

// AddCampaignEvent appends to an incident's timeline.
func (t *Tx) AddCampaignEvent(ctx context.Context, campaignID, at int64, kind, detail string) error {
	_, err := t.exec(ctx, `INSERT INTO campaign_events (campaign_id, at, kind, detail) VALUES (?, ?, ?, ?)`, campaignID, at, kind, detail)
	return wrap(err, "add campaign event")
}

// BumpCampaignVersion tells every process to reload the open incidents.
func (t *Tx) BumpCampaignVersion(ctx context.Context) error {
	_, err := t.exec(ctx, `UPDATE campaign_version SET version = version + 1 WHERE id = 1`)
	return wrap(err, "bump campaign version")
}

// CampaignVersion returns the version of the open incidents.
func (db *DB) CampaignVersion(ctx context.Context) (int64, error) {
	var v int64
	err := db.queryRow(ctx, `SELECT version FROM campaign_version WHERE id = 1`).Scan(&v)
	return v, wrap(err, "campaign version")
}

// CampaignFeature is one thing an open incident holds against.
type CampaignFeature struct {
	CampaignID int64
	Kind       string
	Value      string
}

// OpenCampaignFeatures lists the features of every open incident.
func (db *DB) OpenCampaignFeatures(ctx context.Context) ([]CampaignFeature, error) {
	rows, err := db.query(ctx, `SELECT f.campaign_id, f.kind, f.value FROM campaign_features f JOIN campaigns c ON c.id = f.campaign_id
		WHERE c.status = 'open' ORDER BY f.campaign_id`)
	if err != nil {
		return nil, fmt.Errorf("open campaign features: %w", err)
	}
	defer rows.Close()
	var out []CampaignFeature
	for rows.Next() {
		var f CampaignFeature
		if err := rows.Scan(&f.CampaignID, &f.Kind, &f.Value); err != nil {
			return nil, fmt.Errorf("open campaign features: %w", err)
		}
		out = append(out, f)
	}
	return out, rows.Err()
}

// OpenCampaignIDs lists the open incidents, oldest first.
func (db *DB) OpenCampaignIDs(ctx context.Context) ([]int64, error) {
	return db.ids(ctx, `SELECT id FROM campaigns WHERE status = 'open' ORDER BY id`)
}

// OpenCampaignOf returns the open incident one of the messages belongs to, or 0.
func (db *DB) OpenCampaignOf(ctx context.Context, messageIDs []int64) (int64, error) {
	if len(messageIDs) == 0 {
		return 0, nil
	}
	set, arg := db.idArray(messageIDs)
	var n sql.NullInt64
	err := db.queryRow(ctx, `SELECT MIN(m.campaign_id) FROM campaign_members m JOIN campaigns c ON c.id = m.campaign_id
		WHERE c.status = 'open' AND m.message_id IN (`+set+`)`, arg).Scan(&n)
	id := n.Int64
	return id, wrap(err, "open campaign of")
}

// CampaignMember is a message attached to an incident.
type CampaignMember struct {
	MessageID int64
	SenderID  int64
}

// UncontainedMembers lists an incident's messages not yet recalled by it.
func (db *DB) UncontainedMembers(ctx context.Context, campaignID int64) ([]CampaignMember, error) {
	rows, err := db.query(ctx, `SELECT message_id, sender_id FROM campaign_members WHERE campaign_id = ? AND contained = 0 ORDER BY message_id`, campaignID)
	if err != nil {
		return nil, fmt.Errorf("uncontained members: %w", err)
	}
	defer rows.Close()
	var out []CampaignMember
	for rows.Next() {
		var m CampaignMember
		if err := rows.Scan(&m.MessageID, &m.SenderID); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// MarkMembersContained records that messages were recalled for an incident.
func (t *Tx) MarkMembersContained(ctx context.Context, campaignID int64, messageIDs []int64) error {
	set, arg := t.db.idArray(messageIDs)
	_, err := t.exec(ctx, `UPDATE campaign_members SET contained = 1 WHERE campaign_id = ? AND message_id IN (`+set+`)`, campaignID, arg)
	return wrap(err, "mark members contained")
}

// UnlockedCampaignAccounts lists the accounts of an incident not yet locked by it.
func (db *DB) UnlockedCampaignAccounts(ctx context.Context, campaignID int64) ([]int64, error) {
	return db.ids(ctx, `SELECT user_id FROM campaign_accounts WHERE campaign_id = ? AND locked_at = 0 ORDER BY user_id`, campaignID)
}

// MarkAccountLocked records that an incident locked an account.
func (t *Tx) MarkAccountLocked(ctx context.Context, campaignID, userID, at int64) error {
	_, err := t.exec(ctx, `UPDATE campaign_accounts SET locked_at = ? WHERE campaign_id = ? AND user_id = ?`, at, campaignID, userID)
	return wrap(err, "mark account locked")
}

// SetCampaignContained records the first containment of an incident.
func (t *Tx) SetCampaignContained(ctx context.Context, campaignID, at int64) (bool, error) {
	return t.insertNew(ctx, "set campaign contained", `UPDATE campaigns SET contained_at = ? WHERE id = ? AND contained_at = 0`, at, campaignID)
}

// CloseCampaign closes an open incident; false if it was not open.
func (t *Tx) CloseCampaign(ctx context.Context, campaignID int64, by string, at int64) (bool, error) {
	return t.insertNew(ctx, "close campaign", `UPDATE campaigns SET status = 'closed', closed_at = ?, closed_by = ? WHERE id = ? AND status = 'open'`, at, by, campaignID)
}

// Campaigns lists incidents touching an establishment, or an académie
// (both empty: all), newest first, with their accounts, places and
// message counts.
func (db *DB) Campaigns(ctx context.Context, uai, academie string, limit int) ([]Campaign, error) {
	ids, err := db.ids(ctx, `SELECT c.id FROM campaigns c WHERE (? = '' OR EXISTS (SELECT 1 FROM campaign_places p WHERE p.campaign_id = c.id AND p.uai = ?))
		AND (? = '' OR EXISTS (SELECT 1 FROM campaign_places p WHERE p.campaign_id = c.id AND p.academie = ?)) ORDER BY c.id DESC LIMIT ?`,
		uai, uai, academie, academie, limit)
	if err != nil {
		return nil, fmt.Errorf("campaigns: %w", err)
	}
	out := make([]Campaign, 0, len(ids))
	for _, id := range ids {
		c, err := db.Campaign(ctx, id)
		if err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, nil
}

// CampaignState returns an incident's own row (level, status, times)
// without what Campaign gathers over its members: detection reads it on
// every pass, and an incident holding a flood has tens of thousands.
func (db *DB) CampaignState(ctx context.Context, id int64) (Campaign, error) {
	var c Campaign
	err := db.queryRow(ctx, `SELECT id, seed, status, level, reason, opened_at, contained_at, closed_at, closed_by FROM campaigns WHERE id = ?`, id).
		Scan(&c.ID, &c.Seed, &c.Status, &c.Level, &c.Reason, &c.OpenedAt, &c.ContainedAt, &c.ClosedAt, &c.ClosedBy)
	if errors.Is(err, sql.ErrNoRows) {
		return c, ErrNotFound
	}
	return c, wrap(err, "campaign")
}

// Campaign returns one incident with its senders, its containment list,
// places and message count.
func (db *DB) Campaign(ctx context.Context, id int64) (Campaign, error) {
	c, err := db.CampaignState(ctx, id)
	if err != nil {
		return c, err
	}
	if c.Accounts, err = db.strings(ctx, `SELECT DISTINCT u.username FROM campaign_members m JOIN users u ON u.id = m.sender_id WHERE m.campaign_id = ? ORDER BY u.username`, id); err != nil {
		return c, fmt.Errorf("campaign senders: %w", err)
	}
	if c.Locked, err = db.strings(ctx, `SELECT u.username FROM campaign_accounts a JOIN users u ON u.id = a.user_id WHERE a.campaign_id = ? ORDER BY u.username`, id); err != nil {
		return c, fmt.Errorf("campaign accounts: %w", err)
	}
	if c.Establishments, err = db.strings(ctx, `SELECT uai FROM campaign_places WHERE campaign_id = ? ORDER BY uai`, id); err != nil {
		return c, fmt.Errorf("campaign places: %w", err)
	}
	if c.Academies, err = db.strings(ctx, `SELECT DISTINCT academie FROM campaign_places WHERE campaign_id = ? AND academie <> '' ORDER BY academie`, id); err != nil {
		return c, fmt.Errorf("campaign academies: %w", err)
	}
	err = db.queryRow(ctx, `SELECT COUNT(*) FROM campaign_members WHERE campaign_id = ?`, id).Scan(&c.Messages)
	return c, wrap(err, "campaign messages")
}

// CampaignEvents returns an incident's timeline, oldest first.
func (db *DB) CampaignEvents(ctx context.Context, id int64) ([]CampaignEvent, error) {
	rows, err := db.query(ctx, `SELECT at, kind, detail FROM campaign_events WHERE campaign_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("campaign events: %w", err)
	}
	defer rows.Close()
	var out []CampaignEvent
	for rows.Next() {
		var e CampaignEvent
		if err := rows.Scan(&e.At, &e.Kind, &e.Detail); err != nil {
			return nil, err
		}
		out = append(out, e)
	}
	return out, rows.Err()
}

// CampaignMessages lists the ids of an incident's messages.
func (db *DB) CampaignMessages(ctx context.Context, id int64) ([]int64, error) {
	return db.ids(ctx, `SELECT message_id FROM campaign_members WHERE campaign_id = ? ORDER BY message_id`, id)
}

// Heads lists the heads of the given establishments.
func (db *DB) Heads(ctx context.Context, uais []string) ([]bouclier.User, error) {
	if len(uais) == 0 {
		return nil, nil
	}
	set, arg := db.textArray(uais)
	return db.users(ctx, `SELECT `+userColumns+` FROM users u WHERE u.disabled = 0 AND u.role = 'head' AND u.uai IN (`+set+`) ORDER BY u.username`, arg)
}

// ClaimAlert claims the right to send the alert named key: true when this
// caller must send it (a new key, or one that failed and whose claim is
// older than staleBefore). The primary key makes the claim exclusive
// across processes.
func (db *DB) ClaimAlert(ctx context.Context, key string, campaignID, now, staleBefore int64) (bool, error) {
	res, err := db.write.ExecContext(ctx, db.q(`INSERT INTO campaign_alerts (alert_key, campaign_id, status, attempts, claimed_at) VALUES (?, ?, 'sending', 1, ?)
		ON CONFLICT (alert_key) DO UPDATE SET status = 'sending', attempts = campaign_alerts.attempts + 1, claimed_at = excluded.claimed_at
		WHERE campaign_alerts.status = 'failed' AND campaign_alerts.claimed_at < ?`), key, campaignID, now, staleBefore)
	if err != nil {
		return false, fmt.Errorf("claim alert: %w", err)
	}
	n, _ := res.RowsAffected()
	return n == 1, nil
}

// FinishAlert records the outcome of a claimed alert: sent, or failed with
// the error's text (to be tried again later).
func (db *DB) FinishAlert(ctx context.Context, key string, at int64, errText string) error {
	status := "sent"
	if errText != "" {
		status = "failed"
	}
	_, err := db.write.ExecContext(ctx, db.q(`UPDATE campaign_alerts SET status = ?, sent_at = ?, last_error = ? WHERE alert_key = ?`), status, at, errText, key)
	return wrap(err, "finish alert")
}

// AlertStatus returns an alert's status and attempts ("" when unknown).
func (db *DB) AlertStatus(ctx context.Context, key string) (string, int, error) {
	var s string
	var n int
	err := db.queryRow(ctx, `SELECT status, attempts FROM campaign_alerts WHERE alert_key = ?`, key).Scan(&s, &n)
	if errors.Is(err, sql.ErrNoRows) {
		return "", 0, nil
	}
	return s, n, wrap(err, "alert status")
}

// CampaignActivatedAt returns when an account was last activated after a
// reset (0 if never).
func (db *DB) CampaignActivatedAt(ctx context.Context, userID int64) (int64, error) {
	var at int64
	err := db.queryRow(ctx, `SELECT activated_at FROM account_security WHERE user_id = ?`, userID).Scan(&at)
	if errors.Is(err, sql.ErrNoRows) {
		return 0, nil
	}
	return at, wrap(err, "activated at")
}

// Reporter is one reporter of a message: their role, how many messages
// they reported since a time, and how their other reports of a longer
// period ended: founded (the message rejected or recalled) or unfounded
// (released by a person after review).
type Reporter struct {
	Role      bouclier.Role
	Recent    int
	Founded   int
	Unfounded int
}

// CampaignReporters lists the reporters of a message, with their reports
// since recentSince and the outcome of their other reports since
// historySince.
func (db *DB) CampaignReporters(ctx context.Context, messageID, recentSince, historySince int64) ([]Reporter, error) {
	rows, err := db.query(ctx, `SELECT u.role,
		(SELECT COUNT(*) FROM reports r2 WHERE r2.reporter_id = r.reporter_id AND r2.created_at >= ?),
		(SELECT COUNT(*) FROM reports r3 JOIN messages m ON m.id = r3.message_id WHERE r3.reporter_id = r.reporter_id AND r3.created_at >= ?
			AND r3.message_id <> r.message_id AND (m.status = 'rejected' OR m.recalled <> 0)),
		(SELECT COUNT(*) FROM reports r4 JOIN messages m ON m.id = r4.message_id WHERE r4.reporter_id = r.reporter_id AND r4.created_at >= ?
			AND r4.message_id <> r.message_id AND m.status = 'delivered' AND m.recalled = 0 AND m.decided_at > 0)
		FROM reports r JOIN users u ON u.id = r.reporter_id WHERE r.message_id = ?`, recentSince, historySince, historySince, messageID)
	if err != nil {
		return nil, fmt.Errorf("reporters: %w", err)
	}
	defer rows.Close()
	var out []Reporter
	for rows.Next() {
		var r Reporter
		var role string
		if err := rows.Scan(&role, &r.Recent, &r.Founded, &r.Unfounded); err != nil {
			return nil, fmt.Errorf("reporters: %w", err)
		}
		r.Role = bouclier.Role(role)
		out = append(out, r)
	}
	return out, rows.Err()
}

// ProbationDue lists the messages observed in [since, before) with the
// flag set, still held and not recalled, that belong to no incident.
func (db *DB) ProbationDue(ctx context.Context, flag, before, since int64) ([]int64, error) {
	return db.ids(ctx, `SELECT o.message_id FROM campaign_obs o JOIN messages m ON m.id = o.message_id
		WHERE (o.flags & ?) <> 0 AND o.at < ? AND o.at >= ? AND m.status = 'held' AND m.recalled = 0
		AND NOT EXISTS (SELECT 1 FROM campaign_members c WHERE c.message_id = o.message_id) ORDER BY o.message_id`, flag, before, since)
}

// ClearCampaignFlag clears a flag bit of an observation.
func (t *Tx) ClearCampaignFlag(ctx context.Context, messageID, flag int64) error {
	_, err := t.exec(ctx, `UPDATE campaign_obs SET flags = flags - ? WHERE message_id = ? AND (flags & ?) <> 0`, flag, messageID, flag)
	return wrap(err, "clear campaign flag")
}

// CampaignText is one text of an incident and how many of its messages
// carry it.
type CampaignText struct {
	Subject string
	Body    string
	Count   int
}

// CampaignTexts lists an incident's most frequent texts (body fingerprint
// and subject), most copies first.
func (db *DB) CampaignTexts(ctx context.Context, id int64, limit int) ([]CampaignText, error) {
	rows, err := db.query(ctx, `SELECT m.subject, MIN(m.body), COUNT(*) FROM campaign_members c JOIN messages m ON m.id = c.message_id
		WHERE c.campaign_id = ? GROUP BY m.fingerprint, m.subject ORDER BY COUNT(*) DESC, m.subject LIMIT ?`, id, limit)
	if err != nil {
		return nil, fmt.Errorf("campaign texts: %w", err)
	}
	defer rows.Close()
	var out []CampaignText
	for rows.Next() {
		var t CampaignText
		if err := rows.Scan(&t.Subject, &t.Body, &t.Count); err != nil {
			return nil, fmt.Errorf("campaign texts: %w", err)
		}
		out = append(out, t)
	}
	return out, rows.Err()
}

// CampaignTimes lists when each of an incident's messages joined it
// (unix microseconds), oldest first, for its timeline chart.
func (db *DB) CampaignTimes(ctx context.Context, id int64) ([]int64, error) {
	return scanIDs(db.query(ctx, `SELECT at FROM campaign_members WHERE campaign_id = ? ORDER BY at`, id))
}
