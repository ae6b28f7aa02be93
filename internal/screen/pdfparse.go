package screen

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"slices"
	"strconv"
)

// A small, bounded reader of PDF syntax for the attachment rules. It does not
// render anything: it reads every indirect object in the file, those of
// object streams included, into plain values, and decodes the streams the
// rules need. It reads objects where they are rather than through the cross
// reference table, so an object that a viewer would find by repairing a
// broken table is seen too; anything it cannot read makes the caller hold
// the file.

// errPDF is wrapped by every reading error.
var errPDF = errors.New("pdf")

func pdfErrorf(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{errPDF}, args...)...)
}

// pdfKind is the type of a PDF value.
type pdfKind uint8

const (
	pdfNull pdfKind = iota
	pdfBool
	pdfNumber
	pdfString
	pdfName
	pdfArray
	pdfDict
	pdfRef
	pdfKeyword // a bare keyword (obj, endobj, stream, R…), only while parsing
)

// pdfValue is one PDF value. Names are stored decoded (#xx escapes
// resolved) and without their slash.
type pdfValue struct {
	kind   pdfKind
	s      string // name, string bytes, number or keyword text
	arr    []pdfValue
	dict   map[string]pdfValue
	num    int // object number of a reference
	stream []byte
	// hasStream is set on a dictionary followed by stream data (raw, still
	// encoded).
	hasStream bool
}

func (v pdfValue) name() string {
	if v.kind == pdfName {
		return v.s
	}
	return ""
}

// Limits of the reader: beyond them the file is held, not read on.
const (
	pdfMaxDepth   = 64      // nesting of arrays and dictionaries
	pdfMaxObjects = 1 << 18 // indirect objects, object streams' included
	// pdfMaxValues bounds the values kept in memory (numbers in arrays,
	// which no rule reads, are dropped as they are read).
	pdfMaxValues = 1 << 19
)

// pdfFile is what the reader found in a file.
type pdfFile struct {
	objects  map[int][]pdfValue // every definition of each object number
	trailers []pdfValue
	nobj     int
	nvalues  int
	sawEOF   bool
	// encrypted is set when a trailer or a cross-reference stream names an
	// encryption dictionary: streams are then unreadable.
	encrypted bool
	budget    *int64 // decoded bytes left, shared with the caller
}

// pdfParser reads values from b.
type pdfParser struct {
	b   []byte
	pos int
	f   *pdfFile
	// keepNumbers keeps numbers in arrays (the spacing in a TJ array).
	keepNumbers bool
}

func isPDFSpace(c byte) bool {
	return c == 0 || c == '\t' || c == '\n' || c == '\f' || c == '\r' || c == ' '
}

func isPDFDelim(c byte) bool {
	switch c {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

// skipSpace skips white space and comments.
func (p *pdfParser) skipSpace() {
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		switch {
		case isPDFSpace(c):
			p.pos++
		case c == '%':
			if bytes.HasPrefix(p.b[p.pos:], []byte("%%EOF")) {
				p.f.sawEOF = true
			}
			for p.pos < len(p.b) && p.b[p.pos] != '\n' && p.b[p.pos] != '\r' {
				p.pos++
			}
		default:
			return
		}
	}
}

// regular reads a run of regular characters (a number or a keyword).
func (p *pdfParser) regular() string {
	start := p.pos
	for p.pos < len(p.b) && !isPDFSpace(p.b[p.pos]) && !isPDFDelim(p.b[p.pos]) {
		p.pos++
	}
	return string(p.b[start:p.pos])
}

func unhex(c byte) (byte, bool) {
	switch {
	case c >= '0' && c <= '9':
		return c - '0', true
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10, true
	case c >= 'A' && c <= 'F':
		return c - 'A' + 10, true
	}
	return 0, false
}

// readName reads a name after its slash, resolving #xx escapes
// (/J#61vaScript is /JavaScript).
func (p *pdfParser) readName() string {
	raw := p.regular()
	if !bytes.Contains([]byte(raw), []byte("#")) {
		return raw
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		if raw[i] == '#' && i+2 < len(raw) {
			h, ok1 := unhex(raw[i+1])
			l, ok2 := unhex(raw[i+2])
			if ok1 && ok2 {
				out = append(out, h<<4|l)
				i += 2
				continue
			}
		}
		out = append(out, raw[i])
	}
	return string(out)
}

// readLiteral reads a (string) after its opening parenthesis.
func (p *pdfParser) readLiteral() (string, error) {
	var out []byte
	depth := 1
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		switch c {
		case '(':
			depth++
		case ')':
			depth--
			if depth == 0 {
				return string(out), nil
			}
		case '\\':
			if p.pos >= len(p.b) {
				return "", pdfErrorf("string cut at offset %d", p.pos)
			}
			e := p.b[p.pos]
			p.pos++
			switch e {
			case 'n':
				c = '\n'
			case 'r':
				c = '\r'
			case 't':
				c = '\t'
			case 'b':
				c = '\b'
			case 'f':
				c = '\f'
			case '\r':
				if p.pos < len(p.b) && p.b[p.pos] == '\n' {
					p.pos++
				}
				continue
			case '\n':
				continue
			default:
				if e >= '0' && e <= '7' {
					v := int(e - '0')
					for k := 0; k < 2 && p.pos < len(p.b) && p.b[p.pos] >= '0' && p.b[p.pos] <= '7'; k++ {
						v = v*8 + int(p.b[p.pos]-'0')
						p.pos++
					}
					c = byte(v)
				} else {
					c = e
				}
			}
		}
		out = append(out, c)
	}
	return "", pdfErrorf("unterminated string")
}

