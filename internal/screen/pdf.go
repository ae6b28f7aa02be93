package screen

import (
	"errors"
	"maps"
	"slices"
	"strings"
)

// The PDF rules. A PDF is read object by object (pdfparse.go), those kept in
// compressed object streams included, with names decoded (/J#61vaScript is
// /JavaScript), and:
//   - a Launch action (runs a program) is rejected;
//   - JavaScript run without the reader doing anything (/OpenAction, the
//     document's or a page's additional actions /AA, document-level scripts
//     in /Names) is rejected; JavaScript elsewhere (form fields, links) is
//     held;
//   - embedded files (/EmbeddedFiles, /EF, /FileAttachment annotations) are
//     held, and each is judged as an attachment of its own: an executable,
//     a script or an archive holding one is rejected;
//   - a form that posts its data to a web address (/SubmitForm) is held;
//     other actions that open outside content (GoToR, ImportData,
//     RichMedia, XFA forms, which may carry scripts) are held;
//   - the targets of /URI actions and form submissions are returned to the
//     engine, whose link rules judge them as links of the message, and so
//     is the text of the pages (pdftext.go) for the text detectors;
//   - an encrypted PDF (its streams cannot be read) and a PDF that cannot be
//     read are held.

// automaticTriggers are the additional-action entries that fire without a
// click: opening or closing a page, saving, printing, closing the document.
var automaticTriggers = map[string]bool{"O": true, "C": true, "PO": true, "PC": true, "PV": true, "PI": true,
	"WC": true, "WS": true, "DS": true, "WP": true, "DP": true}

// pdfInspection walks one parsed PDF.
type pdfInspection struct {
	in     *inspector
	f      *pdfFile
	where  string // the PDF's name in reasons ("" for the attachment itself)
	prefix string // "contient « x.pdf », " or ""
	depth  int
	// what was found
	autoJS, js, launch, embedded, submit, external, xfa bool
	visited                                             map[*byte]bool     // embedded files already judged
	fontCache                                           map[*byte]*pdfFont // fonts by ToUnicode stream
}

func (in *inspector) pdf(where, prefix string, data []byte, depth int) {
	f, err := parsePDF(data, &in.budget)
	if errors.Is(err, errTooLarge) {
		in.add(false, "%sPDF de plus de %d Mio décompressés : inspection arrêtée", prefix, maxInspectBytes>>20)
		return
	}
	if err != nil {
		in.add(false, "%sPDF illisible ou malformé (%v)", prefix, err)
		return
	}
	pi := &pdfInspection{in: in, f: f, where: where, prefix: prefix, depth: depth}
	pi.run()
}

func (pi *pdfInspection) run() {
	if pi.f.encrypted {
		pi.in.add(false, "%sPDF chiffré : contenu impossible à inspecter", pi.prefix)
	}
	// Every object, each definition of it: a viewer may use any.
	for _, num := range pi.f.numbers() {
		for _, v := range pi.f.objects[num] {
			pi.walk(v, 0)
		}
	}
	if !pi.f.encrypted {
		pi.pageText()
	}
	add := pi.in.add
	p := pi.prefix
	switch {
	case pi.launch:
		add(true, "%sPDF qui lance un programme (/Launch)", p)
	}
	switch {
	case pi.autoJS:
		add(true, "%sPDF qui exécute du JavaScript à l’ouverture", p)
	case pi.js:
		add(false, "%sPDF contenant du JavaScript", p)
	}
	if pi.embedded {
		add(false, "%sPDF contenant des fichiers intégrés", p)
	}
	if pi.submit {
		add(false, "%sPDF avec un formulaire qui envoie ses données vers un site", p)
	}
	if pi.external {
		add(false, "%sPDF qui ouvre un contenu extérieur ou actif (GoToR, ImportData, RichMedia, 3D)", p)
	}
	if pi.xfa {
		add(false, "%sPDF avec un formulaire XFA (scripts possibles)", p)
	}
}

// walk looks at every dictionary in v, recursively.
func (pi *pdfInspection) walk(v pdfValue, depth int) {
	if depth > pdfMaxDepth {
		return
	}
	switch v.kind {
	case pdfArray:
		for _, x := range v.arr {
			pi.walk(x, depth+1)
		}
	case pdfDict:
		pi.dict(v)
		for _, k := range slices.Sorted(maps.Keys(v.dict)) { // in a stable order: reasons too
			pi.walk(v.dict[k], depth+1)
		}
	}
}

