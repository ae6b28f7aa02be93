package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/bouclier/bouclier/internal/audit"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/store"
)

func runAudit(ctx context.Context, args []string, env Env) error {
	const use = "Usage: bouclier audit verify [--data DIR] [--database URL]"
	switch {
	case len(args) == 0:
		fmt.Fprintln(env.Stderr, use)
		return errUsage
	case args[0] == "-h" || args[0] == "--help":
		fmt.Fprintln(env.Stderr, use)
		return nil
	case args[0] != "verify":
		return fmt.Errorf("unknown subcommand %q (want verify)", args[0])
	}
	fs := newFlagSet("audit verify", "[--data DIR] [--database URL]", env)
	flags := config.Register(fs, false)
	if err := parse(fs, args[1:]); err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	db, err := store.Open(ctx, store.Config{DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL, MustExist: true})
	if err != nil {
		return err
	}
	defer db.Close()
	n, err := audit.Verify(ctx, db)
	var broken *audit.Broken
	if errors.As(err, &broken) {
		fmt.Fprintf(env.Stdout, "BROKEN at chain %d entry %d: %s (%d entries checked before it)\n", broken.Chain, broken.Seq, broken.Reason, n)
		return exitCode(1)
	}
	if err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "OK: %d entries, every chain intact\n", n)
	return nil
}
