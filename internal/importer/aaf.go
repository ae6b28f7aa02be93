package importer

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"golang.org/x/text/encoding/charmap"
)

// The AAF (annuaire académique fédérateur) exports the directory of an
// académie as XML files whose root is <ficAlimMENESR>, holding one entry
// per structure or person:
//
//	<addRequest>                      complete export, or an addition in a delta
//	  <operationalAttributes><attr name="categoriePersonne"><value>Eleve</value></attr></operationalAttributes>
//	  <identifier><id>1234567</id></identifier>
//	  <attributes><attr name="ENTEleveClasses"><value>STRUCT$4E3</value></attr>…</attributes>
//	</addRequest>
//	<modifyRequest>…<modifications><modification name="…" operation="replace|add|delete"><value>…</value></modification></modifications></modifyRequest>
//	<deleteRequest>…<identifier><id>1234567</id></identifier></deleteRequest>
//
// readAAF reads such a file token by token, so its memory does not grow
// with the file: only the entry being read is held, and each entry is
// bounded (attributes, values, value length).

// Bounds on one AAF entry; an entry beyond them is refused as malformed.
const (
	aafMaxAttrs     = 400
	aafMaxValues    = 4000 // values of one attribute
	aafMaxValueLen  = 4096
	aafMaxEntryText = 1 << 20 // all values of one entry together
)

// aafEntry is one request of an AAF file.
type aafEntry struct {
	Pos
	Op       string              // "add", "modify" or "delete"
	ID       string              // identifier/id
	Category string              // categoriePersonne or categorieStructure
	Attrs    map[string][]string // attributes of an addition, or values of a replace
	Mods     []aafMod            // modifications, in order
}

// aafMod is one modification of a modifyRequest.
type aafMod struct {
	Name, Op string // Op: "replace", "add" or "delete"
	Values   []string
}

var aafOps = map[string]string{"addRequest": "add", "modifyRequest": "modify", "deleteRequest": "delete"}

// aafReader streams the entries of one AAF file.
type aafReader struct {
	name string
	d    *xml.Decoder
	text int // bytes of values in the current entry
}

// readAAF parses one AAF XML file and calls emit for each entry, in file
// order. A malformed file or entry is a *RowError naming the file, the line
// and, when known, the entry's identifier.
func readAAF(name string, r io.Reader, emit func(aafEntry) error) error {
	d := xml.NewDecoder(r)
	d.Strict = true
	d.CharsetReader = func(label string, in io.Reader) (io.Reader, error) {
		switch strings.ToLower(label) {
		case "iso-8859-1", "latin1", "latin-1":
			return charmap.ISO8859_1.NewDecoder().Reader(in), nil
		case "iso-8859-15", "latin-9":
			return charmap.ISO8859_15.NewDecoder().Reader(in), nil
		case "windows-1252", "cp1252":
			return charmap.Windows1252.NewDecoder().Reader(in), nil
		}
		return nil, fmt.Errorf("encodage non pris en charge %q", label)
	}
	ar := &aafReader{name: name, d: d}
	root := false
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			if !root {
				return ar.bad(nil, "fichier vide\u00a0: pas d’élément <ficAlimMENESR>")
			}
			return nil
		}
		if err != nil {
			return ar.syntax(nil, err)
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			if cd, ok := tok.(xml.CharData); ok && strings.TrimSpace(string(cd)) != "" {
				return ar.bad(nil, "texte hors de l’élément racine")
			}
			continue
		}
		if root || se.Name.Local != "ficAlimMENESR" {
			return ar.bad(nil, fmt.Sprintf("élément racine <%s> inattendu\u00a0: un fichier AAF commence par <ficAlimMENESR>", se.Name.Local))
		}
		root = true
		if err := ar.entries(emit); err != nil {
			return err
		}
	}
}

func (ar *aafReader) line() int {
	l, _ := ar.d.InputPos()
	return l
}

func (ar *aafReader) bad(e *aafEntry, reason string) error {
	if e != nil {
		return &RowError{Pos: e.Pos, Entry: e.ID, Reason: reason}
	}
	return &RowError{Pos: Pos{ar.name, ar.line()}, Reason: reason}
}

