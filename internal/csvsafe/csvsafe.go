// Package csvsafe writes CSV that a spreadsheet opens as data, never as
// formulas. A cell beginning with =, +, -, @ (or their full-width forms),
// a tab or a carriage return is what Excel and LibreOffice evaluate
// ("=HYPERLINK(…)", "@SUM(…)", DDE "-cmd|…"): such a cell gets a leading
// apostrophe, which spreadsheets show as text and hide, as OWASP advises
// for CSV injection. Use it for every CSV a person may open: activation
// letters, evidence, exports.
package csvsafe

import (
	"encoding/csv"
	"io"
	"strings"
	"unicode/utf8"
)

// Cell returns s neutralised: prefixed with ' when it begins with a
// character that starts a formula.
func Cell(s string) string {
	r, _ := utf8.DecodeRuneInString(s)
	if s != "" && strings.ContainsRune("=+-@\t\r\uff1d\uff0b\uff0d\uff20", r) {
		return "'" + s
	}
	return s
}

// Writer is a csv.Writer that neutralises every cell.
type Writer struct {
	*csv.Writer
}

// NewWriter returns a Writer writing to w.
func NewWriter(w io.Writer) *Writer { return &Writer{csv.NewWriter(w)} }

// Write writes one record, each cell neutralised.
func (w *Writer) Write(record []string) error {
	safe := make([]string, len(record))
	for i, c := range record {
		safe[i] = Cell(c)
	}
	return w.Writer.Write(safe)
}

// WriteAll writes records, each cell neutralised, and flushes.
func (w *Writer) WriteAll(records [][]string) error {
	for _, r := range records {
		if err := w.Write(r); err != nil {
			return err
		}
	}
	w.Flush()
	return w.Error()
}
