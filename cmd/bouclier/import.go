package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/importer"
	"github.com/bouclier/bouclier/internal/store"
)

func runImport(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("import", "[--data DIR] [--database URL] [--academie ID] FILE.csv|FILE.xml… | --watch DIR", env)
	flags := config.Register(fs, false)
	academie := fs.String("academie", "", "académie of AAF establishments that do not name theirs (ENTServAcAcademie)")
	watch := fs.String("watch", "", "watch DIR for file sets to import (see README)")
	interval := fs.Duration("interval", watchInterval, "with --watch: how often DIR is looked at")
	once := fs.Bool("once", false, "with --watch: import what DIR holds, then stop")
	complete := fs.Bool("complete", false, "the files are a complete export: close the accounts of its establishments it no longer lists (AAF files named …_Complet_… are)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if *watch == "" && fs.NArg() == 0 {
		return fmt.Errorf("no file given (bouclier import --help)")
	}
	if *watch != "" && fs.NArg() > 0 {
		return fmt.Errorf("--watch takes no file arguments")
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	for _, name := range fs.Args() {
		if _, err := os.Stat(name); err != nil {
			return err
		}
	}
	db, err := store.Open(ctx, store.Config{DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL, Lean: true})
	if err != nil {
		return err
	}
	defer db.Close()
	o := importer.Options{Actor: "import", Now: nowFunc, Academie: *academie, Complete: *complete}
	if *watch != "" {
		return watchDir(ctx, db, *watch, *interval, *once, o, env)
	}
	bar := progressBar(env)
	o.Progress = bar
	rep, err := importer.Import(ctx, db, fileSources(fs.Args()), o)
	if bar != nil {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Import terminé\u00a0: %s\n", rep)
	return nil
}

// fileSources opens each named file when the import reaches it.
func fileSources(names []string) []importer.Source {
	out := make([]importer.Source, len(names))
	for i, name := range names {
		out[i] = importer.FileSource(name, func() (io.ReadCloser, error) { return os.Open(name) })
	}
	return out
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
