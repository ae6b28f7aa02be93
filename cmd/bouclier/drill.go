package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/bouclier/bouclier/internal/drill"
)

func runDrill(ctx context.Context, args []string, env Env) error {
	fs := newFlagSet("drill", "[--establishments N] [--academies N] [--accounts N] [--ordinary N] [--seed N] [--json] [--data DIR | --database URL] [--url URL [--speed X]]", env)
	def := drill.DefaultOptions()
	o := def
	fs.IntVar(&o.Establishments, "establishments", def.Establishments, "establishments in the directory")
	fs.IntVar(&o.Academies, "academies", def.Academies, "académies they are spread over")
	fs.IntVar(&o.Accounts, "accounts", def.Accounts, "hijacked accounts (two parents for one teacher)")
	fs.IntVar(&o.Ordinary, "ordinary", def.Ordinary, "ordinary messages during the ten minutes of the drill")
	fs.Uint64Var(&o.Seed, "seed", def.Seed, "seed of everything random: the same seed gives the same drill")
	asJSON := fs.Bool("json", false, "print the report as JSON")
	fs.StringVar(&o.DataDir, "data", "", "data directory of an empty store to run in (default: a temporary one, removed after); with --url, the running server's own")
	fs.StringVar(&o.DatabaseURL, "database", "", "postgres://… store instead of a data directory; with --url, the running server's own")
	fs.StringVar(&o.URL, "url", "", "replay against the running server at this URL (http://HOST:PORT), on its machine: the drill imports its directory into the server's store (--data or --database; the server's key from BOUCLIER_SECRET_KEY or DIR/secret.key), logs its accounts in over HTTP and sends the morning in real time")
	fs.Float64Var(&o.Speed, "speed", drill.DefaultSpeed, "with --url: simulated seconds per real second (the ten minutes of the morning in a minute at 10)")
	if err := parse(fs, args); err != nil {
		return err
	}
	if !*asJSON {
		o.Progress = progressBar(env)
	}
	r, err := drill.Run(ctx, o)
	if o.Progress != nil {
		fmt.Fprintln(env.Stderr)
	}
	if err != nil {
		return err
	}
	if *asJSON {
		b, _ := json.MarshalIndent(r, "", "  ")
		fmt.Fprintln(env.Stdout, string(b))
	} else {
		printDrill(env, r)
	}
	if err := r.Targets(); err != nil {
		fmt.Fprintf(env.Stderr, "bouclier drill: objectifs non atteints : %s\n", oneLine(err.Error()))
		return exitCode(3)
	}
	return nil
}

func printDrill(env Env, r drill.Report) {
	w := env.Stdout
	fmt.Fprintf(w, "Exercice : %d établissements, %d académies, %d comptes piratés.\n", r.Establishments, r.Academies, r.HijackedAccounts)
	fmt.Fprintf(w, "Messages de la vague tentés : %d ; acceptés : %d ; refusés (compte bloqué, second facteur) : %d\n", r.ThreatAttempts, r.ThreatSent, r.ThreatRefused)
	fmt.Fprintf(w, "Visibles à un moment dans une boîte : %d (%.2f %%) ; encore visibles à la fin : %d\n", r.EverVisible, r.EverVisiblePercent, r.StillVisible)
	fmt.Fprintf(w, "Confinement : %.1f s après le premier message (premier incident : %.1f s) ; incidents : %d\n", r.ContainmentSeconds, r.FirstIncidentSeconds, r.Incidents)
	fmt.Fprintf(w, "Comptes piratés bloqués : %d ; autres comptes bloqués : %d\n", r.HijackedLocked, r.OtherAccountsLocked)
	fmt.Fprintf(w, "Messages ordinaires : %d envoyés, %d retenus, %d différés, %d retirés, %d refusés (titulaires des comptes bloqués)\n",
		r.OrdinarySent, r.OrdinaryHeld, r.OrdinaryDelayed, r.OrdinaryRecalled, r.OrdinaryRefused)
	fmt.Fprintf(w, "Durée réelle : %.1f s\n", r.WallSeconds)
}
