package server

import (
	"context"
	"fmt"
	"log/slog"

	"github.com/bouclier/bouclier/internal/national"
)

// openNational joins the national shield the configuration names
// (internal/national): the campaign detector reads the national picture
// and shares its own.
func openNational(path string, a *App, log *slog.Logger) (*national.Node, error) {
	cfg, err := national.Load(path)
	if err != nil {
		return nil, err
	}
	n, err := national.New(cfg, a.DB, a.Campaign, a.Rules, a.Now, log)
	if err != nil {
		return nil, fmt.Errorf("national shield: %w", err)
	}
	a.Campaign.SetPeers(n)
	return n, nil
}

// startNational connects the node, if any; a deployment whose NATS is
// unreachable works alone meanwhile. It returns the function stopping it.
func (a *App) startNational(ctx context.Context) func() {
	if a.National == nil {
		return func() {}
	}
	if err := a.National.Start(ctx); err != nil {
		a.Log.Error("national shield", "err", err)
		return func() {}
	}
	return a.National.Close
}
