package main

import (
	"context"
	"fmt"

	"github.com/bouclier/bouclier"
	"github.com/bouclier/bouclier/internal/auth"
	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/demo"
	"github.com/bouclier/bouclier/internal/server"
)

func runDemo(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("demo", "[--addr A] [--data DIR] [--database URL] [--demo-password PW] [--demo-totp-secret B32] [--policy circular-2024|open] [--memory-limit SIZE]", env)
	flags := config.Register(fs, false).WithMemoryLimit()
	password := fs.String("demo-password", "", "password of every demo account (random when empty)")
	secret := fs.String("demo-totp-secret", "", "base32 TOTP `secret` enrolled for every account that needs a second factor")
	policy := fs.String("policy", "circular-2024", "messaging rules to start with: circular-2024 or open")
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	defer applyMemoryLimit(cfg)()
	if *policy != "circular-2024" && *policy != "open" {
		return fmt.Errorf("--policy %q: want circular-2024 or open", *policy)
	}
	if *secret != "" && !auth.ValidTOTPSecret(*secret) {
		return fmt.Errorf("--demo-totp-secret: not a base32 secret")
	}
	if *password == "" {
		if *password, err = demo.RandomPassword(); err != nil {
			return err
		}
	}
	// Local demo over http: __Host- cookies need https, so the demo uses a
	// plain HttpOnly SameSite cookie instead, unless it serves HTTPS itself.
	cfg.SecureCookie = cfg.TLSCert != ""
	stopPprof, err := startPprof(ctx, env)
	if err != nil {
		return err
	}
	defer stopPprof()
	log := newLogger(env.Stderr, cfg.LogFormat, cfg.LogLevel)
	app, err := server.Open(ctx, cfg, log, server.Options{})
	if err != nil {
		return err
	}
	defer app.Close()
	opts := demo.Options{Password: *password, TOTPSecret: *secret}
	created, err := demo.Create(ctx, app.DB, app.Auth.Hasher(), opts, app.Now())
	if err != nil {
		return fmt.Errorf("create demo: %w", err)
	}
	if created && *policy != "open" {
		if err := app.Rules.ApplyPreset(ctx, bouclier.SystemActor("demo"), *policy, "national"); err != nil {
			return fmt.Errorf("apply %s: %w", *policy, err)
		}
	}
	if created {
		fmt.Fprintf(env.Stdout, "Annuaire de démonstration créé ; règles de messagerie : %s.\n", *policy)
	} else {
		fmt.Fprintln(env.Stdout, "Annuaire existant conservé (le mot de passe ci-dessous ne vaut que pour un annuaire neuf).")
	}
	demo.Print(env.Stdout, opts)
	return app.Serve(ctx, func(addr string) {
		scheme := "http"
		if cfg.TLSCert != "" {
			scheme = "https"
		}
		fmt.Fprintf(env.Stdout, "\nBouclier écoute sur %s://%s (Ctrl-C pour arrêter)\n", scheme, addr)
		if env.Ready != nil {
			env.Ready(addr)
		}
	})
}
