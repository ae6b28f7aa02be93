package screen

import (
	"bytes"
	"encoding/json"
	"math"
	"strconv"
	"unicode/utf8"
)

// The `bouclier screen` loop spent about a tenth of a line in
// encoding/json (validation, reflection, the encoder's buffers). The
// common line, {"id": number or plain string, "text": "...", "role":
// "..."}, is read here by a direct scan and its answer written by
// appending to a reused buffer. Anything else (another key, an escape
// this scan does not decode, invalid UTF-8, null, a nested id, a
// duplicate key, any syntax error) goes to encoding/json as before, so
// errors, their messages and every output byte stay the same.

// decodeFast reads line into m when it is one of the common shapes and
// reports whether it did. m.ID then aliases line.
func decodeFast(line []byte, m *jsonInput) bool {
	var s scanner
	s.b = line
	s.ws()
	if !s.eat('{') {
		return false
	}
	var seen uint8
	s.ws()
	if s.eat('}') {
		s.ws()
		return s.i == len(s.b)
	}
	for {
		s.ws()
		key, ok := s.plainKey()
		if !ok {
			return false
		}
		s.ws()
		if !s.eat(':') {
			return false
		}
		s.ws()
		var bit uint8
		switch key {
		case "id":
			bit = 1
			raw, ok := s.simpleID()
			if !ok {
				return false
			}
			m.ID = raw
		case "text":
			bit = 2
			v, ok := s.str()
			if !ok {
				return false
			}
			m.Text = &v
		case "subject":
			bit = 4
			if m.Subject, ok = s.str(); !ok {
				return false
			}
		case "role":
			bit = 8
			if m.Role, ok = s.str(); !ok {
				return false
			}
		case "academie":
			bit = 16
			if m.Academie, ok = s.str(); !ok {
				return false
			}
		case "to_students":
			bit = 32
			if m.ToStudents, ok = s.boolean(); !ok {
				return false
			}
		default: // attachments, unknown or differently cased keys
			return false
		}
		if seen&bit != 0 {
			return false
		}
		seen |= bit
		s.ws()
		if s.eat(',') {
			continue
		}
		if !s.eat('}') {
			return false
		}
		s.ws()
		return s.i == len(s.b)
	}
}

type scanner struct {
	b []byte
	i int
}

// ws skips JSON whitespace.
func (s *scanner) ws() {
	for s.i < len(s.b) {
		switch s.b[s.i] {
		case ' ', '\t', '\n', '\r':
			s.i++
		default:
			return
		}
	}
}

func (s *scanner) eat(c byte) bool {
	if s.i < len(s.b) && s.b[s.i] == c {
		s.i++
		return true
	}
	return false
}

// plainKey reads a key of ASCII letters and underscores (no escape), as
// all the protocol's keys are; encoding/json would also match other cases.
func (s *scanner) plainKey() (string, bool) {
	if !s.eat('"') {
		return "", false
	}
	start := s.i
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			k := s.b[start:s.i]
			s.i++
			switch string(k) { // no allocation: compared in place
			case "id":
				return "id", true
			case "text":
				return "text", true
			case "subject":
				return "subject", true
			case "role":
				return "role", true
			case "academie":
				return "academie", true
			case "to_students":
				return "to_students", true
			}
			return "", false
		case c >= 'a' && c <= 'z' || c == '_':
			s.i++
		default:
			return "", false
		}
	}
	return "", false
}

// simpleID reads a JSON number or a string of printable ASCII without
// escapes, both of which encoding/json would copy and re-emit unchanged.
func (s *scanner) simpleID() ([]byte, bool) {
	start := s.i
	if s.eat('"') {
		for s.i < len(s.b) {
			c := s.b[s.i]
			switch {
			case c == '"':
				s.i++
				return s.b[start:s.i], true
			case c < 0x20 || c >= 0x7f || c == '\\':
				return nil, false
			}
			s.i++
		}
		return nil, false
	}
	// number = [-] (0 | [1-9][0-9]*) [. [0-9]+] [(e|E) [+|-] [0-9]+]
	s.eat('-')
	switch {
	case s.eat('0'):
	case s.i < len(s.b) && s.b[s.i] >= '1' && s.b[s.i] <= '9':
		s.digits()
	default:
		return nil, false
	}
	if s.eat('.') && !s.digits() {
		return nil, false
	}
	if s.eat('e') || s.eat('E') {
		if !s.eat('+') {
			s.eat('-')
		}
		if !s.digits() {
			return nil, false
		}
	}
	return s.b[start:s.i], true
}

// digits skips one or more digits and reports whether there was one.
func (s *scanner) digits() bool {
	start := s.i
	for s.i < len(s.b) && s.b[s.i] >= '0' && s.b[s.i] <= '9' {
		s.i++
	}
	return s.i > start
}

func (s *scanner) boolean() (bool, bool) {
	if s.i+4 <= len(s.b) && string(s.b[s.i:s.i+4]) == "true" {
		s.i += 4
		return true, true
	}
	if s.i+5 <= len(s.b) && string(s.b[s.i:s.i+5]) == "false" {
		s.i += 5
		return false, true
	}
	return false, false
}

