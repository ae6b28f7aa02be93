// Package audit keeps Bouclier's accountability trail: an append-only log
// in the database where each entry carries the SHA-256 of the previous one,
// so that a changed, removed or reordered entry breaks the chain.
//
// Each writer appends to a chain of its own: a process keeps a small pool
// of chains and a transaction takes one no other transaction is using, so
// that neither processes sharing a database nor concurrent transactions
// of one process wait for one another's appends. A chain starts with an
// anchor entry recording the heads of the other chains and anchors again
// every AnchorEvery entries, so that the chains vouch for each other.
// Verify checks them all.
//
// Entries are appended inside the transaction of the change they record,
// so an event and its audit entry are committed together or not at all.
package audit

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/bouclier/bouclier/internal/store"
)

// Entry is one security-relevant event.
type Entry struct {
	At     time.Time // stored in UTC, to the microsecond
	Actor  string    // username, or "system"
	Action string    // dotted verb: "login.success", "message.sent", "suspension.create"…
	Target string    // what was acted on: "user:NAME", "message:ID"…
	Scope  string    // "national", "academie:ID", "establishment:UAI" or ""
	Source string    // client address
	Detail string    // short free text or JSON; never a secret
}

// AnchorEvery is how often (in entries) a chain records the heads of the
// other chains again, besides its first entry.
const AnchorEvery = 1000

// AnchorAction is the action of the entries by which chains vouch for each
// other.
const AnchorAction = "audit.anchor"

// Append adds e to the trail inside tx, on this process's chain. The
// chain's first entry, and every AnchorEvery-th, is an anchor recording
// the heads of the other chains.
func Append(ctx context.Context, tx *store.Tx, e Entry) error {
	head, _, err := tx.AuditHead(ctx)
	if err != nil {
		return err
	}
	prev := head.Hash
	if prev == nil {
		prev = []byte{} // the first entry follows the empty hash, never NULL
	}
	seq := head.Seq
	if seq == 0 || (seq+1)%AnchorEvery == 0 {
		tips, err := tx.AuditTips(ctx, head.ID)
		if err != nil {
			return err
		}
		a := store.AuditRow{Chain: head.ID, ChainSeq: seq + 1, At: e.At.UTC().UnixMicro(), Actor: "system", Action: AnchorAction,
			Target: fmt.Sprintf("chain:%d", head.ID), Detail: formatTips(tips), PrevHash: prev}
		a.Hash = Hash(a)
		if err := tx.InsertAudit(ctx, a); err != nil {
			return err
		}
		seq, prev = a.ChainSeq, a.Hash
	}
	r := store.AuditRow{
		Chain: head.ID, ChainSeq: seq + 1, At: e.At.UTC().UnixMicro(), Actor: e.Actor, Action: e.Action,
		Target: e.Target, Scope: e.Scope, Source: e.Source, Detail: e.Detail, PrevHash: prev,
	}
	r.Hash = Hash(r)
	return tx.InsertAudit(ctx, r)
}

// tip is one chain's head as an anchor records it.
type tip struct {
	chain, seq int64
	hash       string
}

// formatTips writes the heads of chains as "tips CHAIN:SEQ:HASH …".
func formatTips(cs []store.AuditChain) string {
	var b strings.Builder
	b.WriteString("tips")
	for _, c := range cs {
		fmt.Fprintf(&b, " %d:%d:%s", c.ID, c.Seq, hex.EncodeToString(c.Hash))
	}
	return b.String()
}

func parseTips(detail string) ([]tip, error) {
	f := strings.Fields(detail)
	if len(f) == 0 || f[0] != "tips" {
		return nil, fmt.Errorf("not a list of chain heads")
	}
	var out []tip
	for _, s := range f[1:] {
		parts := strings.Split(s, ":")
		if len(parts) != 3 {
			return nil, fmt.Errorf("bad chain head %q", s)
		}
		c, err1 := strconv.ParseInt(parts[0], 10, 64)
		n, err2 := strconv.ParseInt(parts[1], 10, 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("bad chain head %q", s)
		}
		out = append(out, tip{chain: c, seq: n, hash: parts[2]})
	}
	return out, nil
}

