package screen

import (
	"archive/zip"
	"bytes"
	"encoding/binary"
	"strings"
	"unicode/utf8"
)

// Types returned by DetectType.
const (
	TypePDF        = "application/pdf"
	TypePNG        = "image/png"
	TypeJPEG       = "image/jpeg"
	TypeGIF        = "image/gif"
	TypeWebP       = "image/webp"
	TypeBMP        = "image/bmp"
	TypeTIFF       = "image/tiff"
	TypeHEIC       = "image/heic"
	TypeAVIF       = "image/avif"
	TypeSVG        = "image/svg+xml"
	TypeDOCX       = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
	TypeXLSX       = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
	TypePPTX       = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
	TypeOOXMLMacro = "application/vnd.ms-office.macroEnabled"
	TypeODF        = "application/vnd.oasis.opendocument"
	TypeOLE        = "application/x-ole-storage"
	TypeRTF        = "application/rtf"
	TypeZIP        = "application/zip"
	TypeJAR        = "application/java-archive"
	TypeAPK        = "application/vnd.android.package-archive"
	TypeRAR        = "application/vnd.rar"
	Type7Z         = "application/x-7z-compressed"
	TypeGzip       = "application/gzip"
	TypeBzip2      = "application/x-bzip2"
	TypeXZ         = "application/x-xz"
	TypeZstd       = "application/zstd"
	TypeTar        = "application/x-tar"
	TypeISO        = "application/x-iso9660-image"
	TypeCAB        = "application/vnd.ms-cab-compressed"
	TypeMP4        = "video/mp4"
	TypeMOV        = "video/quicktime"
	Type3GP        = "video/3gpp"
	TypeWebM       = "video/webm"
	TypeMKV        = "video/x-matroska"
	TypeAVI        = "video/x-msvideo"
	TypeOggVideo   = "video/ogg"
	TypeMP3        = "audio/mpeg"
	TypeM4A        = "audio/mp4"
	TypeOGG        = "audio/ogg"
	TypeWAV        = "audio/wav"
	TypeFLAC       = "audio/flac"
	TypeMIDI       = "audio/midi"
	TypeELF        = "application/x-elf"
	TypePE         = "application/x-msdownload"
	TypeMachO      = "application/x-mach-binary"
	TypeJavaClass  = "application/java-vm"
	TypeLNK        = "application/x-ms-shortcut"
	TypeShell      = "text/x-shellscript"
	TypeHTML       = "text/html"
	TypeJS         = "text/javascript"
	TypeVBS        = "text/vbscript"
	TypePowerShell = "text/x-powershell"
	TypeBatch      = "text/x-msdos-batch"
	TypeRegistry   = "text/x-ms-regedit"
	TypeXML        = "application/xml"
	TypeText       = "text/plain"
	TypeEmpty      = "application/x-empty"
	TypeUnknown    = "application/octet-stream"
)

// typeClass groups types by the policy that applies to them.
type typeClass uint8

const (
	classUnknown typeClass = iota
	classDocument
	classImage
	classVideo
	classAudio
	classText
	classArchive
	classExecutable
	classScript
	classMacro // office files that may carry macros
)

var typeClasses = map[string]typeClass{
	TypePDF: classDocument, TypeDOCX: classDocument, TypeXLSX: classDocument, TypePPTX: classDocument,
	TypeODF: classDocument, TypeRTF: classDocument,
	TypeOOXMLMacro: classMacro, TypeOLE: classMacro,
	TypePNG: classImage, TypeJPEG: classImage, TypeGIF: classImage, TypeWebP: classImage, TypeBMP: classImage,
	TypeTIFF: classImage, TypeHEIC: classImage, TypeAVIF: classImage, TypeSVG: classImage,
	TypeZIP: classArchive, TypeRAR: classArchive, Type7Z: classArchive, TypeGzip: classArchive,
	TypeBzip2: classArchive, TypeXZ: classArchive, TypeZstd: classArchive, TypeTar: classArchive,
	TypeISO: classArchive, TypeCAB: classArchive,
	TypeJAR: classExecutable, TypeAPK: classExecutable, TypeELF: classExecutable, TypePE: classExecutable,
	TypeMachO: classExecutable, TypeJavaClass: classExecutable, TypeLNK: classExecutable,
	TypeMP4: classVideo, TypeMOV: classVideo, Type3GP: classVideo, TypeWebM: classVideo, TypeMKV: classVideo,
	TypeAVI: classVideo, TypeOggVideo: classVideo,
	TypeMP3: classAudio, TypeM4A: classAudio, TypeOGG: classAudio, TypeWAV: classAudio, TypeFLAC: classAudio,
	TypeMIDI:  classAudio,
	TypeShell: classScript, TypeHTML: classScript, TypeJS: classScript, TypeVBS: classScript,
	TypePowerShell: classScript, TypeBatch: classScript, TypeRegistry: classScript,
	TypeText: classText, TypeXML: classText, TypeEmpty: classText,
}

