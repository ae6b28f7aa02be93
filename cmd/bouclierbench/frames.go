package main

import (
	"cmp"
	"database/sql"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	_ "modernc.org/sqlite" // registers "sqlite", for dbstat
)

// A SQLite commit writes one WAL frame (a 24-byte header and a page) for
// every page the transaction changed, and the write path's cost follows
// the number of frames. --frames copies Bouclier's database and its WAL
// in the middle of each of its rounds and reports, from those copies, how
// many frames a commit wrote to each table and index.

// walSnapshot copies the database at dbPath and its WAL into dir/NAME.db
// and dir/NAME.db-wal: the database first, then the WAL, whose frames
// supersede the pages a checkpoint may have been writing meanwhile.
func walSnapshot(dbPath, dir, name string) error {
	if err := copyFile(dbPath, filepath.Join(dir, name+".db")); err != nil {
		return err
	}
	return copyFile(dbPath+"-wal", filepath.Join(dir, name+".db-wal"))
}

func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(to)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	return out.Close()
}

// walFrame is one frame's header: the page it carries and, for the last
// frame of a commit, the database's size in pages (0 otherwise).
type walFrame struct {
	page   uint32
	commit uint32
}

// walFrames returns the frames of the WAL's current generation: those
// carrying the salts of its header, from the start up to the first frame
// of an older generation (a WAL restarted after a checkpoint is written
// over from its start).
func walFrames(wal []byte) ([]walFrame, error) {
	if len(wal) < 32 {
		return nil, errors.New("WAL shorter than its header")
	}
	pageSize := int(binary.BigEndian.Uint32(wal[8:12]))
	if pageSize == 1 {
		pageSize = 65536
	}
	if pageSize < 512 {
		return nil, fmt.Errorf("WAL page size %d", pageSize)
	}
	salt1, salt2 := binary.BigEndian.Uint32(wal[16:20]), binary.BigEndian.Uint32(wal[20:24])
	var out []walFrame
	for off := 32; off+24+pageSize <= len(wal); off += 24 + pageSize {
		h := wal[off : off+24]
		if binary.BigEndian.Uint32(h[8:12]) != salt1 || binary.BigEndian.Uint32(h[12:16]) != salt2 {
			break
		}
		out = append(out, walFrame{page: binary.BigEndian.Uint32(h[0:4]), commit: binary.BigEndian.Uint32(h[4:8])})
	}
	// Frames after the last commit belong to no transaction yet.
	for len(out) > 0 && out[len(out)-1].commit == 0 {
		out = out[:len(out)-1]
	}
	return out, nil
}

// frameCounts adds, for the snapshot dir/NAME, the frames of each table
// or index (by name) to counts and returns the number of commits. The
// page numbers are named through the copy opened with its WAL, so that
// pages allocated since the last checkpoint are named too.
func frameCounts(dir, name string, counts map[string]int) (int, error) {
	wal, err := os.ReadFile(filepath.Join(dir, name+".db-wal"))
	if err != nil {
		return 0, err
	}
	frames, err := walFrames(wal)
	if err != nil {
		return 0, err
	}
	db, err := sql.Open("sqlite", "file:"+filepath.Join(dir, name+".db"))
	if err != nil {
		return 0, err
	}
	defer db.Close()
	rows, err := db.Query(`SELECT name, pageno FROM dbstat`)
	if err != nil {
		return 0, fmt.Errorf("dbstat: %w", err)
	}
	defer rows.Close()
	names := map[uint32]string{}
	for rows.Next() {
		var n string
		var p uint32
		if err := rows.Scan(&n, &p); err != nil {
			return 0, err
		}
		names[p] = n
	}
	if err := rows.Err(); err != nil {
		return 0, err
	}
	commits := 0
	for _, f := range frames {
		n, ok := names[f.page]
		if !ok {
			n = "(free or unnamed pages)"
		}
		counts[n]++
		if f.commit != 0 {
			commits++
		}
	}
	return commits, nil
}

// printFrames reports the frames per commit of the snapshots taken.
func printFrames(dir string, names []string) {
	counts := map[string]int{}
	commits := 0
	for _, n := range names {
		c, err := frameCounts(dir, n, counts)
		if err != nil {
			fmt.Printf("frames: snapshot %s: %v\n", n, err)
			continue
		}
		commits += c
	}
	if commits == 0 {
		fmt.Println("frames: no commit in the snapshots")
		return
	}
	type row struct {
		name string
		n    int
	}
	var rows []row
	total := 0
	for n, c := range counts {
		rows = append(rows, row{n, c})
		total += c
	}
	slices.SortFunc(rows, func(a, b row) int { return cmp.Or(cmp.Compare(b.n, a.n), cmp.Compare(a.name, b.name)) })
	fmt.Printf("\nbouclier WAL frames, mid-round copies: %d commits, %.1f frames a commit\n", commits, float64(total)/float64(commits))
	for _, r := range rows {
		if float64(r.n)/float64(commits) < 0.05 {
			continue
		}
		fmt.Printf("  %6.1f  %s\n", float64(r.n)/float64(commits), r.name)
	}
}