// readHex reads a <hex string> after its opening angle bracket.
func (p *pdfParser) readHex() (string, error) {
	var out []byte
	var hi byte
	half := false
	for p.pos < len(p.b) {
		c := p.b[p.pos]
		p.pos++
		if c == '>' {
			if half {
				out = append(out, hi<<4)
			}
			return string(out), nil
		}
		if isPDFSpace(c) {
			continue
		}
		v, ok := unhex(c)
		if !ok {
			return "", pdfErrorf("bad hex string at offset %d", p.pos-1)
		}
		if half {
			out = append(out, hi<<4|v)
		} else {
			hi = v
		}
		half = !half
	}
	return "", pdfErrorf("unterminated hex string")
}

// value reads one value. References (n g R) are recognised here.
func (p *pdfParser) value(depth int) (pdfValue, error) {
	if depth > pdfMaxDepth {
		return pdfValue{}, pdfErrorf("nesting deeper than %d", pdfMaxDepth)
	}
	p.f.nvalues++
	if p.f.nvalues > pdfMaxValues {
		return pdfValue{}, pdfErrorf("more than %d values", pdfMaxValues)
	}
	p.skipSpace()
	if p.pos >= len(p.b) {
		return pdfValue{}, pdfErrorf("unexpected end of data")
	}
	switch c := p.b[p.pos]; c {
	case '/':
		p.pos++
		return pdfValue{kind: pdfName, s: p.readName()}, nil
	case '(':
		p.pos++
		s, err := p.readLiteral()
		return pdfValue{kind: pdfString, s: s}, err
	case '<':
		if p.pos+1 < len(p.b) && p.b[p.pos+1] == '<' {
			p.pos += 2
			return p.dictionary(depth)
		}
		p.pos++
		s, err := p.readHex()
		return pdfValue{kind: pdfString, s: s}, err
	case '[':
		p.pos++
		var arr []pdfValue
		for {
			p.skipSpace()
			if p.pos >= len(p.b) {
				return pdfValue{}, pdfErrorf("unterminated array")
			}
			if p.b[p.pos] == ']' {
				p.pos++
				return pdfValue{kind: pdfArray, arr: arr}, nil
			}
			v, err := p.value(depth + 1)
			if err != nil {
				return pdfValue{}, err
			}
			switch v.kind {
			case pdfKeyword:
				return pdfValue{}, pdfErrorf("keyword %q in an array", v.s)
			case pdfNumber, pdfBool, pdfNull:
				if !p.keepNumbers {
					p.f.nvalues-- // not kept
					continue
				}
			}
			arr = append(arr, v)
		}
	case ')', '>', ']', '{', '}':
		return pdfValue{}, pdfErrorf("unexpected %q at offset %d", c, p.pos)
	}
	tok := p.regular()
	if tok == "" {
		return pdfValue{}, pdfErrorf("unexpected byte 0x%02x at offset %d", p.b[p.pos], p.pos)
	}
	switch tok {
	case "true", "false":
		return pdfValue{kind: pdfBool, s: tok}, nil
	case "null":
		return pdfValue{kind: pdfNull}, nil
	}
	if !isPDFNumber(tok) {
		return pdfValue{kind: pdfKeyword, s: tok}, nil
	}
	// "n g R" is a reference: look ahead without consuming otherwise.
	if n, err := strconv.Atoi(tok); err == nil && n >= 0 {
		save := p.pos
		p.skipSpace()
		if g := p.regular(); g != "" && isDigits(g) {
			p.skipSpace()
			if p.pos < len(p.b) && p.b[p.pos] == 'R' && (p.pos+1 == len(p.b) || isPDFSpace(p.b[p.pos+1]) || isPDFDelim(p.b[p.pos+1])) {
				p.pos++
				return pdfValue{kind: pdfRef, num: n}, nil
			}
		}
		p.pos = save
	}
	return pdfValue{kind: pdfNumber, s: tok}, nil
}