// DetectType returns the MIME-like type of data from its bytes alone
// (magic numbers, container contents, the look of text), never from a
// name or a declared type. Unrecognised binary data is
// "application/octet-stream".
func DetectType(data []byte) string {
	if len(data) == 0 {
		return TypeEmpty
	}
	h := data
	has := func(off int, sig string) bool {
		return len(h) >= off+len(sig) && string(h[off:off+len(sig)]) == sig
	}
	switch {
	case has(0, "%PDF-"):
		return TypePDF
	case has(0, "\x89PNG\r\n\x1a\n"):
		return TypePNG
	case has(0, "\xff\xd8\xff"):
		return TypeJPEG
	case has(0, "GIF87a"), has(0, "GIF89a"):
		return TypeGIF
	case has(0, "RIFF") && has(8, "WEBP"):
		return TypeWebP
	case has(0, "RIFF") && has(8, "WAVE"):
		return TypeWAV
	case has(0, "RIFF") && has(8, "AVI "):
		return TypeAVI
	case has(0, "II*\x00"), has(0, "MM\x00*"):
		return TypeTIFF
	case has(0, "PK\x03\x04"), has(0, "PK\x05\x06"), has(0, "PK\x07\x08"):
		return zipType(data)
	case has(0, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
		return TypeOLE
	case has(0, "{\\rtf"):
		return TypeRTF
	case has(0, "Rar!\x1a\x07"):
		return TypeRAR
	case has(0, "7z\xbc\xaf\x27\x1c"):
		return Type7Z
	case has(0, "\x1f\x8b"):
		return TypeGzip
	case has(0, "BZh") && len(h) > 3 && h[3] >= '1' && h[3] <= '9':
		return TypeBzip2
	case has(0, "\xfd7zXZ\x00"):
		return TypeXZ
	case has(0, "\x28\xb5\x2f\xfd"):
		return TypeZstd
	case has(0, "MSCF\x00\x00\x00\x00"):
		return TypeCAB
	case has(257, "ustar"):
		return TypeTar
	case has(0x8001, "CD001"), has(0x8801, "CD001"), has(0x9001, "CD001"):
		return TypeISO
	case has(0, "\x7fELF"):
		return TypeELF
	case has(0, "MZ"):
		return TypePE
	case has(0, "\xfe\xed\xfa\xce"), has(0, "\xfe\xed\xfa\xcf"), has(0, "\xce\xfa\xed\xfe"), has(0, "\xcf\xfa\xed\xfe"):
		return TypeMachO
	case has(0, "\xca\xfe\xba\xbe"):
		// Fat Mach-O and Java class files share this magic; both run code.
		if len(h) >= 8 && binary.BigEndian.Uint32(h[4:8]) < 45 {
			return TypeMachO
		}
		return TypeJavaClass
	case has(0, "L\x00\x00\x00\x01\x14\x02\x00"):
		return TypeLNK
	case has(4, "ftyp"):
		return ftypType(h)
	case has(0, "\x1a\x45\xdf\xa3"):
		if bytes.Contains(h[:min(len(h), 64)], []byte("webm")) {
			return TypeWebM
		}
		return TypeMKV
	case has(0, "OggS"):
		if bytes.Contains(h[:min(len(h), 128)], []byte("theora")) || bytes.Contains(h[:min(len(h), 128)], []byte("\x80theora")) {
			return TypeOggVideo
		}
		return TypeOGG
	case has(0, "fLaC"):
		return TypeFLAC
	case has(0, "MThd"):
		return TypeMIDI
	case has(0, "ID3"):
		return TypeMP3
	case len(h) >= 2 && h[0] == 0xff && (h[1]&0xe0) == 0xe0 && (h[1]&0x06) != 0:
		return TypeMP3
	case has(0, "BM") && len(h) >= 14 && binary.LittleEndian.Uint32(h[2:6]) == uint32(len(h)):
		return TypeBMP
	case has(0, "#!"):
		return TypeShell
	}
	return textType(data)
}

// zipType tells OOXML documents (a zip holding [Content_Types].xml), ODF,
// Java and Android packages from plain archives. It reads the central
// directory, and falls back to the local headers of a truncated file.
func zipType(data []byte) string {
	var names []string
	if zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data))); err == nil {
		for i, f := range zr.File {
			if i > 10000 {
				break
			}
			names = append(names, f.Name)
		}
	} else {
		// No readable central directory (truncated or damaged): look for the
		// telling entry names in the local headers' bytes.
		for _, n := range []string{"[Content_Types].xml", "word/", "xl/", "ppt/", "META-INF/MANIFEST.MF", "AndroidManifest.xml", "classes.dex", "vbaProject.bin"} {
			if bytes.Contains(data, []byte(n)) {
				names = append(names, n)
			}
		}
		if ln := localZipNames(data); len(ln) > 0 && ln[0] == "mimetype" {
			names = append([]string{"mimetype"}, names...)
		}
	}
	var ct, word, xl, ppt, macro, manifest, android, odf, dex bool
	for i, n := range names {
		switch {
		case n == "[Content_Types].xml":
			ct = true
		case strings.HasPrefix(n, "word/"):
			word = true
		case strings.HasPrefix(n, "xl/"):
			xl = true
		case strings.HasPrefix(n, "ppt/"):
			ppt = true
		case n == "META-INF/MANIFEST.MF":
			manifest = true
		case n == "AndroidManifest.xml":
			android = true
		case n == "classes.dex":
			dex = true
		case i == 0 && n == "mimetype":
			odf = true
		}
		if strings.HasSuffix(strings.ToLower(n), "vbaproject.bin") {
			macro = true
		}
	}
	switch {
	case ct && macro:
		return TypeOOXMLMacro
	case ct && word:
		return TypeDOCX
	case ct && xl:
		return TypeXLSX
	case ct && ppt:
		return TypePPTX
	case android || dex:
		return TypeAPK
	case manifest:
		return TypeJAR
	case odf:
		return TypeODF
	}
	return TypeZIP
}

