package screen

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/bzip2"
	"compress/gzip"
	"crypto/sha256"
	"errors"
	"fmt"
	"io"
	"path"
	"strings"
	"unicode/utf8"
)

// Bounds of the look inside archives and PDFs, per attachment. An
// attachment that reaches one is held: what was not read cannot be judged.
const (
	maxInspectBytes   = 64 << 20 // decompressed bytes, all entries and streams together
	maxArchiveEntries = 2000     // entries, nested archives' included
	maxInspectDepth   = 4        // archives and PDFs nested in one another
	maxInspectText    = 64 << 10 // bytes of text entries handed to the text detectors
	maxInspectLinks   = 100      // link targets taken from PDFs
)

// officeTypes are the documents that are zip archives of XML parts.
var officeTypes = map[string]bool{TypeDOCX: true, TypeXLSX: true, TypePPTX: true, TypeODF: true}

// errTooLarge is returned when decompressed data exceeds the budget.
var errTooLarge = errors.New("decompressed size over the limit")

// readBounded reads r to its end, at most *budget bytes, and takes what it
// read from the budget. Past the budget it returns errTooLarge; on another
// error it returns what it read with the error.
func readBounded(r io.Reader, budget *int64) ([]byte, error) {
	var buf bytes.Buffer
	n, err := io.Copy(&buf, io.LimitReader(r, *budget+1))
	if n > *budget {
		*budget = 0
		return nil, errTooLarge
	}
	*budget -= n
	return buf.Bytes(), err
}

// contentFinding is one thing found inside a file.
type contentFinding struct {
	reject bool
	reason string // French, for moderators
}

// inspector looks into one attachment: archive entries, PDF objects and
// embedded files, recursively, within the bounds above.
type inspector struct {
	budget  int64
	entries int

	holdMedia        bool // video and audio to or from students
	holdUnknown      bool
	holdLegacyOffice bool
	blocked          func([32]byte) (string, bool)

	found     []contentFinding
	seen      map[string]bool
	texts     []string
	textBytes int
	links     []string
}

func newInspector() *inspector {
	return &inspector{budget: maxInspectBytes, entries: maxArchiveEntries, holdUnknown: true, holdLegacyOffice: true,
		seen: map[string]bool{}}
}

func (in *inspector) add(reject bool, format string, args ...any) {
	r := fmt.Sprintf(format, args...)
	if in.seen[r] {
		return
	}
	in.seen[r] = true
	in.found = append(in.found, contentFinding{reject: reject, reason: r})
}

// inspectAttachment looks inside an attachment whose type the engine
// detected (typ): archives are opened and each entry judged as an
// attachment would be, PDFs are read for active content. The findings are
// added to fs as attachment reasons; it returns the words read (a PDF's
// page text, an office document's, text entries), for the text detectors
// and for the campaign detector (Result.AttachmentTexts), and the targets
// of a PDF's links and forms, for the link rules.
func (e *Engine) inspectAttachment(q, typ string, data []byte, student bool, fs *[]finding) (texts, links []string) {
	if typ != TypePDF && !officeTypes[typ] && typeClasses[typ] != classArchive {
		return nil, nil
	}
	in := newInspector()
	in.holdMedia = student && e.cfg.HoldMediaForStudents
	in.holdUnknown = e.cfg.HoldUnknownFiles
	in.holdLegacyOffice = e.cfg.HoldLegacyOffice
	in.blocked = func(sum [32]byte) (string, bool) {
		l, ok := e.blocked[sum]
		return l, ok
	}
	in.contents("", typ, data, 0)
	for _, f := range in.found {
		if f.reject {
			*fs = append(*fs, finding{1, fmt.Sprintf("attachment: %s %s (score 1.00)", q, f.reason)})
		} else {
			*fs = append(*fs, finding{e.cfg.HoldAt, fmt.Sprintf("attachment: %s %s (score %.2f)", q, f.reason, e.cfg.HoldAt)})
		}
	}
	return in.texts, in.links
}

