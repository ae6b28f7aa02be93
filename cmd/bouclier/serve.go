package main

import (
	"context"

	"github.com/bouclier/bouclier/internal/config"
	"github.com/bouclier/bouclier/internal/server"
)

func runServe(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("serve", "[--config FILE] [--addr A] [--data DIR] [--database URL] [--trusted-proxies CIDRS] [--tls-cert FILE --tls-key FILE] [--ops-addr A] [--memory-limit SIZE]", env)
	flags := config.Register(fs, true).WithMemoryLimit()
	if err := parse(fs, args); err != nil {
		return err
	}
	cfg, err := flags.Load(env.Getenv)
	if err != nil {
		return err
	}
	defer applyMemoryLimit(cfg)()
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
	return app.Serve(ctx, env.Ready)
}
