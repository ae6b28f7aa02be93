package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"text/tabwriter"

	"github.com/bouclier/bouclier/internal/drill"
)

// runDeployments runs the drill across deployments (drill --deployments N
// [--alone]) and prints a line per deployment.
func runDeployments(ctx context.Context, o drill.Options, n int, alone, asJSON bool, env Env) error {
	if n <= 0 {
		return errors.New("--alone goes with --deployments N")
	}
	if !asJSON {
		o.Progress = progressBar(env)
	}
	r, err := drill.RunDeployments(ctx, o, n, alone)
	if o.Progress != nil {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return err
	}
	if asJSON {
		b, _ := json.MarshalIndent(r, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
	} else {
		printDeployments(env, r)
	}
	if err := r.Targets(); err != nil {
		fmt.Fprintf(env.Stderr, "bouclier drill: objectifs non atteints : %s\n", oneLine(err.Error()))
		return exitCode(3)
	}
	return nil
}

func printDeployments(env Env, r drill.DeploymentsReport) {
	w := tabwriter.NewWriter(env.Stdout, 0, 0, 2, ' ', tabwriter.AlignRight)
	fmt.Fprintln(w, "déploiement\tacadémies\tétablissements\tcomptes piratés\tvague envoyée\tvisibles\tconfinement (s)\tincidents\tordinaires retenus\tsignaux publiés\treçus\trefusés\t")
	for _, d := range r.Deployments {
		fmt.Fprintf(w, "%s\t%d\t%d\t%d\t%d\t%d\t%.1f\t%d\t%d\t%d\t%d\t%d\t\n", d.Name, len(d.AcademieIDs), d.Establishments, d.HijackedAccounts, d.ThreatSent,
			d.EverVisible, d.ContainmentSeconds, d.Incidents, d.OrdinaryHeld+d.OrdinaryRecalled, d.Signals.Published, d.Signals.Received, d.Signals.Refused)
	}
	_ = w.Flush()
	mode := "partage des signaux par NATS JetStream (trois nœuds)"
	if r.Alone {
		mode = "sans partage (référence)"
	}
	fmt.Fprintf(env.Stdout, "Mode : %s. Durée d’un envoi : médiane %.1f ms, p95 %.1f ms, max %.1f ms (%d envois). Durée réelle : %.1f s\n",
		mode, r.SendMillis.Median, r.SendMillis.P95, r.SendMillis.Max, r.SendMillis.N, r.WallSeconds)
}