func (p *pdfParser) dictionary(depth int) (pdfValue, error) {
	d := map[string]pdfValue{}
	for {
		p.skipSpace()
		if p.pos+1 < len(p.b) && p.b[p.pos] == '>' && p.b[p.pos+1] == '>' {
			p.pos += 2
			return pdfValue{kind: pdfDict, dict: d}, nil
		}
		if p.pos >= len(p.b) {
			return pdfValue{}, pdfErrorf("unterminated dictionary")
		}
		k, err := p.value(depth + 1)
		if err != nil {
			return pdfValue{}, err
		}
		if k.kind != pdfName {
			return pdfValue{}, pdfErrorf("dictionary key is not a name at offset %d", p.pos)
		}
		v, err := p.value(depth + 1)
		if err != nil {
			return pdfValue{}, err
		}
		if v.kind == pdfKeyword {
			return pdfValue{}, pdfErrorf("keyword %q as a dictionary value", v.s)
		}
		// A key given twice: keep what a viewer might use, the last, but
		// the first stays visible to the rules under a distinct key.
		if old, dup := d[k.s]; dup {
			d[k.s+"\x00dup"+strconv.Itoa(len(d))] = old
		}
		d[k.s] = v
	}
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isPDFNumber(s string) bool {
	digits := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			digits++
		case (c == '+' || c == '-') && i == 0, c == '.':
		default:
			return false
		}
	}
	return digits > 0
}

// parsePDF reads every object of data. budget bounds the bytes decoded
// from object streams (it is decremented).
func parsePDF(data []byte, budget *int64) (*pdfFile, error) {
	f := &pdfFile{objects: map[int][]pdfValue{}, budget: budget}
	p := &pdfParser{b: data, f: f}
	var prev [2]string // the two tokens before the current one
	for {
		p.skipSpace()
		if p.pos >= len(data) {
			break
		}
		c := data[p.pos]
		if isPDFDelim(c) {
			// Values between objects (a trailer dictionary, junk after a
			// keyword) are read and kept only when they follow "trailer".
			v, err := p.value(0)
			if err != nil {
				return nil, err
			}
			if prev[1] == "trailer" && v.kind == pdfDict {
				f.trailers = append(f.trailers, v)
			}
			prev = [2]string{prev[1], ""}
			continue
		}
		tok := p.regular()
		if tok == "" {
			return nil, pdfErrorf("unexpected byte 0x%02x at offset %d", c, p.pos)
		}
		if tok == "obj" && isDigits(prev[0]) && isDigits(prev[1]) {
			num, err := strconv.Atoi(prev[0])
			if err != nil {
				return nil, pdfErrorf("object number %q: %v", prev[0], err)
			}
			v, err := p.object()
			if err != nil {
				return nil, fmt.Errorf("object %d: %w", num, err)
			}
			if err := f.add(num, v); err != nil {
				return nil, err
			}
			prev = [2]string{}
			continue
		}
		prev = [2]string{prev[1], tok}
	}
	if len(f.objects) == 0 {
		return nil, pdfErrorf("no object")
	}
	if !f.sawEOF {
		return nil, pdfErrorf("no %%%%EOF marker: the file is cut")
	}
	for _, t := range f.trailers {
		if _, ok := t.dict["Encrypt"]; ok {
			f.encrypted = true
		}
	}
	for _, defs := range f.objects {
		for _, v := range defs {
			if _, ok := v.dict["Encrypt"]; ok && v.dict["Type"].name() == "XRef" {
				f.encrypted = true
			}
		}
	}
	if f.encrypted {
		return f, nil
	}
	// Objects kept in object streams (which hold no streams themselves).
	for _, num := range f.numbers() {
		for _, v := range f.objects[num] {
			if v.kind == pdfDict && v.hasStream && v.dict["Type"].name() == "ObjStm" {
				if err := f.readObjectStream(v); err != nil {
					return nil, err
				}
			}
		}
	}
	return f, nil
}

