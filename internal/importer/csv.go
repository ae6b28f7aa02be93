package importer

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/bouclier/bouclier"
)

// The CSV kinds, recognised by their header line (columns in this order;
// ',' or ';' as separator, UTF-8, an optional BOM):
var csvKinds = []struct {
	kind   string
	header []string
}{
	{"academies", []string{"academie", "name", "time_zone"}},
	{"establishments", []string{"uai", "name", "academie"}},
	{"classes", []string{"uai", "class"}},
	{"people", []string{"username", "display_name", "role", "academie", "uai", "class", "email"}},
	{"parents", []string{"parent", "child"}},
	{"teachings", []string{"teacher", "uai", "class"}},
}

// ReadCSV parses one CSV file into b. The file's kind comes from its
// header; a bad row is a *RowError with the file and line.
func ReadCSV(name string, r io.Reader, b *Batch) error {
	data, err := io.ReadAll(io.LimitReader(r, 512<<20))
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	if !utf8.Valid(data) {
		return &RowError{Pos: Pos{name, 1}, Reason: "le fichier n'est pas en UTF-8"}
	}
	text := strings.TrimPrefix(string(data), "\ufeff")
	first, _, _ := strings.Cut(text, "\n")
	sep := ','
	if strings.Count(first, ";") > strings.Count(first, ",") {
		sep = ';'
	}
	cr := csv.NewReader(strings.NewReader(text))
	cr.Comma = sep
	cr.FieldsPerRecord = -1
	header, err := cr.Read()
	if errors.Is(err, io.EOF) {
		return &RowError{Pos: Pos{name, 1}, Reason: "fichier vide"}
	}
	if err != nil {
		return &RowError{Pos: Pos{name, 1}, Reason: err.Error()}
	}
	for i := range header {
		header[i] = strings.ToLower(strings.TrimSpace(header[i]))
	}
	kind := ""
	for _, k := range csvKinds {
		if slices.Equal(header, k.header) {
			kind = k.kind
		}
	}
	if kind == "" {
		return &RowError{Pos: Pos{name, 1}, Reason: fmt.Sprintf("en-tête non reconnu %q (voir README: formats CSV)", strings.Join(header, ","))}
	}
	for {
		rec, err := cr.Read()
		if errors.Is(err, io.EOF) {
			return nil
		}
		if err != nil {
			pos := Pos{name, 0}
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				pos.Line = pe.StartLine
			}
			return &RowError{Pos: pos, Reason: "CSV illisible : " + err.Error()}
		}
		line, _ := cr.FieldPos(0) // valid only after a successful Read
		pos := Pos{name, line}
		if len(rec) != len(header) {
			return &RowError{Pos: pos, Reason: fmt.Sprintf("%d colonnes au lieu de %d", len(rec), len(header))}
		}
		for i := range rec {
			rec[i] = strings.TrimSpace(rec[i])
		}
		switch kind {
		case "academies":
			b.Academies = append(b.Academies, struct {
				Pos
				bouclier.Academie
			}{pos, bouclier.Academie{ID: rec[0], Name: rec[1], TimeZone: rec[2]}})
		case "establishments":
			b.Establishments = append(b.Establishments, struct {
				Pos
				bouclier.Establishment
			}{pos, bouclier.Establishment{UAI: rec[0], Name: rec[1], Academie: rec[2]}})
		case "classes":
			b.Classes = append(b.Classes, Class{pos, rec[0], rec[1]})
		case "people":
			b.People = append(b.People, Person{pos, bouclier.User{Username: rec[0], DisplayName: rec[1], Role: bouclier.Role(rec[2]),
				Academie: rec[3], UAI: rec[4], Class: rec[5], Email: rec[6]}})
		case "parents":
			b.Links = append(b.Links, Link{pos, rec[0], rec[1]})
		case "teachings":
			b.Teachings = append(b.Teachings, Teaching{pos, rec[0], rec[1], rec[2]})
		}
	}
}
