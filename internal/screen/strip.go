package screen

import (
	"encoding/binary"
	"errors"
)

// ErrUnsupportedImage is returned by StripMetadata for data that is not a
// JPEG, PNG or WebP image; the data is returned unchanged with it.
var ErrUnsupportedImage = errors.New("screen: metadata stripping supports JPEG, PNG and WebP only")

// ErrMalformedImage is returned by StripMetadata when an image's structure
// cannot be walked; nothing is returned with it.
var ErrMalformedImage = errors.New("screen: malformed image")

// StripMetadata returns a copy of an image without the metadata that can
// locate or identify a child: EXIF (GPS, camera serial), XMP, IPTC and
// comments in JPEG (APP1, APP3–APP13, APP15, COM segments); tEXt, zTXt, iTXt,
// eXIf and tIME chunks in PNG; EXIF and XMP chunks in WebP. Pixels, colour
// profiles (ICC) and the JFIF/Adobe headers are kept. The type is read from
// the bytes, never from a name.
func StripMetadata(data []byte) ([]byte, error) {
	switch DetectType(data) {
	case TypeJPEG:
		return stripJPEG(data)
	case TypePNG:
		return stripPNG(data)
	case TypeWebP:
		return stripWebP(data)
	}
	return data, ErrUnsupportedImage
}

func stripJPEG(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data))
	out = append(out, 0xff, 0xd8)
	i := 2
	for {
		// Skip fill bytes before a marker.
		for i < len(data) && data[i] == 0xff && i+1 < len(data) && data[i+1] == 0xff {
			i++
		}
		if i+2 > len(data) || data[i] != 0xff {
			return nil, ErrMalformedImage
		}
		m := data[i+1]
		switch {
		case m == 0xd9: // EOI
			return append(out, 0xff, 0xd9), nil
		case m == 0x01 || (m >= 0xd0 && m <= 0xd7): // markers without length
			out = append(out, data[i:i+2]...)
			i += 2
			continue
		}
		if i+4 > len(data) {
			return nil, ErrMalformedImage
		}
		n := int(binary.BigEndian.Uint16(data[i+2:]))
		if n < 2 || i+2+n > len(data) {
			return nil, ErrMalformedImage
		}
		seg := data[i : i+2+n]
		if m == 0xda { // SOS: the entropy-coded rest is copied as is
			return append(out, data[i:]...), nil
		}
		keep := true
		switch {
		case m == 0xfe: // COM
			keep = false
		case m >= 0xe0 && m <= 0xef:
			switch m {
			case 0xe0, 0xee: // JFIF, Adobe (colour transform)
			case 0xe2: // ICC profile only; FlashPix and MPF go
				keep = n >= 14 && string(seg[4:15]) == "ICC_PROFILE"
			default: // APP1 EXIF/XMP, APP13 IPTC/Photoshop, others
				keep = false
			}
		}
		if keep {
			out = append(out, seg...)
		}
		i += 2 + n
	}
}

var pngDrop = map[string]bool{"tEXt": true, "zTXt": true, "iTXt": true, "eXIf": true, "tIME": true}

func stripPNG(data []byte) ([]byte, error) {
	out := make([]byte, 0, len(data))
	out = append(out, data[:8]...)
	for i := 8; ; {
		if i+12 > len(data) {
			return nil, ErrMalformedImage
		}
		n := binary.BigEndian.Uint32(data[i:])
		if n > 0x7fffffff || uint64(i)+12+uint64(n) > uint64(len(data)) {
			return nil, ErrMalformedImage
		}
		typ := string(data[i+4 : i+8])
		end := i + 12 + int(n)
		if !pngDrop[typ] {
			out = append(out, data[i:end]...)
		}
		if typ == "IEND" {
			return out, nil
		}
		i = end
	}
}

func stripWebP(data []byte) ([]byte, error) {
	if len(data) < 12 {
		return nil, ErrMalformedImage
	}
	out := make([]byte, 12, len(data))
	copy(out, data[:12])
	vp8x := -1
	for i := 12; i < len(data); {
		if i+8 > len(data) {
			return nil, ErrMalformedImage
		}
		typ := string(data[i : i+4])
		n := int(binary.LittleEndian.Uint32(data[i+4:]))
		size := 8 + n + n&1
		if n < 0 || n > len(data) || i+8+n > len(data) {
			return nil, ErrMalformedImage
		}
		if i+size > len(data) {
			size = len(data) - i
		}
		switch typ {
		case "EXIF", "XMP ":
		default:
			if typ == "VP8X" && n >= 1 {
				vp8x = len(out)
			}
			out = append(out, data[i:i+size]...)
		}
		i += size
	}
	if vp8x >= 0 {
		out[vp8x+8] &^= 0x08 | 0x04 // EXIF and XMP flags
	}
	binary.LittleEndian.PutUint32(out[4:], uint32(len(out)-8))
	return out, nil
}