// dict applies the rules to one dictionary.
func (pi *pdfInspection) dict(v pdfValue) {
	d := v.dict
	pi.action(d)
	if _, ok := d["JS"]; ok {
		pi.js = true
	}
	typ := d["Type"].name()
	for _, a := range pi.f.resolve(d["OpenAction"]) {
		pi.automatic(a, 0)
	}
	// Additional actions: those that fire by themselves are automatic.
	for _, aa := range pi.f.resolve(d["AA"]) {
		if aa.kind != pdfDict {
			continue
		}
		for trig, a := range aa.dict {
			// C is "calculate" on a form field but "close" on a page.
			if automaticTriggers[trig] && (trig != "C" || typ == "Page" || typ == "Catalog") {
				for _, x := range pi.f.resolve(a) {
					pi.automatic(x, 0)
				}
			}
		}
	}
	// Document-level scripts: the JavaScript name tree runs at open.
	if _, ok := d["JavaScript"]; ok && d["S"].name() == "" {
		pi.autoJS, pi.js = true, true
	}
	if _, ok := d["EmbeddedFiles"]; ok {
		pi.embedded = true
	}
	if d["Subtype"].name() == "FileAttachment" || typ == "EmbeddedFile" || typ == "Filespec" && d["EF"].kind != pdfNull {
		pi.embedded = true
	}
	if typ == "EmbeddedFile" && v.hasStream {
		pi.file(v, "")
	}
	for _, ef := range pi.f.resolve(d["EF"]) {
		pi.embedded = true
		if ef.kind != pdfDict {
			continue
		}
		name := pdfText(d["UF"])
		if name == "" {
			name = pdfText(d["F"])
		}
		for _, k := range slices.Sorted(maps.Keys(ef.dict)) {
			for _, x := range pi.f.resolve(ef.dict[k]) {
				pi.file(x, name)
			}
		}
	}
	if _, ok := d["XFA"]; ok {
		pi.xfa = true
	}
	switch d["Subtype"].name() {
	case "RichMedia", "3D": // Flash and 3D annotations may carry scripts
		pi.external = true
	}
}

// action applies the rules to a dictionary that is an action (/S).
func (pi *pdfInspection) action(d map[string]pdfValue) {
	switch d["S"].name() {
	case "JavaScript":
		pi.js = true
	case "Launch":
		pi.launch = true
	case "SubmitForm":
		for _, t := range pi.f.resolve(d["F"]) {
			u := pdfText(t)
			if t.kind == pdfDict {
				u = pdfText(t.dict["F"])
				if u == "" {
					u = pdfText(t.dict["UF"])
				}
			}
			if isExternalURL(u) {
				pi.submit = true
				pi.link(u)
			}
		}
	case "URI":
		for _, t := range pi.f.resolve(d["URI"]) {
			u := pdfText(t)
			if strings.HasPrefix(strings.ToLower(strings.TrimSpace(u)), "javascript:") {
				pi.js = true
				continue
			}
			pi.link(u)
		}
	case "GoToR", "GoToE", "ImportData", "RichMediaExecute":
		pi.external = true
	}
}

// automatic follows an action that runs without a click, and its /Next
// chain.
func (pi *pdfInspection) automatic(a pdfValue, depth int) {
	if depth > 32 {
		return
	}
	switch a.kind {
	case pdfArray:
		for _, x := range a.arr {
			for _, y := range pi.f.resolve(x) {
				pi.automatic(y, depth+1)
			}
		}
	case pdfDict:
		if a.dict["S"].name() == "JavaScript" || a.dict["JS"].kind != pdfNull {
			pi.autoJS, pi.js = true, true
		}
		if a.dict["S"].name() == "Launch" {
			pi.launch = true
		}
		for _, n := range pi.f.resolve(a.dict["Next"]) {
			pi.automatic(n, depth+1)
		}
	}
}

// file judges an embedded file's stream as an attachment.
func (pi *pdfInspection) file(s pdfValue, name string) {
	if !s.hasStream {
		return
	}
	if len(s.stream) > 0 {
		// The same stream is reached from its file specification and as an
		// object of type EmbeddedFile: judge it once.
		if pi.visited[&s.stream[0]] {
			return
		}
		if pi.visited == nil {
			pi.visited = map[*byte]bool{}
		}
		pi.visited[&s.stream[0]] = true
	}
	if name == "" {
		name = "fichier intégré"
	}
	if !pi.in.takeEntry(pi.prefix) {
		return
	}
	data, err := pi.f.decode(s)
	if errors.Is(err, errTooLarge) {
		pi.in.add(false, "%sPDF de plus de %d Mio décompressés : inspection arrêtée", pi.prefix, maxInspectBytes>>20)
		return
	}
	if err != nil {
		pi.in.add(false, "%sPDF : fichier intégré « %s » illisible", pi.prefix, name)
		checkEntryName(pi.in, pi.where, name)
		return
	}
	pi.in.entry(pi.where, name, data, pi.depth, true)
}

func (pi *pdfInspection) link(u string) {
	u = strings.TrimSpace(u)
	if u == "" || len(pi.in.links) >= maxInspectLinks {
		return
	}
	pi.in.links = append(pi.in.links, u)
}

// pdfText is the text of a string value (PDFDocEncoding or UTF-16BE with
// a byte order mark).
func pdfText(v pdfValue) string {
	if v.kind != pdfString {
		return ""
	}
	s := v.s
	if len(s) >= 2 && s[0] == 0xfe && s[1] == 0xff {
		var b strings.Builder
		for i := 2; i+1 < len(s); i += 2 {
			b.WriteRune(rune(s[i])<<8 | rune(s[i+1]))
		}
		return b.String()
	}
	return s
}

// isExternalURL reports whether a form's target leaves the file: a web,
// FTP or mail address.
func isExternalURL(u string) bool {
	l := strings.ToLower(strings.TrimSpace(u))
	for _, p := range []string{"http:", "https:", "ftp:", "mailto:", "//", "www."} {
		if strings.HasPrefix(l, p) {
			return true
		}
	}
	return false
}