// numbers returns the object numbers in increasing order.
func (f *pdfFile) numbers() []int {
	nums := make([]int, 0, len(f.objects))
	for n := range f.objects {
		nums = append(nums, n)
	}
	slices.Sort(nums)
	return nums
}

func (f *pdfFile) add(num int, v pdfValue) error {
	f.nobj++
	if f.nobj > pdfMaxObjects {
		return pdfErrorf("more than %d objects", pdfMaxObjects)
	}
	f.objects[num] = append(f.objects[num], v)
	return nil
}

// object reads the value after "n g obj", and its stream if any.
func (p *pdfParser) object() (pdfValue, error) {
	v, err := p.value(0)
	if err != nil {
		return v, err
	}
	if v.kind == pdfKeyword {
		if v.s == "endobj" { // an empty object is null
			return pdfValue{kind: pdfNull}, nil
		}
		return v, pdfErrorf("keyword %q as an object", v.s)
	}
	p.skipSpace()
	if v.kind == pdfDict && bytes.HasPrefix(p.b[p.pos:], []byte("stream")) {
		p.pos += len("stream")
		if p.pos < len(p.b) && p.b[p.pos] == '\r' {
			p.pos++
		}
		if p.pos < len(p.b) && p.b[p.pos] == '\n' {
			p.pos++
		}
		start := p.pos
		end := -1
		// The declared length, when it is direct and lands on "endstream".
		if l := v.dict["Length"]; l.kind == pdfNumber {
			if n, err := strconv.Atoi(l.s); err == nil && n >= 0 && n <= len(p.b)-start {
				q := start + n
				for q < len(p.b) && isPDFSpace(p.b[q]) {
					q++
				}
				if bytes.HasPrefix(p.b[q:], []byte("endstream")) {
					end = start + n
					p.pos = q + len("endstream")
				}
			}
		}
		if end < 0 {
			i := bytes.Index(p.b[start:], []byte("endstream"))
			if i < 0 {
				return v, pdfErrorf("stream without endstream")
			}
			end = start + i
			p.pos = end + len("endstream")
			// The end of line before endstream is not data.
			if end > start && p.b[end-1] == '\n' {
				end--
			}
			if end > start && p.b[end-1] == '\r' {
				end--
			}
		}
		v.hasStream = true
		v.stream = p.b[start:end]
		p.skipSpace()
	}
	if bytes.HasPrefix(p.b[p.pos:], []byte("endobj")) {
		p.pos += len("endobj")
	}
	return v, nil
}

// readObjectStream adds the objects stored in an object stream.
func (f *pdfFile) readObjectStream(s pdfValue) error {
	data, err := f.decode(s)
	if err != nil {
		return fmt.Errorf("object stream: %w", err)
	}
	n, err1 := strconv.Atoi(s.dict["N"].s)
	first, err2 := strconv.Atoi(s.dict["First"].s)
	if err1 != nil || err2 != nil || n < 0 || first < 0 || first > len(data) || n > pdfMaxObjects {
		return pdfErrorf("object stream with bad /N or /First")
	}
	hp := &pdfParser{b: data[:first], f: f}
	for i := 0; i < n; i++ {
		num, err := hp.value(0)
		if err != nil {
			return fmt.Errorf("object stream header: %w", err)
		}
		off, err := hp.value(0)
		if err != nil {
			return fmt.Errorf("object stream header: %w", err)
		}
		o, errN := strconv.Atoi(num.s)
		at, errO := strconv.Atoi(off.s)
		if num.kind != pdfNumber || off.kind != pdfNumber || errN != nil || errO != nil || at < 0 || first+at > len(data) {
			return pdfErrorf("object stream header entry %d is bad", i)
		}
		op := &pdfParser{b: data, pos: first + at, f: f}
		v, err := op.value(0)
		if err != nil {
			return fmt.Errorf("object %d in an object stream: %w", o, err)
		}
		if v.kind == pdfKeyword {
			return pdfErrorf("object %d in an object stream is a keyword", o)
		}
		if err := f.add(o, v); err != nil {
			return err
		}
	}
	return nil
}

