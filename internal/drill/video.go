package drill

import (
	"encoding/binary"
	"math/rand/v2"
	"time"
)

// clip returns a minimal MP4 of the given duration and frame size, as a
// phone or a re-encoding script writes its headers (ftyp, moov with mvhd
// and one video track's tkhd), with random media data: what the
// detector reads of a video is its duration and shape (media.Describe),
// and no two copies share a byte.
func clip(r *rand.Rand, d time.Duration, w, h int) []byte {
	const scale = 1000
	mvhd := make([]byte, 100)
	binary.BigEndian.PutUint32(mvhd[12:], scale)
	binary.BigEndian.PutUint32(mvhd[16:], uint32(d.Milliseconds()))
	tkhd := make([]byte, 84)
	binary.BigEndian.PutUint32(tkhd[76:], uint32(w)<<16)
	binary.BigEndian.PutUint32(tkhd[80:], uint32(h)<<16)
	data := make([]byte, 2048)
	for i := range data {
		data[i] = byte(r.IntN(256))
	}
	out := mp4Box("ftyp", []byte("isom\x00\x00\x02\x00isomiso2mp41"))
	out = append(out, mp4Box("moov", mp4Box("mvhd", mvhd), mp4Box("trak", mp4Box("tkhd", tkhd)))...)
	return append(out, mp4Box("mdat", data)...)
}

// mp4Box builds an MP4 box of a type and its parts.
func mp4Box(typ string, parts ...[]byte) []byte {
	var body []byte
	for _, p := range parts {
		body = append(body, p...)
	}
	b := binary.BigEndian.AppendUint32(nil, uint32(8+len(body)))
	return append(append(b, typ...), body...)
}

// waveClip is one copy of the wave's video (the beheading video of
// March 2024, about 38 s): each copy trimmed at both ends and cropped
// to a frame of its own by the attackers' script, so that no two copies
// share a duration to the second or an aspect ratio.
func waveClip(r *rand.Rand) []byte {
	d := 38*time.Second - time.Duration(r.IntN(14000))*time.Millisecond
	return clip(r, d, 480+r.IntN(800), 480+r.IntN(800))
}

// showClip is a parent's own clip of the school show: a phone's frame
// (portrait or landscape, 1080p or 720p) and a length of its own.
func showClip(r *rand.Rand) []byte {
	f := [][2]int{{1080, 1920}, {1920, 1080}, {720, 1280}, {1280, 720}}[r.IntN(4)]
	return clip(r, 12*time.Second+time.Duration(r.IntN(80000))*time.Millisecond, f[0], f[1])
}
