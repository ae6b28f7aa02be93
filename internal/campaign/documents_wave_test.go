package campaign_test

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/apptest"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/messaging"
	"github.com/bouclier/bouclier/internal/pdftest"
)

// pdfOf writes a one-page PDF showing lines, its content stream
// uncompressed, in WinAnsi (the accented letters of French are in
// Latin-1), as simple generators write one.
func pdfOf(lines []string) []byte {
	var content strings.Builder
	content.WriteString("BT /F1 12 Tf 72 760 Td 16 TL\n")
	for _, l := range lines {
		var s strings.Builder
		for _, c := range l {
			switch {
			case c == '(' || c == ')' || c == '\\':
				s.WriteByte('\\')
				s.WriteRune(c)
			case c < 0x80:
				s.WriteRune(c)
			case c < 0x100:
				fmt.Fprintf(&s, "\\%03o", c)
			default:
				s.WriteByte('?')
			}
		}
		fmt.Fprintf(&content, "(%s) Tj T*\n", s.String())
	}
	content.WriteString("ET")
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", content.Len(), content.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
	}
	return pdftest.Build("1.4", objs...)
}

// forgedLetter is a letter of the head, a quiet hoax, with the reference
// and date its kit writes in each copy.
func forgedLetter(ref int) []string {
	return []string{
		fmt.Sprintf("Réf. DIR/%04d/%02d — le %d novembre", 1000+37*ref, 1+ref%12, 1+ref%28),
		"Madame, Monsieur,",
		"En raison de travaux urgents sur le réseau de chauffage, l'établissement restera fermé demain toute la journée.",
		"Aucun élève ne sera accueilli ; la cantine et l'internat seront également fermés.",
		"Merci de garder votre enfant à la maison et de prévenir les autres familles de la classe.",
		"Le principal",
	}
}

// ownLetter is a letter of a family's own, about something else each.
func ownLetter(k int) []string {
	return [][]string{
		{"Attestation d'assurance scolaire", "Je soussigné certifie que l'enfant est assuré pour les activités scolaires et extrascolaires de l'année."},
		{"Certificat médical", "Le médecin certifie que l'élève ne présente aucune contre-indication à la pratique de la natation en piscine."},
		{"Autorisation de sortie", "Nous autorisons notre fille à quitter seule l'établissement le mercredi après son dernier cours de la matinée."},
		{"Justificatif de domicile", "Facture d'électricité du mois d'octobre au nom des parents, adresse du logement familial en ville."},
		{"Demande de bourse", "Dossier de demande de bourse de collège, avis d'imposition joint, trois enfants à charge dans le foyer."},
	}[k%5]
}

// TestDocumentWave: five parents of five establishments, from stolen
// device tokens on another network, send their child's teacher a PDF
// beside an emoji and no word. When the PDF is one forged letter of the
// head personalised per copy (its reference and date: no two copies share
// a byte), the letter's words are the wave's, keyed as a body's: an
// incident is contained and no copy is visible. When each sends a
// document of their own, nothing happens: they wait their minute and go.
// The whole send path: the screen reads the page text, messaging carries
// it (Observed.Documents), the detector keys it.
func TestDocumentWave(t *testing.T) {
	for _, c := range []struct {
		name    string
		doc     func(i int) []byte
		contain bool
	}{
		{"one letter personalised per copy", func(i int) []byte { return pdfOf(forgedLetter(i)) }, true},
		{"a document each", func(i int) []byte { return pdfOf(ownLetter(i)) }, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			apptest.Each(t, func(t *testing.T, e *apptest.Env) {
				world(t, e, 5)
				ctx := context.Background()
				var ids []int64
				for i := 1; i <= 5; i++ {
					name := fmt.Sprintf("parent.%d.C1.1", i)
					sess := sessionAs(t, e, name, "198.51.100.0/24", true, e.Clock.Now().Add(-5*time.Minute), false)
					res, err := e.App.Messaging.Send(auth.WithSession(ctx, sess), sess.User,
						messaging.Draft{To: []string{fmt.Sprintf("user:prof.%d", i)}, Subject: "📄", Body: "🙏",
							Attachments: []messaging.Attachment{{Name: fmt.Sprintf("courrier_%d.pdf", i), ContentType: "application/pdf", Data: c.doc(i)}}}, "test")
					if err != nil {
						t.Fatalf("send as %s: %v", name, err)
					}
					ids = append(ids, res.ID)
					if err := e.App.Campaign.Flush(ctx); err != nil {
						t.Fatal(err)
					}
					e.Clock.Advance(time.Second)
				}
				e.Clock.Advance(2 * time.Minute)
				if err := e.App.Campaign.Sweep(ctx); err != nil {
					t.Fatal(err)
				}
				cs := incidents(t, e)
				if !c.contain {
					if len(cs) != 0 {
						t.Errorf("documents of their own: incidents %+v", cs)
					}
					for _, id := range ids {
						if m := message(t, e, id); m.Status != bouclier.StatusDelivered {
							t.Errorf("message %d %s: %v", id, m.Status, m.Reasons)
						}
					}
					return
				}
				if len(cs) != 1 || cs[0].Level != "contain" {
					t.Fatalf("incidents: %+v", cs)
				}
				noneVisible(t, e, ids)
			})
		})
	}
}