// resolve follows a reference to every definition of its object (a file
// updated incrementally may define one several times: the rules look at
// each).
func (f *pdfFile) resolve(v pdfValue) []pdfValue {
	switch v.kind {
	case pdfNull: // also a missing key
		return nil
	case pdfRef:
	default:
		return []pdfValue{v}
	}
	return f.objects[v.num]
}

// errPDFOpaque is returned when a stream is encoded with an image filter
// (its bytes are pixels, not PDF syntax or a file).
var errPDFOpaque = pdfErrorf("image-encoded stream")

// decode returns the decoded data of a stream, within the budget.
func (f *pdfFile) decode(s pdfValue) ([]byte, error) {
	var filters, parms []pdfValue
	for _, fv := range f.resolve(s.dict["Filter"]) {
		switch fv.kind {
		case pdfName:
			filters = append(filters, fv)
		case pdfArray:
			filters = append(filters, fv.arr...)
		}
	}
	for _, pv := range f.resolve(s.dict["DecodeParms"]) {
		switch pv.kind {
		case pdfDict:
			parms = append(parms, pv)
		case pdfArray:
			parms = append(parms, pv.arr...)
		}
	}
	data := s.stream
	for i, fv := range filters {
		var parm map[string]pdfValue
		if i < len(parms) && parms[i].kind == pdfDict {
			parm = parms[i].dict
		}
		var err error
		switch fv.name() {
		case "FlateDecode", "Fl":
			data, err = f.inflate(data)
			if err == nil {
				data, err = unpredict(data, parm)
			}
		case "ASCIIHexDecode", "AHx":
			data, err = asciiHexDecode(data)
			if err == nil {
				err = f.charge(len(data))
			}
		case "ASCII85Decode", "A85":
			data, err = ascii85Decode(data)
			if err == nil {
				err = f.charge(len(data))
			}
		case "RunLengthDecode", "RL":
			data, err = runLengthDecode(data, f.budget)
		case "DCTDecode", "DCT", "JPXDecode", "CCITTFaxDecode", "CCF", "JBIG2Decode":
			return nil, errPDFOpaque
		default:
			return nil, pdfErrorf("unsupported stream filter /%s", fv.name())
		}
		if err != nil {
			return nil, err
		}
	}
	return data, nil
}

// charge takes n decoded bytes from the budget.
func (f *pdfFile) charge(n int) error {
	if int64(n) > *f.budget {
		*f.budget = 0
		return errTooLarge
	}
	*f.budget -= int64(n)
	return nil
}

// inflate decompresses zlib data, reading no more than the budget.
func (f *pdfFile) inflate(data []byte) ([]byte, error) {
	var zr io.Reader
	if z, err := zlib.NewReader(bytes.NewReader(data)); err == nil {
		zr = z
	} else {
		// Some writers leave out the zlib header; viewers read the raw
		// deflate data.
		zr = flate.NewReader(bytes.NewReader(data))
	}
	out, err := readBounded(zr, f.budget)
	if err != nil && !errors.Is(err, errTooLarge) && len(out) > 0 && (errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, zlib.ErrChecksum)) {
		// Truncated or badly checksummed streams are common in real files
		// and viewers show what inflates: so are they read.
		return out, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: flate stream: %w", errPDF, err)
	}
	return out, nil
}

