package drill

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"image"
	"image/jpeg"
	"math/rand/v2"
	"strings"
)

// A PDF the scenarios attach, written here (nothing third-party) as
// simple generators write one: a page whose text is a compressed content
// stream, and a link annotation. Each copy is personalised as a phishing
// kit does — a reference number in the text, its own domain in the link —
// so that no two copies share a byte, a digest or a link domain.

// canteenBill are the lines of the PDF bill.
var canteenBill = []string{
	"Service de restauration scolaire",
	"Avis de paiement en attente",
	"Le solde du compte cantine de votre enfant est débiteur.",
	"Sans règlement sous 48 heures, l'accès au self sera suspendu.",
	"Réglez en ligne par carte bancaire sur l'espace de paiement sécurisé.",
}

// billPDF returns a personalised copy of the bill.
func billPDF(r *rand.Rand) []byte {
	ref := fmt.Sprintf("%06d", r.IntN(1000000))
	url := fmt.Sprintf("https://paiement.regie-%x.fr/facture/%s", r.Uint32(), ref)
	return pagePDF(r, append(append([]string(nil), canteenBill...), "Référence : "+ref, "Montant dû : "+fmt.Sprintf("%d,%02d EUR", 20+r.IntN(80), r.IntN(100))), url)
}

// principalLetter are the lines of a forged letter of the head: the
// quiet hoax, on the establishment's letterhead, without a link.
var principalLetter = []string{
	"Collège - Direction",
	"Madame, Monsieur,",
	"En raison d'une opération de maintenance des locaux, les cours de demain n'auront pas lieu.",
	"Les élèves resteront à la maison toute la journée ; la demi-pension sera fermée.",
	"Je vous remercie de votre compréhension.",
	"Le principal",
}

// letterPDF returns a personalised copy of the forged letter: its own
// reference and date line, so that no two copies share a byte.
func letterPDF(r *rand.Rand) []byte {
	lines := append([]string{fmt.Sprintf("Réf. DIR/%04d/%02d", r.IntN(10000), 1+r.IntN(12))}, principalLetter...)
	return pagePDF(r, lines, "")
}

// pagePDF returns a one-page PDF of lines, with a link annotation to url
// unless it is empty.
func pagePDF(r *rand.Rand, lines []string, url string) []byte {
	var content strings.Builder
	content.WriteString("BT /F1 12 Tf 72 760 Td 16 TL\n")
	for _, l := range lines {
		fmt.Fprintf(&content, "(%s) Tj T*\n", pdfEscape(l))
	}
	content.WriteString("ET\n")
	var z bytes.Buffer
	zw, _ := zlib.NewWriterLevel(&z, 1+r.IntN(9))
	_, _ = zw.Write([]byte(content.String()))
	_ = zw.Close()
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> /Annots [6 0 R] >>",
		fmt.Sprintf("<< /Length %d /Filter /FlateDecode >>\nstream\n%s\nendstream", z.Len(), z.String()),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		fmt.Sprintf("<< /Type /Annot /Subtype /Link /Rect [72 600 400 620] /A << /S /URI /URI (%s) >> >>", url),
	}
	if url == "" {
		objs[2] = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>"
		objs = objs[:5]
	}
	return pdfFile(r, objs)
}

// pdfFile writes objs as a PDF file: header, objects, cross-reference
// table, trailer (its ID drawn from r).
func pdfFile(r *rand.Rand, objs []string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R /ID [<%032x> <%032x>] >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, r.Uint64(), r.Uint64(), xref)
	return b.Bytes()
}

// pdfEscape writes s as a PDF literal string's content in WinAnsi (the
// accented letters of French are in Latin-1).
func pdfEscape(s string) string {
	var b strings.Builder
	for _, c := range s {
		switch {
		case c == '(' || c == ')' || c == '\\':
			b.WriteByte('\\')
			b.WriteRune(c)
		case c == '\'' || c == '’':
			b.WriteByte('\'')
		case c < 0x80:
			b.WriteRune(c)
		case c < 0x100:
			fmt.Fprintf(&b, "\\%03o", c)
		default:
			b.WriteByte('?')
		}
	}
	return b.String()
}

// pdfNotes are what each sender of the PDF wave writes beside it, no two
// alike and none about the bill: the words are in the document.
var pdfNotes = []struct{ subject, body string }{
	{"Document", "Bonjour, ci-joint le document reçu ce matin."},
	{"Pièce jointe", "Voir le fichier."},
	{"Pour info", "Je vous transmets ceci, merci de regarder quand vous pourrez."},
	{"Question", "Est-ce normal ? Merci de votre retour."},
	{"À lire", "Bonne journée."},
	{"Courrier", "Reçu hier soir, je préfère vous le faire suivre."},
	{"Fichier", "Ci-joint."},
	{"Info", "Vous avez reçu la même chose ?"},
}

