package importer

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/textfold"
)

// The CSV kinds, recognised by their header line (columns in this order;
// ',' or ';' as separator, UTF-8, an optional BOM). People may have a
// last column civilite (« M. », « Mme » or empty).
var csvKinds = []struct {
	kind   string
	header []string
}{
	{kAcademie, []string{"academie", "name", "time_zone"}},
	{kEstablishment, []string{"uai", "name", "academie"}},
	{kClass, []string{"uai", "class"}},
	{kPerson, personHeader},
	{kLink, []string{"parent", "child"}},
	{kTeaching, []string{"teacher", "uai", "class"}},
}

var personHeader = []string{"username", "display_name", "role", "academie", "uai", "class", "email"}

// ReadCSV parses one CSV file into b. The file's kind comes from its
// header; a bad row is a *RowError with the file and line.
func ReadCSV(name string, r io.Reader, b *Batch) error {
	return readCSV(name, bufio.NewReader(r), func(rec record) error { b.add(rec); return nil })
}

// utf8Check passes bytes through and remembers whether they were valid
// UTF-8 (a rune cut between two reads is carried over).
type utf8Check struct {
	r       io.Reader
	carry   []byte
	invalid bool
}

func (u *utf8Check) Read(p []byte) (int, error) {
	n, err := u.r.Read(p)
	if u.invalid {
		return n, err
	}
	if n == 0 {
		if err == io.EOF && len(u.carry) > 0 {
			u.invalid = true
		}
		return n, err
	}
	data := append(u.carry, p[:n]...)
	// Keep an incomplete rune at the end for the next read.
	cut := len(data)
	for i := len(data) - 1; i >= 0 && i >= len(data)-utf8.UTFMax; i-- {
		if utf8.RuneStart(data[i]) {
			if !utf8.FullRune(data[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(data[:cut]) {
		u.invalid = true
	}
	u.carry = append(u.carry[:0], data[cut:]...)
	if err == io.EOF && len(u.carry) > 0 {
		u.invalid = true
	}
	return n, err
}

// readCSV parses one CSV file as a stream and emits its records. A file
// that is not UTF-8 is refused at its line 1, as a whole.
func readCSV(name string, br *bufio.Reader, emit func(record) error) error {
	if bom, _ := br.Peek(3); bytes.Equal(bom, []byte("\ufeff")) {
		_, _ = br.Discard(3)
	}
	head, _ := br.Peek(4096)
	first, _, _ := bytes.Cut(head, []byte("\n"))
	sep := ','
	if bytes.Count(first, []byte(";")) > bytes.Count(first, []byte(",")) {
		sep = ';'
	}
	chk := &utf8Check{r: br}
	notUTF8 := &RowError{Pos: Pos{name, 1}, Reason: "le fichier n’est pas en UTF-8"}
	cr := csv.NewReader(chk)
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if chk.invalid {
		return notUTF8
	}
	if errors.Is(err, io.EOF) {
		return &RowError{Pos: Pos{name, 1}, Reason: "fichier vide"}
	}
	if err != nil {
		return &RowError{Pos: Pos{name, 1}, Reason: err.Error()}
	}
	header = slices.Clone(header)
	for i := range header {
		header[i] = textfold.Fold(strings.TrimSpace(header[i]))
	}
	kind := ""
	for _, k := range csvKinds {
		if slices.Equal(header, k.header) {
			kind = k.kind
		}
	}
	withCivility := false
	if n := len(header); kind == "" && n > 0 && header[n-1] == "civilite" && slices.Equal(header[:n-1], personHeader) {
		kind, withCivility = kPerson, true
	}
	if kind == "" {
		return &RowError{Pos: Pos{name, 1}, Reason: fmt.Sprintf("en-tête non reconnu %q (voir README\u00a0: formats CSV)", strings.Join(header, ","))}
	}
	for {
		rec, err := cr.Read()
		if chk.invalid {
			return notUTF8
		}
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			pos := Pos{name, 0}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				pos.Line = pe.StartLine
			}
			return &RowError{Pos: pos, Reason: "CSV illisible\u00a0: " + err.Error()}
		}
		line, _ := cr.FieldPos(0) // valid only after a successful Read
		pos := Pos{name, line}
		if len(rec) != len(header) {
			return &RowError{Pos: pos, Reason: fmt.Sprintf("%d colonnes au lieu de %d", len(rec), len(header))}
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		r := record{Kind: kind, Pos: pos}
		switch kind {
		case kAcademie:
			r.Key, r.ID, r.Name, r.TimeZone = rec[0], rec[0], rec[1], rec[2]
		case kEstablishment:
			r.Key, r.UAI, r.Name, r.Academie = rec[0], rec[0], rec[1], rec[2]
		case kClass:
			r.Key, r.UAI, r.Class = rec[0]+"/"+rec[1], rec[0], rec[1]
		case kPerson:
			r.Key, r.Op, r.Username, r.Name, r.Role, r.Academie, r.UAI, r.Class, r.Email = userKey(rec[0]), "put", rec[0], rec[1],
				string(bouclier.Role(rec[2])), rec[3], rec[4], rec[5], rec[6]
			if withCivility {
				// A hand-made file: a value we cannot read is a mistake
				// to correct, not a civility to drop.
				c, ok := civility(rec[7])
				if !ok {
					return &RowError{Pos: pos, Reason: fmt.Sprintf("civilité inconnue %q\u00a0: attendu M., Mme ou rien", rec[7])}
				}
				r.Civility = &c
			}
		case kLink:
			r.Key, r.Parent, r.Child = userKey(rec[1]), rec[0], rec[1]
		case kTeaching:
			r.Key, r.Teacher, r.UAI, r.Class = userKey(rec[0]), rec[0], rec[1], rec[2]
		}
		if err := emit(r); err != nil {
			return err
		}
	}
}
