package main

import (
	"context"
	"os"
	"path/filepath"

	"github.com/bouclier/bouclier/internal/screen"
	"github.com/bouclier/bouclier/internal/server"
	"github.com/bouclier/bouclier/internal/store"
)

func runScreen(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("screen", "[--data DIR] [--database URL] < messages.jsonl", env)
	data := fs.String("data", "", "data `directory` whose screening rules (blocklists, allowlists) to use; built-in rules when empty")
	dbURL := fs.String("database", "", "PostgreSQL `URL` whose screening rules to use")
	explain := fs.Bool("explain", false, "add to each output line an \"explain\" object: the learned layer's probabilities and strongest contributions")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg := screen.DefaultConfig()
	if *data != "" || *dbURL != "" {
		if *dbURL == "" {
			if _, err := os.Stat(filepath.Join(*data, "bouclier.db")); err != nil {
				return err
			}
		}
		db, err := store.Open(ctx, store.Config{DataDir: *data, DatabaseURL: *dbURL, MustExist: true})
		if err != nil {
			return err
		}
		cfg, err = server.ScreenConfig(ctx, db)
		db.Close()
		if err != nil {
			return err
		}
	}
	// RunJSONL buffers its output and flushes whenever input pauses, so an
	// interactive caller gets each answer at once.
	return screen.RunJSONLExplain(screen.New(cfg), env.Stdin, env.Stdout, *explain)
}