// str reads a JSON string of valid UTF-8 whose escapes, if any, are the
// two-character ones (\" \\ \/ \b \f \n \r \t); \u escapes are left to
// encoding/json (its surrogate handling).
func (s *scanner) str() (string, bool) {
	if !s.eat('"') {
		return "", false
	}
	start := s.i
	q := bytes.IndexByte(s.b[start:], '"')
	if q < 0 {
		return "", false
	}
	raw := s.b[start : start+q]
	for j, c := range raw {
		if c < 0x20 || c == '\\' {
			s.i = start + j
			if c == '\\' {
				return s.escaped(start)
			}
			return "", false
		}
	}
	if !utf8.Valid(raw) {
		return "", false
	}
	s.i = start + q + 1
	return string(raw), true
}

// escaped finishes a string from start (after its quote) that has an
// escape at s.i.
func (s *scanner) escaped(start int) (string, bool) {
	out := make([]byte, 0, s.i-start+64)
	out = append(out, s.b[start:s.i]...)
	for s.i < len(s.b) {
		c := s.b[s.i]
		switch {
		case c == '"':
			s.i++
			if !utf8.Valid(out) {
				return "", false
			}
			return string(out), true
		case c == '\\':
			if s.i+1 >= len(s.b) {
				return "", false
			}
			var r byte
			switch s.b[s.i+1] {
			case '"', '\\', '/':
				r = s.b[s.i+1]
			case 'b':
				r = '\b'
			case 'f':
				r = '\f'
			case 'n':
				r = '\n'
			case 'r':
				r = '\r'
			case 't':
				r = '\t'
			default: // \u and invalid escapes
				return "", false
			}
			out = append(out, r)
			s.i += 2
			continue
		case c < 0x20:
			return "", false
		}
		out = append(out, c)
		s.i++
	}
	return "", false
}

// appendVerdict appends the output line for a fast-decoded line: the
// bytes encoding/json's Encoder (SetEscapeHTML(false)) writes for
// jsonOutput without explain. id is a number or a plain string, which the
// encoder copies as is.
func appendVerdict(dst []byte, id json.RawMessage, r Result) []byte {
	dst = append(dst, `{"id":`...)
	dst = append(dst, id...)
	dst = append(dst, `,"verdict":`...)
	dst = appendJSONString(dst, string(r.Verdict))
	dst = append(dst, `,"score":`...)
	dst = appendJSONFloat(dst, r.Score)
	dst = append(dst, `,"reasons":`...)
	if r.Reasons == nil {
		dst = append(dst, "null"...)
	} else {
		dst = append(dst, '[')
		for i, s := range r.Reasons {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSONString(dst, s)
		}
		dst = append(dst, ']')
	}
	return append(dst, "}\n"...)
}

// appendJSONFloat formats f as encoding/json does (ES6 number form). NaN
// and infinities, which encoding/json refuses, never reach it (RunJSONL
// leaves them to the encoder).
func appendJSONFloat(dst []byte, f float64) []byte {
	abs := math.Abs(f)
	format := byte('f')
	if abs != 0 && (abs < 1e-6 || abs >= 1e21) {
		format = 'e'
	}
	n0 := len(dst)
	dst = strconv.AppendFloat(dst, f, format, -1, 64)
	if format == 'e' {
		// e-09 → e-9, as encoding/json writes it
		if n := len(dst); n-n0 >= 4 && dst[n-4] == 'e' && dst[n-3] == '-' && dst[n-2] == '0' {
			dst[n-2] = dst[n-1]
			dst = dst[:n-1]
		}
	}
	return dst
}

const hexDigits = "0123456789abcdef"

// appendJSONString quotes s as encoding/json does without HTML escaping:
// ", \ and control characters escaped, invalid UTF-8 as \ufffd, U+2028
// and U+2029 as \u2028 and \u2029.
func appendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start := 0
	for i := 0; i < len(s); {
		if b := s[i]; b < utf8.RuneSelf {
			if b >= 0x20 && b != '"' && b != '\\' {
				i++
				continue
			}
			dst = append(dst, s[start:i]...)
			switch b {
			case '\\', '"':
				dst = append(dst, '\\', b)
			case '\b':
				dst = append(dst, '\\', 'b')
			case '\f':
				dst = append(dst, '\\', 'f')
			case '\n':
				dst = append(dst, '\\', 'n')
			case '\r':
				dst = append(dst, '\\', 'r')
			case '\t':
				dst = append(dst, '\\', 't')
			default:
				dst = append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
			}
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		if c == utf8.RuneError && size == 1 {
			dst = append(dst, s[start:i]...)
			dst = append(dst, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if c == '\u2028' || c == '\u2029' {
			dst = append(dst, s[start:i]...)
			dst = append(dst, '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	dst = append(dst, s[start:]...)
	return append(dst, '"')
}