// localZipNames walks local file headers (for zips whose central directory
// is missing or damaged).
func localZipNames(data []byte) []string {
	var names []string
	for off := 0; off+30 <= len(data) && len(names) < 1000; {
		if string(data[off:off+4]) != "PK\x03\x04" {
			break
		}
		csize := int(binary.LittleEndian.Uint32(data[off+18:]))
		nlen := int(binary.LittleEndian.Uint16(data[off+26:]))
		elen := int(binary.LittleEndian.Uint16(data[off+28:]))
		if off+30+nlen > len(data) {
			break
		}
		names = append(names, string(data[off+30:off+30+nlen]))
		next := off + 30 + nlen + elen + csize
		if next <= off || csize == 0 {
			break
		}
		off = next
	}
	return names
}

func ftypType(h []byte) string {
	if len(h) < 12 {
		return TypeUnknown
	}
	brand := string(h[8:12])
	switch {
	case brand == "qt  ":
		return TypeMOV
	case brand == "M4A " || brand == "M4B " || brand == "M4P " || brand == "F4A ":
		return TypeM4A
	case brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1" || brand == "heis" || brand == "hevc":
		return TypeHEIC
	case brand == "avif" || brand == "avis":
		return TypeAVIF
	case strings.HasPrefix(brand, "3g"):
		return Type3GP
	case brand == "crx ":
		return TypeUnknown
	}
	return TypeMP4
}

// textType classifies data that has no magic number: scripts and HTML
// that run when opened are told from plain text.
func textType(data []byte) string {
	h := data[:min(len(data), 4096)]
	// UTF-16 text (PowerShell and VBS often are): drop the zero bytes.
	if len(h) >= 2 && ((h[0] == 0xff && h[1] == 0xfe) || (h[0] == 0xfe && h[1] == 0xff)) {
		h = bytes.ReplaceAll(h[2:], []byte{0}, nil)
	}
	h = bytes.TrimPrefix(h, []byte("\xef\xbb\xbf"))
	if !looksText(h) {
		return TypeUnknown
	}
	l := bytes.ToLower(bytes.TrimSpace(h))
	has := func(s string) bool { return bytes.Contains(l, []byte(s)) }
	starts := func(s string) bool { return bytes.HasPrefix(l, []byte(s)) }
	switch {
	case starts("<!doctype html"), starts("<html"), starts("<head"), starts("<body"), starts("<script"),
		starts("<iframe"), has("<script"), has("<hta:application"), has("<meta http-equiv=\"refresh\""),
		has("<form") && has("password"):
		return TypeHTML
	case starts("<svg") || (starts("<?xml") && has("<svg")):
		if has("<script") || has("javascript:") || has(" onload=") || has(" onclick=") || has("<foreignobject") {
			return TypeHTML
		}
		return TypeSVG
	case starts("windows registry editor"), starts("regedit4"):
		return TypeRegistry
	case starts("@echo off"), has("\ncmd /c"), has("cmd.exe /c"), starts("rem ") && has("\nset "):
		return TypeBatch
	case has("invoke-expression"), has("iex("), has("iex ("), has("downloadstring("), has("-encodedcommand"),
		has("new-object net.webclient"), has("start-process"), has("invoke-webrequest"), has("set-executionpolicy"),
		has("$env:") && has("powershell"):
		return TypePowerShell
	case has("activexobject"), has("eval(") && (has("function") || has("var ")), has("document.write("),
		has("window.location") && has("function"), starts("function ") && has("{"), has("wscript.") && has("var "),
		starts("var ") && has(";") && has("("), starts("const ") && has("=>"), has("require(\"child_process\")"):
		return TypeJS
	case has("wscript.shell"), has("createobject(") && (has("dim ") || has("set ")), has("wscript.createobject"),
		starts("on error resume next"):
		return TypeVBS
	case starts("<?xml"):
		return TypeXML
	}
	return TypeText
}

