package screen

import (
	"archive/zip"
	"bytes"
	"strings"
	"testing"
)

// zipOrdered builds a zip with its files in the given order (OpenDocument
// needs "mimetype" first).
func zipOrdered(t testing.TB, files ...[2]string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, f := range files {
		fw, err := w.Create(f[0])
		if err != nil {
			t.Fatal(err)
		}
		if _, err := fw.Write([]byte(f[1])); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const (
	docxTypes = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`
	relNS     = `http://schemas.openxmlformats.org/officeDocument/2006/relationships/`
)

// docx builds a Word document with the given paragraphs (split into runs
// as Word does) and relationships of the main part.
func docx(t testing.TB, paragraphs []string, rels string, extra ...[2]string) []byte {
	var body strings.Builder
	for _, p := range paragraphs {
		body.WriteString(`<w:p>`)
		r := []rune(p)
		for i := 0; i < len(r); i += 7 {
			body.WriteString(`<w:r><w:t xml:space="preserve">` + string(r[i:min(len(r), i+7)]) + `</w:t></w:r>`)
		}
		body.WriteString(`</w:p>`)
	}
	files := [][2]string{
		{"[Content_Types].xml", docxTypes},
		{"word/document.xml", `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body.String() + `</w:body></w:document>`},
		{"word/_rels/document.xml.rels", `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` + rels + `</Relationships>`},
	}
	return zipOrdered(t, append(files, extra...)...)
}

func TestOfficeRules(t *testing.T) {
	ole := "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 64) + "\x01Ole10Native" + "MZ\x90\x00This program cannot be run in DOS mode."
	odt := func(content string, extra ...[2]string) []byte {
		return zipOrdered(t, append([][2]string{{"mimetype", "application/vnd.oasis.opendocument.text"},
			{"content.xml", `<?xml version="1.0"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xlink="http://www.w3.org/1999/xlink"><office:body><office:text>` + content + `</office:text></office:body></office:document-content>`}},
			extra...)...)
	}
	xlsx := zipOrdered(t, [2]string{"[Content_Types].xml", docxTypes}, [2]string{"xl/workbook.xml", `<workbook/>`},
		[2]string{"xl/sharedStrings.xml", `<sst><si><t>Nom</t></si><si><t>Une bombe explosera au collège demain à 10h, vous êtes prévenus.</t></si></sst>`})
	tests := []struct {
		name    string
		file    string
		data    []byte
		verdict Verdict
		reason  string
	}{
		{"ordinary letter", "lettre.docx", docx(t, []string{"Madame, Monsieur,", "La sortie au musée aura lieu jeudi."}, ""), Deliver, ""},
		{"threat in the text", "lettre.docx", docx(t, []string{"Une bombe explosera au collège demain à 10h, vous êtes prévenus."}, ""), Reject, "threat"},
		{"threat in a spreadsheet", "notes.xlsx", xlsx, Reject, "threat"},
		{"hyperlink to a look-alike", "lettre.docx", docx(t, []string{"Connectez-vous"},
			`<Relationship Id="rId9" Type="`+relNS+`hyperlink" Target="https://www.ac-rouen.tk/connexion" TargetMode="External"/>`), Hold, "ac-rouen.tk"},
		{"hyperlink to the académie", "lettre.docx", docx(t, []string{"Le site"},
			`<Relationship Id="rId9" Type="`+relNS+`hyperlink" Target="https://www.ac-lyon.fr/" TargetMode="External"/>`), Deliver, ""},
		{"remote template", "lettre.docx", docx(t, []string{"Bonjour"}, "",
			[2]string{"word/_rels/settings.xml.rels", `<Relationships><Relationship Id="rId1" Type="` + relNS + `attachedTemplate" Target="http://203.0.113.9/modele.dotm" TargetMode="External"/></Relationships>`}),
			Hold, "modèle ou un objet distant"},
		{"remote object calling ms-msdt", "lettre.docx", docx(t, []string{"Bonjour"},
			`<Relationship Id="rId9" Type="`+relNS+`oleObject" Target="mhtml:http://203.0.113.9/a.html!x-usc:http://203.0.113.9/a.html" TargetMode="External"/>`),
			Reject, "programme Windows"},
		{"embedded OLE package holding a program", "lettre.docx", docx(t, []string{"Bonjour"}, "", [2]string{"word/embeddings/oleObject1.bin", ole}), Reject, "exécutable intégré"},
		{"embedded OLE object", "lettre.docx", docx(t, []string{"Bonjour"}, "", [2]string{"word/embeddings/oleObject1.bin", "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + strings.Repeat("\x00", 64) + "Equation.3"}),
			Hold, "ancien format"},
		{"embedded program", "lettre.docx", docx(t, []string{"Bonjour"}, "", [2]string{"word/embeddings/setup.bin", string(peBytes())}), Reject, "exécutable"},
		{"embedded spreadsheet", "lettre.docx", docx(t, []string{"Bonjour"}, "", [2]string{"word/embeddings/tableau.xlsx", string(xlsx)}), Reject, "threat"},
		{"ActiveX control", "lettre.docx", docx(t, []string{"Bonjour"}, "", [2]string{"word/activeX/activeX1.xml", "<ax/>"}), Hold, "ActiveX"},
		{"text that is not well-formed", "lettre.docx", zipOrdered(t, [2]string{"[Content_Types].xml", docxTypes},
			[2]string{"word/document.xml", "<w:document><w:body><w:p><w:t>Bonjour \xff\xfe</w:t></w:p><w:p><w:t>suite cachée</w:t></w:p></w:body></w:document>"}),
			Hold, "illisible"},
		{"OpenDocument text", "lettre.odt", odt(`<text:p>La réunion parents-professeurs a lieu mardi.</text:p>`), Deliver, ""},
		{"OpenDocument macros", "lettre.odt", odt(`<text:p>Bonjour</text:p>`, [2]string{"Basic/Standard/Module1.xml", "<script/>"}), Reject, "macros"},
		{"OpenDocument link to a look-alike", "lettre.odt", odt(`<text:p><text:a xlink:href="https://pronote-connexion.top/login">ici</text:a></text:p>`), Hold, "pronote-connexion.top"},
	}
	// The attachment rules alone: what the model makes of « Ci-joint. Le
	// site » and a link is the model's business (the académie's link read
	// p 0.62–0.67 by the models of 5 December, evening, at their lines).
	cfg := DefaultConfig()
	cfg.NoTextModel = true
	e := New(cfg)
	for _, tt := range tests {
		r := e.Check(Input{Text: "Ci-joint.", Attachments: []Attachment{{Name: tt.file, Data: tt.data}}})
		if r.Verdict != tt.verdict || !strings.Contains(strings.Join(r.Reasons, "\n"), tt.reason) {
			t.Errorf("%s: %s %q, want %s with %q", tt.name, r.Verdict, r.Reasons, tt.verdict, tt.reason)
		}
	}
}

// Text split into runs comes out whole, a paragraph a line.
func TestOfficeText(t *testing.T) {
	in := newInspector()
	in.contents("", TypeDOCX, docx(t, []string{"Première ligne du courrier", "Seconde ligne"}, ""), 0)
	if got := strings.Join(in.texts, ""); got != "Première ligne du courrier\nSeconde ligne\n" {
		t.Errorf("text %q", got)
	}
}

func FuzzOffice(f *testing.F) {
	f.Add(docx(f, []string{"Bonjour"}, `<Relationship Type="`+relNS+`hyperlink" Target="https://a.example/" TargetMode="External"/>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := newInspector()
		in.office("", "", data, 0)
		if in.budget < 0 || in.entries < 0 || in.textBytes > maxInspectText {
			t.Fatalf("bounds overdrawn: budget %d, entries %d, text %d", in.budget, in.entries, in.textBytes)
		}
	})
}
