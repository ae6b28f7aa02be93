package main

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/store"
)

func runImport(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("import", "[--data DIR] [--database URL] FILE.csv…", env)
	flags := config.Register(fs, false)
	if err := parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return fmt.Errorf("no file given (bouclier import --help)")
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	var b importer.Batch
	for _, name := range fs.Args() {
		f, err := os.Open(name)
		if err != nil {
			return err
		}
		err = importer.ReadCSV(name, f, &b)
		f.Close()
		if err != nil {
			return err
		}
	}
	db, err := store.Open(ctx, store.Config{DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL})
	if err != nil {
		return err
	}
	defer db.Close()
	bar := progressBar(env)
	if err := importer.Apply(ctx, db, &b, "import", nowFunc(), bar); err != nil {
		if bar != nil {
			fmt.Fprintln(env.Stderr)
		}
		return err
	}
	if bar != nil {
		fmt.Fprintln(env.Stderr)
	}
	fmt.Fprintf(env.Stdout, "Import terminé : %d enregistrements.\n", b.Size())
	return nil
}

// progressBar returns a progress callback drawing on stderr when stderr is
// a terminal, nil otherwise.
func progressBar(env Env) func(done, total int) {
	f, ok := env.Stderr.(*os.File)
	if !ok {
		return nil
	}
	if st, err := f.Stat(); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		return nil
	}
	return func(done, total int) {
		const width = 40
		n := width * done / max(total, 1)
		fmt.Fprintf(f, "\r[%s%s] %d/%d", strings.Repeat("#", n), strings.Repeat(" ", width-n), done, total)
	}
}
