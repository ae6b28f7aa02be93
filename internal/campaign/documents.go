package campaign

import (
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode/utf8"
)

// Documents: a letter sent as a PDF (or an office document, a text
// file) personalised per copy — a reference, a family's name, a date —
// shares no digest with its copies, and beside emoji the message has no
// text to key: the words are in the document. The screen reads them
// (messaging.Observed.Documents); each document is keyed here by its
// words as a body is, through the same model (normalised, stop words
// out, synonyms mapped, stemmed, numbers dropped), so that copies whose
// words differ only by what a mail merge changes share a key.
//
// A document's keys are added to the message's Extra, beside its digest:
// they never replace a key, so a document the screen could not read (a
// scan, an encrypted file, over the inspection's bounds) is keyed as
// before, by its digest and what it shows, and its words cannot dilute
// the body's likeness either (they are keyed apart from it).
//
// Its signature is cut into DocumentBands bands of DocumentRows values,
// longer than a body's (Rows): an Extra key makes two messages alike on
// its own, without the signature's check, and letters of one
// establishment share their letterhead and formulae (« Madame,
// Monsieur », « Je vous remercie de votre compréhension »). Two documents
// share a band with probability 1-(1-J^4)^8: 0.99 at J=0.8 (a page of
// forty terms with two changed per copy is about 0.9), 0.40 at J=0.5,
// 0.01 at J=0.2.
const (
	DocumentRows  = 4
	DocumentBands = Hashes / DocumentRows
	// DocumentBytes bound the words read per document and per message:
	// the screen reads up to 64 KiB of each attachment, and the terms are
	// computed on the send path.
	DocumentBytes     = 16 << 10
	DocumentsPerWatch = 32 << 10
)

// documentKeys returns the Extra keys of a message's documents' words:
// for each document, its band keys, or the key of its term set when it is
// too short for a signature (as a short body).
func documentKeys(m TextModel, docs []string) []int64 {
	var out []int64
	budget := DocumentsPerWatch
	for _, doc := range docs {
		if budget <= 0 {
			break
		}
		doc = cutText(doc, min(DocumentBytes, budget))
		budget -= len(doc)
		if strings.TrimSpace(doc) == "" {
			continue
		}
		terms := m.Terms(doc)
		if len(terms) == 0 {
			continue
		}
		sig := SignTerms(terms)
		if sig == nil {
			out = append(out, termSetKey("t", terms))
			continue
		}
		out = append(out, sig.documentBandKeys()...)
	}
	return out
}

// documentBandKeys returns a document signature's keys, one per band of
// DocumentRows values, named apart from a body's band keys and from the
// other features' keys.
func (s Signature) documentBandKeys() []int64 {
	out := make([]int64, 0, DocumentBands)
	h := fnv.New64a()
	var b [4]byte
	for band := range DocumentBands {
		h.Reset()
		h.Write([]byte{'D', byte(band)})
		for _, v := range s[band*DocumentRows : (band+1)*DocumentRows] {
			binary.BigEndian.PutUint32(b[:], v)
			h.Write(b[:])
		}
		k := int64(splitmix64(h.Sum64()))
		if isPicture(k) {
			// A picture's tag is kept for pictures: they are compared by
			// likeness, not equality.
			k ^= 1 << 62
		}
		out = append(out, k)
	}
	return out
}

// cutText returns at most n bytes of s, cut on a character boundary.
func cutText(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
