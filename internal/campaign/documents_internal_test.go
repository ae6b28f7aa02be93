package campaign

import (
	"log/slog"
	"slices"
	"strings"
	"testing"

	"github.com/bouclier/bouclier/internal/messaging"
)

// circular is a head's letter to families, the words a mail merge keeps.
const circular = "Madame, Monsieur, les rencontres parents-professeurs du premier trimestre auront lieu au collège. " +
	"Vous pourrez y rencontrer l'équipe pédagogique de la classe de votre enfant et faire le point sur ses résultats, " +
	"son travail personnel et son orientation. Merci de réserver un créneau auprès du professeur principal au moyen du " +
	"coupon joint, à rendre avant la fin de la semaine. Je vous remercie de votre présence. La principale."

// TestDocumentKeys: copies of one document whose words differ by what a
// kit or a mail merge changes (a reference, a date, a family's name, a
// class) share a key; another letter of the same establishment, sharing
// its letterhead and formulae, does not; what has no words gives none.
func TestDocumentKeys(t *testing.T) {
	m := FrenchModel{}
	base := documentKeys(m, []string{"Famille Dubois — classe de 4e B — le 12 novembre\n" + circular})
	if len(base) != DocumentBands {
		t.Fatalf("keys: %d, want %d", len(base), DocumentBands)
	}
	for _, c := range []struct {
		name  string
		docs  []string
		share bool
	}{
		{"another family and class", []string{"Famille Nguyen-Lefèvre — classe de 3e A — le 14 novembre\n" + circular}, true},
		{"a reference", []string{"Réf. DIR/2291/11\n" + circular}, true},
		{"beside another document", []string{"Coupon-réponse à rendre", "Famille Petit — classe de 5e C\n" + circular}, true},
		{"another letter, same formulae", []string{"Madame, Monsieur, en raison d'un mouvement de grève des agents jeudi, la demi-pension sera fermée et " +
			"l'accueil des élèves sera limité aux heures de cours. Je vous remercie de votre compréhension. La principale."}, false},
		{"no words read", []string{"", "  \n "}, false},
		{"none", nil, false},
	} {
		got := documentKeys(m, c.docs)
		shared := slices.ContainsFunc(got, func(k int64) bool { return slices.Contains(base, k) })
		if shared != c.share {
			t.Errorf("%s: shares a key %v, want %v", c.name, shared, c.share)
		}
		for _, k := range got {
			if isPicture(k) {
				t.Errorf("%s: a document key taken for a picture", c.name)
			}
		}
	}
	// A document too short for a signature is known by its term set, as a
	// short body; it is never a body's key.
	short := documentKeys(m, []string{"Collège fermé"})
	if len(short) != 1 || short[0] == shortTextKey(m.Terms("Collège fermé")) {
		t.Errorf("short document: %v", short)
	}
	// Bounded: each document is read up to DocumentBytes, and past
	// DocumentsPerWatch bytes no further document is read (numbers have
	// no terms).
	long := strings.Repeat("12 ", DocumentBytes)
	if got := documentKeys(m, []string{long + circular}); len(got) != 0 {
		t.Errorf("past a document's bound: %d keys", len(got))
	}
	if got := documentKeys(m, []string{long, circular}); len(got) != DocumentBands {
		t.Errorf("a second document within the bound: %d keys", len(got))
	}
	if got := documentKeys(m, []string{long, long, circular}); len(got) != 0 {
		t.Errorf("past the bound: %d keys", len(got))
	}
}

// TestDocumentFeatures: a message's document keys are added beside its
// digests and its body's keys, never in their place: a message whose
// document the screen could not read is keyed as it was, and a body's
// signature is the body's whatever the documents say.
func TestDocumentFeatures(t *testing.T) {
	d := &Detector{model: FrenchModel{}, log: slog.Default()}
	o := &messaging.Observed{Subject: "Réunion", Body: "Bonjour, voici le courrier de la principale pour la réunion de jeudi.",
		Digests: []string{"00ff"}, Attachments: []messaging.Attachment{{Name: "a.pdf", Data: []byte("%PDF-1.4")}}}
	unread := d.features(o)
	o.Documents = []string{circular}
	read := d.features(o)
	if !slices.Equal(unread.sig, read.sig) {
		t.Error("the documents changed the body's signature")
	}
	for _, k := range unread.keys {
		if !slices.Contains(read.keys, k) {
			t.Errorf("key %x of the unread message lost once the document is read", k)
		}
	}
	if len(read.extra) != len(unread.extra)+DocumentBands {
		t.Errorf("extra: %d read, %d unread", len(read.extra), len(unread.extra))
	}
}
