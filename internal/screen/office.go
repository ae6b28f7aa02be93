package screen

import (
	"archive/zip"
	"bytes"
	"encoding/xml"
	"errors"
	"io"
	"path"
	"strings"
)

// The Office rules, for OOXML (docx, xlsx, pptx) and OpenDocument files,
// which are zip archives of XML parts:
//   - the text of the document (body, headers, notes, cells, slides) goes
//     to the text detectors, and the targets of its hyperlinks to the link
//     rules, as if they were in the message;
//   - a reference to a remote template, object, frame or sub-document
//     (the template-injection attacks) is held, rejected when it calls a
//     Windows handler that runs code (ms-msdt:, search-ms:, mhtml:…);
//   - objects embedded in the document are judged as attachments (an
//     embedded executable is rejected, an embedded OLE object held like a
//     legacy Office file); ActiveX controls are held;
//   - OpenDocument macros (Basic/, Scripts/) are rejected, as OOXML macros
//     already are by type.

// officeHandlers are URL schemes that make Windows run a program or fetch
// one when a document opens.
var officeHandlers = []string{"ms-msdt:", "search-ms:", "search:", "mhtml:", "ms-officecmd:", "ms-excel:ofe", "ms-word:ofe",
	"ms-powerpoint:ofe", "ms-appinstaller:", "ms-cxh", "vbscript:", "javascript:", "file:", `\\`}

// officeTextPart reports whether a part holds the document's text.
func officeTextPart(name string) bool {
	n := strings.ToLower(name)
	switch {
	case n == "content.xml":
		return true
	case strings.HasPrefix(n, "word/") && strings.HasSuffix(n, ".xml") && !strings.Contains(n[5:], "/"):
		return n != "word/styles.xml" && n != "word/settings.xml" && n != "word/fonttable.xml" && n != "word/websettings.xml" &&
			n != "word/numbering.xml" && n != "word/theme.xml"
	case n == "xl/sharedstrings.xml":
		return true
	case strings.HasPrefix(n, "ppt/slides/slide") || strings.HasPrefix(n, "ppt/notesslides/"):
		return strings.HasSuffix(n, ".xml")
	}
	return false
}

// office opens an OOXML or OpenDocument file.
func (in *inspector) office(where, prefix string, data []byte, depth int) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		in.add(false, "%sdocument Office illisible (%v)", prefix, err)
		return
	}
	for _, f := range zr.File {
		if !in.takeEntry(prefix) {
			return
		}
		name := f.Name
		lower := strings.ToLower(name)
		if f.FileInfo().IsDir() {
			continue
		}
		switch {
		case strings.HasPrefix(lower, "basic/") || strings.HasPrefix(lower, "scripts/"):
			in.add(true, "%sdocument avec des macros (%s)", prefix, name)
			continue
		case strings.Contains(lower, "/activex/"):
			in.add(false, "%sdocument avec un contrôle ActiveX", prefix)
			continue
		}
		embedded := strings.Contains(lower, "/embeddings/") || strings.HasPrefix(lower, "object ") && !strings.HasSuffix(lower, ".xml")
		rels := strings.HasSuffix(lower, ".rels")
		text := officeTextPart(name)
		if !embedded && !rels && !text {
			continue
		}
		if f.UncompressedSize64 > uint64(in.budget) {
			in.tooLarge(prefix)
			return
		}
		rc, err := f.Open()
		if err != nil {
			in.add(false, "%sdocument Office illisible (« %s » : %v)", prefix, name, err)
			continue
		}
		b, err := readBounded(rc, &in.budget)
		_ = rc.Close()
		if errors.Is(err, errTooLarge) {
			in.tooLarge(prefix)
			return
		}
		if err != nil {
			in.add(false, "%sdocument Office illisible (« %s » : %v)", prefix, name, err)
			continue
		}
		switch {
		case embedded:
			in.officeObject(where, prefix, name, b, depth)
		case rels:
			in.officeRelations(prefix, b)
		case text:
			in.officeText(prefix, b, lower == "content.xml")
		}
	}
}

// officeObject judges an object embedded in a document.
func (in *inspector) officeObject(where, prefix, name string, b []byte, depth int) {
	// An OLE "package" wraps any file; a Windows program inside it keeps
	// its DOS stub.
	if DetectType(b) == TypeOLE && (bytes.Contains(b, []byte("This program cannot be run in DOS mode")) ||
		bytes.Contains(b, []byte("This program must be run under Win32"))) {
		in.add(true, "%sdocument contenant un exécutable intégré (%s)", prefix, path.Base(name))
		return
	}
	in.entry(where, path.Base(name), b, depth, false)
}

// officeRelations reads a part's relationships: the links and the remote
// resources it loads.
func (in *inspector) officeRelations(prefix string, b []byte) {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	for {
		tok, err := d.RawToken()
		if err != nil {
			if err != io.EOF {
				in.add(false, "%sdocument Office illisible (relations : %v)", prefix, err)
			}
			return
		}
		se, ok := tok.(xml.StartElement)
		if !ok || se.Name.Local != "Relationship" {
			continue
		}
		var typ, target, mode string
		for _, a := range se.Attr {
			switch a.Name.Local {
			case "Type":
				typ = a.Value
			case "Target":
				target = a.Value
			case "TargetMode":
				mode = a.Value
			}
		}
		if !strings.EqualFold(mode, "External") {
			continue
		}
		lt := strings.ToLower(strings.TrimSpace(target))
		kind := typ[strings.LastIndexByte(typ, '/')+1:]
		for _, h := range officeHandlers {
			if !strings.HasPrefix(lt, h) {
				continue
			}
			if h == "file:" || h == `\\` {
				// A network share: opening it sends the reader's Windows
				// credentials. Held below when it is loaded by itself.
				break
			}
			in.add(true, "%sdocument qui appelle un programme Windows (%s)", prefix, strings.TrimSuffix(h, ":"))
			break
		}
		switch kind {
		case "hyperlink":
			if len(in.links) < maxInspectLinks {
				in.links = append(in.links, target)
			}
		case "attachedTemplate", "oleObject", "frame", "subDocument", "package", "control":
			in.add(false, "%sdocument qui charge un modèle ou un objet distant (%s)", prefix, kind)
			if len(in.links) < maxInspectLinks {
				in.links = append(in.links, target)
			}
		}
	}
}

// officeText keeps the text of an XML part, a line per paragraph, and the
// link targets of OpenDocument (xlink:href).
// A part that is not well-formed is held: its rest could hide anything.
func (in *inspector) officeText(prefix string, b []byte, odf bool) {
	if in.textBytes >= maxInspectText {
		return
	}
	var out strings.Builder
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	for out.Len() < maxInspectText-in.textBytes {
		tok, err := d.RawToken()
		if err != nil {
			if err != io.EOF {
				in.add(false, "%sdocument Office illisible (texte : %v)", prefix, err)
			}
			break
		}
		switch t := tok.(type) {
		case xml.CharData:
			out.Write(t)
		case xml.StartElement:
			if odf {
				for _, a := range t.Attr {
					if a.Name.Local == "href" && a.Name.Space == "xlink" && len(in.links) < maxInspectLinks {
						in.links = append(in.links, a.Value)
					}
				}
			}
			if t.Name.Local == "tab" || t.Name.Local == "s" {
				out.WriteByte(' ')
			}
		case xml.EndElement:
			switch t.Name.Local {
			case "p", "br", "h", "tr", "si":
				out.WriteByte('\n')
			case "t", "v", "tc", "span":
				// runs join without a space, as Word splits words into runs
			}
		}
	}
	in.addText([]byte(out.String()))
}
