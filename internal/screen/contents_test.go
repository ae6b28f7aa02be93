package screen

import (
	"archive/tar"
	"archive/zip"
	"bytes"
	"compress/flate"
	"compress/gzip"
	"encoding/hex"
	"fmt"
	"hash/crc32"
	"slices"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

// zipOfData builds a zip of the given files, in name order.
func zipOfData(t testing.TB, files map[string][]byte) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := f.Write(files[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// tarOf builds a tar of the given files, in name order.
func tarOf(t testing.TB, files map[string][]byte) []byte {
	var b bytes.Buffer
	w := tar.NewWriter(&b)
	names := make([]string, 0, len(files))
	for n := range files {
		names = append(names, n)
	}
	slices.Sort(names)
	for _, n := range names {
		if err := w.WriteHeader(&tar.Header{Name: n, Mode: 0o644, Size: int64(len(files[n])), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := w.Write(files[n]); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func gzipOf(t testing.TB, name string, data []byte) []byte {
	var b bytes.Buffer
	w := gzip.NewWriter(&b)
	w.Name = name
	if _, err := w.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func mustHex(s string) []byte {
	b, err := hex.DecodeString(s)
	if err != nil {
		panic(err)
	}
	return b
}

// bzip2 files made with Python's bz2 module (Go has no bzip2 writer): the
// executable of peBytes, and a line of text.
var (
	bz2Exe  = mustHex("425a6839314159265359d28eed22000007cec04000010082024010001040002000223406d420c988e36d286330f177245385090d28eed220")
	bz2Text = mustHex("425a6839314159265359c4ed822a0000079b944003005008002ef79f1040600800200050a3434000001127a8d332990d0cc2996bc056437c1e1626145186274bbdd9101cc6c20e43d2b35a32ec2dccca2e2fa7f02aa645dc914e1424313b608a80")
)

// zipBomb is a zip whose one entry inflates to n zero bytes and claims
// to hold declared bytes.
func zipBomb(t testing.TB, n, declared int) []byte {
	var z bytes.Buffer
	fw, _ := flate.NewWriter(&z, flate.BestCompression)
	chunk := make([]byte, 1<<20)
	sum := uint32(0)
	for i := 0; i < n; i += len(chunk) {
		fw.Write(chunk[:min(len(chunk), n-i)])
		sum = crc32.Update(sum, crc32.IEEETable, chunk[:min(len(chunk), n-i)])
	}
	fw.Close()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.CreateRaw(&zip.FileHeader{Name: "photo.jpg", Method: zip.Deflate, CRC32: sum,
		CompressedSize64: uint64(z.Len()), UncompressedSize64: uint64(declared)})
	if err != nil {
		t.Fatal(err)
	}
	f.Write(z.Bytes())
	w.Close()
	return b.Bytes()
}

func TestArchiveRules(t *testing.T) {
	exe := peBytes()
	img := pngBytes(t)
	doc := pdfDoc{objs: pdfBase}.bytes()
	video := []byte("\x00\x00\x00\x18ftypisom\x00\x00\x00\x00isomavc1")
	nested := zipOfData(t, map[string][]byte{"c.zip": zipOfData(t, map[string][]byte{"d.tar": tarOf(t, map[string][]byte{"e.bin": exe})})})
	deep := exe
	for i := 0; i < maxInspectDepth+2; i++ {
		deep = zipOfData(t, map[string][]byte{fmt.Sprintf("niveau%d.zip", i): deep})
	}
	many := map[string][]byte{}
	for i := 0; i <= maxArchiveEntries; i++ {
		many[fmt.Sprintf("f%04d.txt", i)] = []byte("x")
	}
	var encrypted bytes.Buffer
	{
		w := zip.NewWriter(&encrypted)
		f, _ := w.CreateRaw(&zip.FileHeader{Name: "secret.pdf", Method: zip.Store, Flags: 0x1, CompressedSize64: 12, UncompressedSize64: 0})
		f.Write([]byte("0123456789ab"))
		w.Close()
	}
	bad := []byte("payload of the March wave")
	cfg := DefaultConfig()
	cfg.BlockedDigests = map[[32]byte]string{sha(bad): "campagne mars 2024"}
	withDigests := New(cfg)
	e := New(DefaultConfig())
	tests := []struct {
		name    string
		e       *Engine
		role    bouclier.Role
		file    string
		data    []byte
		verdict Verdict
		reason  string
	}{
		{"zip of photos and a PDF", e, "", "sortie.zip", zipOfData(t, map[string][]byte{"a.png": img, "b.pdf": doc, "notes/": nil}), Deliver, ""},
		{"zip with an executable named txt", e, "", "devoirs.zip", zipOfData(t, map[string][]byte{"devoir.txt": exe}), Reject, "exécutable"},
		{"zip with an .exe name", e, "", "jeux.zip", zipOfData(t, map[string][]byte{"cheat-vbucks.exe": []byte("not really")}), Reject, "extension dangereuse .exe"},
		{"zip with a script", e, "", "a.zip", zipOfData(t, map[string][]byte{"lire.js": []byte("var s = new ActiveXObject('WScript.Shell'); s.Run('cmd');")}), Reject, "script"},
		{"zip with a macro document", e, "", "a.zip", zipOfData(t, map[string][]byte{"n.docm": zipOf(t, "[Content_Types].xml", "word/vbaProject.bin")}), Reject, "macros"},
		{"zip with a PDF launching a program", e, "", "a.zip", zipOfData(t, map[string][]byte{"f.pdf": pdfWith("<< /Type /Catalog /Pages 2 0 R /OpenAction << /S /Launch /F (cmd.exe) >> >>")}), Reject, "lance un programme"},
		{"tar with an executable", e, "", "a.tar", tarOf(t, map[string][]byte{"readme.txt": []byte("ok"), "setup": exe}), Reject, "exécutable"},
		{"tar of documents", e, "", "a.tar", tarOf(t, map[string][]byte{"a.pdf": doc, "b.png": img}), Deliver, ""},
		{"tar.gz with an executable", e, "", "a.tgz", gzipOf(t, "a.tar", tarOf(t, map[string][]byte{"x/y/z.dat": exe})), Reject, "exécutable"},
		{"tar.gz of documents", e, "", "a.tar.gz", gzipOf(t, "a.tar", tarOf(t, map[string][]byte{"a.pdf": doc})), Deliver, ""},
		{"gz of an executable", e, "", "photo.gz", gzipOf(t, "photo.jpg", exe), Reject, "exécutable"},
		{"bz2 of an executable", e, "", "notes.bz2", bz2Exe, Reject, "exécutable"},
		{"bz2 of text", e, "", "notes.txt.bz2", bz2Text, Deliver, ""},
		{"executable three archives deep", e, "", "a.zip", nested, Reject, "e.bin"},
		{"threat in a text file inside a zip", e, "", "a.zip", zipOfData(t, map[string][]byte{"lisez.txt": []byte("Une bombe explosera au collège demain à 10h, vous êtes prévenus.")}), Reject, "threat"},
		{"blocked digest inside a zip", withDigests, "", "a.zip", zipOfData(t, map[string][]byte{"a.txt": bad}), Reject, "campagne mars 2024"},
		{"video in a zip from a student", e, bouclier.RoleStudent, "a.zip", zipOfData(t, map[string][]byte{"v.mp4": video}), Hold, "vidéo"},
		{"video in a zip between teachers", e, bouclier.RoleTeacher, "a.zip", zipOfData(t, map[string][]byte{"v.mp4": video}), Deliver, ""},
		{"unknown binary in a zip", e, "", "a.zip", zipOfData(t, map[string][]byte{"x.dat": {0, 1, 2, 3, 4, 5, 6, 7, 8, 0x10, 0x11}}), Hold, "type inconnu"},
		{"zip bomb", e, "", "photos.zip", zipBomb(t, 1<<20, maxInspectBytes+1), Hold, "décompressés"},
		{"tar bomb", e, "", "a.tgz", gzipOf(t, "a.tar", tarHeaderOnly(t, "a.txt", 1<<30)), Hold, "décompressés"},
		{"too many entries", e, "", "a.zip", zipOfData(t, many), Hold, "fichiers"},
		{"nested too deep", e, "", "a.zip", deep, Hold, "niveaux"},
		{"encrypted entry", e, "", "a.zip", encrypted.Bytes(), Hold, "chiffrée"},
		{"damaged zip", e, "", "a.zip", zipOfData(t, map[string][]byte{"a.png": img})[:40], Hold, "illisible"},
		{"7z", e, "", "a.7z", []byte("7z\xbc\xaf\x27\x1c\x00\x04rest"), Hold, "impossible à inspecter"},
		{"rar", e, "", "a.rar", []byte("Rar!\x1a\x07\x01\x00rest"), Hold, "impossible à inspecter"},
		{"xz", e, "", "a.xz", []byte("\xfd7zXZ\x00\x00\x04rest"), Hold, "impossible à inspecter"},
	}
	for _, tt := range tests {
		r := tt.e.Check(Input{Text: "Ci-joint.", SenderRole: tt.role, Attachments: []Attachment{{Name: tt.file, Data: tt.data}}})
		if r.Verdict != tt.verdict || !strings.Contains(strings.Join(r.Reasons, "\n"), tt.reason) {
			t.Errorf("%s: %s %q, want %s with %q", tt.name, r.Verdict, r.Reasons, tt.verdict, tt.reason)
		}
	}
}

// tarHeaderOnly is the start of a tar whose one entry claims size bytes.
func tarHeaderOnly(t testing.TB, name string, size int64) []byte {
	var b bytes.Buffer
	w := tar.NewWriter(&b)
	if err := w.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: size, Typeflag: tar.TypeReg}); err != nil {
		t.Fatal(err)
	}
	w.Flush() // the data is missing: Flush reports it, the header is written
	return append(b.Bytes(), make([]byte, 4096)...)
}

// The bounds, with a small budget so that the bombs stay cheap to build.
func TestArchiveBounds(t *testing.T) {
	const budget = 1 << 20
	tests := []struct {
		name   string
		data   []byte
		reason string
	}{
		{"zip entry inflating past the budget", zipBomb(t, 2*budget, 2*budget), "décompressés"},
		{"zip entry lying about its size", zipBomb(t, 2*budget, 10), "illisible"},
		{"zip bombs adding up", zipOfData(t, map[string][]byte{"a.zip": zipBomb(t, budget*6/10, budget*6/10), "b.zip": zipBomb(t, budget*6/10, budget*6/10)}), "décompressés"},
		{"tar entry past the budget", tarOf(t, map[string][]byte{"a.txt": make([]byte, 2*budget)}), "décompressés"},
		{"gzip past the budget", gzipOf(t, "a.txt", make([]byte, 2*budget)), "décompressés"},
		{"bzip2 past the budget", bz2Text, "décompressés"},
		{"PDF streams past the budget", pdfDoc{objs: []string{pdfBase[0], pdfBase[1], pdfBase[2], pdfBase[3],
			objStm(map[int]string{9: "<< /A (" + strings.Repeat("x", 2*budget) + ") >>"}, []int{9}, true)}}.bytes(), "décompressés"},
	}
	for _, tt := range tests {
		in := newInspector()
		in.budget = budget
		if tt.name == "bzip2 past the budget" {
			in.budget = 10
		}
		in.contents("", DetectType(tt.data), tt.data, 0)
		var reasons []string
		hold := false
		for _, f := range in.found {
			reasons = append(reasons, f.reason)
			hold = hold || !f.reject
		}
		if !hold || !strings.Contains(strings.Join(reasons, "\n"), tt.reason) {
			t.Errorf("%s: %q, want a hold with %q", tt.name, reasons, tt.reason)
		}
		if in.budget < 0 {
			t.Errorf("%s: budget overdrawn (%d)", tt.name, in.budget)
		}
	}
}

func FuzzArchive(f *testing.F) {
	f.Add(zipOfData(f, map[string][]byte{"a.txt": []byte("bonjour"), "b.exe": peBytes()}))
	f.Add(tarOf(f, map[string][]byte{"a": []byte("x")}))
	f.Add(gzipOf(f, "a.tar", tarOf(f, map[string][]byte{"a": peBytes()})))
	f.Add(bz2Text)
	f.Fuzz(func(t *testing.T, data []byte) {
		in := newInspector()
		in.contents("", DetectType(data), data, 0)
		if in.budget < 0 || in.entries < 0 {
			t.Fatalf("bounds overdrawn: budget %d, entries %d", in.budget, in.entries)
		}
	})
}
