package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
)

// AuditRow is one stored audit entry. Entries form one hash chain per
// writer (Chain, numbered from 1 by ChainSeq); Seq is the global order in
// which entries are listed.
type AuditRow struct {
	Seq      int64
	Chain    int64
	ChainSeq int64
	At       int64 // unix microseconds, UTC
	Actor    string
	Action   string
	Target   string
	Scope    string
	Source   string
	Detail   string
	PrevHash []byte
	Hash     []byte
}

// AuditChain is the head of one writer's chain.
type AuditChain struct {
	ID   int64
	Seq  int64 // the chain's last entry, 0 while empty
	Hash []byte
}

// auditHead is a transaction's view of its writer's chain. Appends in one
// transaction advance it in memory; the row is written once, at commit.
type auditHead struct {
	chain   int64
	seq     int64
	hash    []byte
	dirty   bool
	created bool // the chain was created by this transaction
}

// AuditHead returns the head of an audit chain this process owns and no
// other transaction of it is using: its idle chains wait in a pool, and a
// transaction that finds none creates one (its first entry must anchor
// it: created is true). So appends never wait for another process, nor
// for another transaction of this one; on PostgreSQL the row is still
// locked until commit, which only a tampering process would contend for.
func (t *Tx) AuditHead(ctx context.Context) (h AuditChain, created bool, err error) {
	if t.head != nil {
		return AuditChain{ID: t.head.chain, Seq: t.head.seq, Hash: t.head.hash}, t.head.created, nil
	}
	select {
	case chain := <-t.db.auditChains:
		q := `SELECT seq, hash FROM audit_chains WHERE id = ?`
		if t.db.dialect == Postgres {
			q += ` FOR UPDATE`
		}
		var seq int64
		var hash []byte
		if err := t.queryRow(ctx, q, chain).Scan(&seq, &hash); err != nil {
			// A chain whose row is gone is not used again (audit verify
			// reports its entries); this transaction is refused either way
			// rather than write outside a chain.
			if !errors.Is(err, sql.ErrNoRows) {
				t.head = &auditHead{chain: chain}
				t.releaseChain(false)
				t.head = nil
			}
			return AuditChain{}, false, fmt.Errorf("audit chain %d: %w", chain, err)
		}
		t.head = &auditHead{chain: chain, seq: seq, hash: hash}
	default:
		var id int64
		if err := t.queryRow(ctx, `INSERT INTO audit_chains (seq, hash) VALUES (0, ?) RETURNING id`, []byte{}).Scan(&id); err != nil {
			return AuditChain{}, false, fmt.Errorf("create audit chain: %w", err)
		}
		t.head = &auditHead{chain: id, hash: []byte{}, created: true}
	}
	return AuditChain{ID: t.head.chain, Seq: t.head.seq, Hash: t.head.hash}, t.head.created, nil
}

// flushAuditHead writes the chain's new head before commit.
func (t *Tx) flushAuditHead(ctx context.Context) error {
	if t.head == nil || !t.head.dirty {
		return nil
	}
	_, err := t.exec(ctx, `UPDATE audit_chains SET seq = ?, hash = ? WHERE id = ?`, t.head.seq, t.head.hash, t.head.chain)
	return wrap(err, "move audit head")
}

// releaseChain gives the transaction's chain back to the pool once the
// transaction is over: always if it existed before, only if committed if
// the transaction created it. A chain the full pool cannot take is left
// as it is, whole and anchored, and no longer appended to.
func (t *Tx) releaseChain(committed bool) {
	if t.head == nil || (t.head.created && !committed) {
		return
	}
	select {
	case t.db.auditChains <- t.head.chain:
	default:
	}
}

