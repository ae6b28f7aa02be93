package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"time"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/directory"
	"github.com/bouclier/bouclier/internal/rules"
	"github.com/bouclier/bouclier/internal/store"
)

// nowFunc is the clock of the commands; tests may replace it.
var nowFunc = time.Now

func runPolicy(ctx context.Context, args []string, env Env) error {
	const use = "Usage: bouclier policy explain --user NAME [--at RFC3339] [--data DIR] [--database URL] [--json]\n       bouclier policy apply --preset circular-2024|disconnect-2025|open [--scope SCOPE] [--data DIR] [--database URL]"
	switch {
	case len(args) == 0:
		fmt.Fprintln(env.Stderr, use)
		return errUsage
	case args[0] == "-h" || args[0] == "--help":
		fmt.Fprintln(env.Stderr, use)
		return nil
	case args[0] == "explain":
		return runPolicyExplain(ctx, args[1:], env)
	case args[0] == "apply":
		return runPolicyApply(ctx, args[1:], env)
	}
	return fmt.Errorf("unknown subcommand %q (want explain or apply)", args[0])
}

func openRules(ctx context.Context, cfg config.Config) (*store.DB, *rules.Service, error) {
	db, err := store.Open(ctx, store.Config{DataDir: cfg.DataDir, DatabaseURL: cfg.DatabaseURL, MustExist: true})
	if err != nil {
		return nil, nil, err
	}
	rs, err := rules.New(db, directory.New(db), operator{}, nowFunc, slog.New(slog.NewTextHandler(io.Discard, nil)))
	if err != nil {
		db.Close()
		return nil, nil, err
	}
	return db, rs, nil
}

func runPolicyExplain(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("policy explain", "--user NAME [--at RFC3339] [--data DIR] [--database URL] [--json]", env)
	flags := config.Register(fs, false)
	user := fs.String("user", "", "username")
	at := fs.String("at", "", "instant to explain, RFC 3339 (default: now)")
	asJSON := fs.Bool("json", false, `print {"send", "receive", "reason", "until"}`)
	if err := parse(fs, args); err != nil {
		return err
	}
	if *user == "" {
		return errors.New("--user is required")
	}
	when := nowFunc()
	if *at != "" {
		t, err := time.Parse(time.RFC3339, *at)
		if err != nil {
			return fmt.Errorf("--at %q: want RFC 3339, like 2026-03-18T23:30:00+01:00", *at)
		}
		when = t
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	db, rs, err := openRules(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	u, err := db.UserByName(ctx, *user)
	if errors.Is(err, store.ErrNotFound) {
		return fmt.Errorf("no user %q", *user)
	}
	if err != nil {
		return err
	}
	e, err := rs.Explain(ctx, u, when)
	if err != nil {
		return err
	}
	if *asJSON {
		return json.NewEncoder(env.Stdout).Encode(e)
	}
	yes := map[bool]string{true: "oui", false: "non"}
	fmt.Fprintf(env.Stdout, "%s (%s) le %s\n  envoyer : %s\n  recevoir : %s\n  pourquoi : %s\n", u.Username, u.Role, when.Format(time.RFC3339), yes[e.Send], yes[e.Receive], e.Reason)
	if e.Until != nil {
		fmt.Fprintf(env.Stdout, "  jusqu'à : %s\n", e.Until.Format(time.RFC3339))
	} else {
		fmt.Fprintln(env.Stdout, "  jusqu'à : pas de changement prévu")
	}
	return nil
}

func runPolicyApply(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("policy apply", "--preset NAME [--scope SCOPE] [--data DIR] [--database URL]", env)
	flags := config.Register(fs, false)
	preset := fs.String("preset", "", "circular-2024, disconnect-2025 or open")
	scope := fs.String("scope", "national", "national, academie:ID or establishment:UAI")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	db, rs, err := openRules(ctx, cfg)
	if err != nil {
		return err
	}
	defer db.Close()
	if err := rs.ApplyPreset(ctx, bouclier.SystemActor("cli"), *preset, *scope); err != nil {
		return err
	}
	fmt.Fprintf(env.Stdout, "Préréglage %s appliqué à %s.\n", *preset, *scope)
	return nil
}

// operator authorizes the commands run on the server's machine by its
// operator: they act as the system actor, and nothing else reaches them.
type operator struct{}

func (operator) Authorize(_ context.Context, a bouclier.Actor, action string, _ bouclier.Privilege, _ string) error {
	if a.IsSystem() {
		return nil
	}
	return fmt.Errorf("%s: only the operator's commands act here", action)
}