func (ar *aafReader) syntax(e *aafEntry, err error) error {
	var se *xml.SyntaxError
	if errors.As(err, &se) && se.Msg == "unexpected EOF" {
		return &RowError{Pos: Pos{ar.name, se.Line}, Entry: entryID(e), Reason: "fichier tronqué"}
	}
	if errors.As(err, &se) {
		return &RowError{Pos: Pos{ar.name, se.Line}, Entry: entryID(e), Reason: "XML illisible\u00a0: " + se.Msg}
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		return &RowError{Pos: Pos{ar.name, ar.line()}, Entry: entryID(e), Reason: "fichier tronqué"}
	}
	return &RowError{Pos: Pos{ar.name, ar.line()}, Entry: entryID(e), Reason: "lecture impossible\u00a0: " + err.Error()}
}

func entryID(e *aafEntry) string {
	if e == nil {
		return ""
	}
	return e.ID
}

// entries reads the children of <ficAlimMENESR> up to its end.
func (ar *aafReader) entries(emit func(aafEntry) error) error {
	for {
		tok, err := ar.d.Token()
		if err != nil {
			return ar.syntax(nil, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.CharData:
			if strings.TrimSpace(string(t)) != "" {
				return ar.bad(nil, "texte inattendu entre deux entrées")
			}
		case xml.StartElement:
			op, ok := aafOps[t.Name.Local]
			if !ok {
				return ar.bad(nil, fmt.Sprintf("élément <%s> inattendu\u00a0: une entrée est <addRequest>, <modifyRequest> ou <deleteRequest>", t.Name.Local))
			}
			e := aafEntry{Pos: Pos{ar.name, ar.line()}, Op: op, Attrs: map[string][]string{}}
			ar.text = 0
			if err := ar.entry(&e); err != nil {
				return err
			}
			if e.ID == "" {
				return ar.bad(&e, "entrée sans identifiant (<identifier><id>)")
			}
			if err := emit(e); err != nil {
				return err
			}
		}
	}
}

// entry reads one request's children up to its end.
func (ar *aafReader) entry(e *aafEntry) error {
	for {
		tok, err := ar.d.Token()
		if err != nil {
			return ar.syntax(e, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			switch t.Name.Local {
			case "identifier":
				if err := ar.identifier(e); err != nil {
					return err
				}
			case "operationalAttributes":
				attrs := map[string][]string{}
				if err := ar.attrs(e, attrs, "attr"); err != nil {
					return err
				}
				for _, k := range []string{"categoriePersonne", "categorieStructure"} {
					if v := attrs[k]; len(v) > 0 {
						e.Category = strings.TrimSpace(v[0])
					}
				}
			case "attributes":
				if e.Op != "add" {
					return ar.bad(e, "<attributes> dans une entrée autre qu’un ajout")
				}
				if err := ar.attrs(e, e.Attrs, "attr"); err != nil {
					return err
				}
			case "modifications":
				if err := ar.modifications(e); err != nil {
					return err
				}
			case "modification":
				if err := ar.modification(e, t); err != nil {
					return err
				}
			default:
				if err := ar.d.Skip(); err != nil {
					return ar.syntax(e, err)
				}
			}
		}
	}
}

func (ar *aafReader) identifier(e *aafEntry) error {
	for {
		tok, err := ar.d.Token()
		if err != nil {
			return ar.syntax(e, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Local != "id" {
				if err := ar.d.Skip(); err != nil {
					return ar.syntax(e, err)
				}
				continue
			}
			s, err := ar.text1(e)
			if err != nil {
				return err
			}
			e.ID = strings.TrimSpace(s)
		}
	}
}

// attrs reads <attr name="…"><value>…</value>…</attr> elements into m.
func (ar *aafReader) attrs(e *aafEntry, m map[string][]string, elem string) error {
	for {
		tok, err := ar.d.Token()
		if err != nil {
			return ar.syntax(e, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Local != elem {
				return ar.bad(e, fmt.Sprintf("élément <%s> inattendu dans les attributs", t.Name.Local))
			}
			name := attrValue(t, "name")
			if name == "" {
				return ar.bad(e, "attribut sans nom")
			}
			vals, err := ar.values(e)
			if err != nil {
				return err
			}
			if _, dup := m[name]; !dup && len(m) >= aafMaxAttrs {
				return ar.bad(e, "trop d’attributs dans l’entrée")
			}
			m[name] = append(m[name], vals...)
			if len(m[name]) > aafMaxValues {
				return ar.bad(e, fmt.Sprintf("trop de valeurs pour %s", name))
			}
		}
	}
}

func (ar *aafReader) modifications(e *aafEntry) error {
	for {
		tok, err := ar.d.Token()
		if err != nil {
			return ar.syntax(e, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return nil
		case xml.StartElement:
			if t.Name.Local != "modification" {
				return ar.bad(e, fmt.Sprintf("élément <%s> inattendu dans les modifications", t.Name.Local))
			}
			if err := ar.modification(e, t); err != nil {
				return err
			}
		}
	}
}

func (ar *aafReader) modification(e *aafEntry, t xml.StartElement) error {
	if e.Op != "modify" {
		return ar.bad(e, "<modification> dans une entrée autre qu’une modification")
	}
	name, op := attrValue(t, "name"), attrValue(t, "operation")
	if name == "" {
		return ar.bad(e, "modification sans nom d’attribut")
	}
	if op == "" {
		op = "replace"
	}
	if op != "replace" && op != "add" && op != "delete" {
		return ar.bad(e, fmt.Sprintf("opération %q inconnue pour %s", op, name))
	}
	vals, err := ar.values(e)
	if err != nil {
		return err
	}
	if len(e.Mods) >= aafMaxAttrs {
		return ar.bad(e, "trop de modifications dans l’entrée")
	}
	e.Mods = append(e.Mods, aafMod{Name: name, Op: op, Values: vals})
	return nil
}

// values reads the <value> children of an attribute up to its end. Empty
// values (<value/>) are dropped.
func (ar *aafReader) values(e *aafEntry) ([]string, error) {
	var out []string
	for {
		tok, err := ar.d.Token()
		if err != nil {
			return nil, ar.syntax(e, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return out, nil
		case xml.StartElement:
			if t.Name.Local != "value" {
				return nil, ar.bad(e, fmt.Sprintf("élément <%s> inattendu\u00a0: une valeur est <value>", t.Name.Local))
			}
			s, err := ar.text1(e)
			if err != nil {
				return nil, err
			}
			if s = strings.TrimSpace(s); s != "" {
				if len(out) >= aafMaxValues {
					return nil, ar.bad(e, "trop de valeurs dans un attribut")
				}
				out = append(out, s)
			}
		}
	}
}

// text1 reads the text of an element with no children, up to its end.
func (ar *aafReader) text1(e *aafEntry) (string, error) {
	var sb strings.Builder
	for {
		tok, err := ar.d.Token()
		if err != nil {
			return "", ar.syntax(e, err)
		}
		switch t := tok.(type) {
		case xml.EndElement:
			return sb.String(), nil
		case xml.CharData:
			if sb.Len()+len(t) > aafMaxValueLen {
				return "", ar.bad(e, "valeur trop longue")
			}
			ar.text += len(t)
			if ar.text > aafMaxEntryText {
				return "", ar.bad(e, "entrée trop volumineuse")
			}
			sb.Write(t)
		case xml.StartElement:
			return "", ar.bad(e, fmt.Sprintf("élément <%s> inattendu dans une valeur", t.Name.Local))
		}
	}
}

func attrValue(t xml.StartElement, name string) string {
	for _, a := range t.Attr {
		if a.Name.Local == name {
			return strings.TrimSpace(a.Value)
		}
	}
	return ""
}

// ParseAAF reads an AAF file and maps its entries without importing
// anything, and returns the number of records it would stage: a check of
// a file before it is fed, and the fuzzed surface of the reader.
func ParseAAF(name string, r io.Reader) (int, error) {
	n := 0
	m := &aafMapper{academie: "", emit: func(record) error { n++; return nil }}
	err := readAAF(name, r, m.entry)
	return n, err
}
