package screen

import (
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"os"
	"strings"
	"testing"
)

// The morphology table gives lemma, part of speech, mood and person from
// the hunspell-fr-comprehensive dictionary.
func TestMorphology(t *testing.T) {
	tests := []struct {
		word, lemma string
		mood        Mood
		person      Person
	}{
		{"tuerai", "tuer", MoodFuture, Person1Sg},
		{"tuez", "tuer", MoodImperative, Person2Pl},
		{"tuez", "tuer", MoodPresent, Person2Pl},
		{"armé", "armer", MoodPastParticiple, 0},
		{"vais", "aller", MoodPresent, Person1Sg},
		{"brûlerons", "bruler", MoodFuture, Person1Pl},
		{"égorgeraient", "egorger", MoodConditional, Person3Pl},
		{"exploseront", "exploser", MoodFuture, Person3Pl},
		{"poignardez", "poignarder", MoodImperative, Person2Pl},
		{"décapité", "decapiter", MoodPastParticiple, 0},
		{"faut", "falloir", MoodPresent, Person3Sg},
		{"allait", "aller", MoodImperfect, Person3Sg},
		{"appellerai", "apeler", MoodFuture, Person1Sg}, // keys squeeze doubled letters but l and e
	}
	for _, tc := range tests {
		found := false
		for _, m := range Analyse(tc.word) {
			if m.POS == POSVerb && m.Lemma == tc.lemma && m.Moods&tc.mood != 0 && m.Persons&tc.person == tc.person {
				found = true
			}
		}
		if !found {
			t.Errorf("%s: want %s %v %v, got %+v", tc.word, tc.lemma, tc.mood, tc.person, Analyse(tc.word))
		}
	}
	// Not verbs, or not words.
	for _, w := range []string{"xqzt", "", "deux mots"} {
		if got := Analyse(w); len(got) > 0 {
			t.Errorf("%q: want no analysis, got %+v", w, got)
		}
	}
}

// The table's NOTICE records the hash of the committed table.
func TestMorphTableMatchesNotice(t *testing.T) {
	notice, err := os.ReadFile("data/NOTICE")
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(morphTable)
	if !strings.Contains(string(notice), hex.EncodeToString(sum[:])) {
		t.Fatalf("data/NOTICE does not record the SHA-256 of data/morph.tsv.gz (%x): regenerate with go run ./cmd/screenlex and update the notice", sum)
	}
	m, err := loadMorph(morphTable)
	if err != nil || m.keys() < 100000 {
		t.Fatalf("table: %v", err)
	}
}

// Contractions of a subject and a verb (j'vais, jvais, chui) read as first
// person.
func TestContractions(t *testing.T) {
	for _, s := range []string{"j'vais te tuer", "jvais te tuer", "je vais te tuer", "jte tue demain", "chui armé"} {
		fs := framesOf(s)
		ok := false
		for _, f := range fs {
			if f.act != actNone && f.actor == actor1 {
				ok = true
			}
		}
		if !ok {
			t.Errorf("%q: no first-person act in %+v", s, fs)
		}
	}
}

func BenchmarkMorphLookup(b *testing.B) {
	morphLookup("tuer")
	words := []string{"tuerai", "vais", "collège", "demain", "exploseront"}
	for i := 0; i < b.N; i++ {
		morphLookup(words[i%len(words)])
	}
}

// A damaged table is an error (the engine then holds every message), not a
// table that silently answers nothing; so is one out of order, which the
// binary search could not read.
func TestLoadMorphRejectsBadTables(t *testing.T) {
	gz := func(s string) []byte {
		var b bytes.Buffer
		w := gzip.NewWriter(&b)
		w.Write([]byte(s))
		w.Close()
		return b.Bytes()
	}
	good := "tuer\ttuer\t1\t1\t0\ntuerai\ttuer\t1\t64\t1\n"
	m, err := loadMorph(gz(good))
	if err != nil || len(m.lookup("tuerai")) != 1 || m.lookup("tuerai")[0].Lemma != "tuer" || m.lookup("tu") != nil {
		t.Fatalf("good table: %v %+v", err, m)
	}
	for name, s := range map[string]string{
		"four fields": "tuer\ttuer\t1\t1\n",
		"six fields":  "tuer\ttuer\t1\t1\t0\t0\n",
		"not number":  "tuer\ttuer\tverbe\t1\t0\n",
		"not sorted":  "tuerai\ttuer\t1\t64\t1\ntuer\ttuer\t1\t1\t0\n",
		"not gzip":    "",
	} {
		data := gz(s)
		if name == "not gzip" {
			data = []byte("plain text")
		}
		if _, err := loadMorph(data); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
}

// TestMorphTableDamaged: a table whose stream is cut, longer than its
// trailer says, or whose checksum fails is refused, not loaded in part.
func TestMorphTableDamaged(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("abroutie\tabroutir\t1\t4\t0\n"))
	zw.Close()
	good := buf.Bytes()
	if _, err := loadMorph(good); err != nil {
		t.Fatalf("a good table: %v", err)
	}
	grow := func(b []byte, delta uint32) []byte { // the trailer's size moved
		b = bytes.Clone(b)
		n := len(b)
		binary.LittleEndian.PutUint32(b[n-4:], binary.LittleEndian.Uint32(b[n-4:])+delta)
		return b
	}
	crc := bytes.Clone(good)
	crc[len(crc)-8] ^= 1
	for name, data := range map[string][]byte{
		"cut":            good[:len(good)-9],
		"size too large": grow(good, 1),
		"size too small": grow(good, ^uint32(0)),
		"checksum":       crc,
	} {
		if _, err := loadMorph(data); err == nil {
			t.Errorf("%s: loaded", name)
		}
	}
}
