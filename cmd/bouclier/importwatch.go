package main

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/store"
)

// watchInterval is how often --watch looks at its directory by default.
const watchInterval = time.Minute

// watchDir imports the file sets dropped in dir: when the files present
// (hidden ones and *.part, *.tmp aside) have kept their size since the
// last look, they are imported together as one file set, in name order,
// then moved to dir/done/STAMP/ or dir/failed/STAMP/ with a report.txt.
// Each import's report, or its failure, goes to the audit trail. With once,
// it imports what dir holds and returns (an error if that failed).
func watchDir(ctx context.Context, db *store.DB, dir string, interval time.Duration, once bool, o importer.Options, env Env) error {
	for _, sub := range []string{"done", "failed"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o750); err != nil {
			return fmt.Errorf("watch: %w", err)
		}
	}
	if interval <= 0 {
		interval = watchInterval
	}
	prev := map[string]int64{}
	for {
		files, sizes, err := pendingFiles(dir)
		if err != nil {
			return err
		}
		stable := len(files) > 0
		for _, f := range files {
			if s, ok := prev[f]; !once && (!ok || s != sizes[f]) {
				stable = false
			}
		}
		prev = sizes
		if stable {
			err := importSet(ctx, db, dir, files, o, env)
			if once {
				return err
			}
			if err != nil {
				fmt.Fprintln(env.Stderr, "bouclier import:", err)
			}
			prev = map[string]int64{}
		} else if once {
			fmt.Fprintln(env.Stdout, "Aucun fichier à importer.")
			return nil
		}
		select {
		case <-ctx.Done():
			return nil
		case <-time.After(interval):
		}
	}
}

// pendingFiles lists the files waiting in dir, by name, with their sizes.
func pendingFiles(dir string) ([]string, map[string]int64, error) {
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, nil, fmt.Errorf("watch: %w", err)
	}
	var files []string
	sizes := map[string]int64{}
	for _, e := range entries {
		n := e.Name()
		if !e.Type().IsRegular() || strings.HasPrefix(n, ".") || strings.HasSuffix(n, ".part") || strings.HasSuffix(n, ".tmp") {
			continue
		}
		info, err := e.Info()
		if err != nil {
			return nil, nil, fmt.Errorf("watch: %w", err)
		}
		files = append(files, filepath.Join(dir, n))
		sizes[filepath.Join(dir, n)] = info.Size()
	}
	sort.Strings(files)
	return files, sizes, nil
}

// importSet imports one file set and files it under done/ or failed/.
func importSet(ctx context.Context, db *store.DB, dir string, files []string, o importer.Options, env Env) error {
	now := o.Now()
	rep, err := importer.Import(ctx, db, fileSources(files), o)
	if errors.Is(err, importer.ErrBusy) {
		return err // the files stay for the next look
	}
	sub, text := "done", "Import terminé\u00a0: "+rep.String()+"\n"
	if err != nil {
		sub, text = "failed", "Import refusé\u00a0: "+err.Error()+"\n"
		detail := err.Error()
		if len(detail) > 500 {
			detail = detail[:500]
		}
		aerr := db.InTx(ctx, func(tx *store.Tx) error {
			return audit.Append(ctx, tx, audit.Entry{At: o.Now(), Actor: o.Actor, Action: "directory.import.failed", Target: "directory",
				Scope: "national", Detail: detail})
		})
		if aerr != nil {
			return fmt.Errorf("%w (audit: %v)", err, aerr)
		}
	}
	dest := filepath.Join(dir, sub, now.UTC().Format("20060102T150405.000Z"))
	if merr := os.MkdirAll(dest, 0o750); merr != nil {
		return fmt.Errorf("watch: %w", merr)
	}
	for _, f := range files {
		if merr := os.Rename(f, filepath.Join(dest, filepath.Base(f))); merr != nil {
			return fmt.Errorf("watch: %w", merr)
		}
	}
	if werr := os.WriteFile(filepath.Join(dest, "report.txt"), []byte(text), 0o640); werr != nil {
		return fmt.Errorf("watch: %w", werr)
	}
	fmt.Fprint(env.Stdout, text)
	return err
}