// addText keeps text for the text detectors, within maxInspectText, cut
// on a character boundary.
func (in *inspector) addText(b []byte) {
	n := min(len(b), maxInspectText-in.textBytes)
	for n > 0 && n < len(b) && !utf8.RuneStart(b[n]) {
		n--
	}
	if n > 0 {
		in.texts = append(in.texts, string(b[:n]))
		in.textBytes += n
	}
}

// entryName is how an entry is named in reasons: « a.zip › b/c.exe ».
func entryName(parent, name string) string {
	if parent == "" {
		return "« " + name + " »"
	}
	return strings.TrimSuffix(parent, " »") + " › " + name + " »"
}

// entry judges one file found inside another (an archive entry, a file
// embedded in a PDF) as an attachment of its own. byName applies the rule
// on dangerous extensions: the name is what the file is saved as; the
// internal parts of an Office file (oleObject1.bin) are judged by their
// bytes only.
func (in *inspector) entry(where, name string, data []byte, depth int, byName bool) {
	label := entryName(where, name)
	if in.blocked != nil {
		if l, ok := in.blocked(sha256.Sum256(data)); ok {
			in.add(true, "contient %s, fichier bloqué (%s)", label, l)
		}
	}
	typ := DetectType(data)
	cls := typeClasses[typ]
	if byName {
		checkEntryName(in, where, name)
	}
	switch cls {
	case classExecutable:
		in.add(true, "contient %s, un exécutable (%s)", label, typ)
	case classScript:
		in.add(true, "contient %s, un script ou une page web (%s)", label, typ)
	case classMacro:
		if typ == TypeOOXMLMacro {
			in.add(true, "contient %s, un document à macros", label)
		} else if in.holdLegacyOffice {
			in.add(false, "contient %s, un document Office ancien format, macros possibles", label)
		}
	case classVideo, classAudio:
		if in.holdMedia {
			in.add(false, "contient %s, vidéo ou audio échangé avec un élève (%s)", label, typ)
		}
	case classUnknown:
		if in.holdUnknown {
			in.add(false, "contient %s, de type inconnu", label)
		}
	case classText:
		in.addText(data)
	case classArchive, classDocument:
		in.contents(label, typ, data, depth+1)
	}
}

// contents opens a PDF or an archive; where names the file in reasons ("" for
// the attachment itself).
func (in *inspector) contents(where, typ string, data []byte, depth int) {
	if depth > maxInspectDepth {
		in.add(false, "contient %s, archives ou documents imbriqués sur plus de %d niveaux", where, maxInspectDepth)
		return
	}
	prefix := "contient " + where + ", "
	if where == "" {
		prefix = ""
	}
	switch typ {
	case TypePDF:
		in.pdf(where, prefix, data, depth)
	case TypeDOCX, TypeXLSX, TypePPTX, TypeODF:
		in.office(where, prefix, data, depth)
	case TypeZIP:
		in.zip(where, prefix, data, depth)
	case TypeTar:
		in.tar(where, prefix, bytes.NewReader(data), depth)
	case TypeGzip, TypeBzip2:
		in.compressed(where, prefix, typ, data, depth)
	case TypeXZ, TypeZstd, Type7Z, TypeRAR, TypeCAB, TypeISO:
		// No maintained reader here that stays within bounds: Go's
		// standard library has none of these formats, and the xz reader
		// available allocates whatever dictionary a block header asks for
		// (up to 4 Gio) before reading a byte. What cannot be opened is
		// held, never delivered unseen.
		in.add(false, "%sarchive %s impossible à inspecter", prefix, typ)
	}
}

// takeEntry counts one archive entry; false when there are too many.
func (in *inspector) takeEntry(prefix string) bool {
	if in.entries <= 0 {
		in.add(false, "%sarchive de plus de %d fichiers : inspection arrêtée", prefix, maxArchiveEntries)
		return false
	}
	in.entries--
	return true
}