// Hash computes an entry's hash over its number in its chain, its fields
// and the previous hash. Each field is length-prefixed so that moving bytes
// from one field to the next changes the hash. A chain's identity is in
// its first entry, an anchor naming it: every later entry links back to it.
func Hash(r store.AuditRow) []byte {
	h := sha256.New()
	var n [8]byte
	put := func(b []byte) {
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	binary.BigEndian.PutUint64(n[:], uint64(r.ChainSeq))
	h.Write(n[:])
	binary.BigEndian.PutUint64(n[:], uint64(r.At))
	h.Write(n[:])
	for _, s := range []string{r.Actor, r.Action, r.Target, r.Scope, r.Source, r.Detail} {
		put([]byte(s))
	}
	put(r.PrevHash)
	return h.Sum(nil)
}

// Broken describes the first entry where the trail fails.
type Broken struct {
	Chain  int64
	Seq    int64 // the entry's number in its chain
	Reason string
}

func (b *Broken) Error() string {
	return fmt.Sprintf("audit chain %d entry %d: %s", b.Chain, b.Seq, b.Reason)
}

// legacyChain holds the entries written before the trail had one chain
// per writer; it does not start with an anchor.
const legacyChain = 1

// Verify walks every chain and returns the number of entries checked, and
// a *Broken error naming the first entry that does not hold (chains in
// order, entries in chain order): an entry whose content changed (its hash
// no longer matches), a removed entry (a gap in its chain's numbers, or a
// link to a hash that is not the previous entry's), a reordered entry, a
// tail cut off (the chain's head records a later entry), a chain that does
// not start with its anchor, an entry of a chain that has no head, or an
// entry another chain's anchor vouched for that is gone or changed.
func Verify(ctx context.Context, db *store.DB) (int64, error) {
	chains, err := db.AuditChains(ctx)
	if err != nil {
		return 0, err
	}
	var (
		n       int64
		broken  *Broken
		anchors []struct {
			from Broken // the anchor's place, to report
			tips []tip
		}
	)
	for _, c := range chains {
		prev, expected := []byte{}, int64(1)
		err := db.EachAuditInChain(ctx, c.ID, func(r store.AuditRow) error {
			switch {
			case r.ChainSeq != expected:
				broken = &Broken{Chain: c.ID, Seq: expected, Reason: fmt.Sprintf("missing (found entry %d next)", r.ChainSeq)}
			case !bytes.Equal(r.PrevHash, prev):
				broken = &Broken{Chain: c.ID, Seq: r.ChainSeq, Reason: "does not follow the previous entry (removed or reordered)"}
			case !bytes.Equal(Hash(r), r.Hash):
				broken = &Broken{Chain: c.ID, Seq: r.ChainSeq, Reason: "content changed (hash " + short(r.Hash) + " does not match)"}
			case r.ChainSeq == 1 && c.ID != legacyChain && (r.Action != AnchorAction || r.Target != fmt.Sprintf("chain:%d", c.ID)):
				broken = &Broken{Chain: c.ID, Seq: 1, Reason: "the chain does not start with its anchor"}
			}
			if broken != nil {
				return broken
			}
			if r.Action == AnchorAction && r.Actor == "system" {
				tips, err := parseTips(r.Detail)
				if err != nil {
					broken = &Broken{Chain: c.ID, Seq: r.ChainSeq, Reason: "anchor: " + err.Error()}
					return broken
				}
				anchors = append(anchors, struct {
					from Broken
					tips []tip
				}{Broken{Chain: c.ID, Seq: r.ChainSeq}, tips})
			}
			n++
			expected++
			prev = r.Hash
			return nil
		})
		if broken != nil {
			return n, broken
		}
		if err != nil {
			return n, err
		}
		if last := expected - 1; c.Seq != last || !bytes.Equal(c.Hash, prev) {
			return n, &Broken{Chain: c.ID, Seq: last + 1, Reason: fmt.Sprintf("missing: the chain ends at entry %d but its head records entry %d", last, c.Seq)}
		}
	}
	err = db.EachAuditOutsideChains(ctx, func(r store.AuditRow) error {
		broken = &Broken{Chain: r.Chain, Seq: r.ChainSeq, Reason: "belongs to no known chain (its head was removed)"}
		return broken
	})
	if broken != nil {
		return n, broken
	}
	if err != nil {
		return n, err
	}
	for _, a := range anchors {
		for _, t := range a.tips {
			h, err := db.AuditEntryHash(ctx, t.chain, t.seq)
			if errors.Is(err, store.ErrNotFound) || (err == nil && hex.EncodeToString(h) != t.hash) {
				return n, &Broken{Chain: t.chain, Seq: t.seq, Reason: fmt.Sprintf("missing or changed: the anchor at chain %d entry %d recorded it", a.from.Chain, a.from.Seq)}
			}
			if err != nil {
				return n, err
			}
		}
	}
	return n, nil
}

func short(b []byte) string {
	s := hex.EncodeToString(b)
	if len(s) > 12 {
		s = s[:12]
	}
	return s
}
