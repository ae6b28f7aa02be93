// Package audit keeps Bouclier's accountability trail: an append-only log
// in the database where each entry carries the SHA-256 of the previous one,
// so that a changed, removed or reordered entry breaks the chain.
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
	"fmt"
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

// Append adds e to the trail inside tx.
func Append(ctx context.Context, tx *store.Tx, e Entry) error {
	seq, prev, err := tx.AuditHead(ctx)
	if err != nil {
		return err
	}
	if prev == nil {
		prev = []byte{} // the first entry follows the empty hash, never NULL
	}
	r := store.AuditRow{
		Seq: seq + 1, At: e.At.UTC().UnixMicro(), Actor: e.Actor, Action: e.Action,
		Target: e.Target, Scope: e.Scope, Source: e.Source, Detail: e.Detail, PrevHash: prev,
	}
	r.Hash = Hash(r)
	return tx.InsertAudit(ctx, r)
}

// Hash computes an entry's hash over its sequence number, its fields and
// the previous hash. Each field is length-prefixed so that moving bytes
// from one field to the next changes the hash.
func Hash(r store.AuditRow) []byte {
	h := sha256.New()
	var n [8]byte
	put := func(b []byte) {
		binary.BigEndian.PutUint64(n[:], uint64(len(b)))
		h.Write(n[:])
		h.Write(b)
	}
	binary.BigEndian.PutUint64(n[:], uint64(r.Seq))
	h.Write(n[:])
	binary.BigEndian.PutUint64(n[:], uint64(r.At))
	h.Write(n[:])
	for _, s := range []string{r.Actor, r.Action, r.Target, r.Scope, r.Source, r.Detail} {
		put([]byte(s))
	}
	put(r.PrevHash)
	return h.Sum(nil)
}

// Broken describes the first entry where the chain fails.
type Broken struct {
	Seq    int64
	Reason string
}

func (b *Broken) Error() string { return fmt.Sprintf("audit entry %d: %s", b.Seq, b.Reason) }

// Verify walks the whole trail and returns the number of entries checked,
// and a *Broken error naming the first entry that does not hold: an entry
// whose content changed (its hash no longer matches), a removed entry (a gap
// in the sequence, or a link to a hash that is not the previous entry's), a
// reordered entry, or a tail cut off (the head records a later entry).
func Verify(ctx context.Context, db *store.DB) (int64, error) {
	var (
		n        int64
		prev           = []byte{}
		expected int64 = 1
		broken   *Broken
	)
	err := db.EachAudit(ctx, func(r store.AuditRow) error {
		switch {
		case r.Seq != expected:
			broken = &Broken{Seq: expected, Reason: fmt.Sprintf("missing (found entry %d next)", r.Seq)}
		case !bytes.Equal(r.PrevHash, prev):
			broken = &Broken{Seq: r.Seq, Reason: "does not follow the previous entry (removed or reordered)"}
		case !bytes.Equal(Hash(r), r.Hash):
			broken = &Broken{Seq: r.Seq, Reason: "content changed (hash " + short(r.Hash) + " does not match)"}
		}
		if broken != nil {
			return broken
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
	seq, hash, err := db.AuditTip(ctx)
	if err != nil {
		return n, err
	}
	if seq != n || !bytes.Equal(hash, prev) {
		return n, &Broken{Seq: n + 1, Reason: fmt.Sprintf("missing: the trail ends at entry %d but its head records entry %d", n, seq)}
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
