package national

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/ed25519"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"sync"
	"time"
)

// Signal kinds.
const (
	KindObs      = "obs"      // an observation: a wave's evidence
	KindIncident = "incident" // an incident contained (deployment) or confirmed (operator)
	KindSuspend  = "suspend"  // a suspension of a scope's messaging
	KindLift     = "lift"     // a suspension lifted
)

// Operator is the From of the national operator's signals.
const Operator = "national"

// Signal is what crosses between deployments. It carries detection data
// only: keyed fingerprints, pseudonyms, counts, académies and roles; never
// a body, a subject, a name or an address (TestPayloadsCarryNoPersonalData).
type Signal struct {
	ID         string      `json:"id"`   // unique, the JetStream Nats-Msg-Id: duplicates are dropped
	From       string      `json:"from"` // deployment name, or Operator
	Kind       string      `json:"kind"`
	At         time.Time   `json:"at"`
	Obs        *Obs        `json:"obs,omitempty"`
	Incident   *Incident   `json:"incident,omitempty"`
	Suspension *Suspension `json:"suspension,omitempty"`
}

// Obs is one observed message, as the other deployments may see it.
type Obs struct {
	Sketch     []uint32 `json:"sketch,omitempty"`   // keyed MinHash of the text's terms
	Features   []int64  `json:"features,omitempty"` // keyed attachment digests and link domains
	Sender     string   `json:"sender"`             // keyed pseudonym, stable within the deployment
	School     string   `json:"school,omitempty"`   // keyed pseudonym of the establishment
	Academie   string   `json:"academie,omitempty"`
	Role       string   `json:"role"`
	Flags      int64    `json:"flags"` // the campaign's signal flags
	Recipients int      `json:"recipients"`
}

// Incident is a signature: the keyed sketches and features of a contained
// or confirmed wave.
type Incident struct {
	Ref       string     `json:"ref"`
	Level     string     `json:"level"`
	Sketches  [][]uint32 `json:"sketches,omitempty"`
	Features  []int64    `json:"features,omitempty"`
	Academies []string   `json:"academies,omitempty"`
	Senders   int        `json:"senders"`
	Schools   int        `json:"schools"`
}

// Suspension is a suspension of messaging in a scope ("national" or
// "academie:ID"), or the lifting of one (KindLift: only ID counts).
type Suspension struct {
	ID             string    `json:"id"`
	Scope          string    `json:"scope"`
	Roles          []string  `json:"roles,omitempty"`
	Reason         string    `json:"reason,omitempty"`
	Until          time.Time `json:"until,omitzero"`
	StopsReceiving bool      `json:"stops_receiving,omitempty"`
}

// envelope is what is published: the signal's JSON and its ed25519
// signature by the sender's key, so that the signature covers exactly the
// bytes received.
type envelope struct {
	Body []byte `json:"body"`
	Sig  []byte `json:"sig"`
}

// seal encodes and signs a signal.
func seal(s Signal, key ed25519.PrivateKey) ([]byte, error) {
	body, err := json.Marshal(s)
	if err != nil {
		return nil, fmt.Errorf("encode signal: %w", err)
	}
	return json.Marshal(envelope{Body: body, Sig: ed25519.Sign(key, body)})
}

// errRefused marks a signal refused for its authority.
var errRefused = errors.New("signal refused")

// open decodes an envelope and checks its signature with the key of the
// signal's sender (keyOf returns nil for an unknown one).
func open(data []byte, keyOf func(from string) ed25519.PublicKey) (Signal, error) {
	var env envelope
	if err := json.Unmarshal(data, &env); err != nil {
		return Signal{}, fmt.Errorf("%w: malformed envelope", errRefused)
	}
	var s Signal
	if err := json.Unmarshal(env.Body, &s); err != nil {
		return Signal{}, fmt.Errorf("%w: malformed signal", errRefused)
	}
	pub := keyOf(s.From)
	if pub == nil {
		return Signal{}, fmt.Errorf("%w: unknown sender %q", errRefused, s.From)
	}
	if !ed25519.Verify(pub, env.Body, env.Sig) {
		return Signal{}, fmt.Errorf("%w: bad signature from %q", errRefused, s.From)
	}
	return s, nil
}