func (in *inspector) tooLarge(prefix string) {
	in.add(false, "%sarchive de plus de %d Mio décompressés : inspection arrêtée", prefix, maxInspectBytes>>20)
}

func (in *inspector) zip(where, prefix string, data []byte, depth int) {
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		in.add(false, "%sarchive zip illisible (%v)", prefix, err)
		return
	}
	for _, f := range zr.File {
		if !in.takeEntry(prefix) {
			return
		}
		if f.FileInfo().IsDir() {
			continue
		}
		if f.Flags&0x1 != 0 {
			in.add(false, "%sarchive chiffrée : « %s » impossible à inspecter", prefix, f.Name)
			checkEntryName(in, where, f.Name)
			continue
		}
		if f.UncompressedSize64 > uint64(in.budget) {
			in.tooLarge(prefix)
			return
		}
		rc, err := f.Open()
		if err != nil {
			in.add(false, "%sarchive zip illisible (« %s » : %v)", prefix, f.Name, err)
			checkEntryName(in, where, f.Name)
			continue
		}
		b, err := readBounded(rc, &in.budget)
		_ = rc.Close()
		if errors.Is(err, errTooLarge) {
			in.tooLarge(prefix)
			return
		}
		if err != nil {
			in.add(false, "%sarchive zip illisible (« %s » : %v)", prefix, f.Name, err)
			checkEntryName(in, where, f.Name)
			continue
		}
		in.entry(where, f.Name, b, depth, true)
	}
}

// checkEntryName applies the name rule to an entry that could not be read.
func checkEntryName(in *inspector, where, name string) {
	ext := strings.ToLower(strings.TrimPrefix(path.Ext(strings.ReplaceAll(name, "\\", "/")), "."))
	if c, ok := extClass[ext]; ok && (c == classExecutable || c == classScript) {
		in.add(true, "contient %s, extension dangereuse .%s", entryName(where, name), ext)
	}
}

func (in *inspector) tar(where, prefix string, r io.Reader, depth int) {
	tr := tar.NewReader(r)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			in.add(false, "%sarchive tar illisible (%v)", prefix, err)
			return
		}
		if !in.takeEntry(prefix) {
			return
		}
		switch h.Typeflag {
		case tar.TypeReg, tar.TypeChar, tar.TypeBlock, tar.TypeFifo, tar.TypeCont, tar.TypeGNUSparse:
		default:
			// Directories and links carry no data; a link's name still says
			// what it pretends to be.
			if h.Typeflag != tar.TypeDir {
				checkEntryName(in, where, h.Name)
			}
			continue
		}
		if h.Size > in.budget {
			in.tooLarge(prefix)
			return
		}
		b, err := readBounded(tr, &in.budget)
		if errors.Is(err, errTooLarge) {
			in.tooLarge(prefix)
			return
		}
		if err != nil {
			in.add(false, "%sarchive tar illisible (« %s » : %v)", prefix, h.Name, err)
			checkEntryName(in, where, h.Name)
			return
		}
		in.entry(where, h.Name, b, depth, true)
	}
}

// compressed decompresses a gzip or bzip2 file and judges what it holds.
func (in *inspector) compressed(where, prefix, typ string, data []byte, depth int) {
	var r io.Reader
	name := ""
	switch typ {
	case TypeGzip:
		zr, err := gzip.NewReader(bytes.NewReader(data))
		if err != nil {
			in.add(false, "%sfichier gzip illisible (%v)", prefix, err)
			return
		}
		r, name = zr, zr.Name
	default:
		r = bzip2.NewReader(bytes.NewReader(data))
	}
	if !in.takeEntry(prefix) {
		return
	}
	b, err := readBounded(r, &in.budget)
	if errors.Is(err, errTooLarge) {
		in.tooLarge(prefix)
		return
	}
	if err != nil {
		in.add(false, "%sfichier compressé illisible (%v)", prefix, err)
		return
	}
	if name == "" {
		name = "(contenu décompressé)"
	}
	in.entry(where, name, b, depth, true)
}
