package screen

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"strings"
	"testing"
)

// pdfDoc assembles a PDF from object bodies (object i+1 is objs[i]) with a
// cross-reference table and a trailer whose /Root is object 1. Bodies may
// contain STREAM(data) markers, replaced by a stream with its /Length.
type pdfDoc struct {
	objs    []string
	trailer string // extra trailer entries
}

func (d pdfDoc) bytes() []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
	offs := make([]int, len(d.objs))
	for i, o := range d.objs {
		offs[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(d.objs)+1)
	for _, o := range offs {
		fmt.Fprintf(&b, "%010d 00000 n \n", o)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R %s >>\nstartxref\n%d\n%%%%EOF\n", len(d.objs)+1, d.trailer, xref)
	return b.Bytes()
}

// stream is a stream object: dict entries, then data (compressed with Flate
// when flate is set).
func stream(dict string, data []byte, flate bool) string {
	if flate {
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(data)
		w.Close()
		data = z.Bytes()
		dict += " /Filter /FlateDecode"
	}
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

// objStm packs objects (number → body) into an object stream.
func objStm(objs map[int]string, order []int, flate bool) string {
	var head, body strings.Builder
	for _, n := range order {
		fmt.Fprintf(&head, "%d %d ", n, body.Len())
		body.WriteString(objs[n])
		body.WriteString("\n")
	}
	h := head.String()
	return stream(fmt.Sprintf("/Type /ObjStm /N %d /First %d", len(order), len(h)), []byte(h+body.String()), flate)
}

// Objects 1–4 of an ordinary one-page document.
var pdfBase = []string{
	"<< /Type /Catalog /Pages 2 0 R >>",
	"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
	"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 << /Type /Font /Subtype /Type1 /BaseFont /Helvetica >> >> >> >>",
	stream("", []byte("BT /F1 12 Tf 72 720 Td (Bulletin du premier trimestre) Tj ET"), true),
}

func pdfWith(catalog string, extra ...string) []byte {
	objs := append([]string{catalog}, pdfBase[1:]...)
	return pdfDoc{objs: append(objs, extra...)}.bytes()
}

func TestPDFRules(t *testing.T) {
	exe := peBytes()
	var exeZip []byte
	{
		exeZip = zipOfData(t, map[string][]byte{"lisezmoi.txt": []byte("bonjour"), "outil.dat": exe})
	}
	clean := pdfDoc{objs: pdfBase}.bytes()
	full := clean
	cut := full[:len(full)*2/3]
	tests := []struct {
		name    string
		data    []byte
		verdict Verdict
		reason  string
	}{
		{"ordinary document", clean, Deliver, ""},
		{"open action is a destination", pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction [3 0 R /Fit] >>"), Deliver, ""},
		{"text that names /JavaScript in a content stream", pdfDoc{objs: append(append([]string{}, pdfBase[:3]...),
			stream("", []byte("BT /F1 12 Tf ((/JavaScript /Launch /OpenAction)) Tj ET"), false))}.bytes(), Deliver, ""},
		{"open action JavaScript", pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> >>"),
			Reject, "JavaScript à l’ouverture"},
		{"open action by reference", pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction 5 0 R >>",
			"<< /Type /Action /S /JavaScript /JS 6 0 R >>", stream("", []byte("this.exportDataObject({cName:'a'})"), true)),
			Reject, "JavaScript à l’ouverture"},
		{"JavaScript at the end of a Next chain", pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoTo /D [3 0 R /Fit] /Next [5 0 R] >> >>",
			"<< /S /JavaScript /JS (x) >>"), Reject, "JavaScript à l’ouverture"},
		{"names escaped with #xx", pdfWith("<< /Type /Catalog /Pages 2 0 R /Open#41ction << /S /J#61va#53cript /J#53 (x) >> >>"),
			Reject, "JavaScript à l’ouverture"},
		{"document-level script", pdfWith("<< /Type /Catalog /Pages 2 0 R /Names << /JavaScript 5 0 R >> >>",
			"<< /Names [(init) << /S /JavaScript /JS (x) >>] >>"), Reject, "JavaScript à l’ouverture"},
		{"page open action", pdfDoc{objs: []string{pdfBase[0], pdfBase[1],
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /AA << /O << /S /JavaScript /JS (x) >> >> >>", pdfBase[3]}}.bytes(),
			Reject, "JavaScript à l’ouverture"},
		{"form field script", pdfWith("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
			"<< /FT /Tx /T (date) /AA << /K << /S /JavaScript /JS (AFDate_KeystrokeEx\\(\"dd/mm/yyyy\"\\)) >> >> >>"), Hold, "contenant du JavaScript"},
		{"launch with an embedded executable", pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (facture.exe) >> /Names << /EmbeddedFiles << /Names [(facture.exe) 5 0 R] >> >> >>",
			"<< /Type /Filespec /F (facture.exe) /EF << /F 6 0 R >> >>", stream("/Type /EmbeddedFile", exe, true)),
			Reject, "lance un programme"},
		{"embedded executable under a harmless name", pdfWith("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(notes.txt) 5 0 R] >> >> >>",
			"<< /Type /Filespec /F (notes.txt) /EF << /F 6 0 R >> >>", stream("", exe, true)),
			Reject, "exécutable"},
		{"file attachment holding a zip with an executable", pdfDoc{objs: []string{pdfBase[0], pdfBase[1],
			"<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Annots [5 0 R] >>", pdfBase[3],
			"<< /Type /Annot /Subtype /FileAttachment /FS << /Type /Filespec /UF (docs.zip) /EF << /F 6 0 R >> >> >>",
			stream("/Type /EmbeddedFile", exeZip, true)}}.bytes(), Reject, "outil.dat"},
		{"embedded text file", pdfWith("<< /Type /Catalog /Pages 2 0 R /Names << /EmbeddedFiles << /Names [(liste.txt) 5 0 R] >> >> >>",
			"<< /Type /Filespec /F (liste.txt) /EF << /F 6 0 R >> >>", stream("/Type /EmbeddedFile", []byte("Liste des fournitures"), true)),
			Hold, "fichiers intégrés"},
		{"form posting outside", pdfWith("<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [5 0 R] >> >>",
			"<< /FT /Btn /T (ok) /A << /S /SubmitForm /F << /FS /URL /F (https://collecte.example.net/form) >> >> >>"),
			Hold, "envoie ses données"},
		{"link to a lookalike domain", pdfWith("<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://pronote-connexion.top/login) >> >>"),
			Hold, "pronote-connexion.top"},
		{"link to the académie", pdfWith("<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (https://www.ac-lyon.fr/) >> >>"), Deliver, ""},
		{"remote go-to", pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /GoToR /F (\\\\\\\\serveur\\\\partage\\\\a.pdf) /D [0 /Fit] >> >>"),
			Hold, "contenu extérieur"},
		{"javascript: link", pdfWith("<< /Type /Catalog /Pages 2 0 R >>",
			"<< /Type /Annot /Subtype /Link /A << /S /URI /URI (javascript:app.alert\\(1\\)) >> >>"), Hold, "contenant du JavaScript"},
		{"3D annotation", pdfWith("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Annot /Subtype /3D /3DD 6 0 R >>", stream("/Type /3D /Subtype /U3D", []byte("U3D"), false)),
			Hold, "actif"},
		{"XFA form", pdfWith("<< /Type /Catalog /Pages 2 0 R /AcroForm << /XFA 5 0 R >> >>", stream("", []byte("<xdp:xdp/>"), false)),
			Hold, "XFA"},
		{"encrypted", pdfDoc{objs: pdfBase, trailer: "/Encrypt << /Filter /Standard /V 2 /R 3 /O <00> /U <00> /P -4 >>"}.bytes(), Hold, "chiffré"},
		{"cut file", cut, Hold, "illisible"},
		{"header and garbage", []byte("%PDF-1.4\n\x00\x01\x02 garbage ) ]"), Hold, "illisible"},
		{"header only", []byte("%PDF-1.4\n"), Hold, "illisible"},
		{"no cross-reference table", []byte("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"), Deliver, ""},
		{"incremental update that adds a script", append(append([]byte{}, clean...),
			"1 0 obj\n<< /Type /Catalog /Pages 2 0 R /OpenAction 9 0 R >>\nendobj\n9 0 obj\n<< /S /JavaScript /JS (x) >>\nendobj\ntrailer\n<< /Root 1 0 R /Prev 9 >>\n%%EOF\n"...), Reject, "JavaScript à l’ouverture"},
		{"launch in an object no table lists", append(append([]byte{}, clean[:bytes.Index(clean, []byte("xref"))]...),
			"77 0 obj\n<< /Type /Annot /Subtype /Link /A << /S /Launch /F (cmd.exe) >> >>\nendobj\n"+string(clean[bytes.Index(clean, []byte("xref")):])...), Reject, "lance un programme"},
		{"unknown stream filter on an object stream", pdfDoc{objs: []string{pdfBase[0], pdfBase[1], pdfBase[2], pdfBase[3],
			"<< /Type /ObjStm /N 1 /First 4 /Filter /LZWDecode /Length 3 >>\nstream\nabc\nendstream"}}.bytes(), Hold, "illisible"},
	}
	e := New(DefaultConfig())
	for _, tt := range tests {
		r := e.Check(Input{Text: "Voici le document.", Attachments: []Attachment{{Name: "document.pdf", ContentType: "application/pdf", Data: tt.data}}})
		if r.Verdict != tt.verdict || !strings.Contains(strings.Join(r.Reasons, "\n"), tt.reason) {
			t.Errorf("%s: %s %q, want %s with %q", tt.name, r.Verdict, r.Reasons, tt.verdict, tt.reason)
		}
	}
}

// Scripts hidden in compressed object streams, with the encodings and
// predictors viewers accept, are found.
func TestPDFObjectStreams(t *testing.T) {
	hidden := map[int]string{
		1: "<< /Type /Catalog /Pages 2 0 R /OpenAction 6 0 R >>",
		6: "<< /S /JavaScript /JS (app.launchURL\\('https://x.example'\\)) >>",
	}
	plain := func(s string) []byte {
		return pdfDoc{objs: []string{"<< /Type /Catalog /Pages 2 0 R >>", pdfBase[1], pdfBase[2], pdfBase[3], s}}.bytes()
	}
	// PNG "up" predictor on rows of 4 columns.
	raw := func() []byte {
		var head, body strings.Builder
		for _, n := range []int{1, 6} {
			fmt.Fprintf(&head, "%d %d ", n, body.Len())
			body.WriteString(hidden[n] + "\n")
		}
		return []byte(head.String() + body.String())
	}
	first := func() int {
		var head, body strings.Builder
		for _, n := range []int{1, 6} {
			fmt.Fprintf(&head, "%d %d ", n, body.Len())
			body.WriteString(hidden[n] + "\n")
		}
		return len(head.String())
	}()
	predicted := func() []byte {
		data := raw()
		for len(data)%4 != 0 {
			data = append(data, ' ')
		}
		var out []byte
		prev := make([]byte, 4)
		for i := 0; i < len(data); i += 4 {
			out = append(out, 2)
			for x := 0; x < 4; x++ {
				out = append(out, data[i+x]-prev[x])
			}
			prev = data[i : i+4]
		}
		var z bytes.Buffer
		w := zlib.NewWriter(&z)
		w.Write(out)
		w.Close()
		return z.Bytes()
	}()
	hexed := fmt.Sprintf("%X>", raw())
	tests := []struct {
		name string
		data []byte
	}{
		{"flate", plain(objStm(hidden, []int{1, 6}, true))},
		{"uncompressed", plain(objStm(hidden, []int{1, 6}, false))},
		{"type name escaped", plain(strings.Replace(objStm(hidden, []int{1, 6}, true), "/ObjStm", "/Obj#53tm", 1))},
		{"PNG predictor", plain(fmt.Sprintf("<< /Type /ObjStm /N 2 /First %d /Filter /FlateDecode /DecodeParms << /Predictor 12 /Columns 4 >> /Length %d >>\nstream\n%s\nendstream",
			first, len(predicted), predicted))},
		{"ASCIIHex then nothing", plain(fmt.Sprintf("<< /Type /ObjStm /N 2 /First %d /Filter [/AHx] /Length %d >>\nstream\n%s\nendstream", first, len(hexed), hexed))},
	}
	e := New(DefaultConfig())
	for _, tt := range tests {
		r := e.Check(Input{Attachments: []Attachment{{Name: "a.pdf", Data: tt.data}}})
		if r.Verdict != Reject || !strings.Contains(strings.Join(r.Reasons, "\n"), "JavaScript à l’ouverture") {
			t.Errorf("%s: %s %q, want reject for JavaScript at open", tt.name, r.Verdict, r.Reasons)
		}
	}
}

func TestPDFNames(t *testing.T) {
	tests := []struct{ in, want string }{
		{"/JavaScript ", "JavaScript"},
		{"/J#61vaScript ", "JavaScript"},
		{"/J#61#76aScript ", "JavaScript"},
		{"/A#2", "A#2"},
		{"/A#zz", "A#zz"},
	}
	for _, tt := range tests {
		p := &pdfParser{b: []byte(tt.in), f: &pdfFile{}}
		v, err := p.value(0)
		if err != nil || v.kind != pdfName || v.s != tt.want {
			t.Errorf("%q: %+v %v, want name %q", tt.in, v, err, tt.want)
		}
	}
}

func TestPDFStrings(t *testing.T) {
	tests := []struct{ in, want string }{
		{"(a (nested) b)", "a (nested) b"},
		{`(a\)b)`, "a)b"},
		{`(\101\102)`, "AB"},
		{"(line\\\ncontinued)", "linecontinued"},
		{"<48 65 6C6C6F>", "Hello"},
		{"<486>", "H`"},
	}
	for _, tt := range tests {
		p := &pdfParser{b: []byte(tt.in), f: &pdfFile{}}
		v, err := p.value(0)
		if err != nil || v.kind != pdfString || v.s != tt.want {
			t.Errorf("%q: %+v %v, want string %q", tt.in, v, err, tt.want)
		}
	}
}

func FuzzPDF(f *testing.F) {
	f.Add(pdfDoc{objs: pdfBase}.bytes())
	f.Add(pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /JavaScript /JS (x) >> >>"))
	f.Add(pdfWith("<< /Type /Catalog /Pages 2 0 R >>", objStm(map[int]string{7: "<< /S /Launch >>"}, []int{7}, true)))
	f.Add([]byte("%PDF-1.4\n1 0 obj << /A [1 2 R] /B <414> /C (x\\) >> endobj %%EOF"))
	f.Add(pdfShowing("BT /F1 12 Tf "+cid("bonjour")+" Tj [(a) -300 (b)] TJ ET BI /W 1 ID x EI",
		"<< /Type /Font /Subtype /Type0 /ToUnicode 6 0 R >>", stream("", []byte(toUnicode), false)))
	f.Fuzz(func(t *testing.T, data []byte) {
		in := newInspector()
		in.pdf("", "", data, 0)
		if in.budget < 0 {
			t.Fatalf("budget overdrawn: %d", in.budget)
		}
	})
}

// BenchmarkPDF measures the reading of an ordinary PDF of some size: 200
// pages, each with a compressed content stream.
func BenchmarkPDF(b *testing.B) {
	objs := []string{"<< /Type /Catalog /Pages 2 0 R >>", ""}
	var kids []string
	for i := 0; i < 200; i++ {
		page := len(objs) + 1
		kids = append(kids, fmt.Sprintf("%d 0 R", page))
		objs = append(objs, fmt.Sprintf("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents %d 0 R >>", page+1),
			stream("", bytes.Repeat([]byte("BT /F1 12 Tf 72 720 Td (Ligne de texte du cours) Tj ET\n"), 100), true))
	}
	objs[1] = fmt.Sprintf("<< /Type /Pages /Kids [%s] /Count %d >>", strings.Join(kids, " "), len(kids))
	data := pdfDoc{objs: objs}.bytes()
	b.SetBytes(int64(len(data)))
	for b.Loop() {
		in := newInspector()
		in.pdf("", "", data, 0)
		if len(in.found) > 0 {
			b.Fatal(in.found)
		}
	}
}

// pdfShowing is a one-page PDF whose content stream is content, with font
// /F1 given by font (a dictionary; extra objects from 6).
func pdfShowing(content, font string, extra ...string) []byte {
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /Resources << /Font << /F1 5 0 R >> >> >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
		stream("", []byte(content), true),
		font,
	}
	return pdfDoc{objs: append(objs, extra...)}.bytes()
}

// toUnicode is a CMap mapping two-byte codes: 0x0001–0x001A to a–z by a
// range, and 0x0020 to a space, 0x0021 to "è", 0x0022 to "é" one by one.
const toUnicode = `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
3 beginbfchar <0020> <0020> <0021> <00E8> <0022> <00E9> endbfchar
1 beginbfrange <0001> <001A> <0061> endbfrange
endcmap CMapName currentdict /CMap defineresource pop end end`

// cid encodes lower-case text in the codes of toUnicode.
func cid(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch {
		case r >= 'a' && r <= 'z':
			fmt.Fprintf(&b, "%04X", r-'a'+1)
		case r == 'è':
			b.WriteString("0021")
		case r == 'é':
			b.WriteString("0022")
		default:
			b.WriteString("0020")
		}
	}
	return "<" + b.String() + ">"
}

func TestPDFText(t *testing.T) {
	simple := "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"
	type0 := "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Arial /Encoding /Identity-H /DescendantFonts [] /ToUnicode 6 0 R >>"
	tests := []struct {
		name, content, font string
		extra               []string
		want                string
	}{
		{"Tj with Latin-1 letters", "BT /F1 12 Tf 72 720 Td (Sortie au coll\\350ge jeudi) Tj ET", simple, nil, "Sortie au collège jeudi"},
		{"TJ with spacing between words", "BT /F1 12 Tf [(Sor) 20 (tie) -300 (au) -280 (coll) (\\350ge)] TJ ET", simple, nil, "Sortie au collège"},
		{"lines", "BT /F1 12 Tf (Bonjour) Tj 0 -14 Td (Madame) Tj T* (Monsieur) ' ET", simple, nil, "Bonjour Madame \nMonsieur"},
		{"inline image skipped", "BI /W 2 /H 2 /CS /G /BPC 8 ID \x00\xff(x) Tj\x01 EI BT /F1 12 Tf (apr\\350s) Tj ET", simple, nil, "après"},
		{"composite font with ToUnicode", "BT /F1 12 Tf " + cid("une bombe au collège") + " Tj ET", type0, []string{stream("", []byte(toUnicode), true)}, "une bombe au collège"},
		{"composite font without ToUnicode", "BT /F1 12 Tf <00010002> Tj ET", "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H >>", nil, ""},
	}
	for _, tt := range tests {
		in := newInspector()
		in.pdf("", "", pdfShowing(tt.content, tt.font, tt.extra...), 0)
		got := strings.TrimSpace(strings.Join(in.texts, ""))
		if got != tt.want || len(in.found) > 0 {
			t.Errorf("%s: text %q, findings %v; want %q", tt.name, got, in.found, tt.want)
		}
	}
}

// A threat written in a PDF is screened like one written in the message.
func TestPDFTextIsScreened(t *testing.T) {
	e := New(DefaultConfig())
	threat := "Une bombe explosera au collège demain à 10h, vous êtes prévenus."
	type0 := "<< /Type /Font /Subtype /Type0 /Encoding /Identity-H /ToUnicode 6 0 R >>"
	tests := []struct {
		name string
		data []byte
	}{
		{"simple font", pdfShowing("BT /F1 12 Tf 72 720 Td (Une bombe explosera au coll\\350ge demain \\340 10h, vous \\352tes pr\\351venus.) Tj ET",
			"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")},
		{"composite font", pdfShowing("BT /F1 12 Tf "+cid("une bombe explosera au collège demain a dix heures vous etes prevenus")+" Tj ET", type0,
			stream("", []byte(toUnicode), true))},
	}
	for _, tt := range tests {
		r := e.Check(Input{Text: "Ci-joint.", Attachments: []Attachment{{Name: "info.pdf", Data: tt.data}}})
		if r.Verdict == Deliver || !strings.Contains(strings.Join(r.Reasons, "\n"), "threat") {
			t.Errorf("%s: %s %q, want the threat held or rejected (%s)", tt.name, r.Verdict, r.Reasons, threat)
		}
	}
}