// newID returns a fresh signal id for a sender.
func newID(from string) string {
	b := make([]byte, 12)
	_, _ = rand.Read(b)
	return from + "-" + hex.EncodeToString(b)
}

// Keyer turns what the campaign computes into fingerprints only those
// holding the national sketch key can compare: each MinHash value and
// feature goes through AES-256 (a pseudorandom permutation of its block:
// position and value), pseudonyms through HMAC-SHA-256. Equal inputs stay
// equal, so similarity is the same on keyed sketches; without the key a
// sketch or pseudonym cannot be tested against guessed texts or
// identifiers. AES because a sketch is 32 values: HMAC costs ~30 times
// more here.
type Keyer struct {
	block cipher.Block
	mac   sync.Pool
}

// NewKeyer returns a keyer for a sketch key of at least 32 bytes.
func NewKeyer(key []byte) (*Keyer, error) {
	if len(key) < 32 {
		return nil, errors.New("national: the sketch key must have at least 32 bytes")
	}
	// Two keys from one: AES for values, HMAC for pseudonyms.
	m := hmac.New(sha256.New, key)
	m.Write([]byte("bouclier sketch values"))
	bk := m.Sum(nil)
	m = hmac.New(sha256.New, key)
	m.Write([]byte("bouclier pseudonyms"))
	pk := m.Sum(nil)
	block, err := aes.NewCipher(bk)
	if err != nil {
		return nil, fmt.Errorf("national: sketch key: %w", err)
	}
	return &Keyer{block: block, mac: sync.Pool{New: func() any { return hmac.New(sha256.New, pk) }}}, nil
}

func (k *Keyer) prf(kind byte, pos uint32, v uint64) uint64 {
	var in, out [aes.BlockSize]byte
	in[0] = kind
	binary.BigEndian.PutUint32(in[1:], pos)
	binary.BigEndian.PutUint64(in[5:], v)
	k.block.Encrypt(out[:], in[:])
	return binary.BigEndian.Uint64(out[:])
}

// Sketch keys a MinHash signature value by value (nil for nil).
func (k *Keyer) Sketch(sig []uint32) []uint32 {
	if len(sig) == 0 {
		return nil
	}
	out := make([]uint32, len(sig))
	for i, v := range sig {
		out[i] = uint32(k.prf('m', uint32(i), uint64(v)))
	}
	return out
}

// Feature keys a campaign feature key (attachment digest or link domain).
func (k *Keyer) Feature(f int64) int64 { return int64(k.prf('f', 0, uint64(f))) }

// Pseudonym keys an identifier of kind ("sender", "school") so that it is
// stable but opaque.
func (k *Keyer) Pseudonym(kind, id string) string {
	h := k.mac.Get().(hash.Hash)
	h.Reset()
	h.Write([]byte(kind))
	h.Write([]byte{0})
	h.Write([]byte(id))
	out := hex.EncodeToString(h.Sum(nil)[:12])
	k.mac.Put(h)
	return out
}

// bandKeys cuts a keyed sketch into index keys, as the campaign cuts its
// signatures: two rows a band.
func bandKeys(sk []uint32) []int64 {
	out := make([]int64, 0, len(sk)/2)
	for b := 0; b+1 < len(sk); b += 2 {
		out = append(out, int64(uint64(sk[b])<<32|uint64(sk[b+1]))^int64(b+1)<<57)
	}
	return out
}

// similarity is the share of equal values of two keyed sketches.
func similarity(a, b []uint32) float64 {
	if len(a) == 0 || len(a) != len(b) {
		return 0
	}
	n := 0
	for i := range a {
		if a[i] == b[i] {
			n++
		}
	}
	return float64(n) / float64(len(a))
}
