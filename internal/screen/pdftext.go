package screen

import (
	"bytes"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The text of a PDF's pages, for the text detectors: a threat or a lure
// sent as a PDF is screened like one written in the message. Text is read
// from the page content streams (Tj, TJ, ' and " operators), decoded with
// the font's ToUnicode map when it has one, else as single bytes
// (WinAnsi and standard encodings agree with Latin-1 on French letters).
// This reading is best effort: text that cannot be decoded is skipped, and
// a page that cannot be read does not hold the file by itself (the rules
// on active content stay fail-closed).

// pdfFont is how the strings shown with a font are decoded.
type pdfFont struct {
	width int               // bytes per character code
	cmap  map[uint32]string // code → text; nil: one byte, Latin-1
	none  bool              // a composite font without ToUnicode: unreadable
}

func (pi *pdfInspection) pageText() {
	in := pi.in
	if in.textBytes >= maxInspectText {
		return
	}
	var out strings.Builder
	limit := maxInspectText - in.textBytes
	for _, num := range pi.f.numbers() {
		for _, page := range pi.f.objects[num] {
			if page.kind != pdfDict || page.dict["Type"].name() != "Page" {
				continue
			}
			fonts := pi.fonts(page)
			for _, c := range pi.f.resolve(page.dict["Contents"]) {
				streams := []pdfValue{c}
				if c.kind == pdfArray {
					streams = nil
					for _, x := range c.arr {
						streams = append(streams, pi.f.resolve(x)...)
					}
				}
				for _, s := range streams {
					if !s.hasStream || out.Len() >= limit {
						continue
					}
					data, err := pi.f.decode(s)
					if err != nil {
						continue
					}
					contentText(data, fonts, &out, limit)
					out.WriteByte('\n')
				}
			}
		}
	}
	in.addText([]byte(out.String()))
}

// fonts returns the fonts of a page's resources, inherited from its
// parents when the page has none.
func (pi *pdfInspection) fonts(page pdfValue) map[string]*pdfFont {
	fonts := map[string]*pdfFont{}
	node := page
	for depth := 0; depth < 32 && node.kind == pdfDict; depth++ {
		for _, res := range pi.f.resolve(node.dict["Resources"]) {
			if res.kind != pdfDict {
				continue
			}
			for _, fd := range pi.f.resolve(res.dict["Font"]) {
				if fd.kind != pdfDict {
					continue
				}
				for name, ref := range fd.dict {
					if _, ok := fonts[name]; ok {
						continue
					}
					for _, font := range pi.f.resolve(ref) {
						if font.kind == pdfDict {
							fonts[name] = pi.font(font)
							break
						}
					}
				}
			}
		}
		if len(fonts) > 0 {
			break
		}
		parents := pi.f.resolve(node.dict["Parent"])
		if len(parents) == 0 {
			break
		}
		node = parents[0]
	}
	return fonts
}

func (pi *pdfInspection) font(d pdfValue) *pdfFont {
	f := &pdfFont{width: 1}
	if d.dict["Subtype"].name() == "Type0" {
		f.width = 2
	}
	for _, s := range pi.f.resolve(d.dict["ToUnicode"]) {
		if !s.hasStream || len(s.stream) == 0 {
			continue
		}
		// Pages share fonts: each map is decoded once.
		if pi.fontCache == nil {
			pi.fontCache = map[*byte]*pdfFont{}
		}
		if c, ok := pi.fontCache[&s.stream[0]]; ok && c.width == f.width {
			return c
		}
		data, err := pi.f.decode(s)
		if err != nil {
			continue
		}
		f.cmap = parseToUnicode(data)
		pi.fontCache[&s.stream[0]] = f
		if len(f.cmap) > 0 {
			return f
		}
	}
	if f.width == 2 && f.cmap == nil {
		f.none = true
	}
	return f
}

// parseToUnicode reads the bfchar and bfrange entries of a ToUnicode CMap.
func parseToUnicode(data []byte) map[uint32]string {
	m := map[uint32]string{}
	p := &pdfParser{b: data, f: &pdfFile{}}
	code := func(v pdfValue) (uint32, bool) {
		if v.kind != pdfString || len(v.s) == 0 || len(v.s) > 4 {
			return 0, false
		}
		var c uint32
		for i := 0; i < len(v.s); i++ {
			c = c<<8 | uint32(v.s[i])
		}
		return c, true
	}
	for p.pos < len(p.b) && len(m) < 1<<16 {
		p.f.nvalues = 0
		v, err := p.value(0)
		if err != nil {
			return m
		}
		switch {
		case v.kind == pdfKeyword && v.s == "beginbfchar":
			for len(m) < 1<<16 {
				src, err1 := p.value(0)
				if err1 != nil || src.kind == pdfKeyword {
					break
				}
				dst, err2 := p.value(0)
				if err2 != nil {
					return m
				}
				if c, ok := code(src); ok && dst.kind == pdfString {
					m[c] = utf16Text(dst.s)
				}
			}
		case v.kind == pdfKeyword && v.s == "beginbfrange":
			for len(m) < 1<<16 {
				lo, err1 := p.value(0)
				if err1 != nil || lo.kind == pdfKeyword {
					break
				}
				hi, err2 := p.value(0)
				dst, err3 := p.value(0)
				if err2 != nil || err3 != nil {
					return m
				}
				a, ok1 := code(lo)
				b, ok2 := code(hi)
				if !ok1 || !ok2 || b < a || b-a > 1<<12 {
					continue
				}
				for c := a; c <= b && len(m) < 1<<16; c++ {
					switch dst.kind {
					case pdfString:
						r := []rune(utf16Text(dst.s))
						if len(r) > 0 {
							r[len(r)-1] += rune(c - a)
						}
						m[c] = string(r)
					case pdfArray:
						if i := int(c - a); i < len(dst.arr) && dst.arr[i].kind == pdfString {
							m[c] = utf16Text(dst.arr[i].s)
						}
					}
				}
			}
		}
	}
	return m
}

// utf16Text decodes UTF-16BE bytes.
func utf16Text(s string) string {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	return string(utf16.Decode(u))
}

// decodeShown decodes a string shown with a font.
func (f *pdfFont) decodeShown(s string, out *strings.Builder) {
	switch {
	case f == nil || f.cmap == nil && !f.none:
		for i := 0; i < len(s); i++ {
			out.WriteRune(rune(s[i])) // Latin-1
		}
	case f.none:
	default:
		for i := 0; i+f.width <= len(s); i += f.width {
			var c uint32
			for k := 0; k < f.width; k++ {
				c = c<<8 | uint32(s[i+k])
			}
			if t, ok := f.cmap[c]; ok {
				out.WriteString(t)
			} else if f.width == 1 {
				out.WriteRune(rune(s[i]))
			}
		}
	}
}

// contentText appends the text shown by a content stream.
func contentText(data []byte, fonts map[string]*pdfFont, out *strings.Builder, limit int) {
	p := &pdfParser{b: data, f: &pdfFile{}, keepNumbers: true}
	var ops []pdfValue
	var font *pdfFont
	for p.pos < len(p.b) && out.Len() < limit {
		p.f.nvalues = 0
		v, err := p.value(0)
		if err != nil {
			return
		}
		if v.kind != pdfKeyword {
			if len(ops) < 64 {
				ops = append(ops, v)
			}
			continue
		}
		switch v.s {
		case "Tf":
			if len(ops) >= 1 {
				font = fonts[ops[0].name()]
			}
		case "Tj", "'", "\"":
			if len(ops) >= 1 && ops[len(ops)-1].kind == pdfString {
				if v.s != "Tj" {
					out.WriteByte('\n')
				}
				font.decodeShown(ops[len(ops)-1].s, out)
			}
		case "TJ":
			if len(ops) >= 1 && ops[len(ops)-1].kind == pdfArray {
				for _, x := range ops[len(ops)-1].arr {
					switch x.kind {
					case pdfString:
						font.decodeShown(x.s, out)
					case pdfNumber:
						// A wide negative shift is a space between words.
						if n, err := strconv.ParseFloat(x.s, 64); err == nil && n < -180 {
							out.WriteByte(' ')
						}
					}
				}
			}
		case "Td", "TD", "T*", "Tm":
			out.WriteByte(' ')
		case "ET":
			out.WriteByte('\n')
		case "BI":
			// An inline image: its data runs from ID to EI.
			i := bytes.Index(p.b[p.pos:], []byte("ID"))
			if i < 0 {
				return
			}
			j := bytes.Index(p.b[p.pos+i+2:], []byte("EI"))
			if j < 0 {
				return
			}
			p.pos += i + 2 + j + 2
		}
		ops = ops[:0]
	}
}
