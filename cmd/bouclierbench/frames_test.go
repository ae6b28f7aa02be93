package main

import (
	"encoding/binary"
	"slices"
	"testing"
)

// TestWALFrames: only the current generation's committed frames are
// read; a frame left from an older generation ends them, and frames after
// the last commit are not counted.
func TestWALFrames(t *testing.T) {
	const pageSize = 512
	header := make([]byte, 32)
	binary.BigEndian.PutUint32(header[8:12], pageSize)
	binary.BigEndian.PutUint32(header[16:20], 7) // salts of the current generation
	binary.BigEndian.PutUint32(header[20:24], 9)
	frame := func(page, commit, salt1, salt2 uint32) []byte {
		f := make([]byte, 24+pageSize)
		binary.BigEndian.PutUint32(f[0:4], page)
		binary.BigEndian.PutUint32(f[4:8], commit)
		binary.BigEndian.PutUint32(f[8:12], salt1)
		binary.BigEndian.PutUint32(f[12:16], salt2)
		return f
	}
	wal := slices.Concat(header,
		frame(3, 0, 7, 9), frame(5, 10, 7, 9), // a commit of two pages
		frame(4, 12, 7, 9), // a commit of one page
		frame(6, 0, 7, 9),  // a transaction still being written
		frame(8, 12, 6, 9), // an older generation's frame
		frame(2, 12, 7, 9)) // after it: not read
	got, err := walFrames(wal)
	if err != nil {
		t.Fatal(err)
	}
	want := []walFrame{{3, 0}, {5, 10}, {4, 12}}
	if !slices.Equal(got, want) {
		t.Fatalf("frames %v, want %v", got, want)
	}
	if _, err := walFrames(header[:20]); err == nil {
		t.Fatal("a truncated header was read")
	}
}