// strikeLetter is a head's letter to families, which parents then
// forward to their children's teachers with a question.
const strikeLetter = "Madame, Monsieur, en raison d'un mouvement de grève des agents jeudi, la demi-pension sera fermée et l'accueil des élèves " +
	"sera limité aux heures de cours. Les élèves demi-pensionnaires devront apporter un repas froid. Je vous remercie de votre compréhension. La principale."

// forwardIntro is what a parent writes above the head's letter they pass on.
var forwardIntro = []string{
	"Bonjour, avez-vous reçu ce courrier de la principale ? Ma fille aura-t-elle cours l'après-midi ? ",
	"Bonjour Madame, je vous fais suivre le message de la direction : le contrôle de jeudi est-il maintenu ? ",
	"Tr : ",
	"Bonjour, pour information, voici le courrier reçu. Merci. ",
}

// homeworkTemplate is the homework every teacher of an académie sends
// the same morning, word for word, from the académie's common plan.
const homeworkTemplate = "Bonjour à tous, dans le cadre de la semaine académique des mathématiques, chaque classe fera l'énigme n° 4 " +
	"du livret commun pour jeudi : elle est en ligne sur l'ENT, rubrique Mathématiques. Bon courage à tous."

// academyCircular are the lines of the académie's circular on the
// national day against bullying, which heads send to every family as a
// PDF: the rectorat personalises it per establishment (its name), a head's
// mail merge per family (the family's name and the pupil's class).
var academyCircular = []string{
	"Objet : journée nationale de lutte contre le harcèlement à l'école",
	"Madame, Monsieur,",
	"La journée nationale de lutte contre le harcèlement aura lieu jeudi dans toutes les écoles, tous les collèges et tous les lycées de l'académie.",
	"Les élèves participeront en classe à des ateliers animés par les professeurs et les ambassadeurs élèves formés cette année.",
	"Vous trouverez au verso les numéros utiles : le 3018 pour le cyberharcèlement, le 3020 pour toute situation de harcèlement.",
	"Si votre enfant se confie à vous, n'hésitez pas à prendre contact avec le professeur principal ou le conseiller principal d'éducation.",
	"Nous vous remercions de votre attention et de votre confiance.",
	"Le recteur de l'académie, par délégation, le chef d'établissement",
}

// familyNames are the families a head's mail merge addresses.
var familyNames = []string{"Martin", "Bernard", "Nguyen", "Petit", "Durand", "Leroy", "Moreau", "Benali", "Fournier", "Girard",
	"Lambert", "Diallo", "Rousseau", "Da Silva", "Mercier", "Boyer", "Kowalski", "Traoré", "Lefèvre", "Garnier"}

// circularPDF returns the académie's circular addressed to one
// establishment and, with a family, to that family about their child's
// class: each copy its own bytes, the same words but for the name, the
// class and the date.
func circularPDF(r *rand.Rand, school, family, class string) []byte {
	head := []string{"Collège " + school + " — le " + fmt.Sprintf("%d novembre", 10+r.IntN(5))}
	if family != "" {
		head = append(head, "À l'attention de la famille "+family+", responsable d'un élève de la classe "+class)
	}
	return pagePDF(r, append(head, academyCircular...), "")
}

// scannedLetterPDF returns the forged letter as a scan: a PDF whose one
// page is a JPEG picture of the letter and no text, each copy scanned
// again (reencode: its own size, crop, light and quality), so that no
// two copies share a byte and no word can be read.
func (d *drill) scannedLetterPDF(r *rand.Rand) []byte {
	data := reencode(r, d.letterScan())
	if img, format, err := image.Decode(bytes.NewReader(data)); err == nil && format != "jpeg" {
		var buf bytes.Buffer
		_ = jpeg.Encode(&buf, img, &jpeg.Options{Quality: 60 + r.IntN(30)})
		data = buf.Bytes()
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		cfg = image.Config{Width: 1, Height: 1}
	}
	content := "q 595 0 0 842 0 0 cm /Im1 Do Q"
	return pdfFile(r, []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /XObject << /Im1 5 0 R >> >> >>",
		fmt.Sprintf("<< /Length %d >>\nstream\n%s\nendstream", len(content), content),
		fmt.Sprintf("<< /Type /XObject /Subtype /Image /Width %d /Height %d /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length %d >>\nstream\n%s\nendstream",
			cfg.Width, cfg.Height, len(data), data),
	})
}