// unpredict undoes the PNG predictors (Predictor ≥ 10) that some object
// streams use; the TIFF predictor (2) only applies to images.
func unpredict(data []byte, parm map[string]pdfValue) ([]byte, error) {
	pred, _ := strconv.Atoi(parm["Predictor"].s)
	if pred < 10 {
		return data, nil
	}
	cols := 1
	if c, err := strconv.Atoi(parm["Columns"].s); err == nil {
		cols = c
	}
	colors := 1
	if c, err := strconv.Atoi(parm["Colors"].s); err == nil {
		colors = c
	}
	bpc := 8
	if c, err := strconv.Atoi(parm["BitsPerComponent"].s); err == nil {
		bpc = c
	}
	if cols <= 0 || colors <= 0 || bpc <= 0 || cols > 1<<20 || colors > 32 || bpc > 16 {
		return nil, pdfErrorf("bad predictor parameters")
	}
	bpp := max(1, colors*bpc/8)
	row := (cols*colors*bpc + 7) / 8
	if row > len(data) {
		return nil, pdfErrorf("predictor rows longer than the data")
	}
	out := make([]byte, 0, len(data))
	prev := make([]byte, row)
	for i := 0; i+1 <= len(data); i += row + 1 {
		typ := data[i]
		cur := make([]byte, row)
		copy(cur, data[i+1:min(len(data), i+1+row)])
		for x := range cur {
			var a, c byte
			if x >= bpp {
				a, c = cur[x-bpp], prev[x-bpp]
			}
			b := prev[x]
			switch typ {
			case 0:
			case 1:
				cur[x] += a
			case 2:
				cur[x] += b
			case 3:
				cur[x] += byte((int(a) + int(b)) / 2)
			case 4:
				cur[x] += paeth(a, b, c)
			default:
				return nil, pdfErrorf("bad PNG predictor %d", typ)
			}
		}
		out = append(out, cur...)
		prev = cur
	}
	return out, nil
}

func paeth(a, b, c byte) byte {
	p := int(a) + int(b) - int(c)
	pa, pb, pc := abs(p-int(a)), abs(p-int(b)), abs(p-int(c))
	switch {
	case pa <= pb && pa <= pc:
		return a
	case pb <= pc:
		return b
	}
	return c
}

func asciiHexDecode(data []byte) ([]byte, error) {
	if i := bytes.IndexByte(data, '>'); i >= 0 {
		data = data[:i+1]
	} else {
		data = append(data[:len(data):len(data)], '>')
	}
	p := &pdfParser{b: data, f: &pdfFile{}}
	s, err := p.readHex()
	return []byte(s), err
}

func ascii85Decode(data []byte) ([]byte, error) {
	var out []byte
	var group [5]byte
	n := 0
	flush := func(cnt int) {
		var v uint32
		for i := 0; i < 5; i++ {
			v = v*85 + uint32(group[i])
		}
		b := [4]byte{byte(v >> 24), byte(v >> 16), byte(v >> 8), byte(v)}
		out = append(out, b[:cnt-1]...)
	}
	for i := 0; i < len(data); i++ {
		c := data[i]
		switch {
		case isPDFSpace(c):
			continue
		case c == '~':
			if n > 0 {
				if n == 1 {
					return nil, pdfErrorf("bad ASCII85 end")
				}
				for k := n; k < 5; k++ {
					group[k] = 84
				}
				flush(n)
			}
			return out, nil
		case c == 'z' && n == 0:
			out = append(out, 0, 0, 0, 0)
		case c >= '!' && c <= 'u':
			group[n] = c - '!'
			n++
			if n == 5 {
				flush(5)
				n = 0
			}
		default:
			return nil, pdfErrorf("bad ASCII85 byte 0x%02x", c)
		}
	}
	return nil, pdfErrorf("ASCII85 data without ~>")
}

func runLengthDecode(data []byte, budget *int64) ([]byte, error) {
	var out []byte
	for i := 0; i < len(data); {
		n := int(data[i])
		i++
		switch {
		case n == 128:
			return out, nil
		case n < 128:
			if i+n+1 > len(data) {
				return nil, pdfErrorf("run-length data cut")
			}
			out = append(out, data[i:i+n+1]...)
			i += n + 1
		default:
			if i >= len(data) {
				return nil, pdfErrorf("run-length data cut")
			}
			out = append(out, bytes.Repeat(data[i:i+1], 257-n)...)
			i++
		}
		if int64(len(out)) > *budget {
			return nil, errTooLarge
		}
	}
	*budget -= int64(len(out))
	return out, nil
}