// looksText reports whether b is UTF-8 (or Latin-1) text without control
// characters other than whitespace.
func looksText(b []byte) bool {
	if len(b) == 0 {
		return true
	}
	bad := 0
	for i := 0; i < len(b); {
		c := b[i]
		if c < 0x80 {
			if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != 0x1b {
				bad++
			}
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			if len(b)-i < 4 && i > len(b)-4 { // a rune cut by the 4 KiB window
				break
			}
			if c < 0xa0 {
				bad++
			}
		}
		i += n
	}
	return bad*100 <= len(b)
}

// extClass maps file extensions to what the name claims.
var extClass = map[string]typeClass{
	"pdf": classDocument, "doc": classMacro, "docx": classDocument, "xls": classMacro, "xlsx": classDocument,
	"ppt": classMacro, "pptx": classDocument, "odt": classDocument, "ods": classDocument, "odp": classDocument,
	"rtf": classDocument, "docm": classMacro, "xlsm": classMacro, "pptm": classMacro, "dotm": classMacro,
	"png": classImage, "jpg": classImage, "jpeg": classImage, "gif": classImage, "webp": classImage, "bmp": classImage,
	"tif": classImage, "tiff": classImage, "heic": classImage, "heif": classImage, "avif": classImage, "svg": classImage,
	"mp4": classVideo, "mov": classVideo, "m4v": classVideo, "webm": classVideo, "mkv": classVideo, "avi": classVideo,
	"3gp": classVideo, "ogv": classVideo, "mp3": classAudio, "m4a": classAudio, "ogg": classAudio, "oga": classAudio,
	"opus": classAudio, "wav": classAudio, "flac": classAudio, "mid": classAudio, "midi": classAudio,
	"txt": classText, "csv": classText, "md": classText, "xml": classText, "json": classText, "ics": classText, "vcf": classText,
	"zip": classArchive, "rar": classArchive, "7z": classArchive, "gz": classArchive, "tgz": classArchive,
	"bz2": classArchive, "xz": classArchive, "tar": classArchive, "iso": classArchive, "img": classArchive,
	"cab": classArchive, "zst": classArchive,
	"exe": classExecutable, "dll": classExecutable, "scr": classExecutable, "com": classExecutable, "msi": classExecutable,
	"pif": classExecutable, "cpl": classExecutable, "jar": classExecutable, "apk": classExecutable, "app": classExecutable,
	"dmg": classExecutable, "elf": classExecutable, "bin": classExecutable, "lnk": classExecutable, "sys": classExecutable,
	"msix": classExecutable, "appx": classExecutable, "deb": classExecutable, "rpm": classExecutable,
	"js": classScript, "jse": classScript, "vbs": classScript, "vbe": classScript, "wsf": classScript, "wsh": classScript,
	"ps1": classScript, "psm1": classScript, "bat": classScript, "cmd": classScript, "sh": classScript, "bash": classScript,
	"py": classScript, "pl": classScript, "rb": classScript, "php": classScript, "hta": classScript, "html": classScript,
	"htm": classScript, "xhtml": classScript, "mht": classScript, "reg": classScript, "scf": classScript,
	"url": classScript, "desktop": classScript, "command": classScript,
}

var classNamesFR = map[typeClass]string{
	classUnknown: "inconnu", classDocument: "document", classImage: "image", classVideo: "vidéo",
	classAudio: "audio", classText: "texte", classArchive: "archive", classExecutable: "exécutable",
	classScript: "script", classMacro: "document à macros",
}

// compatible reports whether a detected class is what a claimed class may
// honestly contain.
func compatible(claimed, detected typeClass) bool {
	if claimed == detected {
		return true
	}
	switch claimed {
	case classMacro:
		return detected == classDocument // .doc saved as OOXML, .docm without macros
	case classDocument:
		return detected == classText || detected == classMacro // csv/rtf-like, .doc renamed .docx
	case classAudio:
		return detected == classVideo // .m4a/.ogg are often containers detected as video
	case classVideo:
		return detected == classAudio
	}
	return false
}
