package media

import (
	"encoding/binary"
	"errors"
	"fmt"
	"time"
)

// An MP4 or QuickTime file is a tree of boxes (size, type, content). The
// movie header (moov/mvhd) gives the duration, the track headers
// (moov/trak/tkhd) the dimensions; nothing else is read. The parser only
// walks the boxes it needs, never allocates from sizes read in the file
// and stops at maxBoxes boxes or maxDepth levels.

const (
	maxBoxes = 4096
	maxDepth = 6
)

var errMP4 = errors.New("media: malformed MP4")

// isMP4 reports whether data starts like an ISO base media file: a first
// box of a type such files start with.
func isMP4(data []byte) bool {
	if len(data) < 8 {
		return false
	}
	switch string(data[4:8]) {
	case "ftyp", "moov", "mdat", "wide", "free", "skip":
		return true
	}
	return false
}

// describeMP4 reads a video's duration and its largest track's
// dimensions.
func describeMP4(data []byte) (Info, error) {
	info := Info{Kind: Video, Format: "mp4"}
	boxes := 0
	found := false
	var walk func(b []byte, depth int) error
	walk = func(b []byte, depth int) error {
		if depth > maxDepth {
			return fmt.Errorf("%w: boxes nested over %d levels", errMP4, maxDepth)
		}
		for len(b) > 0 {
			boxes++
			if boxes > maxBoxes {
				return fmt.Errorf("%w: over %d boxes", errMP4, maxBoxes)
			}
			if len(b) < 8 {
				return fmt.Errorf("%w: truncated box header", errMP4)
			}
			size, typ, hdr := uint64(binary.BigEndian.Uint32(b)), string(b[4:8]), uint64(8)
			switch size {
			case 0: // to the end of the enclosing box
				size = uint64(len(b))
			case 1:
				if len(b) < 16 {
					return fmt.Errorf("%w: truncated large box", errMP4)
				}
				size, hdr = binary.BigEndian.Uint64(b[8:]), 16
			}
			if size < hdr || size > uint64(len(b)) {
				return fmt.Errorf("%w: box %q of %d bytes in %d", errMP4, typ, size, len(b))
			}
			body := b[hdr:size]
			switch typ {
			case "moov", "trak":
				if err := walk(body, depth+1); err != nil {
					return err
				}
			case "mvhd":
				d, err := movieDuration(body)
				if err != nil {
					return err
				}
				info.Duration, found = d, true
			case "tkhd":
				w, h, err := trackSize(body)
				if err != nil {
					return err
				}
				if w*h > info.Width*info.Height {
					info.Width, info.Height = w, h
				}
			}
			b = b[size:]
		}
		return nil
	}
	if err := walk(data, 0); err != nil {
		return Info{}, err
	}
	if !found {
		return Info{}, fmt.Errorf("%w: no movie header", errMP4)
	}
	return info, nil
}

// movieDuration reads mvhd: version 0 has 32-bit times, version 1 64-bit.
func movieDuration(b []byte) (time.Duration, error) {
	if len(b) < 4 {
		return 0, fmt.Errorf("%w: short mvhd", errMP4)
	}
	var scale, dur uint64
	switch b[0] {
	case 0:
		if len(b) < 20 {
			return 0, fmt.Errorf("%w: short mvhd", errMP4)
		}
		scale, dur = uint64(binary.BigEndian.Uint32(b[12:])), uint64(binary.BigEndian.Uint32(b[16:]))
	case 1:
		if len(b) < 32 {
			return 0, fmt.Errorf("%w: short mvhd", errMP4)
		}
		scale, dur = uint64(binary.BigEndian.Uint32(b[20:])), binary.BigEndian.Uint64(b[24:])
	default:
		return 0, fmt.Errorf("%w: mvhd version %d", errMP4, b[0])
	}
	if scale == 0 || dur/scale > 24*3600 {
		return 0, fmt.Errorf("%w: duration %d/%d", errMP4, dur, scale)
	}
	return time.Duration(dur) * time.Second / time.Duration(scale), nil
}

// trackSize reads tkhd's width and height (16.16 fixed point, the last
// eight bytes of the box).
func trackSize(b []byte) (int, int, error) {
	want := 84 // version 0
	if len(b) > 0 && b[0] == 1 {
		want = 96
	}
	if len(b) < want {
		return 0, 0, fmt.Errorf("%w: short tkhd", errMP4)
	}
	w, h := int(binary.BigEndian.Uint32(b[want-8:])>>16), int(binary.BigEndian.Uint32(b[want-4:])>>16)
	return w, h, nil
}