// InsertAudit appends an entry to the chain read with AuditHead and moves
// the head to it (written at commit).
func (t *Tx) InsertAudit(ctx context.Context, r AuditRow) error {
	if t.head == nil || r.Chain != t.head.chain || r.ChainSeq != t.head.seq+1 {
		return fmt.Errorf("insert audit: entry %d of chain %d does not follow the head", r.ChainSeq, r.Chain)
	}
	if _, err := t.exec(ctx, `INSERT INTO audit (chain, chain_seq, at, actor, action, target, scope, source, detail, prev_hash, hash)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		r.Chain, r.ChainSeq, r.At, r.Actor, r.Action, r.Target, r.Scope, r.Source, r.Detail, r.PrevHash, r.Hash); err != nil {
		return fmt.Errorf("insert audit: %w", err)
	}
	t.head.seq, t.head.hash, t.head.dirty = r.ChainSeq, r.Hash, true
	return nil
}

// AuditChains lists the heads of every chain, without locking them.
func (db *DB) AuditChains(ctx context.Context) ([]AuditChain, error) {
	rows, err := db.read.QueryContext(ctx, `SELECT id, seq, hash FROM audit_chains ORDER BY id`)
	if err != nil {
		return nil, fmt.Errorf("audit chains: %w", err)
	}
	return scanChains(rows)
}

// AuditTips lists the heads of the chains other than except that have
// entries, as an anchor records them.
func (t *Tx) AuditTips(ctx context.Context, except int64) ([]AuditChain, error) {
	rows, err := t.tx.QueryContext(ctx, t.db.q(`SELECT id, seq, hash FROM audit_chains WHERE id <> ? AND seq > 0 ORDER BY id`), except)
	if err != nil {
		return nil, fmt.Errorf("audit tips: %w", err)
	}
	return scanChains(rows)
}

func scanChains(rows *sql.Rows) ([]AuditChain, error) {
	defer rows.Close()
	var out []AuditChain
	for rows.Next() {
		var c AuditChain
		if err := rows.Scan(&c.ID, &c.Seq, &c.Hash); err != nil {
			return nil, fmt.Errorf("audit chains: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const auditColumns = `seq, chain, chain_seq, at, actor, action, target, scope, source, detail, prev_hash, hash`

func scanAudit(rows *sql.Rows) (AuditRow, error) {
	var r AuditRow
	err := rows.Scan(&r.Seq, &r.Chain, &r.ChainSeq, &r.At, &r.Actor, &r.Action, &r.Target, &r.Scope, &r.Source, &r.Detail, &r.PrevHash, &r.Hash)
	return r, err
}

func (db *DB) eachAudit(ctx context.Context, fn func(AuditRow) error, query string, args ...any) error {
	rows, err := db.read.QueryContext(ctx, db.q(query), args...)
	if err != nil {
		return fmt.Errorf("read audit: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		r, err := scanAudit(rows)
		if err != nil {
			return fmt.Errorf("read audit: %w", err)
		}
		if err := fn(r); err != nil {
			return err
		}
	}
	return rows.Err()
}

// EachAudit calls fn for every audit entry in global order.
func (db *DB) EachAudit(ctx context.Context, fn func(AuditRow) error) error {
	return db.eachAudit(ctx, fn, `SELECT `+auditColumns+` FROM audit ORDER BY seq`)
}

// EachAuditInChain calls fn for every entry of a chain in chain order.
func (db *DB) EachAuditInChain(ctx context.Context, chain int64, fn func(AuditRow) error) error {
	return db.eachAudit(ctx, fn, `SELECT `+auditColumns+` FROM audit WHERE chain = ? ORDER BY chain_seq`, chain)
}

// EachAuditOutsideChains calls fn for every entry whose chain has no head.
func (db *DB) EachAuditOutsideChains(ctx context.Context, fn func(AuditRow) error) error {
	return db.eachAudit(ctx, fn, `SELECT `+auditColumns+` FROM audit WHERE chain NOT IN (SELECT id FROM audit_chains) ORDER BY chain, chain_seq`)
}

// AuditEntryHash returns the hash of a chain's entry, ErrNotFound if none.
func (db *DB) AuditEntryHash(ctx context.Context, chain, chainSeq int64) ([]byte, error) {
	var h []byte
	err := db.queryRow(ctx, `SELECT hash FROM audit WHERE chain = ? AND chain_seq = ?`, chain, chainSeq).Scan(&h)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	return h, wrap(err, "audit entry")
}

// AuditFor lists the most recent entries about a user, newest first, at
// most limit (every one if limit <= 0): those the user made (actor) and
// those made on the account (target "user:NAME", or the bare name).
func (db *DB) AuditFor(ctx context.Context, username string, limit int) ([]AuditRow, error) {
	if limit <= 0 {
		limit = 1<<31 - 1
	}
	rows, err := db.query(ctx, `SELECT `+auditColumns+` FROM audit
		WHERE actor = ? OR target = ? OR target = ? ORDER BY seq DESC LIMIT ?`, username, "user:"+username, username, limit)
	if err != nil {
		return nil, fmt.Errorf("audit for %s: %w", username, err)
	}
	defer rows.Close()
	var out []AuditRow
	for rows.Next() {
		r, err := scanAudit(rows)
		if err != nil {
			return nil, fmt.Errorf("audit for %s: %w", username, err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// ExecRaw runs a statement outside the domain methods. Tests use it to
// tamper with the database as an attacker with file access would.
func (db *DB) ExecRaw(ctx context.Context, query string, args ...any) error {
	_, err := db.write.ExecContext(ctx, db.q(query), args...)
	if writesAuth(query) {
		db.auth.invalidate()
	}
	return err
}

// AuditRecent lists the most recent entries, newest first, optionally of
// one action (prefix match, "message." for every message action).
func (db *DB) AuditRecent(ctx context.Context, actionPrefix string, before int64, limit int) ([]AuditRow, error) {
	if before <= 0 {
		before = 1<<62 - 1
	}
	rows, err := db.query(ctx, `SELECT `+auditColumns+` FROM audit
		WHERE substr(action, 1, ?) = ? AND seq < ? ORDER BY seq DESC LIMIT ?`, len(actionPrefix), actionPrefix, before, limit)
	if err != nil {
		return nil, fmt.Errorf("audit recent: %w", err)
	}
	defer rows.Close()
	var out []AuditRow
	for rows.Next() {
		r, err := scanAudit(rows)
		if err != nil {
			return nil, fmt.Errorf("audit recent: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}
